"""The trigger lexicon is data: a key given twice must fail loudly, not overwrite silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.detect.lexicon import LEXICON_FILE, load_lexicon, read_strict_yaml


def test_shipped_lexicon_has_no_repeated_key() -> None:
    data = read_strict_yaml(LEXICON_FILE)
    assert "throw" in data["verbs"]
    senses = {sense.type for sense in load_lexicon().verbs["throw"]}
    assert senses == {"SANCTION", "REJECT"}  # both meanings of "throw out" survive


def test_repeated_key_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(
        "verbs:\n  expel: SANCTION diplomatic\n  snub: REJECT offer\n  expel: ACCUSE blame\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"line 4: 'expel' is defined twice"):
        read_strict_yaml(path)

"""Statements, fourth part: speakers the tagger misreads, who counts as home politics, and
which words are about the other side. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_phrase, statements_in

DAY = dt.date(2024, 2, 6)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return statements_in(detector, text, day)


def test_a_lone_surname_the_tagger_takes_for_an_organisation_is_the_person(
    detector: Detector,
) -> None:
    text = (
        "Russia moved more missiles to its western border on Monday, and Washington protested.\n"
        '"This deployment is a test of NATO," said Sen. Tom Brandt (R-Ohio), a member of the '
        "Armed Services Committee.\n"
        '"Our defences in Poland are not aimed at Russia, and they know it," Brandt said.'
    )
    found = by_phrase(statements(detector, text), "not aimed at Russia")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom Brandt" and found[0].speaker.country == "USA"


def test_a_national_of_the_speakers_side_is_not_home_politics(detector: Detector) -> None:
    text = (
        "Russia freed an American teacher on Thursday in exchange for Ivan Volkov, the Russian "
        "arms dealer who had been serving a long sentence in the United States.\n"
        "Russia's Foreign Ministry confirmed the exchange in a statement, saying Volkov had been "
        '"brought back home" after long negotiations.'
    )
    found = by_phrase(statements(detector, text), "brought back home")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS"


def _imported_modules(module: str) -> set[str]:
    import ast
    import importlib.util

    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    with open(spec.origin, encoding="utf-8") as fp:
        tree = ast.parse(fp.read())
    return {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }


def test_positions_and_statements_share_found_without_a_cycle() -> None:
    assert "pipeline.detect.statements" not in _imported_modules("pipeline.detect.positions")
    found = _imported_modules("pipeline.detect.found")
    assert not found & {"pipeline.detect.statements", "pipeline.detect.positions"}
    assert "pipeline.detect.found" in _imported_modules("pipeline.detect.statements")

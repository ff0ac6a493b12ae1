"""The real-text gold set: a split drawn once and reproducible, and labels that hold up.

The article text lives in ../shared (as in CI); labels here point at it by id and anchor.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks import realset


def test_split_is_the_seeded_draw_and_parts_are_disjoint() -> None:
    stored = json.loads(realset.SPLIT_FILE.read_text(encoding="utf-8"))
    drawn = realset.draw_split(realset.load_articles())
    assert stored["tune"] == drawn["tune"] and stored["blind"] == drawn["blind"]
    assert not set(stored["tune"]) & set(stored["blind"])
    assert len(stored["blind"]) >= 100
    assert len(stored["tune"]) + len(stored["blind"]) >= 300


def test_every_label_file_is_valid() -> None:
    problems = realset.check()
    assert not problems, "\n".join(problems[:30])


def test_check_refuses_long_or_absent_anchors() -> None:
    article = {"text": "The Kremlin on Friday rejected the offer, Peskov said."}
    good = {
        "id": "x",
        "relevant": True,
        "events": [
            {"type": "REJECT", "source": "RUS", "target": "USA", "anchor": "rejected the offer"}
        ],
        "statements": [],
    }
    assert realset.check_label(good, article) == []
    long_anchor = dict(
        good,
        events=[
            dict(good["events"][0], anchor="The Kremlin on Friday rejected the offer, Peskov said.")
        ],
    )
    assert any("more than 8 words" in p for p in realset.check_label(long_anchor, article))
    absent = dict(good, events=[dict(good["events"][0], anchor="accepted the offer")])
    assert any("does not occur" in p for p in realset.check_label(absent, article))
    empty = dict(good, events=[])
    assert any("no required event" in p for p in realset.check_label(empty, article))


# Synthetic labels and texts (no article text): what `check` catches beyond anchors.
SYNTHETIC = {
    "text": (
        "The ministry called the new measures \u201cunfriendly.\u201d Washington had said the"
        ' talks were "useful" and "timely" and that the offer stays open. Lavrov said the offer'
        " stays open until May."
    )
}


def _label(events: list[dict[str, Any]], statements: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "x", "relevant": True, "events": events, "statements": statements}


def _event(kind: str, source: str, target: str, anchor: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "source": source, "target": target, "anchor": anchor, **extra}


def test_check_refuses_a_triple_listed_twice_and_reads_consult_unordered() -> None:
    once = _label([_event("ACCUSE", "RUS", "USA", "called the new measures")], [])
    assert realset.check_label(once, SYNTHETIC) == []
    twice = _label(
        [
            _event("ACCUSE", "RUS", "USA", "called the new measures"),
            _event("ACCUSE", "RUS", "USA", "the offer stays open", optional=True),
        ],
        [],
    )
    assert any(
        "ACCUSE RUS->USA is listed twice" in p for p in realset.check_label(twice, SYNTHETIC)
    )
    both_ways = _label(
        [
            _event("AGREE", "RUS", "USA", "the offer stays open"),
            _event("AGREE", "USA", "RUS", "the offer stays open"),
        ],
        [],
    )
    assert realset.check_label(both_ways, SYNTHETIC) == []
    consult = _label(
        [
            _event("CONSULT", "RUS", "USA", "the talks were"),
            _event("CONSULT", "USA", "RUS", "talks were useful", optional=True),
        ],
        [],
    )
    problems = realset.check_label(consult, SYNTHETIC)
    assert any("CONSULT RUS<->USA is listed twice" in p for p in problems)


def test_check_refuses_a_statement_listed_twice() -> None:
    said = {"side": "RUS", "speaker": "Lavrov", "key": "stays open until May"}
    assert realset.check_label(_label([], [said]), SYNTHETIC) == []
    again = dict(said, speaker="lavrov", key="Stays open  until May", optional=True)
    problems = realset.check_label(_label([], [said, again]), SYNTHETIC)
    assert any("is listed twice" in p for p in problems)
    other_speaker = dict(said, speaker="Foreign Ministry")
    assert realset.check_label(_label([], [said, other_speaker]), SYNTHETIC) == []


def test_check_allows_a_one_word_key_only_when_it_is_the_whole_quotation() -> None:
    def problems(key: str) -> list[str]:
        said = {"side": "USA", "speaker": "State Department", "key": key}
        return realset.check_label(_label([], [said]), SYNTHETIC)

    assert problems("useful") == []  # "useful"
    assert problems("unfriendly") == []  # curly marks, the full stop inside them
    assert problems("unfriendly.") == []
    assert any("fewer than 2 words" in p for p in problems("offer"))
    assert any("fewer than 2 words" in p for p in problems("and"))  # between two quotations
    assert problems("offer stays open") == []


def test_warnings_flag_keys_that_occur_more_than_once_without_failing() -> None:
    label = _label(
        [],
        [
            {"side": "RUS", "speaker": "Lavrov", "key": "offer stays open"},
            {"side": "RUS", "speaker": "Lavrov", "key": "until May"},
        ],
    )
    assert realset.check_label(label, SYNTHETIC) == []
    warnings = realset.label_warnings(label, SYNTHETIC)
    assert len(warnings) == 1
    assert "'offer stays open'" in warnings[0] and "occurs 2 times" in warnings[0]


def test_check_command_prints_warnings_on_stderr_and_keeps_ok_and_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fake_check(parts: object, warnings: list[str] | None = None) -> list[str]:
        if warnings is not None:
            warnings.append("tune/t0.jsonl:1: warning: statement key 'x y' occurs 2 times")
        return []

    monkeypatch.setattr(realset, "check", fake_check)
    assert realset.main(["check", "--part", "tune"]) == 0
    out, err = capsys.readouterr()
    assert out == "ok\n" and "warning:" in err
    monkeypatch.setattr(realset, "check", lambda parts, warnings=None: ["t0.jsonl:1: bad"])
    assert realset.main(["check", "--part", "tune"]) == 1
    assert capsys.readouterr().out == "t0.jsonl:1: bad\n"

"""The real-text gold set: a split drawn once and reproducible, and labels that hold up.

The article text lives in ../shared (as in CI); labels here point at it by id and anchor.
"""

from __future__ import annotations

import json

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

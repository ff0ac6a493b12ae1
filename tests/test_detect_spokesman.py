"""Speakers: a spokesperson introduced as "a spokesman for <a named leader>" speaks for that
leader's side, not for the spokesperson the story quoted before.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2016, 10, 4)

BEFORE = (
    "The State Department said Moscow had broken its word on the ceasefire in Aleppo."
    " “We have run out of patience,” department spokesman John Kirby said. "
)


def test_a_spokesman_for_the_other_sides_leader_speaks_for_that_side(
    detector: Detector,
) -> None:
    text = (
        BEFORE + "A spokesman for Russian President Vladimir Putin on Tuesday vowed to respond by"
        " expelling U.S. diplomats."
    )
    found = triples(detector, text)
    assert ("THREATEN", "RUS", "USA") in found
    assert ("THREATEN", "USA", "RUS") not in found


def test_the_spokesman_of_the_story_still_speaks_for_his_own_side(detector: Detector) -> None:
    text = BEFORE + "The spokesman on Tuesday vowed to respond by expelling Russian diplomats."
    found = triples(detector, text)
    assert ("THREATEN", "RUS", "USA") not in found


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)

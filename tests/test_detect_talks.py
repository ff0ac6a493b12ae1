"""Talks named in a setting phrase of a speech verb: the pair's when they name the other side
as the one talked with, a venue otherwise. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector

DAY = dt.date(2014, 3, 3)
LEAD = "Russia and the United States remain at odds over Ukraine.\n"


def consults(detector: Detector, sentence: str) -> list[tuple[str, str]]:
    events = detector.detect(LEAD + sentence, published=DAY).events
    return [(e.source.country, e.target.country) for e in events if e.type == "CONSULT"]


def test_a_call_to_the_other_side_in_a_speech_sentence_is_a_call(detector: Detector) -> None:
    found = consults(
        detector,
        "In a telephone call on Sunday to Foreign Minister Sergey Lavrov, Secretary of State "
        "John Kerry stressed that Ukraine's borders must be respected.",
    )
    assert found and set(found[0]) == {"USA", "RUS"}, found


def test_talks_with_the_other_side_before_a_speech_verb_are_talks(detector: Detector) -> None:
    found = consults(
        detector,
        "After a long meeting with Sergey Lavrov in Geneva, John Kerry told reporters the "
        "talks had been useful.",
    )
    assert found, found


def test_a_conference_call_with_reporters_is_only_a_venue(detector: Detector) -> None:
    found = consults(
        detector,
        "In a conference call with reporters, John Kerry said Russia must pull its troops back.",
    )
    assert not found, found

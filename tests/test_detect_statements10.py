"""A paraphrase of home talk in a story of home politics, and speakers of many voices (a
party, the community of intelligence agencies). The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2017, 1, 6)
PROBE = (
    "The Senate Intelligence Committee pressed ahead on Thursday with its Russia probe.\n"
    "Director of National Intelligence James Clapper told the committee that Russia had "
    "hacked Democratic Party emails to sway the election.\n"
    "Senators from both parties questioned him about the Russia investigation for three hours.\n"
)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_an_officials_home_paraphrase_in_a_home_story_is_no_statement(
    detector: Detector,
) -> None:
    # the story names Russia as the object of a home inquiry; the paraphrase names no side
    # and carries none of the pair's business: the home talk of the story
    text = PROBE + (
        "FBI Director James Comey said his agents would brief the senators again next month.\n"
        "Russia has denied any role in the hacking.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Comey", "brief the senators"), found
    # words that name the other side stay
    assert by_speaker(found, "Clapper", "Russia had hacked"), found


def test_a_bodys_home_paraphrase_in_a_home_story_is_no_statement(detector: Detector) -> None:
    text = PROBE + (
        "Afterwards, the White House said the president would read the full report over the "
        "weekend.\n"
        "Russia has denied any role in the hacking.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "White House", "read the full report"), found


def test_a_party_makes_no_statement(detector: Detector) -> None:
    text = (
        "The House Intelligence Committee pressed ahead on Thursday with its Russia probe.\n"
        "Republicans said Moscow could not be trusted and called for tougher sanctions on "
        "Russia.\n"
        "Russia has denied any role in the hacking.\n"
    )
    found = statements(detector, text)
    assert not [s for s in found if "Republicans" in s.speaker.name], found


def test_the_intelligence_agencies_make_no_statement(detector: Detector) -> None:
    # their findings are reported, as a party's words are many voices: no body speaks
    text = (
        "The House Intelligence Committee pressed ahead on Thursday with its Russia probe.\n"
        "U.S. intelligence agencies said that Russia ran a campaign to sway the election.\n"
        "Russia has denied any role in the hacking.\n"
    )
    found = statements(detector, text)
    assert not [s for s in found if "intelligence" in s.speaker.name], found


def test_an_analyst_speaks_for_no_side(detector: Detector) -> None:
    # "X, a foreign affairs analyst in Moscow": a place and a calling, no post of the state
    text = (
        "Russia and the United States traded accusations over Syria on Tuesday.\n"
        "Pyotr Volkonsky, a foreign affairs analyst in Moscow, told reporters that the "
        "American strikes would only harden the Kremlin's stance toward Washington.\n"
    )
    found = statements(detector, text, dt.date(2018, 4, 10))
    assert not by_speaker(found, "Volkonsky", "harden"), found

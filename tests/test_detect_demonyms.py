"""Actors marked only by a side's demonym or name on a person noun.

"an American teacher", "a U.S. citizen", "two Russian nationals", "Russian hackers": no
named person or body, yet an actor of that side. Sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from pipeline.models import ActorRef

DAY = dt.date(2024, 5, 8)


def events(detector: Detector, text: str) -> list[tuple[str, ActorRef, ActorRef]]:
    detection = detector.detect(text, published=DAY)
    return [(e.type, e.source, e.target) for e in detection.events]


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return {(t, s.country, o.country) for t, s, o in events(detector, text)}


@pytest.mark.parametrize(
    ("text", "expected", "target_name"),
    [
        (
            "Russian authorities arrested an American teacher in Moscow on Tuesday.",
            ("COERCE", "RUS", "USA"),
            "American teacher",
        ),
        (
            "Russia detained a U.S. citizen on espionage charges.",
            ("COERCE", "RUS", "USA"),
            "U.S. citizen",
        ),
        (
            "A Russian court convicted a U.S. soldier of theft.",
            ("COERCE", "RUS", "USA"),
            "U.S. soldier",
        ),
        (
            "The United States charged two Russian nationals with money laundering.",
            ("COERCE", "USA", "RUS"),
            "Russian nationals",
        ),
        (
            "Russia released a former U.S. Marine in a prisoner swap.",
            ("CONCEDE", "RUS", "USA"),
            "U.S. Marine",
        ),
    ],
)
def test_demonym_on_a_person_noun_is_an_actor_of_that_side(
    detector: Detector, text: str, expected: tuple[str, str, str], target_name: str
) -> None:
    found = events(detector, text)
    assert expected in triples(detector, text)
    targets = [o for t, _, o in found if t == expected[0]]
    assert any(o.name == target_name and o.role == "COUNTRY" for o in targets), found


def test_nationals_are_acted_on_not_the_state(detector: Detector) -> None:
    # "a U.S. citizen" is a national of the side, not the US government
    found = events(detector, "Russia detained a U.S. citizen on espionage charges.")
    assert all(o.role != "GOVERNMENT" for _, _, o in found)


def test_hackers_act_for_their_side(detector: Detector) -> None:
    text = "Russian hackers attacked American power grids, the FBI said."
    assert ("ASSAULT", "RUS", "USA") in triples(detector, text)


def test_unknown_journalist_named_after_a_demonym(detector: Detector) -> None:
    found = events(detector, "Moscow freed American journalist Evan Xandrov on Thursday.")
    concede = [o for t, _, o in found if t == "CONCEDE"]
    assert concede and concede[0].name == "Evan Xandrov"
    assert concede[0].country == "USA" and concede[0].role == "COUNTRY"


def test_officers_of_a_side_are_its_officials(detector: Detector) -> None:
    # EVENTS.md: an indictment of the other side's officers accuses that state
    text = "The Justice Department indicted twelve Russian officers on hacking charges."
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_us_officials_keep_their_title(detector: Detector) -> None:
    detection = detector.detect("U.S. officials accused Moscow of lying.", published=DAY)
    sources = [e.source for e in detection.events if e.type == "ACCUSE"]
    assert sources and sources[0].country == "USA" and sources[0].role != "COUNTRY"


@pytest.mark.parametrize(
    "text",
    [
        "Russian tennis player Andrei Rublev beat an American player in the final on Sunday.",
        "An American student and a Russian student won the chess tournament in Paris.",
        "A U.S. citizen and two Russian nationals attended the concert in Berlin.",
    ],
)
def test_nationals_without_an_act_make_no_event(detector: Detector, text: str) -> None:
    detection = detector.detect(text, published=DAY)
    assert not detection.events

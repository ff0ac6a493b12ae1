"""Force and words: a holder of an office is fired or attacked in words, not struck; machines of
war say nothing; an attack on a third country takes no watched side as its target.

Each sentence is written for these tests; the detector is the real one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 8, 3)
LEAD = "Officials in Washington and Moscow spoke about relations on Monday.\n\n"


def triples(detector: Detector, text: str, day: dt.date = DAY) -> set[tuple[str, str, str]]:
    return event_triples(detector, LEAD + text, day)


@pytest.mark.parametrize(
    "sentence",
    [
        # a person who held an office (out of it that day) fired, with a preposition nearby
        "Trump fired James Comey, the agency's director then at the centre of the Russia inquiry.",
        # a leader attacked on a platform: words, not force
        "Senators shrugged off Trump's remarks, while Moscow attacked the president on his "
        "favourite website, Twitter.",
    ],
)
def test_an_office_holder_fired_or_attacked_in_words_is_no_assault(
    detector: Detector, sentence: str
) -> None:
    assert not {t for t in triples(detector, sentence) if t[0] == "ASSAULT"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces attacked U.S. troops in eastern Syria.",
        "A Russian jet attacked the U.S. drone over the Black Sea on Tuesday.",
    ],
)
def test_force_against_soldiers_and_machines_stays_an_assault(
    detector: Detector, sentence: str
) -> None:
    found = triples(detector, sentence)
    assert ("ASSAULT", "RUS", "USA") in found
    assert ("ACCUSE", "RUS", "USA") not in found  # a jet says nothing over the sea


def test_words_over_a_topic_stay_criticism(detector: Detector) -> None:
    found = triples(detector, "Lavrov attacked Washington over Syria on Tuesday.")
    assert ("ACCUSE", "RUS", "USA") in found


def test_an_attack_on_a_third_country_takes_no_watched_target(detector: Detector) -> None:
    sentence = (
        "The president told the nation that he needed Congress's approval to attack Syria as "
        "leverage in a diplomatic opening from Russia."
    )
    found = triples(detector, sentence, dt.date(2013, 9, 10))
    assert ("ASSAULT", "USA", "RUS") not in found

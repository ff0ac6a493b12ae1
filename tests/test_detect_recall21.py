"""Events: recall of CONSULT. An official of one side called "visiting" in a clause whose
subject is of the other side has come to his host ("Putin will seek an explanation from
visiting adviser John Bolton"), and a call whose topic the parser hangs on the verb as a
predicate ("called his counterpart ... twice Monday concerning Whelan") still rings the
counterpart; twenty-first recall round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2018, 10, 22)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


def consulted(found: set[tuple[str, str, str]]) -> bool:
    return ("CONSULT", "USA", "RUS") in found or ("CONSULT", "RUS", "USA") in found


# ------------------------------------------------------------------ a visiting official


def test_explanation_sought_from_a_visiting_adviser_is_a_visit(detector: Detector) -> None:
    text = (
        "The Kremlin said on Monday that President Vladimir Putin would ask for answers from"
        " visiting US National Security Adviser John Bolton about the missile treaty."
    )
    assert consulted(triples(detector, text))


def test_a_visiting_official_of_the_same_side_is_no_contact(detector: Detector) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov said on Monday that he would ask for answers"
        " from visiting Russian Defense Minister Sergei Shoigu about the budget."
    )
    assert not consulted(triples(detector, text))


def test_a_visiting_official_of_a_third_country_is_no_contact(detector: Detector) -> None:
    text = (
        "President Vladimir Putin said on Monday that he would ask for answers from visiting"
        " Chinese President Xi Jinping about the new pipeline."
    )
    assert not consulted(triples(detector, text))


# ------------------------------------------------------------------ a call and its topic


def test_call_to_a_counterpart_concerning_a_topic_is_a_call(detector: Detector) -> None:
    text = (
        "Secretary of State Mike Pompeo called his counterpart at Russia's Foreign Ministry"
        " twice Monday concerning Whelan, a senior official said."
    )
    assert consulted(triples(detector, text))


def test_calling_a_counterpart_a_friend_is_still_no_call(detector: Detector) -> None:
    text = (
        "Secretary of State Mike Pompeo on Monday called his Russian counterpart a friend"
        " of the American people, a senior official said."
    )
    assert not consulted(triples(detector, text))


# ------------------------------------------------------------------ "them" after a coordination


def test_them_after_russia_and_china_takes_up_russia(detector: Detector) -> None:
    text = (
        "Secretary of State Mike Pompeo criticized Russia and China on Tuesday."
        " He called on them to stop buying oil from Iran."
    )
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_them_after_a_coordination_of_third_countries_is_no_side(detector: Detector) -> None:
    text = (
        "Secretary of State Mike Pompeo criticized India and China on Tuesday."
        " He called on them to stop buying oil from Iran."
    )
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ talks between "the two countries"


def test_talks_between_their_two_countries_after_the_pair_is_named(detector: Detector) -> None:
    text = (
        "Mike Pompeo and his Russian counterpart, Sergei Lavrov, said on Monday that arms"
        " control talks between their two countries would resume in Geneva next month."
    )
    assert consulted(triples(detector, text))


def test_talks_between_two_countries_of_another_pair_are_no_contact(detector: Detector) -> None:
    text = (
        "Indian and Chinese diplomats said on Monday that border talks between the two"
        " countries would resume in Beijing next month."
    )
    assert not consulted(triples(detector, text))

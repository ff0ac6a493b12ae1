"""Events: acts the parser hides (a described subject, a coordinated expectation, a judged
meeting, a harm offered as the alternative to a demand); fifteenth recall round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2015, 3, 12)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------- a name described by a relative clause keeps its verb


def test_a_described_name_is_the_subject_of_the_verb_after_the_relative_clause(
    detector: Detector,
) -> None:
    text = (
        "Obama, who before he won the vote in November last year promised a harder line with"
        " Moscow, last week congratulated the Russian leader on his victory."
    )
    assert ("SUPPORT", "USA", "RUS") in triples(detector, text)


def test_a_verb_after_a_plain_complement_keeps_no_borrowed_subject(detector: Detector) -> None:
    text = "Analysts said Obama would visit Berlin; later congratulated the Russian president."
    assert ("SUPPORT", "USA", "RUS") not in triples(detector, text)


# ------------------------------------- an expectation coordinated with the subject's clause


def test_a_meeting_expected_in_a_coordinated_clause_is_the_subjects(detector: Detector) -> None:
    text = (
        "Obama will hold a long bilateral meeting with Turkish President Recep Tayyip Erdogan and"
        " is expected to meet on the summit sidelines with Russian President Vladimir Putin."
    )
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") in found or ("CONSULT", "RUS", "USA") in found


def test_a_meeting_not_expected_in_a_coordinated_clause_is_none(detector: Detector) -> None:
    text = (
        "Kerry will give a speech on trade in Ankara on Monday but is not expected to meet"
        " with Lavrov."
    )
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") not in found and ("CONSULT", "RUS", "USA") not in found


# ------------------------------------------------------ a meeting judged by "call" was held


def test_talks_called_useful_took_place(detector: Detector) -> None:
    text = "Merkel on Monday called Kerry's recent talks with Lavrov very useful."
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") in found or ("CONSULT", "RUS", "USA") in found


def test_talks_called_off_are_not_held(detector: Detector) -> None:
    text = "Kerry on Monday called off his planned talks with Lavrov in Vienna."
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") not in found and ("CONSULT", "RUS", "USA") not in found


# ---------------------------------------- a harm as the alternative to what a side is asked


@pytest.mark.parametrize(
    "text",
    [
        "In a statement, Kerry called on Moscow to pull its troops back or face new sanctions.",
        "Kerry urged Russia to stop arming the rebels or face tougher penalties.",
    ],
)
def test_a_harm_offered_as_the_alternative_to_a_demand_threatens(
    detector: Detector, text: str
) -> None:
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_a_choice_between_two_acts_threatens_nothing(detector: Detector) -> None:
    text = "Kerry urged Russia to stop arming the rebels or join the peace talks."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------ an act made by the agent of a passive light verb


def test_an_agreement_announced_by_the_pair_is_theirs(detector: Detector) -> None:
    text = "The accord was announced in Vienna by Kerry and Lavrov after two days of talks."
    found = triples(detector, text)
    assert ("AGREE", "USA", "RUS") in found and ("AGREE", "RUS", "USA") in found


def test_an_agreement_criticised_by_the_pair_is_not_theirs(detector: Detector) -> None:
    text = "The accord on Iran was criticised in Vienna by Kerry and Lavrov."
    found = triples(detector, text)
    assert ("AGREE", "USA", "RUS") not in found and ("AGREE", "RUS", "USA") not in found


# ------------------------------------------- an easing refused "unless" the other side acts


def test_sanctions_not_lifted_unless_the_other_side_acts_ask_it_to(detector: Detector) -> None:
    text = (
        "The State Department said the sanctions would not be lifted unless Russia withdrew"
        " its troops from Crimea."
    )
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_sanctions_tightened_unless_the_other_side_acts_threaten(detector: Detector) -> None:
    text = (
        "The State Department said the sanctions would be tightened unless Russia withdrew"
        " its troops from Crimea."
    )
    found = triples(detector, text)
    assert ("THREATEN", "USA", "RUS") in found


# ------------------------------------------------ a pair the parser folds into one name


def test_a_meeting_between_a_name_and_a_titled_name_is_the_pairs(detector: Detector) -> None:
    text = (
        "The Vienna conference will see a meeting between Kerry and Russian Foreign Minister"
        " Sergei Lavrov."
    )
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") in found or ("CONSULT", "RUS", "USA") in found


def test_a_meeting_between_a_name_and_a_third_party_is_not_the_pairs(detector: Detector) -> None:
    text = (
        "The Vienna conference will see a meeting between Kerry and Syrian Foreign Minister"
        " Walid Muallem."
    )
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") not in found and ("CONSULT", "RUS", "USA") not in found


# ------------------------------------------------ a meeting its party says is planned


def test_a_meeting_a_side_plans_is_on_the_calendar(detector: Detector) -> None:
    text = "Obama said on Tuesday he plans to meet Putin on the sidelines of the Beijing summit."
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") in found or ("CONSULT", "RUS", "USA") in found


def test_a_meeting_a_side_does_not_plan_is_none(detector: Detector) -> None:
    text = "Obama said on Tuesday he does not plan to meet Putin at the Beijing summit."
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") not in found and ("CONSULT", "RUS", "USA") not in found

"""Events: a speaker's own finding or message told with "we" or "I", and blame called culpability.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 5, 10)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------- "we concluded that ...": the speaker's own words


def test_a_finding_the_speaker_gives_as_his_sides_is_his_accusation(detector: Detector) -> None:
    text = (
        '"We have concluded that the Russian government is responsible for the attack on the'
        ' embassy," Tillerson said on Monday.'
    )
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_a_message_the_speaker_says_his_side_gave_is_his_accusation(detector: Detector) -> None:
    text = '"We have told the Russians that their meddling is unacceptable," Tillerson said.'
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_words_another_named_actor_told_the_speaker_stay_that_actors(detector: Detector) -> None:
    # guard: Lavrov's charge, relayed by Tillerson, is not Tillerson's accusation of Russia
    text = '"Lavrov told me that the Americans are culpable for the crisis," Tillerson said.'
    found = triples(detector, text)
    assert ("ACCUSE", "USA", "RUS") not in found
    assert ("ACCUSE", "RUS", "USA") in found


def test_a_belief_the_speaker_states_was_already_his(detector: Detector) -> None:
    # guard: unchanged before and after
    text = '"We believe that Russia is violating the treaty," Tillerson said.'
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------- "culpable" is blame


def test_the_other_side_called_culpable_is_accused(detector: Detector) -> None:
    text = "Tillerson said the Russian government was culpable for the poisoning."
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_culpability_denied_is_no_accusation(detector: Detector) -> None:
    # guard
    text = "Tillerson said the Russian government was not culpable for the poisoning."
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


# ------------------------------- "agreed (with X) that Russia must ...": the agreer's demand


def test_a_demand_the_president_agreed_with_an_ally_is_his_request(detector: Detector) -> None:
    text = "Trump agreed with May that Russia must explain how the poison reached Britain."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_demand_agreed_to_under_a_statement_is_the_agreers_request(detector: Detector) -> None:
    # guard: found before too, through the statement's speaker
    text = (
        "The White House released a statement saying Trump agreed with the German chancellor"
        " that Moscow must withdraw its troops."
    )
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_view_two_leaders_agreed_on_together_is_no_request(detector: Detector) -> None:
    # guard: the two agreed on it together; the duty is not put on one side
    text = (
        '"The president and I agreed that the United States and Russia must work harder,"'
        " Trump said at a joint news conference."
    )
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


def test_a_duty_both_sides_share_is_no_request(detector: Detector) -> None:
    # guard: forces of both sides are bound together
    text = "Putin agreed that Russian and American forces should be fighting together."
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


def test_a_denied_agreement_is_no_request(detector: Detector) -> None:
    # guard
    text = "Trump did not agree with May that Russia must explain the attack."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


# ----------------------------- "the government of the United States": the 'of' names the owner


def test_the_government_of_the_other_side_is_the_other_sides(detector: Detector) -> None:
    text = "Lavrov said the government of the United States must explain the attack."
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


def test_a_government_of_a_third_country_is_not_a_sides(detector: Detector) -> None:
    # guard: Syria's government is no side's
    text = "Lavrov said the government of Syria must explain the attack."
    assert not any(kind == "REQUEST" for kind, _, _ in triples(detector, text))

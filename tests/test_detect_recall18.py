"""Events: recall of ACCUSE and REJECT on phrasings the rules missed; eighteenth recall round.
An indictment whose only owner word is a quality or a prosecutor the dictionary does not
know, a side's claim whose that-clause the parser hangs on the verb taking the claim or
whose maker is named by an adjective, and a refusal told as a reduced passive on a noun
("a move rejected by the State Department").

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2018, 7, 20)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ indictments named as nouns


@pytest.mark.parametrize(
    "text",
    [
        "Fresh indictments of nine Russians who allegedly hacked the vote stunned Washington"
        " on Friday. The United States has long suspected such an operation.",
        "With the latest criminal indictment of eight Russian intelligence officers, the"
        " prosecutors showed what they knew. The United States has long suspected them.",
    ],
)
def test_an_indictment_with_only_a_quality_accuses_the_charged_side(
    detector: Detector, text: str
) -> None:
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_an_indictment_of_home_people_accuses_no_one(detector: Detector) -> None:
    # the guard: the ones charged are no one of a watched side's
    text = (
        "Fresh indictments of nine campaign aides set Washington abuzz on Friday, weeks"
        " before Putin was due to meet Trump."
    )
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ claims of one side on the other


def test_a_claim_whose_clause_hangs_on_the_verb_accuses(detector: Detector) -> None:
    text = (
        "The senator dismissed a conclusion by the CIA, reported by a newspaper, that"
        " Russia had tampered with the vote."
    )
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_a_claim_named_by_the_sides_adjective_accuses(detector: Detector) -> None:
    text = "Lavrov brushed aside American claims that Russia had hacked the vote."
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_a_claim_of_a_third_party_accuses_no_watched_side(detector: Detector) -> None:
    # the guard: the claim is a newspaper's, and its clause charges no one of a side
    text = (
        "The senator dismissed a conclusion by the newspaper, reported on Monday, that"
        " the campaign had broken the law."
    )
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ refusals told in passing


def test_a_move_rejected_by_a_side_is_a_refusal(detector: Detector) -> None:
    text = (
        "Moscow opened a criminal case against two American aid workers, a step rejected by"
        " the State Department on Tuesday."
    )
    assert ("REJECT", "USA", "RUS") in triples(detector, text)


def test_a_move_planned_is_no_refusal(detector: Detector) -> None:
    # the guard: a step still to be taken ("a step to open ...") is not one turned down
    text = (
        "Moscow weighed a step to open a criminal case against two American aid workers, the"
        " State Department said on Tuesday."
    )
    assert ("REJECT", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ a side's people demanding


def test_the_sides_people_insisting_in_a_relative_clause_ask_the_other(
    detector: Detector,
) -> None:
    text = (
        "Kerry left the talks to the Russians, who are insisting that the U.S. drop its"
        " plan for missile strikes."
    )
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


def test_some_of_the_sides_people_insisting_ask_no_one(detector: Detector) -> None:
    # the guard: a few of its people picked out are not the side
    text = "Some Russians living in Ohio insisted that the U.S. drop its plan for missile strikes."
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------------------ a charge the other side denies


def test_a_charge_apposed_to_its_denial_is_still_made(detector: Detector) -> None:
    text = "Washington has accused Moscow of shelling the town, a charge Russia denies."
    found = triples(detector, text)
    assert ("ACCUSE", "USA", "RUS") in found
    assert ("REJECT", "RUS", "USA") in found


def test_a_charge_denied_in_the_clause_itself_is_not_made(detector: Detector) -> None:
    # the guard: the accusation is what is denied, not told by the story
    text = "Russia denies that Washington has accused Moscow of shelling the town."
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ a meeting's pair hung elsewhere


def test_a_pair_hung_on_the_noun_above_the_meeting_meets(detector: Detector) -> None:
    text = (
        "The charges raise the stakes for a summit next week between President Trump and"
        " Russian President Vladimir Putin."
    )
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_a_pair_before_the_meeting_is_not_its_pair(detector: Detector) -> None:
    # the guard: the "between" phrase comes before the meeting and is the gap's
    text = (
        "The gap between President Trump and Russian President Vladimir Putin widened ahead"
        " of a summit of NATO leaders."
    )
    assert ("CONSULT", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ a pronoun in an opening participle


def test_his_in_an_opening_participle_is_the_main_subject(detector: Detector) -> None:
    text = (
        "Heading into his summit in Vienna on Monday with Russian President Vladimir Putin,"
        " President Trump set out an ambitious goal."
    )
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_his_in_an_opening_clause_with_its_own_subject_is_not_the_main_subject(
    detector: Detector,
) -> None:
    # the guard: the opening clause has a subject of its own, a home aide, whose meeting
    # with a lobbyist it is; the main subject did not meet anyone
    text = (
        "As the aide prepared for his meeting with a lobbyist on Monday, President Trump"
        " praised the new budget."
    )
    assert ("CONSULT", "USA", "RUS") not in triples(detector, text)

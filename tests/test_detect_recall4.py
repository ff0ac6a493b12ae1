"""Events: threats put as harm an act would bring, and duties put as necessity.

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


# ------------------------------------------------------ THREATEN: an act would bring harm


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov told Pompeo that any new steps in Syria would have serious consequences.",
        "The Russian Foreign Ministry said any move by Washington to arm Kyiv would do grave "
        "damage.",
    ],
)
def test_harm_an_act_would_bring_is_a_threat(detector: Detector, text: str) -> None:
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov told Pompeo that the new steps in Syria had serious consequences.",
        "An analyst told reporters that new US steps in Syria would have serious consequences.",
    ],
)
def test_harm_done_or_denied_is_no_threat(detector: Detector, text: str) -> None:
    assert not any(kind == "THREATEN" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ REQUEST: necessity put on a side


@pytest.mark.parametrize(
    "text",
    [
        'Pompeo said: "It is essential that Russia withdraw its forces from the region."',
        "It is vital for Moscow to stop its attacks on the rebels, Secretary Pompeo said.",
    ],
)
def test_necessity_put_on_the_other_side_is_a_request(detector: Detector, text: str) -> None:
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        'Pompeo said: "It is not essential that Russia withdraw its forces from the region."',
        'Pompeo said: "It is clear that Russia withdrew its forces from the region."',
    ],
)
def test_no_necessity_is_no_request(detector: Detector, text: str) -> None:
    assert not any(kind == "REQUEST" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ REQUEST: a release asked of the holder

_HELD = (
    "The FBI arrested a student in Washington in July. She had lived in the city for two "
    "years. Her friends said she studied politics. "
)


def test_a_release_demanded_is_asked_of_the_other_side(detector: Detector) -> None:
    text = _HELD + "The Russian Foreign Ministry called her a prisoner and demanded her release."
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


def test_a_demand_of_no_release_is_not_put_on_the_other_side(detector: Detector) -> None:
    text = _HELD + "The Russian Foreign Ministry called her a prisoner and demanded an inquiry."
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------ REJECT: ", which X denied"


def test_a_clause_denied_with_which_is_a_rejection(detector: Detector) -> None:
    text = "Pompeo said Moscow had helped the hackers escape, which the Kremlin has denied."
    assert ("REJECT", "RUS", "USA") in triples(detector, text)


def test_a_clause_not_denied_with_which_is_no_rejection(detector: Detector) -> None:
    text = "Pompeo said Moscow had helped the hackers escape, which the Kremlin has not denied."
    assert not any(kind == "REJECT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ THREATEN: a sanctions bill not yet law


@pytest.mark.parametrize(
    "text",
    [
        "The Senate approved a bill imposing new sanctions on Russia on Tuesday.",
        "Congress has reached a deal on new Russia sanctions legislation, leaders said.",
    ],
)
def test_a_sanctions_bill_advanced_is_a_threat(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Senate approved a bill on trade with Russia on Tuesday.",
        "The Senate approved a bill imposing new sanctions on Russia, and Trump signed it into "
        "law on Friday.",
        "The Senate approved a bill imposing new sanctions on Russia more than a year ago.",
    ],
)
def test_a_bill_of_no_sanctions_or_already_law_is_no_threat(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------ THREATEN: sanctions floated as a prospect


@pytest.mark.parametrize(
    "text",
    [
        "US officials floated the possibility of new sanctions on the Russian military.",
        "The ministers, Pompeo added, discussed the possibility of further sanctions if Russia "
        "sent more troops.",
    ],
)
def test_sanctions_floated_as_a_prospect_are_a_threat(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "US officials did not discuss the possibility of new sanctions on Russia.",
        "US officials floated the possibility of new talks with Russia.",
    ],
)
def test_no_sanctions_floated_is_no_threat(detector: Detector, text: str) -> None:
    assert not any(kind == "THREATEN" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ THREATEN: told to brace for a harm


@pytest.mark.parametrize(
    "text",
    [
        "Trump tweeted that Russia should get ready for missiles.",
        "Pompeo said Moscow should brace for new sanctions.",
        'Trump said Russia should "get ready" for missiles to be fired at Syria.',
    ],
)
def test_told_to_brace_for_harm_is_a_threat(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("THREATEN", "USA", "RUS") in found
    assert ("REQUEST", "USA", "RUS") not in found


def test_told_to_get_ready_for_talks_is_no_threat(detector: Detector) -> None:
    found = triples(detector, "Pompeo said Russia should get ready for talks.")
    assert not any(kind == "THREATEN" for kind, _, _ in found)


# ------------------------------------------------------ REQUEST: the other side's act as a condition


@pytest.mark.parametrize(
    "text",
    [
        "Putin said the plan could only work if the US committed to taking no military action.",
        "Lavrov said ties would not improve until Washington changed its stance.",
    ],
)
def test_a_condition_set_on_the_other_side_is_a_request(detector: Detector, text: str) -> None:
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov said ties would improve if Washington changed its stance.",
        "Lavrov said the talks went on until Washington left.",
    ],
)
def test_a_plain_if_or_until_is_no_request(detector: Detector, text: str) -> None:
    assert not any(kind == "REQUEST" for kind, _, _ in triples(detector, text))


def test_sanctions_held_on_a_condition_are_a_threat(detector: Detector) -> None:
    text = "Pompeo said new sanctions would be adopted only if Russia interfered again."
    found = triples(detector, text)
    assert ("THREATEN", "USA", "RUS") in found
    assert ("REQUEST", "USA", "RUS") not in found


# ------------------------------------------------------ REJECT: a rebuttal ("countered that")


def test_countering_a_charge_is_a_rejection(detector: Detector) -> None:
    text = (
        "Pompeo accused Moscow of arming the rebels. "
        "Lavrov countered that Russia was only sending weapons for self-defense."
    )
    assert ("REJECT", "RUS", "USA") in triples(detector, text)


def test_countering_influence_is_no_rejection(detector: Detector) -> None:
    text = "Pompeo accused Moscow of arming the rebels. The Pentagon wants to counter Russia."
    assert ("REJECT", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------ REJECT: a proposal called unacceptable


def test_the_other_sides_proposal_called_unacceptable_is_a_rejection(
    detector: Detector,
) -> None:
    found = triples(detector, "Lavrov said the American proposal was unacceptable.")
    assert ("REJECT", "RUS", "USA") in found


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov said the situation was unacceptable.",
        "Lavrov said the American proposal was not unacceptable.",
    ],
)
def test_no_proposal_ruled_out_is_no_rejection(detector: Detector, text: str) -> None:
    assert not any(kind == "REJECT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ ACCUSE: both ways ("accused each other")


@pytest.mark.parametrize(
    "text",
    [
        "The United States and Russia accused each other of violating the treaty.",
        "Tensions rose between the United States and Russia, which accused each other of "
        "interference.",
        "Washington and Moscow traded accusations over the attack.",
    ],
)
def test_accusing_each_other_goes_both_ways(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert {("ACCUSE", "USA", "RUS"), ("ACCUSE", "RUS", "USA")} <= found


def test_accusing_a_third_party_together_goes_neither_way(detector: Detector) -> None:
    found = triples(detector, "The United States and Russia accused Iran of violating the treaty.")
    assert not any(kind == "ACCUSE" for kind, _, _ in found)


# ------------------------------------------------------ ACCUSE: an indictment of the other side's people


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke on Monday, following the indictment of 12 Russians on Friday.",
        "Pompeo spoke hours after indictments against Russian intelligence officers.",
    ],
)
def test_an_indictment_of_the_other_sides_people_accuses_it(detector: Detector, text: str) -> None:
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_an_indictment_of_one_person_of_a_side_accuses_no_one(detector: Detector) -> None:
    text = "Lavrov read out a long list of indictments against Donald Trump on Friday."
    assert not any(kind == "ACCUSE" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ REQUEST: "urged restraint to X"


def test_the_one_a_thing_is_urged_to_is_asked(detector: Detector) -> None:
    text = (
        "The ministry, an ally of Assad's, said Lavrov had urged restraint to Secretary of "
        "State John Kerry on Sunday."
    )
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


def test_restraint_urged_to_a_third_party_is_not_asked_of_the_other_side(
    detector: Detector,
) -> None:
    text = (
        "The ministry, an ally of Assad's, said Lavrov had urged restraint to Syrian rebels "
        "on Sunday, in a call with John Kerry."
    )
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------ who warns: "said X was ... and warned it"


def test_a_warning_joined_to_a_reported_clause_is_the_speakers(detector: Detector) -> None:
    text = (
        "Lavrov said Washington was eroding trust between the nations and warned it against "
        "further provocations."
    )
    found = triples(detector, text)
    assert ("THREATEN", "RUS", "USA") in found
    assert ("THREATEN", "USA", "RUS") not in found


# ------------------------------------------------------ THREATEN: a deadline set (ultimatum)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo said Russia had 60 days to return to compliance with the treaty.",
        "Pompeo said Moscow has until Friday to withdraw its ships.",
    ],
)
def test_a_deadline_given_to_the_other_side_is_a_threat(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo said Russia had 60 days of talks with the Europeans.",
        "Pompeo said Russia did not have 60 days to return to compliance with the treaty.",
    ],
)
def test_a_span_with_no_deadline_is_no_threat(detector: Detector, text: str) -> None:
    assert not any(kind == "THREATEN" for kind, _, _ in triples(detector, text))

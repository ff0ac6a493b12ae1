"""Events: praise, threats and demands in forms the rules used to pass over.

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


# ------------------------------------------------------ SUPPORT: help given, said in so many words


@pytest.mark.parametrize(
    "text",
    [
        '"Russia has been very helpful on this," Trump said.',
        '"Washington was cooperative from the start," Lavrov said.',
    ],
)
def test_help_said_of_the_other_side_is_praise(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert any(kind == "SUPPORT" for kind, _, _ in found)
    assert ("SUPPORT", "USA", "RUS") in found or ("SUPPORT", "RUS", "USA") in found


@pytest.mark.parametrize(
    "text",
    [
        '"Russia has not been helpful on this," Trump said.',
        '"Russia would be helpful if it stopped," Trump said.',
    ],
)
def test_help_denied_or_hoped_for_is_no_praise(detector: Detector, text: str) -> None:
    assert not any(kind == "SUPPORT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ THREATEN: a harm on an inverted condition


@pytest.mark.parametrize(
    "text",
    [
        "Should Russia invade, the United States will expel its diplomats.",
        "Were Moscow to move its troops, Washington would impose new sanctions.",
    ],
)
def test_harm_on_an_inverted_condition_is_a_threat(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("THREATEN", "USA", "RUS") in found
    assert ("SANCTION", "USA", "RUS") not in found


def test_harm_without_a_condition_stays_a_sanction(detector: Detector) -> None:
    found = triples(detector, "The United States will expel Russian diplomats on Monday.")
    assert ("SANCTION", "USA", "RUS") in found


# ------------------------------------------------------ REQUEST: the other side's act hoped for


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov said he hopes that the U.S. will follow the line Trump voiced.",
        '"Let us hope that the Kremlin will live by its promise," Pompeo said.',
        '"We would prefer that Russia stop supplying the missiles," Pompeo said.',
    ],
)
def test_an_act_of_the_other_side_hoped_for_is_asked_of_it(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("REQUEST", "USA", "RUS") in found or ("REQUEST", "RUS", "USA") in found


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo said he hoped Russia would win the match.",
        "Pompeo said he hoped the talks would go well.",
        "Pompeo did not hope that Russia would release them.",
    ],
)
def test_an_outcome_hoped_for_asks_nothing(detector: Detector, text: str) -> None:
    assert not any(kind == "REQUEST" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ REQUEST: a command later in a quote


def test_a_command_opening_a_later_sentence_of_a_quote_is_a_demand(detector: Detector) -> None:
    text = '"Yes, of course I will. Don\'t meddle in our election, please," Trump told Putin.'
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        '"We talked for a long time. Stop the arms race?" Trump asked Putin.',
        "\"He should have told Assad, 'You have won. Don't ruin it now.' He did not,\" "
        "Pompeo said of Putin.",
    ],
)
def test_a_question_or_a_nested_quote_is_no_command(detector: Detector, text: str) -> None:
    assert not any(kind == "REQUEST" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ REQUEST: help or a commitment sought


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo is seeking help from Moscow on North Korea.",
        "Pompeo sought a commitment from Lavrov to respect the ceasefire.",
    ],
)
def test_help_or_a_commitment_sought_from_the_other_side_is_asked(
    detector: Detector, text: str
) -> None:
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_search_for_help_elsewhere_asks_nothing_of_the_other_side(detector: Detector) -> None:
    text = "Pompeo is seeking help from Japan after Russia's veto."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------ SUPPORT: a congratulatory call


def test_a_congratulatory_call_is_a_call_and_praise(detector: Detector) -> None:
    found = triples(detector, "Trump placed a congratulatory call to Putin on Tuesday.")
    assert ("CONSULT", "USA", "RUS") in found
    assert ("SUPPORT", "USA", "RUS") in found


def test_a_plain_call_is_no_praise(detector: Detector) -> None:
    found = triples(detector, "Trump placed a call to Putin on Tuesday.")
    assert ("SUPPORT", "USA", "RUS") not in found


# ------------------------------------------------------ a side's people as a whole act for it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Russians, angry about the strike, have threatened to cut off the hotline "
            "with Washington.",
            ("THREATEN", "RUS", "USA"),
        ),
        ("The Americans rejected the Russian proposal on Monday.", ("REJECT", "USA", "RUS")),
    ],
)
def test_the_people_of_a_side_threatening_or_refusing_act_for_it(
    detector: Detector, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(detector, text)


def test_some_of_a_sides_people_do_not_act_for_it(detector: Detector) -> None:
    found = triples(detector, "Ordinary Russians threatened to boycott Washington's products.")
    assert ("THREATEN", "RUS", "USA") not in found


# ------------------------------------------------------ SUPPORT: the other side's word taken


@pytest.mark.parametrize(
    "text",
    [
        "Trump accepted the Russian leader's version of events on Monday.",
        "Trump took Putin at his word.",
    ],
)
def test_taking_the_other_sides_word_backs_it(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("SUPPORT", "USA", "RUS") in found
    assert ("AGREE", "USA", "RUS") not in found


def test_accepting_an_invitation_is_still_an_acceptance(detector: Detector) -> None:
    found = triples(detector, "Trump accepted Putin's invitation to Moscow.")
    assert ("AGREE", "USA", "RUS") in found
    assert ("SUPPORT", "USA", "RUS") not in found


# ------------------------------------------------------ THREATEN: penalties said to be on the way


@pytest.mark.parametrize(
    "text",
    [
        "Mnuchin announced that new sanctions on Russia were imminent.",
        '"You will see that Russian sanctions will be coming down," Haley said.',
    ],
)
def test_penalties_said_to_be_coming_threaten(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mnuchin said no new sanctions on Russia were imminent.",
        "Mnuchin said new sanctions on Iran were imminent.",
    ],
)
def test_no_penalties_or_others_penalties_coming_threaten_nothing(
    detector: Detector, text: str
) -> None:
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------ REJECT: acting despite the other side's plea


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia granted him asylum despite a personal plea from Trump.",
            ("REJECT", "RUS", "USA"),
        ),
        (
            "The Pentagon continued its flights despite a request from Moscow to stop.",
            ("REJECT", "USA", "RUS"),
        ),
    ],
)
def test_acting_despite_the_other_sides_plea_refuses_it(
    detector: Detector, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia expelled the diplomats despite protests in Berlin.",
        "Russia expelled the diplomats despite the cold weather.",
    ],
)
def test_acting_despite_anything_else_refuses_nothing(detector: Detector, text: str) -> None:
    assert not any(kind == "REJECT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ SUPPORT: praise received from the other side


@pytest.mark.parametrize(
    "text",
    [
        "Trump received the personal thanks of Russian President Vladimir Putin.",
        "Trump won praise from Putin on Monday.",
    ],
)
def test_praise_received_of_or_from_the_other_side_is_its_praise(
    detector: Detector, text: str
) -> None:
    assert ("SUPPORT", "RUS", "USA") in triples(detector, text)


def test_praise_received_from_a_third_party_is_no_sides(detector: Detector) -> None:
    found = triples(detector, "Trump received the praise of Fox News hosts.")
    assert not any(kind == "SUPPORT" for kind, _, _ in found)


# ------------------------------------------------------ THREATEN: sanctions agreed on, not imposed


@pytest.mark.parametrize(
    "text",
    [
        "Trump and Merkel agreed to extend economic sanctions against Russia.",
        'The United States said it had agreed to "move swiftly" to impose additional '
        "economic sanctions on Russia.",
    ],
)
def test_sanctions_agreed_on_are_threatened(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("THREATEN", "USA", "RUS") in found
    assert ("SANCTION", "USA", "RUS") not in found


@pytest.mark.parametrize(
    "text",
    [
        "The United States imposed new economic sanctions on Russia.",
        "Trump agreed to expel 60 Russian diplomats.",
    ],
)
def test_sanctions_imposed_or_expulsions_agreed_are_sanctions(
    detector: Detector, text: str
) -> None:
    assert ("SANCTION", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------ SUPPORT: the other side's doing praised


@pytest.mark.parametrize(
    "text",
    [
        '"Russia\'s help has been great," Trump said.',
        '"Sanctions placed on the border by China and Russia have been very helpful," Trump wrote.',
    ],
)
def test_the_other_sides_doing_praised_is_praise_of_it(detector: Detector, text: str) -> None:
    assert ("SUPPORT", "USA", "RUS") in triples(detector, text)


def test_the_other_sides_doing_found_wanting_is_no_praise(detector: Detector) -> None:
    text = '"Russia\'s behavior has not been helpful," Trump said.'
    assert ("SUPPORT", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------ THREATEN: the other side's act not let pass


def test_an_act_said_not_to_go_unchecked_is_a_threat(detector: Detector) -> None:
    text = '"Russia\'s aggression will not go unchecked," Pompeo said.'
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_an_act_that_went_unchecked_is_no_threat(detector: Detector) -> None:
    text = '"Russia\'s aggression went unchecked for years," Pompeo said.'
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)

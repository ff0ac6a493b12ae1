"""Events: forces moved with no word of the other side nearby, and other ninth-round cases.

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


# ------------------------------------------------ MOBILIZE: the other side named near the move


def test_troops_sent_where_the_other_side_is_never_named_mobilize_against_no_one(
    detector: Detector,
) -> None:
    text = (
        "Lavrov met Kerry in Geneva on Monday to discuss the ceasefire.\n\n"
        "The talks lasted four hours.\n\n"
        "Later in the week, the ministry said the talks had gone well.\n\n"
        "Separately, the Russian army sent 2,000 troops to a base in Tajikistan to guard the"
        " border."
    )
    assert not any(kind == "MOBILIZE" for kind, _, _ in triples(detector, text))


def test_troops_sent_next_to_a_word_of_the_other_side_still_mobilize(detector: Detector) -> None:
    text = (
        "The Pentagon said Russian bombers had flown close to Alaska twice this week, and Kerry"
        " told Lavrov the flights were reckless.\n\n"
        "Moscow also sent two warships to the Caribbean on Tuesday, near American waters."
    )
    assert ("MOBILIZE", "RUS", "USA") in triples(detector, text)


# ------------------------------------------- AGREE: readiness for a hostile act is not an offer


@pytest.mark.parametrize(
    "text",
    [
        "Pentagon officials said they were ready to issue new sanctions against Russia next month.",
        "The Kremlin's statement showed its readiness to defy Washington over the pipeline.",
    ],
)
def test_readiness_for_a_hostile_act_offers_nothing(detector: Detector, text: str) -> None:
    assert not any(kind == "AGREE" for kind, _, _ in triples(detector, text))


def test_readiness_to_talk_is_still_an_offer(detector: Detector) -> None:
    text = "Lavrov said Moscow was ready to resume arms talks with Washington."
    assert ("AGREE", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------- COERCE: holding a side responsible detains no one


def test_holding_a_side_responsible_detains_no_one(detector: Detector) -> None:
    text = (
        "After the talks in Geneva, Obama said he held both Washington and Moscow responsible"
        " for the collapse of the deal."
    )
    assert not any(kind == "COERCE" for kind, _, _ in triples(detector, text))


def test_holding_a_national_in_jail_still_detains(detector: Detector) -> None:
    text = "Russian police are holding the American reporter in a jail outside Moscow."
    assert ("COERCE", "RUS", "USA") in triples(detector, text)


# ------------------------------------ CONCEDE: giving way to a side not named in the sentence


def test_backing_down_with_the_other_side_named_only_before_concedes_nothing(
    detector: Detector,
) -> None:
    text = (
        "Senators criticised Kerry's calls with Lavrov.\n\n"
        "After two weeks of silence, Kerry backed down."
    )
    assert not any(kind == "CONCEDE" for kind, _, _ in triples(detector, text))


# ------------------------------------------- refusals whose act hangs on "at" or "from"


@pytest.mark.parametrize(
    "text",
    [
        "Obama has long balked at criticizing Putin in public.",
        "Obama has refrained from imposing sanctions on the Russian banks.",
    ],
)
def test_an_act_balked_at_or_refrained_from_is_not_done(detector: Detector, text: str) -> None:
    assert not any(kind in ("ACCUSE", "SANCTION") for kind, _, _ in triples(detector, text))


# ------------------------------------------------ CONSULT: a trip or talks on the calendar


@pytest.mark.parametrize(
    "text",
    [
        "Kerry is scheduled to make a trip to Moscow next week.",
        "Kerry is expected to make a brief trip to Moscow on Friday.",
    ],
)
def test_a_trip_on_the_calendar_is_a_visit(detector: Detector, text: str) -> None:
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_a_trip_not_expected_is_no_visit(detector: Detector) -> None:
    text = "Kerry is not expected to make a trip to Moscow this year."
    assert ("CONSULT", "USA", "RUS") not in triples(detector, text)


# ---------------------------------- ACCUSE: a counted group of the other side's people indicted


def test_a_counted_group_indicted_is_accused_not_detained(detector: Detector) -> None:
    text = (
        "Nine Russians were indicted by the Justice Department on Friday for hacking state"
        " election offices."
    )
    found = triples(detector, text)
    assert ("ACCUSE", "USA", "RUS") in found
    assert ("COERCE", "USA", "RUS") not in found

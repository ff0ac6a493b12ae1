"""Events: accusations reported as a side's claim that the other side did a hostile act.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2016, 10, 20)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------ ACCUSE: a hostile act said of the other side


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The Obama administration claimed that the files had been hacked by the Russian"
            " government.",
            "USA",
            "RUS",
        ),
        ("Lavrov said the United States had bombed Syrian troops on purpose.", "RUS", "USA"),
        ("Kerry said Moscow had arrested the activists without cause.", "USA", "RUS"),
    ],
)
def test_a_hostile_act_said_of_the_other_side_accuses_it(
    detector: Detector, text: str, source: str, target: str
) -> None:
    assert ("ACCUSE", source, target) in triples(detector, text)


def test_a_hostile_act_denied_accuses_no_one(detector: Detector) -> None:
    text = "Lavrov said the United States had not bombed Syrian troops."
    assert not any(kind == "ACCUSE" for kind, _, _ in triples(detector, text))


def test_a_hostile_act_of_a_third_party_accuses_no_side(detector: Detector) -> None:
    text = "Kerry told Lavrov that the Syrian army had bombed the hospital."
    assert not any(kind == "ACCUSE" for kind, _, _ in triples(detector, text))


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo suggested Putin was connected to his country's cyberattacks against the US.",
        "Pompeo said Russia was behind the cyberattacks.",
    ],
)
def test_the_other_side_tied_to_a_hostile_act_is_accused(detector: Detector, text: str) -> None:
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo said Russia was not behind the cyberattacks.",
        "Lavrov said Russia was hit by cyberattacks.",
    ],
)
def test_a_tie_denied_or_a_side_attacked_accuses_no_one(detector: Detector, text: str) -> None:
    assert not any(kind == "ACCUSE" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ ACCUSE: a side's claim that the other side did


@pytest.mark.parametrize(
    "text",
    [
        "NATO supports the US claim that Russia is in breach of the pact.",
        "The Post reported the CIA's belief that Russia tried to swing the election.",
    ],
)
def test_a_sides_claim_about_the_other_side_accuses_it(detector: Detector, text: str) -> None:
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon's assessment that Russia will not attend the talks was wrong.",
        "NATO supports the US claim that Syria is in breach of the pact.",
    ],
)
def test_a_claim_denied_or_about_a_third_party_accuses_no_side(
    detector: Detector, text: str
) -> None:
    assert not any(kind == "ACCUSE" for kind, _, _ in triples(detector, text))

"""Denials: a charged wrong denied as a gerund ("denied violating the treaty"), and a denial
of a wrong the story has just reported as an act of the denier's side, whoever reported it.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 4, 10)
LEAD = "The two governments traded sharp words on Monday.\n\n"
CHARGE = "The United States accused Moscow of violating the treaty. "


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, LEAD + text, DAY)


@pytest.mark.parametrize(
    "denial",
    [
        "Russia denied violating the treaty.",
        "Russia has repeatedly denied violating the treaty.",
        "Moscow has denied breaking the agreement.",
    ],
)
def test_a_charged_wrong_denied_as_a_gerund_is_refused(detector: Detector, denial: str) -> None:
    assert ("REJECT", "RUS", "USA") in triples(detector, CHARGE + denial)


def test_a_gerund_denial_with_no_charge_answers_nothing(detector: Detector) -> None:
    # no charge of the other side's for the denial to answer
    found = triples(
        detector, "Washington met Moscow on Friday. Russia denied violating the treaty."
    )
    assert ("REJECT", "RUS", "USA") not in found


def test_a_reported_wrong_denied_is_refused(detector: Detector) -> None:
    found = triples(
        detector,
        "The newspaper reported that Russian military officers paid militants to attack "
        "American soldiers. Kremlin spokesman Dmitry Peskov denied Russian officers had paid "
        "militants to attack American soldiers.",
    )
    assert ("REJECT", "RUS", "USA") in found


def test_denying_the_facts_by_doing_something_is_no_denial_of_a_charge(
    detector: Detector,
) -> None:
    found = triples(
        detector,
        CHARGE + "A senator said the president denies reality by minimizing the Russian attacks.",
    )
    assert ("REJECT", "USA", "RUS") not in found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "Putin said Russia would target American cities if Washington deployed missiles "
            "in Europe.",
            "RUS",
            "USA",
        ),
        (
            "Lavrov said Moscow will respond if the United States imposes new sanctions.",
            "RUS",
            "USA",
        ),
        (
            "Tillerson said the United States would respond if Russia attacked its allies.",
            "USA",
            "RUS",
        ),
    ],
)
def test_a_blow_held_over_the_other_side_on_a_condition_threatens_it(
    detector: Detector, sentence: str, source: str, target: str
) -> None:
    assert ("THREATEN", source, target) in triples(detector, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin said Russia would respond if asked.",
        "Putin said Russia would not respond even if Washington expelled more diplomats.",
    ],
)
def test_no_blow_on_the_other_sides_act_is_no_threat(detector: Detector, sentence: str) -> None:
    assert ("THREATEN", "RUS", "USA") not in triples(detector, sentence)

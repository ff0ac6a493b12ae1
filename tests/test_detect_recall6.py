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

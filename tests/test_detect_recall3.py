"""Events: what is offered in speech (thoughts, support, criticism) is no offer to the other side.

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


# ------------------------------------------------------------------ AGREE: offers in speech


@pytest.mark.parametrize(
    "text",
    [
        "The senator offered long thoughts on the Kremlin's meddling in the vote.",
        "Trump again offered no criticism of the Russian leader.",
        "The secretary offered a sharp warning about Moscow's cyber units.",
    ],
)
def test_words_offered_are_no_offer(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert not any(kind == "AGREE" for kind, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin offered Washington a new deal on arms control.",
        "Moscow offered to help the Americans find the hackers.",
    ],
)
def test_an_offer_of_a_deal_still_stands(detector: Detector, text: str) -> None:
    assert ("AGREE", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------------------------ AGREE: readiness to strike


def test_willingness_to_stand_up_to_the_other_side_is_no_offer(detector: Detector) -> None:
    found = triples(detector, "Trump stressed his willingness to stand up to Russia in Warsaw.")
    assert not any(kind == "AGREE" for kind, _, _ in found)


def test_willingness_to_meet_is_an_offer(detector: Detector) -> None:
    found = triples(detector, "Putin voiced his willingness to meet Trump in Vienna.")
    assert ("AGREE", "RUS", "USA") in found

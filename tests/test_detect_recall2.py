"""Events: threats of a reprisal, and backing that is not of the other side.

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


# ------------------------------------------------------------------ SUPPORT: whose backing


def test_support_for_the_other_side_is_backing(detector: Detector) -> None:
    found = triples(detector, "President Trump voiced his support for Vladimir Putin on Monday.")
    assert ("SUPPORT", "USA", "RUS") in found


@pytest.mark.parametrize(
    "text",
    [
        # the one backed is a third party, or no one is named
        "Moscow's military support for the Syrian government angered the State Department.",
        "The rebels were pushed back by Syrian troops with Russian support, the Pentagon said.",
        # help in an election is interference, not backing of the other side's government
        "Prosecutors said the Russian government acted to help Donald Trump win the election.",
    ],
)
def test_backing_of_others_is_no_support(detector: Detector, text: str) -> None:
    assert not any(t[0] == "SUPPORT" for t in triples(detector, text))


# ------------------------------------------------------------------ THREATEN: reprisals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # readiness for a blow warns the other side of it
        (
            "Foreign Minister Sergei Lavrov said Russia was ready to retaliate against Washington.",
            ("THREATEN", "RUS", "USA"),
        ),
        # a vow whose clause names a reprisal
        (
            "Putin vowed that Russia would take retaliatory steps against the United States.",
            ("THREATEN", "RUS", "USA"),
        ),
        # a reprisal named as a noun and promised with "would"
        (
            "The Russian Foreign Ministry said it would deliver a tough response to the new U.S. "
            "sanctions.",
            ("THREATEN", "RUS", "USA"),
        ),
    ],
)
def test_reprisals_threatened(detector: Detector, text: str, expected: tuple) -> None:
    assert expected in triples(detector, text)


def test_readiness_to_talk_stays_an_offer(detector: Detector) -> None:
    found = triples(detector, "Foreign Minister Sergei Lavrov said Russia was ready to talk.")
    assert not any(t[0] == "THREATEN" for t in found)


def test_a_plain_response_is_no_threat(detector: Detector) -> None:
    text = "The Russian Foreign Ministry said it would send a response to the U.S. letter."
    assert not any(t[0] == "THREATEN" for t in triples(detector, text))


# ------------------------------------------------------------------ AGREE: several parties


def test_agreement_among_several_parties_with_both_sides(detector: Detector) -> None:
    text = (
        "Monitors will watch the ceasefire under an agreement reached on Thursday among "
        "Russian, Ukrainian, American and European diplomats."
    )
    found = triples(detector, text)
    assert ("AGREE", "USA", "RUS") in found
    assert ("AGREE", "RUS", "USA") in found


def test_third_party_deal_with_a_list_of_powers_is_not_the_pairs(detector: Detector) -> None:
    text = (
        "The accord signed between Iran and the United States, China, Russia and Germany "
        "eased the sanctions on Tehran."
    )
    assert not any(t[0] == "AGREE" for t in triples(detector, text))

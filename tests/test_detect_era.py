"""Events the act's own clause sets in the last race or handover: a party who held no office
when the race was decided acted as a candidate or an aide, not for their side.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

IN_OFFICE = dt.date(2017, 2, 6)  # Flynn was national security adviser on this day
HANDOVER = dt.date(2017, 1, 10)  # Kerry was still secretary of state, Trump president-elect


@pytest.mark.parametrize(
    "text",
    [
        "Michael Flynn met the Russian ambassador during the transition.",
        "Michael Flynn spoke with the Russian ambassador several times before Trump took office.",
        "Michael Flynn met the Russian ambassador before the president was sworn in.",
        "Michael Flynn met the Russian ambassador in Trump's transition period.",
    ],
)
def test_an_aide_before_the_office_acts_for_no_side(detector: Detector, text: str) -> None:
    assert event_triples(detector, text, IN_OFFICE) == set()


def test_the_same_act_without_the_era_is_the_sides(detector: Detector) -> None:
    text = "Michael Flynn met the Russian ambassador on Friday."
    assert ("CONSULT", "USA", "RUS") in event_triples(detector, text, IN_OFFICE)


def test_a_candidate_on_the_campaign_trail_is_no_side(detector: Detector) -> None:
    assert event_triples(detector, "Trump praised Putin on the campaign trail.", IN_OFFICE) == set()
    assert ("SUPPORT", "USA", "RUS") in event_triples(
        detector, "Trump praised Putin on Friday.", IN_OFFICE
    )


def test_an_official_in_office_during_the_handover_still_acts(detector: Detector) -> None:
    text = "Kerry met Lavrov during the transition."
    assert ("CONSULT", "USA", "RUS") in event_triples(detector, text, HANDOVER)


def test_a_campaign_against_someone_is_not_the_race(detector: Detector) -> None:
    text = "Rex Tillerson criticised Russia during the campaign against the Islamic State."
    assert ("ACCUSE", "USA", "RUS") in event_triples(detector, text, dt.date(2017, 3, 6))

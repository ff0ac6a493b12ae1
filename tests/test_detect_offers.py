"""Offers of better ties: working with the other side hoped for, and relations wished friendly.

Each sentence is written for these tests; the detector is the real one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

LEAD = "Officials in Washington and Moscow spoke about relations on Monday.\n\n"


def triples(detector: Detector, text: str, day: dt.date) -> set[tuple[str, str, str]]:
    return event_triples(detector, LEAD + text, day)


@pytest.mark.parametrize(
    ("sentence", "day", "offer"),
    [
        (
            "Putin said Moscow still wanted friendly relations with Washington.",
            dt.date(2019, 3, 4),
            ("AGREE", "RUS", "USA"),
        ),
        (
            "Tillerson said he was hopeful to work with Russia on a settlement in Syria.",
            dt.date(2017, 4, 20),
            ("AGREE", "USA", "RUS"),
        ),
        (
            "Trump said it was time to move on to working constructively with Russia.",
            dt.date(2017, 7, 12),
            ("AGREE", "USA", "RUS"),
        ),
    ],
)
def test_working_with_the_other_side_hoped_for_is_an_offer(
    detector: Detector, sentence: str, day: dt.date, offer: tuple[str, str, str]
) -> None:
    assert offer in triples(detector, sentence, day)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov said Russia had stopped working with the United States on Syria.",
        "Putin said Russia would keep working with Iran on the oil market.",
    ],
)
def test_work_ended_or_with_a_third_party_is_no_offer(detector: Detector, sentence: str) -> None:
    found = triples(detector, sentence, dt.date(2019, 3, 4))
    assert not {t for t in found if t[0] == "AGREE"}

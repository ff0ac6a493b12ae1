"""Hoped-for cooperation (the GUIDE's "an offer or hope of more cooperation by a leader":
AGREE) read off a statement's own words. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector

DAY = dt.date(2017, 8, 1)
LEAD = "Russia and the United States remain at odds over Ukraine.\n"


def offers(detector: Detector, sentence: str) -> list[tuple[str, str]]:
    events = detector.detect(LEAD + sentence, published=DAY).events
    return [(e.source.country, e.target.country) for e in events if e.type == "AGREE"]


def test_hope_for_better_relations_is_an_offer(detector: Detector) -> None:
    assert offers(detector, 'Pence said: "We hope for better relations with Russia."') == [
        ("USA", "RUS")
    ]


def test_a_commitment_to_work_together_is_an_offer(detector: Detector) -> None:
    found = offers(
        detector, '"We are committed to try to work together with Russia," Tillerson said.'
    )
    assert found == [("USA", "RUS")], found


def test_getting_along_called_a_good_thing_is_an_offer(detector: Detector) -> None:
    found = offers(detector, "Trump said it would be a good thing to get along with Russia.")
    assert found == [("USA", "RUS")], found


def test_cooperation_with_a_third_party_or_its_end_is_no_offer(detector: Detector) -> None:
    assert not offers(detector, "Tillerson said Russia must stop cooperating with Iran.")
    assert not offers(detector, "Tillerson said Russia should cooperate with Iran on the deal.")
    assert not offers(detector, "Tillerson said relations with Russia had never been worse.")


def test_more_cooperation_between_the_two_nations_hoped_for_is_an_offer(
    detector: Detector,
) -> None:
    found = offers(detector, "Putin said he hoped for more cooperation between the two nations.")
    assert found == [("RUS", "USA")], found

"""Speakers the resolver lost: a surname after a form of address written without a stop
("Ms Zakharova", as British papers write it), and a body named with its head noun first
("the Ministry of Foreign Affairs"). The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2018, 8, 9)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_a_surname_after_ms_without_a_stop_is_the_person(detector: Detector) -> None:
    text = (
        "Russia and the United States traded barbs over new sanctions on Thursday.\n"
        "Russian Foreign Ministry spokeswoman Maria Zakharova said Moscow would prepare an "
        "answer to the new measures.\n"
        "Ms Zakharova also said the United States was trying to cripple Russian trade with "
        "its allies.\n"
    )
    found = statements(detector, text)
    (statement,) = by_speaker(found, "Zakharova", "cripple Russian trade")
    assert statement.speaker.country == "RUS"


def test_a_form_of_address_of_another_gender_is_someone_else(detector: Detector) -> None:
    # "Mrs Lavrov" is not the minister: a form of address of the other gender
    text = (
        "Russia and the United States traded barbs over new sanctions on Thursday.\n"
        "Russian Foreign Minister Sergei Lavrov said Moscow would prepare an answer to the "
        "new measures.\n"
        "Mrs Lavrov also said the United States was trying to cripple Russian trade with "
        "its allies.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Lavrov", "cripple Russian trade"), found


def test_the_ministry_of_foreign_affairs_is_the_ministry_of_the_side_named(
    detector: Detector,
) -> None:
    text = (
        "Moscow on Saturday blamed Washington for the crisis in eastern Ukraine.\n"
        "The country's Ministry of Foreign Affairs said the United States was waging a "
        "campaign of lies against Russia.\n"
        "The State Department did not comment.\n"
    )
    found = statements(detector, text, dt.date(2014, 7, 26))
    (statement,) = by_speaker(found, "Foreign Ministry", "campaign of lies")
    assert statement.speaker.country == "RUS"


def test_a_third_countrys_ministry_of_foreign_affairs_is_not_the_sides(
    detector: Detector,
) -> None:
    text = (
        "Moscow on Saturday blamed Washington for the crisis in eastern Ukraine.\n"
        "Ukraine's Ministry of Foreign Affairs said the United States was waging a "
        "campaign of lies against Russia.\n"
        "The State Department did not comment.\n"
    )
    found = statements(detector, text, dt.date(2014, 7, 26))
    assert not [s for s in found if "campaign of lies" in s.quote and s.speaker.country == "RUS"]

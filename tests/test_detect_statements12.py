"""Speakers named before a long description, and joint words by several people of one side.
The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2016, 10, 1)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_a_joint_word_after_an_opening_phrase_is_the_first_named(detector: Detector) -> None:
    # the parser hangs the names on the opening phrase; the last ends in a long title
    text = (
        "Intelligence chiefs testified before the Senate on Thursday about Russia.\n"
        "In a joint statement written for the hearing, James Clapper, Mike Rogers, and "
        "Marcel Lettre, Undersecretary of Defense for Intelligence, said that Russia had "
        "also used cyber tactics to sway opinion across Europe.\n"
    )
    found = statements(detector, text)
    (statement,) = by_speaker(found, "Clapper", "cyber tactics")
    assert statement.speaker.country == "USA"
    assert statement.about == ["RUS"]


def test_a_word_by_both_sides_is_no_one_sides(detector: Detector) -> None:
    text = (
        "The two foreign ministers met in Geneva on Friday.\n"
        "After the talks, John Kerry and Sergei Lavrov, the foreign minister of Russia, said "
        "that the United States and Russia would resume talks on Syria.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Lavrov", "resume talks"), found


def test_a_name_joined_to_its_title_after_a_question(detector: Detector) -> None:
    # "When asked ...": the parser joins the name to the question and the title to the name
    text = (
        "Diplomats at the United Nations discussed the nuclear deal on Friday.\n"
        "When asked on Friday what Moscow's message would be for Washington, Vasily "
        'Nebenzya, Russian ambassador to the U.N., said, "Stay in the nuclear deal."\n'
    )
    found = statements(detector, text, dt.date(2018, 5, 1))
    (statement,) = by_speaker(found, "Nebenz", "Stay in the nuclear deal")
    assert statement.speaker.country == "RUS"

"""Statement speakers on the article's day: terms of office the dictionary had left out
(a deputy foreign minister before his UN post, a secretary of state's years in the Senate),
and "he said" after a sentence whose only side's person is named inside the description of
a person no side owns. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from pipeline.detect.actors import NO_SIDE_ROLE, load_dictionary
from pipeline.models import DetectedStatement
from tests.support.detection import by_phrase


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


def _person(dictionary, name: str):
    return next(p for p in dictionary.people.values() if p.name == name)


# ------------------------------------------------------------------ terms of office


@pytest.mark.parametrize(
    ("name", "day", "role"),
    [
        ("Vassily Nebenzia", dt.date(2015, 3, 1), "FOREIGN_MINISTRY"),  # deputy minister
        ("Vassily Nebenzia", dt.date(2019, 3, 1), "DIPLOMAT"),  # envoy to the UN
        ("John Kerry", dt.date(2012, 6, 1), "LEGISLATURE"),  # senator
        ("Sarah Huckabee Sanders", dt.date(2017, 4, 1), "SPOKESPERSON"),  # deputy press secretary
    ],
)
def test_a_term_held_on_the_day_gives_the_role(dictionary, name, day, role) -> None:
    assert dictionary.role_of(_person(dictionary, name), day) == role


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Vassily Nebenzia", dt.date(2010, 3, 1)),  # guard: before the deputy post
        ("John Kerry", dt.date(2018, 6, 1)),  # guard: out of every office
    ],
)
def test_outside_every_term_no_side(dictionary, name, day) -> None:
    assert dictionary.role_of(_person(dictionary, name), day) == NO_SIDE_ROLE


def test_a_deputy_foreign_minister_speaks_for_his_side(detector: Detector) -> None:
    text = (
        "Russian diplomats travelled to Asia on Monday for a regional economic forum.\n"
        "Deputy Foreign Minister Vasily Nebenzya said: “The American restrictions on our "
        "banks have pushed us to find new partners in the east.”\n"
    )
    found = by_phrase(
        detector.detect(text, published=dt.date(2015, 5, 4)).statements, "American restrictions"
    )
    assert [(s.speaker.country, s.speaker.name) for s in found] == [("RUS", "Vasily Nebenzya")]


# ------------------------------------- "he said" after a name inside a stranger's phrase

DAY = dt.date(2018, 4, 20)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


def test_a_name_describing_a_stranger_does_not_take_he_said(detector: Detector) -> None:
    text = (
        "Senior officers warned Congress about Russian hackers on Tuesday.\n"
        "Several commanders shared that view, among them Gen. Walter Brisk, the White "
        "House's pick to succeed Mattis at the Pentagon.\n"
        "“Moscow believes it will pay no price for its attacks on our networks,” he said.\n"
    )
    found = by_phrase(statements(detector, text), "pay no price")
    assert all(s.speaker.name != "Jim Mattis" for s in found), found


def test_a_name_of_its_own_still_takes_he_said(detector: Detector) -> None:
    # guard: the side's person is named in the sentence, not inside a stranger's phrase
    text = (
        "Senior officers warned Congress about Russian hackers on Tuesday.\n"
        "Several commanders shared that view after a briefing by Jim Mattis at the Pentagon.\n"
        "“Moscow believes it will pay no price for its attacks on our networks,” he said.\n"
    )
    found = by_phrase(statements(detector, text), "pay no price")
    assert [s.speaker.name for s in found] == ["Jim Mattis"], found


def test_a_name_beside_a_stranger_is_not_described_by_him(detector: Detector) -> None:
    # guard: named next to the stranger, in no clause of his, the side's person is kept
    text = (
        "Senior officers warned Congress about Russian hackers on Tuesday.\n"
        "Several officials shared that view, among them Gen. Walter Brisk and Jim Mattis.\n"
        "“Moscow believes it will pay no price for its attacks on our networks,” he said.\n"
    )
    found = by_phrase(statements(detector, text), "pay no price")
    assert [s.speaker.name for s in found] == ["Jim Mattis"], found

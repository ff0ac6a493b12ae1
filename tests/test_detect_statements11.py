"""Speakers who speak for no side on the article's day: a president of another time named
with his title, and an adviser of an official who has left office. The texts are written
for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2016, 11, 20)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_a_president_of_another_time_speaks_for_no_side(detector: Detector) -> None:
    # the dictionary gives the post to someone else on the day: he held it in the past
    text = (
        "Relations between Moscow and Washington have swung many times since 1991.\n"
        "In 1995 the Russian leader dined at the White House with President Jimmy Hartwell.\n"
        "Hartwell said the United States would never treat Russia as a defeated enemy.\n"
        "Today the Kremlin accuses Washington of meddling in its affairs.\n"
    )
    found = statements(detector, text)
    assert not [s for s in found if "Hartwell" in s.speaker.name], found


def test_the_current_president_keeps_his_side(detector: Detector) -> None:
    text = (
        "President Barack Obama spoke about Russia on Friday.\n"
        "Obama said the United States would answer the Russian hacking of its election.\n"
    )
    found = statements(detector, text)
    (statement,) = by_speaker(found, "Obama", "would answer")
    assert statement.speaker.country == "USA"


def test_an_adviser_of_a_former_president_speaks_for_no_side(detector: Detector) -> None:
    # the article is dated after the president she served left office
    text = (
        "The debate over the response to Russian hacking goes on.\n"
        "Karen Vollmer, President Obama's top counterterrorism adviser, said the "
        "administration had warned Russia in private before the vote.\n"
    )
    found = statements(detector, text, dt.date(2017, 5, 1))
    assert not [s for s in found if "Vollmer" in s.speaker.name], found


def test_an_adviser_of_a_sitting_president_speaks_for_his_side(detector: Detector) -> None:
    text = (
        "The debate over the response to Russian hacking goes on.\n"
        "Karen Vollmer, President Obama's top counterterrorism adviser, said the "
        "administration had warned Russia in private before the vote.\n"
    )
    found = statements(detector, text, dt.date(2016, 11, 1))
    (statement,) = by_speaker(found, "Vollmer", "had warned Russia")
    assert statement.speaker.country == "USA"


def test_a_name_after_under_holds_no_post_before_it(detector: Detector) -> None:
    # "deputy secretary of state under X": X was the boss, not the deputy
    text = (
        "Russia expelled two American diplomats on Monday.\n"
        "Mark Dillard, who served as deputy secretary of state under Jimmy Hartwell, said "
        "the expulsions were a warning to Washington.\n"
        "Hartwell said Russia was testing the new administration.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Hartwell", "testing the new administration"), found

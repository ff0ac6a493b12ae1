"""Who speaks for a side on the article's date, and what a statement is about: former
officials, presidents-elect, undated articles dated by their own titles, home politics about
the other side, and statements that name no side inside a passage about the pair. The texts
are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import by_phrase, event_triples, statements_in


def test_a_person_out_of_office_on_the_day_speaks_for_no_side(detector: Detector) -> None:
    text = (
        "Russia and the United States traded charges over the treaty on Monday.\n"
        "John Kerry said Moscow had broken its word on the treaty many times."
    )
    in_office = statements_in(detector, text, dt.date(2015, 6, 1))
    assert len(by_phrase(in_office, "broken its word")) == 1
    out_of_office = statements_in(detector, text, dt.date(2019, 6, 1))
    assert by_phrase(out_of_office, "broken its word") == []


def test_a_president_elect_is_not_yet_a_side(detector: Detector) -> None:
    text = (
        "Vladimir Putin sent a telegram of congratulations to Washington on Friday.\n"
        "President-elect Donald Trump said Putin was a very smart man."
    )
    day = dt.date(2016, 12, 23)
    assert by_phrase(statements_in(detector, text, day), "very smart") == []
    assert ("SUPPORT", "USA", "RUS") not in event_triples(detector, text, day)


def test_an_undated_article_is_dated_by_its_titles(detector: Detector) -> None:
    text = (
        "Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Geneva.\n"
        "Kerry said Russia had to stop arming the separatists at once."
    )
    undated = detector.detect(text).statements  # read as of today, Kerry would be no side
    found = by_phrase(undated, "stop arming the separatists")
    assert len(found) == 1, undated
    assert found[0].speaker.name == "John Kerry"


def test_the_other_side_as_the_object_of_a_home_inquiry_is_not_what_is_said_about(
    detector: Detector,
) -> None:
    text = (
        "The Senate committee met behind closed doors on Tuesday.\n"
        "Trump said the Russia probe was a witch hunt run by his enemies.\n"
        "Trump said his campaign had no ties to Russia at all."
    )
    found = statements_in(detector, text, dt.date(2018, 5, 2))
    assert by_phrase(found, "witch hunt") == []
    assert by_phrase(found, "no ties") == []


def test_an_inquiry_into_what_the_other_side_did_to_someone_else_is_still_a_charge(
    detector: Detector,
) -> None:
    text = (
        "Ukraine showed photographs of armed men in the east on Monday.\n"
        "Jen Psaki said the photos confirmed the connection between Russia and the gunmen."
    )
    found = statements_in(detector, text, dt.date(2014, 4, 21))
    assert len(by_phrase(found, "connection between Russia")) == 1


def test_words_naming_no_side_are_about_the_other_side_inside_a_pair_passage(
    detector: Detector,
) -> None:
    text = (
        "Russia expelled ten American diplomats on Friday in reply to U.S. sanctions.\n"
        "The State Department called the Russian move regrettable.\n"
        "Moscow said the diplomats had a week to leave Russia.\n"
        '"We will study our options carefully," the department\'s spokeswoman Heather '
        "Nauert said."
    )
    found = statements_in(detector, text, dt.date(2018, 3, 30))
    assert len(by_phrase(found, "study our options")) == 1


def test_words_naming_no_side_in_a_home_story_are_about_nothing_abroad(
    detector: Detector,
) -> None:
    text = (
        "The president's lawyers met the special counsel on Tuesday to discuss an interview.\n"
        "Congress is split over the budget, and the House adjourned early.\n"
        "Senators spent the week on a highway bill.\n"
        "The investigation began after contacts between campaign aides and Russian officials.\n"
        "Democrats said the hearing would go ahead in June.\n"
        '"We will cooperate fully with every lawful request," Trump said on Wednesday.'
    )
    found = statements_in(detector, text, dt.date(2018, 3, 7))
    assert by_phrase(found, "cooperate fully") == []

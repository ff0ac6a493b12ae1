"""Statements: quotation paragraphs that go on from their speaker's, documents that speak,
words quoted inside an act, quotes closed with two apostrophes and speakers named at length
after their words. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.detect.statements import find_quotes
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2022, 2, 10)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


def test_a_quote_paragraph_about_the_other_side_is_a_statement_of_its_own(
    detector: Detector,
) -> None:
    text = (
        "Russia and the United States held talks in Geneva on Monday.\n"
        '"We had a long and frank conversation," Sergei Ryabkov told reporters.\n'
        '"Washington must give us guarantees in writing, and soon."'
    )
    found = statements(detector, text)
    own = by_speaker(found, "Ryabkov", "guarantees in writing")
    assert len(own) == 1
    assert own[0].about == ["USA"]
    assert "long and frank" not in own[0].quote


def test_a_quote_paragraph_about_a_third_country_joins_the_one_before(
    detector: Detector,
) -> None:
    text = (
        "Russia and the United States held talks in Geneva on Monday.\n"
        '"Washington must give us guarantees in writing," Sergei Ryabkov told reporters.\n'
        '"Ukraine, for its part, must stop shelling Donetsk."'
    )
    found = statements(detector, text)
    ryabkov = [s for s in found if "Ryabkov" in s.speaker.name]
    assert len(ryabkov) == 1
    assert "guarantees in writing" in ryabkov[0].quote
    assert "stop shelling" in ryabkov[0].quote


def test_a_statement_issued_speaks_for_whoever_issued_it(detector: Detector) -> None:
    text = (
        "The United States imposed new sanctions on Russian banks on Friday.\n"
        "Director of National Intelligence Dan Coats issued a statement saying that the "
        "agencies had been clear about Moscow's attempts to undermine American democracy."
    )
    found = statements(detector, text)
    coats = by_speaker(found, "Coats", "attempts to undermine")
    assert coats and coats[0].speaker.country == "USA"
    assert coats[0].about == ["RUS"]


def test_quoted_words_of_a_warning_are_the_speakers_statement(detector: Detector) -> None:
    text = (
        "Russia moved more troops toward the border on Thursday.\n"
        'The State Department warned Moscow of "serious repercussions" if it crossed into '
        "its neighbour's territory."
    )
    found = statements(detector, text)
    warned = by_speaker(found, "State Department", "serious repercussions")
    assert warned and warned[0].about == ["RUS"]


def test_an_unquoted_warning_is_no_statement(detector: Detector) -> None:
    text = (
        "Russia moved more troops toward the border on Thursday.\n"
        "The State Department warned Moscow of serious repercussions if it crossed into "
        "its neighbour's territory."
    )
    assert not by_speaker(statements(detector, text), "State Department", "repercussions")


def test_a_quote_closed_by_two_apostrophes_ends_there() -> None:
    text = "“This is one more lawless act by the American authorities,’’ the ministry said."
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["This is one more lawless act by the American authorities,"]
    assert not quotes[0].open_ended
    straight = find_quotes("\"We shall respond in kind,'' he said.")
    assert [q.text for q in straight] == ["We shall respond in kind,"]


def test_a_quote_closed_by_two_apostrophes_is_attributed(detector: Detector) -> None:
    text = (
        "Russia criticised the arrests on Friday.\n"
        "“This is one more lawless act by the American authorities,’’ the Russian Foreign "
        "Ministry said in a statement."
    )
    found = by_speaker(statements(detector, text), "Foreign Ministry", "lawless act")
    assert found and found[0].quote.rstrip(",").endswith("American authorities")


def test_a_speaker_named_at_length_after_the_quote(detector: Detector) -> None:
    text = (
        "The Senate debated the Russia sanctions bill on Tuesday.\n"
        '"The report gives a road map to what the Russians did. And we had better wake up," '
        "Senate Majority Whip John Cornyn, R-Texas, said on the Senate floor."
    )
    found = by_speaker(statements(detector, text), "Cornyn", "had better wake up")
    assert found and found[0].speaker.country == "USA"


def test_a_far_speech_verb_with_a_subject_of_its_own_words_is_not_the_quotes(
    detector: Detector,
) -> None:
    text = (
        "The Senate debated the Russia sanctions bill on Tuesday.\n"
        '"The Russians attacked our election and we had better wake up," was the line '
        "repeated all day, and later Senator John Cornyn said the vote would wait."
    )
    assert not by_speaker(statements(detector, text), "Cornyn", "had better wake up")


def test_called_after_an_opening_for_phrase_is_still_a_judgement(detector: Detector) -> None:
    text = (
        "The United States expanded its sanctions against Russia on Monday.\n"
        "For the second time this week, Kremlin spokesman Dmitry Peskov called the American "
        "measures illegal and absurd."
    )
    found = by_speaker(statements(detector, text), "Peskov", "illegal and absurd")
    assert found and found[0].about == ["USA"]


def test_a_surname_the_tagger_takes_for_a_noun_is_still_the_person(detector: Detector) -> None:
    text = (
        "The director of national intelligence, Dan Coats, spoke at a security forum in Aspen "
        "on Thursday about Russia.\n"
        "Coats was surprised that Trump had invited Putin to Washington for more talks in the "
        'autumn. He said with a laugh, "That is going to be special for the Russians."'
    )
    found = by_speaker(statements(detector, text), "", "going to be special")
    assert [s.speaker.name for s in found] == ["Dan Coats"]


def test_a_quote_signed_after_a_dash_is_its_signers(detector: Detector) -> None:
    text = (
        "The United States and Russia clashed again over the election on Thursday.\n"
        '"There is no allegation that the Russian hackers changed the vote count." '
        "— Deputy Attorney General Ronald Ashby\n"
        "“Things will work out fine between America and Russia!” — Secretary of State Antony "
        "Blinken, in a tweet"
    )
    found = statements(detector, text)
    signed = by_speaker(found, "Ashby", "no allegation")
    assert signed and signed[0].speaker.country == "USA" and signed[0].about == ["RUS"]
    assert by_speaker(found, "Blinken", "work out fine")


def test_a_country_after_a_dash_signs_nothing(detector: Detector) -> None:
    text = (
        "Russia and the United States clashed again over the election on Thursday.\n"
        '"The Russian offer is a trap for all of us." — Washington, a city of rumours, '
        "took it calmly"
    )
    assert not [s for s in statements(detector, text) if s.speaker.country == "USA"]


def test_a_said_clause_the_parser_took_for_an_object_is_a_statement(detector: Detector) -> None:
    text = (
        "The Senate passed new sanctions against Russia on Thursday.\n"
        "Sen. Tom Cotton, R-Ark., said responsibility for the poor relations rests with "
        "President Vladimir Putin."
    )
    found = by_speaker(statements(detector, text), "Cotton", "rests with")
    assert found and found[0].about == ["RUS"]


def test_a_relative_clause_on_what_was_said_is_no_statement_of_it(detector: Detector) -> None:
    text = (
        "The Senate passed new sanctions against Russia on Thursday.\n"
        "Sen. Tom Cotton, R-Ark., said the words that his staff wrote for him."
    )
    assert not by_speaker(statements(detector, text), "Cotton", "")

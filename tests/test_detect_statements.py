"""Statements: direct quotes in all their shapes, indirect speech, speakers and what they
are about. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.detect.statements import find_quotes
from pipeline.models import DetectedStatement

DAY = dt.date(2022, 2, 10)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


def said_by(found: list[DetectedStatement], name: str, phrase: str) -> DetectedStatement:
    for statement in found:
        if name in statement.speaker.name and phrase in statement.quote:
            return statement
    raise AssertionError(f"no statement by {name} with {phrase!r}: {found}")


def test_curly_quote_with_speaker_after(detector: Detector) -> None:
    text = "“Washington keeps moving the goalposts,” Sergei Lavrov told reporters in Moscow."
    statement = said_by(statements(detector, text), "Lavrov", "moving the goalposts")
    assert statement.speaker.country == "RUS"
    assert statement.about == ["USA"]
    assert statement.direct


def test_straight_quote_with_speaker_before_and_colon(detector: Detector) -> None:
    text = 'Antony Blinken said: "Russia must pull its troops back from the border."'
    said_by(statements(detector, text), "Blinken", "pull its troops back")


def test_quote_split_around_the_speech_verb(detector: Detector) -> None:
    text = (
        "“We are ready for a serious conversation,” Dmitry Peskov said, “but the Americans "
        "have to listen.”"
    )
    statement = said_by(statements(detector, text), "Peskov", "ready for a serious conversation")
    assert "have to listen" in statement.quote


def test_quote_spanning_sentences_and_continued_paragraph(detector: Detector) -> None:
    text = (
        'The Russian ambassador Anatoly Antonov spoke after the meeting. "The sanctions hurt '
        'ordinary people. They change nothing in Moscow," Antonov said of the U.S. measures.\n'
        '"We will answer calmly and in our own time."'
    )
    found = statements(detector, text)
    statement = said_by(found, "Antonov", "hurt ordinary people")
    assert "change nothing" in statement.quote
    assert any("answer calmly" in s.quote and "Antonov" in s.speaker.name for s in found)


def test_indirect_speech_is_a_statement(detector: Detector) -> None:
    text = "Kremlin spokesman Dmitry Peskov said the American plan ignored Russia's concerns."
    statement = said_by(statements(detector, text), "Peskov", "ignored Russia's concerns")
    assert not statement.direct


def test_speaker_by_title_and_pronoun(detector: Detector) -> None:
    text = (
        "Vladimir Putin met students in Sochi on Friday. Asked about Joe Biden, the Russian "
        'leader smiled. "I wish him good health," he said.'
    )
    said_by(statements(detector, text), "Putin", "good health")


def test_ministry_resolves_to_the_body_named_before(detector: Detector) -> None:
    text = (
        "The Russian Foreign Ministry summoned the U.S. ambassador on Monday. "
        '"Such steps will not go unanswered," the ministry said in a statement.'
    )
    said_by(statements(detector, text), "Russian Foreign Ministry", "not go unanswered")


def test_speaker_of_a_third_country_is_not_a_statement(detector: Detector) -> None:
    text = '"Russia must be stopped," Volodymyr Zelensky said, urging Washington to act.'
    assert not [s for s in statements(detector, text) if s.speaker.country == "UKR"]


def test_scare_quotes_are_not_statements(detector: Detector) -> None:
    text = "Joe Biden called the Russian leader a “killer” during an interview with Russia's media."
    assert not [s for s in statements(detector, text) if s.quote.strip(".”") == "killer"]


def test_find_quotes_shapes() -> None:
    text = 'He said "one two three" and “four five”.\n“An open quote runs on\n“next”'
    bodies = [q.text for q in find_quotes(text)]
    assert "one two three" in bodies and "four five" in bodies
    assert any(q.open_ended for q in find_quotes(text))


def test_a_stated_judgement_is_a_statement(detector: Detector) -> None:
    text = (
        "The Pentagon released video of the intercept on Tuesday. Maria Zakharova called the "
        "American claims absurd and said Washington was inventing pretexts."
    )
    statement = said_by(statements(detector, text), "Zakharova", "claims absurd")
    assert statement.about == ["USA"]
    assert not statement.direct

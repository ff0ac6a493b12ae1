"""Statements the parser hides: a speaker left without a subject link, a lone surname of the
actor dictionary, a said-clause hung on a noun of the verb's phrase, and "the two leaders" as
the pair. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2018, 3, 16)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_a_speaker_named_right_before_a_subjectless_verb(detector: Detector) -> None:
    # the parser hangs the title and name on "threats" and leaves "said" with no subject
    text = (
        "Russia and the United States traded charges over the missile treaty.\n"
        "And during a January 29 hearing on worldwide threats, Director of National "
        'Intelligence Dan Coats said "we know Russia has violated the terms of that treaty."'
    )
    found = statements(detector, text, dt.date(2019, 2, 5))
    assert by_speaker(found, "Coats", "Russia has violated"), found


def test_a_joint_word_is_not_the_last_speakers(detector: Detector) -> None:
    text = (
        "After three days of talks in Geneva, Secretary of State John Kerry and Foreign "
        "Minister Sergei Lavrov announced that Syria must hand over its chemical weapons."
    )
    found = statements(detector, text, dt.date(2013, 9, 14))
    assert not by_speaker(found, "Lavrov", "Syria must hand over"), found


def test_a_lone_surname_of_the_dictionary_names_its_person(detector: Detector) -> None:
    text = (
        "The U.S. House committee released its report on Russian meddling on Friday.\n"
        '"It can be proven beyond any doubt that Russia is not our friend and tried to '
        'attack us," Gowdy said.'
    )
    found = statements(detector, text)
    (statement,) = by_speaker(found, "Gowdy", "Russia is not our friend")
    assert statement.speaker.country == "USA"


def test_a_lone_surname_another_person_bears_is_not_the_dictionarys(
    detector: Detector,
) -> None:
    # Senator Jack Reed is in the dictionary; the Reed of this story is someone else
    text = (
        "A Moscow court sentenced former Marine Harold Reed to nine years on Thursday.\n"
        '"Russia has treated me unfairly and the charges are false," Reed said.'
    )
    found = statements(detector, text, dt.date(2020, 7, 30))
    assert not [s for s in found if s.speaker.name == "Jack Reed"], found


def test_a_said_clause_after_a_stray_conjunction(detector: Detector) -> None:
    text = (
        "Russia and the United States prepared for the summit in Helsinki.\n"
        "The Russian Foreign Ministry said on Friday that the indictment aimed to damage "
        "relations with Washington before the summit."
    )
    found = statements(detector, text, dt.date(2018, 7, 14))
    assert by_speaker(found, "Foreign Ministry", "aimed to damage relations with Washington"), found


def test_a_said_clause_taken_for_a_relative_clause(detector: Detector) -> None:
    text = (
        "Russia and the United States held a summit in Helsinki on Monday.\n"
        "Russian Foreign Minister Sergey Lavrov also said at a press conference that Trump "
        "accepted the denial."
    )
    found = statements(detector, text, dt.date(2018, 7, 17))
    assert by_speaker(found, "Lavrov", "Trump accepted the denial"), found


def test_the_two_leaders_are_the_pair(detector: Detector) -> None:
    text = (
        "President Trump met President Putin in Vietnam on Saturday, the White House said.\n"
        "Russia and the United States have clashed over Syria for months.\n"
        "The summit of Pacific economies was held in the resort of Da Nang.\n"
        "Leaders of twenty-one economies attended its sessions over two days.\n"
        "The hosts served a dinner of local dishes on the beach.\n"
        "Kremlin spokesman Dmitry Peskov said the two leaders had exchanged opinions in the "
        "margins of the summit on more than one occasion."
    )
    found = statements(detector, text, dt.date(2017, 11, 11))
    (statement,) = by_speaker(found, "Peskov", "exchanged opinions")
    assert set(statement.about) == {"RUS", "USA"}  # words about the pair, not one side


def test_an_opening_participle_is_not_the_speaker(detector: Detector) -> None:
    # the parser takes "Meeting ..." for the subject and hangs Obama on Merkel
    text = (
        "Russia and the United States remain at odds over Ukraine.\n"
        "Meeting over a beer Sunday with German Chancellor Angela Merkel, host of this year's "
        'summit, President Barack Obama revealed what was on his mind: "standing up to Russian '
        'aggression in Ukraine."'
    )
    found = statements(detector, text, dt.date(2015, 6, 8))
    assert by_speaker(found, "Obama", "standing up to Russian aggression"), found
    assert not [s for s in found if "Merkel" in s.speaker.name], found


def test_he_in_the_speakers_own_quote_is_someone_else(detector: Detector) -> None:
    # "he" inside Trump's quote is not Trump, who would say "I": it is Putin, named before
    text = (
        "Democrats in Congress pressed the investigation into Russian election meddling.\n"
        "The House intelligence committee will hear testimony from campaign aides next week.\n"
        "Trump added that he would rather discuss Syria with Putin, noting that every time he "
        "brings up the election, Putin is unhappy. \u201cI think he is very insulted by it,\u201d "
        "he said."
    )
    found = statements(detector, text, dt.date(2017, 11, 12))
    (statement,) = by_speaker(found, "Trump", "very insulted")
    assert statement.about == ["RUS"]

"""Words a trailing attribution relays from someone else, speech reported inside the other
side's quote, and an "as" clause that is no attribution. The texts are written for these
tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2019, 5, 2)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_a_minister_relayed_by_his_ministry_speaks_himself(detector: Detector) -> None:
    text = (
        "The foreign ministers of Russia and the United States spoke by phone on Tuesday.\n"
        "Russian Foreign Minister Sergei Lavrov told Mike Pompeo that any new sanctions "
        "would poison the talks on arms control, the Russian Foreign Ministry said.\n"
        "The State Department gave no account of the call.\n"
    )
    found = statements(detector, text)
    (statement,) = by_speaker(found, "Lavrov", "would poison the talks")
    assert statement.speaker.country == "RUS"
    assert statement.about == ["USA"]


def test_a_leader_relayed_by_a_spokesman_speaks_himself(detector: Detector) -> None:
    text = (
        "President Donald Trump and President Vladimir Putin spoke for an hour on Monday.\n"
        "The Russian president told Trump that Moscow would keep sharing warnings of "
        "attacks with Washington, the Kremlin said.\n"
        "The White House called the call productive.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "Putin", "would keep sharing warnings"), found


def test_no_words_of_a_president_in_an_infinitive(detector: Detector) -> None:
    # "for Obama to tell Putin": the senator's advice, not words the president spoke
    text = (
        "Relations between Washington and Moscow worsened again this week.\n"
        "The moment has come, Senator Bob Corker said, for Barack Obama to tell Vladimir "
        "Putin that the missile shield is not aimed at Russia.\n"
    )
    found = statements(detector, text, dt.date(2013, 8, 8))
    assert not by_speaker(found, "Obama", "missile shield"), found


def test_an_as_clause_is_no_trailing_attribution(detector: Detector) -> None:
    # "..., as the president claimed": the reporter's aside, not the president's sentence
    text = (
        "The Treasury imposed sanctions on five Russian companies on Friday.\n"
        "Senator Mark Warner said the new penalties showed the inquiry was no hoax, as the "
        "president claimed.\n"
    )
    found = statements(detector, text, dt.date(2018, 3, 16))
    assert not [s for s in found if "Trump" in s.speaker.name], found


def test_words_reported_inside_the_other_sides_quote(detector: Detector) -> None:
    text = (
        "President Donald Trump met President Vladimir Putin in Vienna on Monday.\n"
        '"I raised the hacking of our elections with President Putin. He flatly denied it. '
        'We will see," Trump told reporters after the meeting.\n'
    )
    found = statements(detector, text, dt.date(2018, 7, 16))
    (statement,) = by_speaker(found, "Putin", "He flatly denied it")
    assert statement.speaker.country == "RUS"
    assert statement.about == ["USA"]


def test_a_word_joining_both_sides_names_the_relationship(detector: Detector) -> None:
    # "U.S.-Russia" is one word to the parser: it still names the pair
    text = (
        "The Treasury added four Russian banks to its sanctions list on Monday.\n"
        "Moscow said it would answer in kind.\n"
        'Senator Jim Risch called the expulsions "a blow to U.S.-Russia relations."\n'
    )
    found = statements(detector, text, dt.date(2019, 3, 4))
    (statement,) = by_speaker(found, "Risch", "U.S.-Russia relations")
    assert set(statement.about) == {"RUS", "USA"}


def test_he_after_words_that_name_someone_else(detector: Detector) -> None:
    # the leader named inside the reported words is spoken of; "he" is the aide before
    text = (
        "Kremlin foreign policy aide Yuri Ushakov spoke to reporters in Moscow on Friday.\n"
        "Ushakov said the summit could still take place later in the year.\n"
        'The invitation for Obama "still stands," he said.\n'
    )
    found = statements(detector, text, dt.date(2013, 8, 9))
    assert by_speaker(found, "Ushakov", "still stands"), found
    assert not by_speaker(found, "Obama", "still stands"), found


def test_he_after_his_own_words_in_the_third_person(detector: Detector) -> None:
    # the subject of the reported words may be the speaker himself
    text = (
        "Secretary of State John Kerry flew to Moscow on Monday.\n"
        "Kerry went to the Kremlin at Lavrov's invitation, he said, and raised the case of "
        "the jailed American.\n"
    )
    found = statements(detector, text, dt.date(2013, 5, 7))
    assert not [s for s in found if "Lavrov" in s.speaker.name], found


# A story of the Russia inquiry in Congress: home politics, named again and again.
INQUIRY = (
    "Senators questioned the attorney general on Tuesday over the Russia investigation.\n"
    "Congress has held three hearings on the Russia probe this month, and the committee will "
    "hold another next week.\n"
    "Lawmakers in Congress want the full report.\n"
    "{words}\n"
)


def test_the_attorney_general_in_a_story_of_the_inquiry(detector: Detector) -> None:
    words = (
        "Attorney General Jeff Sessions said he never discussed the campaign with any Russian "
        "official."
    )
    found = statements(detector, INQUIRY.format(words=words), dt.date(2017, 6, 13))
    assert not by_speaker(found, "Sessions", "Russian official"), found


def test_an_official_in_the_same_story_still_speaks_for_the_side(detector: Detector) -> None:
    words = "Secretary of State Rex Tillerson said Russia must stop arming the Taliban."
    found = statements(detector, INQUIRY.format(words=words), dt.date(2017, 6, 13))
    assert by_speaker(found, "Tillerson", "Russia must stop arming"), found

"""Who speaks: a news outlet that only relays the news, a bare title given to the holder
the article does not place on another side, a group's leader, a pronoun after a sentence
the parser cut at a closing quote mark, and the gender of a title's holder. The texts are
written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2019, 5, 2)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_an_agency_relaying_a_spokeswoman_is_no_speaker(detector: Detector) -> None:
    text = (
        "Russia and the United States traded charges over diplomatic property on Monday.\n"
        "Maria Zakharova, a spokeswoman for the foreign ministry, said that American "
        "officials had told Moscow they expected Russia to hand over the buildings, the "
        "Tass news agency reported.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "Zakharova", "hand over the buildings"), found
    assert not [s for s in found if "TASS" in s.speaker.name], found


def test_an_agency_reporting_news_is_no_speaker(detector: Detector) -> None:
    text = (
        "Washington widened its sanctions on Russian banks on Tuesday.\n"
        "RIA Novosti reported that Russian President Vladimir Putin would raise the "
        "sanctions with the American envoy when they meet next week.\n"
    )
    found = statements(detector, text)
    assert not [s for s in found if s.speaker.name.startswith("RIA")], found


def test_a_presenters_own_words_stay_the_outlets(detector: Detector) -> None:
    # guard: a state channel's presenter judging the other side speaks for the channel
    text = (
        "President Donald Trump left the summit in Hanoi early on Thursday.\n"
        "One Rossiya 1 presenter suggested the American leader had only wanted to distract "
        "voters from the hearings in Washington.\n"
    )
    found = statements(detector, text)
    assert [s for s in found if s.speaker.role == "STATE_MEDIA"], found


def test_a_bare_title_is_not_the_leader_placed_on_the_other_side(detector: Detector) -> None:
    # "Russian President Putin", then "President Putin" bare: the bare title does not make
    # him the outlet's own president
    text = (
        "Russian President Vladimir Putin has refused to discuss Crimea.\n"
        "Donald Trump will press President Vladimir Putin on the peninsula when the two "
        "meet in Helsinki on Monday.\n"
        "The president says he will raise the annexation of Crimea, but expects Putin to "
        "push back.\n"
    )
    found = statements(detector, text, dt.date(2018, 7, 12))
    assert by_speaker(found, "Trump", "expects Putin to push back"), found
    assert not by_speaker(found, "Putin", "raise the annexation"), found


def test_a_bare_title_still_names_the_outlets_president(detector: Detector) -> None:
    # guard: the one leader written bare is the one "the president" takes up
    text = (
        "President Barack Obama spoke with Russian President Vladimir Putin by phone on "
        "Friday.\n"
        "Putin said Moscow would not hand over the fugitive contractor.\n"
        "The president said Washington would keep pressing Russia to return him.\n"
    )
    found = statements(detector, text, dt.date(2013, 7, 12))
    assert by_speaker(found, "Obama", "keep pressing Russia"), found


def test_the_majority_leader_is_no_head_of_state(detector: Detector) -> None:
    text = (
        "Senate Majority Leader Mitch McConnell met Senate colleagues on Monday.\n"
        "Russian President Vladimir Putin denied any role in the hacking.\n"
        "The majority leader said the leaks about Russia's hacking should be weighed "
        "carefully.\n"
    )
    found = statements(detector, text, dt.date(2016, 12, 12))
    assert not by_speaker(found, "Putin", "weighed carefully"), found


def test_the_russian_leader_is_still_the_president(detector: Detector) -> None:
    # guard: a side word before "leader" names the head of state
    text = (
        "President Donald Trump spoke with Vladimir Putin on Tuesday.\n"
        "The Russian leader said Moscow was ready to resume talks with Washington on arms "
        "control.\n"
    )
    found = statements(detector, text, dt.date(2019, 5, 2))
    assert by_speaker(found, "Putin", "ready to resume talks"), found


def test_he_after_a_sentence_cut_at_a_closing_quote_mark(detector: Detector) -> None:
    # the parser ends a sentence after '"difficult to imagine"'; the piece after it is no
    # sentence of its own, and its subject (Putin) is not the one "he" takes up
    text = (
        "President Donald Trump will meet Russian President Vladimir Putin in Helsinki on "
        "Monday.\n"
        "National Security Adviser John Bolton said the two leaders had set no agenda. But "
        'he said he found it "difficult to imagine" Mr Putin would not expect the cyber '
        "attacks to come up.\n"
        '"That is one reason for this meeting, so the president can look President Putin in '
        'the eye and ask him about it," he told a television network.\n'
    )
    found = statements(detector, text, dt.date(2018, 7, 12))
    assert by_speaker(found, "Bolton", "look President Putin in the eye"), found
    assert not by_speaker(found, "Putin", "look President Putin in the eye"), found


def test_he_after_a_full_sentence_still_takes_its_subject(detector: Detector) -> None:
    # guard: a sentence that ends with its own full stop keeps its subject for "he"
    text = (
        "President Donald Trump will meet Russian President Vladimir Putin in Helsinki on "
        "Monday.\n"
        "Russian President Vladimir Putin said he wanted better ties with Washington.\n"
        '"We are ready to talk about arms control," he told a television network.\n'
    )
    found = statements(detector, text, dt.date(2018, 7, 12))
    assert by_speaker(found, "Putin", "ready to talk about arms control"), found


def test_she_is_not_the_president_a_title_names(detector: Detector) -> None:
    # "the president" stands for a man the dictionary knows: "she" does not take him up
    text = (
        "Former acting attorney general Sally Yates testified before a Senate panel on "
        "Monday.\n"
        "President Donald Trump met Russian President Vladimir Putin in Helsinki a week "
        "earlier.\n"
        "Her account of a threat to the president would have been weaker if she had to "
        "admit that the FBI believed Russia had not recruited the adviser.\n"
    )
    found = statements(detector, text, dt.date(2018, 7, 24))
    assert not by_speaker(found, "Trump", "had not recruited"), found


def test_he_is_not_a_spokeswoman(detector: Detector) -> None:
    text = (
        "President Donald Trump spoke with Russian President Vladimir Putin on Tuesday.\n"
        "A White House spokeswoman declined to comment on the call. He said Moscow must "
        "stop its attacks on Ukraine.\n"
    )
    found = statements(detector, text, dt.date(2018, 7, 24))
    assert not by_speaker(found, "spokeswoman", "must stop its attacks"), found
    assert by_speaker(found, "Trump", "must stop its attacks"), found


def test_she_is_still_the_spokeswoman(detector: Detector) -> None:
    # guard: the title's own gender fits the pronoun
    text = (
        "President Donald Trump spoke with Russian President Vladimir Putin on Tuesday.\n"
        "The State Department spokeswoman met reporters on Friday. She said Russia must "
        "free the detained American teacher.\n"
    )
    found = statements(detector, text, dt.date(2018, 7, 24))
    assert by_speaker(found, "spokeswoman", "must free the detained"), found


def test_the_bodys_chief_is_the_man_just_named(detector: Detector) -> None:
    text = (
        "CIA Director Mike Pompeo spoke at a security forum in Colorado on Thursday.\n"
        "Russia will try to meddle in the midterm elections as well, said the CIA chief.\n"
    )
    found = statements(detector, text, dt.date(2017, 7, 21))
    assert by_speaker(found, "Pompeo", "meddle in the midterm"), found


def test_the_bodys_chief_with_no_one_named_is_the_body(detector: Detector) -> None:
    # guard: with no holder named, the body speaks as before
    text = (
        "The FBI and the State Department briefed senators on Russia on Thursday.\n"
        "Russia will try to meddle in the midterm elections as well, said the FBI chief.\n"
    )
    found = statements(detector, text, dt.date(2017, 7, 21))
    assert by_speaker(found, "FBI", "meddle in the midterm"), found


def test_he_said_goes_on_with_the_one_who_was_speaking(detector: Detector) -> None:
    # the sentence before is Trump's and Putin's by its main clause, but Tillerson speaks in it
    text = (
        "President Donald Trump and Russian President Vladimir Putin have not planned a second "
        "summit, but Secretary of State Rex Tillerson said the talks had gone well.\n"
        '"The two leaders got along from the first minute, and Washington will work with '
        'Moscow on Syria," he said.\n'
    )
    found = statements(detector, text, dt.date(2017, 7, 8))
    assert by_speaker(found, "Tillerson", "got along from the first minute"), found
    assert not by_speaker(found, "Trump", "got along from the first minute"), found


def test_he_said_after_the_speakers_own_sentence(detector: Detector) -> None:
    # guard: the one speaking is also the main clause's subject
    text = (
        "Russian President Vladimir Putin said Moscow would answer the new American "
        "sanctions.\n"
        '"We will respond to Washington in kind," he said.\n'
    )
    found = statements(detector, text, dt.date(2017, 7, 8))
    assert by_speaker(found, "Putin", "respond to Washington in kind"), found

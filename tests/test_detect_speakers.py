"""Who speaks: titles cut short, namesakes, people the story gives no side, and pronouns
after them. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement

DAY = dt.date(2019, 3, 14)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


def speakers(found: list[DetectedStatement]) -> set[str]:
    return {s.speaker.name for s in found}


def test_abbreviated_title_names_a_lawmaker(detector: Detector) -> None:
    text = (
        "Republican Sen. Harold Quist of Idaho criticised the Kremlin on Tuesday over its threats "
        "to the United States.\n"
        "He said Russia had broken the arms treaty for years and must face new sanctions."
    )
    found = statements(detector, text)
    assert any(
        "Quist" in s.speaker.name and s.speaker.country == "USA" and "broken the arms" in s.quote
        for s in found
    ), found


def test_honorific_before_a_surname_still_names_the_person(detector: Detector) -> None:
    text = (
        "Rep. Nora Felding, the top Democrat on the panel, spoke after the vote on Russia.\n"
        '"Moscow keeps testing the U.S. and it will not stop," Ms. Felding said.\n'
        "She said Russia had meddled in three elections."
    )
    found = statements(detector, text)
    assert any("Felding" in s.speaker.name and "meddled" in s.quote for s in found), found


def test_a_namesake_son_is_not_the_president(detector: Detector) -> None:
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        "Donald Trump Jr. said the Russian lawyer offered nothing of use about Moscow."
    )
    found = statements(detector, text)
    assert not any("lawyer offered" in s.quote for s in found), found


def test_he_after_a_person_with_no_side_is_no_side(detector: Detector) -> None:
    text = (
        "Secretary of State Mike Pompeo spoke with Sergei Lavrov by phone on Monday.\n"
        "Arvid Lenzmann followed the talks on Russia closely from his home in Ohio.\n"
        "He said Russia would never trust Washington again."
    )
    found = statements(detector, text)
    assert not any("never trust" in s.quote for s in found), found


def test_former_officials_and_think_tank_analysts_are_no_side(detector: Detector) -> None:
    text = (
        "The United States imposed new sanctions on Russia on Friday.\n"
        '"Moscow will shrug these off within a month," said Walter Brandt, a former '
        "Pentagon official.\n"
        '"The Kremlin has more to lose than it admits," said Carla Menzies, an analyst at '
        "the Halbrook Institute.\n"
        '"Russia must change course now," said Italian Foreign Minister Paolo Serrati.\n'
        '"Russia will answer these sanctions," said Sergei Lavrov.'
    )
    found = statements(detector, text)
    names = speakers(found)
    assert not any(n in " ".join(names) for n in ("Brandt", "Menzies", "Serrati")), found
    assert any("Lavrov" in n for n in names), found


def test_contacts_with_the_other_side_are_home_politics(detector: Detector) -> None:
    text = (
        "The White House faced new questions on Tuesday.\n"
        "Press secretary Sean Spicer said none of the campaign staff had been in contact "
        "with Russian officials before the election."
    )
    found = statements(detector, text)
    assert not any("in contact" in s.quote for s in found), found


def test_people_named_after_a_leader_are_not_the_leader(detector: Detector) -> None:
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        "Trump critics said the president had been too soft on the Russian leader.\n"
        "Trump said Russia had been a good partner in the talks."
    )
    found = statements(detector, text)
    assert not any("too soft" in s.quote for s in found), found
    assert any("good partner" in s.quote and "Trump" in s.speaker.name for s in found), found


def test_recalled_speech_is_background(detector: Detector) -> None:
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        "Trump has repeatedly said that Russia is a rival of the United States.\n"
        "Trump told reporters in July 2016 that Russia would respect him.\n"
        "Trump said on Monday that Russia had been a tough partner in the talks."
    )
    found = statements(detector, text)
    assert not any("rival" in s.quote or "respect him" in s.quote for s in found), found
    assert any("tough partner" in s.quote for s in found), found

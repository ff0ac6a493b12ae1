"""Statements, fifth part: speakers the dictionary lacks, known by their post or their party
tag, and names the tagger runs into the verb before them. The texts are written for these
tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_phrase, statements_in

DAY = dt.date(2024, 2, 6)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return statements_in(detector, text, day)


def test_a_party_and_state_tag_makes_a_member_of_congress(detector: Detector) -> None:
    text = (
        "Russia moved more missiles to its western border on Monday, and Washington protested.\n"
        '"Moscow is testing us, and it will keep testing us until it pays a price," said '
        "Paula Dresner (D-Mass.), who sits on the Armed Services Committee.\n"
        '"Moscow will only stop when the cost is too high," Dresner added.'
    )
    found = by_phrase(statements(detector, text), "cost is too high")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Paula Dresner", found
    assert found[0].speaker.country == "USA" and found[0].speaker.role == "LEGISLATURE", found


def test_a_former_member_with_a_party_tag_speaks_for_no_side(detector: Detector) -> None:
    text = (
        "Russia moved more missiles to its western border on Monday, and Washington protested.\n"
        '"Moscow is testing us, and it will keep testing us," said former congresswoman Paula '
        "Dresner (D-Mass.)."
    )
    assert by_phrase(statements(detector, text), "Moscow is testing us") == []


def test_a_member_of_the_upper_house_of_parliament_is_a_lawmaker(detector: Detector) -> None:
    text = (
        "The United States expelled twenty Russian diplomats on Friday.\n"
        '"This is a hostile act, and we must answer it," said Pavel Grekov, a member of the '
        "upper house of the Russian parliament.\n"
        '"The answer should hurt as much," he said.'
    )
    found = statements(detector, text)
    hostile = by_phrase(found, "hostile act")
    assert len(hostile) == 1, found
    assert hostile[0].speaker.name == "Pavel Grekov" and hostile[0].speaker.country == "RUS"
    assert hostile[0].speaker.role == "LEGISLATURE"
    assert len(by_phrase(found, "hurt as much")) == 1, found


def test_a_post_named_before_the_name_with_a_comma_places_the_person(detector: Detector) -> None:
    text = (
        "Russia denied on Tuesday that it had tried to sway the vote in the United States.\n"
        "The president's director of national intelligence, Carla Whitby, disagreed.\n"
        '"We have been clear about what Russia did," Whitby said.'
    )
    found = by_phrase(statements(detector, text), "clear about what Russia did")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Carla Whitby" and found[0].speaker.country == "USA"


def test_a_speech_verb_opening_the_sentence_is_not_a_first_name(detector: Detector) -> None:
    text = (
        "President Barack Obama spoke about Syria and Russia on Sunday.\n"
        'Said Obama: "We will judge the plan by what it does."\n'
        "Obama said Moscow and Washington could work together on the chemical weapons."
    )
    found = by_phrase(statements(detector, text, dt.date(2013, 9, 15)), "could work together")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Barack Obama", found

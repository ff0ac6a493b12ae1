"""Statements by a body whose name is written in lower case ("the state department says").
The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement

DAY = dt.date(2018, 4, 10)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


def test_lower_case_department_speaks_for_its_side(detector: Detector) -> None:
    text = (
        "Moscow has again refused to open its chemical plants to inspectors. "
        "The state department says tougher sanctions will follow within weeks if Russia "
        "does not allow the inspections."
    )
    found = [s for s in statements(detector, text) if "State Department" in s.speaker.name]
    assert found, statements(detector, text)
    assert found[0].speaker.country == "USA"
    assert "tougher sanctions" in found[0].quote


def test_lower_case_treasury_department_is_the_body(detector: Detector) -> None:
    text = (
        "Washington widened its measures against Moscow on Friday. "
        "The treasury department said the new sanctions punish Russia for its attacks on "
        "American power grids."
    )
    found = [s for s in statements(detector, text) if "Treasury" in s.speaker.name]
    assert found and found[0].speaker.country == "USA", statements(detector, text)


def test_capitalised_department_still_speaks(detector: Detector) -> None:
    text = (
        "Moscow has again refused to open its chemical plants to inspectors. "
        "The State Department says tougher sanctions will follow within weeks if Russia "
        "does not allow the inspections."
    )
    assert any("State Department" in s.speaker.name for s in statements(detector, text))


def test_lower_case_words_that_name_no_body_are_no_speaker(detector: Detector) -> None:
    text = (
        "Moscow has again refused to open its chemical plants to inspectors. "
        "A state department store manager says tougher rules will follow if Russia "
        "does not allow the inspections."
    )
    assert not any("State Department" in s.speaker.name for s in statements(detector, text))


def test_lower_case_name_running_on_into_another_is_no_body(detector: Detector) -> None:
    text = (
        "Russian hackers tried to break into voter rolls in several states. "
        "The state department of education said its own computers were not touched by "
        "the Russian hackers."
    )
    assert not any("State Department" in s.speaker.name for s in statements(detector, text))


def test_lower_case_department_spokesman_is_still_its_voice(detector: Detector) -> None:
    text = (
        "Moscow has again refused to open its chemical plants to inspectors. "
        "A state department spokesman said tougher sanctions will follow within weeks if "
        "Russia does not allow the inspections."
    )
    found = statements(detector, text)
    assert any(s.speaker.country == "USA" and "tougher sanctions" in s.quote for s in found), found


def test_leader_on_a_third_country_beside_the_other_leader(detector: Detector) -> None:
    text = (
        "Donald Trump and Vladimir Putin met in Helsinki on Thursday to discuss the war. "
        "Putin spoke to reporters after his meeting with Trump. "
        '"Nobody can ask Syria to give up its weapons while a strike on it is being planned," '
        "Putin said."
    )
    found = statements(detector, text)
    assert any("Putin" in s.speaker.name and "give up its weapons" in s.quote for s in found), found


def test_leader_on_a_third_country_away_from_the_other_side(detector: Detector) -> None:
    text = (
        "Donald Trump and Vladimir Putin met in Helsinki on Thursday to discuss the war. "
        "Syrian rebels shelled the outskirts of Damascus for a third day. "
        "Aid groups said thousands of families had fled toward Lebanon. "
        '"Nobody can ask Syria to give up its weapons while a strike on it is being planned," '
        "Putin said. "
        "Damascus has not answered the calls for a ceasefire."
    )
    found = statements(detector, text)
    assert not any("give up its weapons" in s.quote for s in found), found


def test_minister_on_a_third_country_beside_the_other_side_is_not_widened(
    detector: Detector,
) -> None:
    text = (
        "Donald Trump and Vladimir Putin met in Helsinki on Thursday to discuss the war. "
        "Lavrov spoke to reporters after a meeting with John Kerry. "
        '"Nobody can ask Syria to give up its weapons while a strike on it is being planned," '
        "Sergei Lavrov said."
    )
    found = statements(detector, text)
    assert not any("give up its weapons" in s.quote for s in found), found

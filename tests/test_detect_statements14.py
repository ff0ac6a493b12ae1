"""Speakers named beside their title, set off by commas: the named holder speaks, not the post
or the body the post belongs to. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2018, 4, 1)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_the_name_beside_a_post_of_a_ministry_speaks(detector: Detector) -> None:
    # "a spokeswoman for the ministry, NAME, claimed": not the ministry's spokeswoman
    text = (
        "Britain blamed Moscow for the poisoning in Salisbury.\n"
        "On Sunday, a spokeswoman for Russia's foreign ministry, Maria Zakharova, claimed "
        "that the poison used in the attack had most likely been made in the United States.\n"
    )
    found = statements(detector, text)
    (statement,) = by_speaker(found, "Zakharova", "made in the United States")
    assert statement.speaker.country == "RUS"
    assert statement.about == ["USA"]


def test_a_name_the_parser_hung_inside_the_title_speaks(detector: Detector) -> None:
    # the parser makes the name the object of "to": it is still the title's holder
    text = (
        "The strikes hit an air base near Homs.\n"
        "The deputy Russian ambassador to the UN, Vladimir Safronkov, called the American "
        'strike a "flagrant violation" which would only embolden the rebels.\n'
    )
    found = statements(detector, text)
    (statement,) = by_speaker(found, "Safronkov", "flagrant violation")
    assert statement.speaker.country == "RUS"
    assert statement.about == ["USA"]

"""Statements, second part: one statement per act of speaking, and speakers resolved through
trailing attributions, titles and pronouns. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector, get_detector
from pipeline.models import DetectedStatement

DAY = dt.date(2023, 5, 4)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return get_detector()


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def by_phrase(found: list[DetectedStatement], phrase: str) -> list[DetectedStatement]:
    return [s for s in found if phrase in s.quote]


def test_participle_after_a_quote_joins_the_quote(detector: Detector) -> None:
    text = (
        "Moscow reacted within hours to the new U.S. tariffs. “We will study the list "
        "carefully and answer in kind,” Sergei Lavrov told reporters, calling the American "
        "measures short-sighted and hostile."
    )
    found = statements(detector, text)
    lavrov = [s for s in found if "Lavrov" in s.speaker.name]
    assert len(lavrov) == 1, found
    assert "answer in kind" in lavrov[0].quote and "short-sighted" in lavrov[0].quote


def test_trailing_attribution_credits_the_reporting_body(detector: Detector) -> None:
    text = (
        "Washington and Moscow traded words over the seized tanker this week.\n"
        "Secretary of State Antony Blinken told Sergei Lavrov by phone on Tuesday that Russia "
        "must release the crew without delay, the State Department said."
    )
    found = by_phrase(statements(detector, text), "release the crew")
    assert len(found) == 1, found
    assert "State Department" in found[0].speaker.name

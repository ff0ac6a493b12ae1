"""Statements: charges and reasons given in words ("blamed X for ...", "cited ..."), and
verbs that restate a position ("reaffirmed that ..."). The texts are written for these
tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2018, 3, 16)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


def test_a_charge_against_the_other_side_is_the_speakers_statement(detector: Detector) -> None:
    text = (
        "The Treasury imposed sanctions on Russian intelligence officers on Thursday.\n"
        "Treasury Secretary Steven Mnuchin blamed Moscow for the ransomware attack that "
        "crippled American hospitals."
    )
    found = statements(detector, text)
    assert by_speaker(found, "Mnuchin", "the ransomware attack that crippled"), found


def test_a_reason_about_the_other_side_is_the_speakers_statement(detector: Detector) -> None:
    text = (
        "The White House called off the summit with Moscow on Wednesday.\n"
        "Press Secretary Sarah Sanders cited Russia's refusal to hand over the suspects "
        "in the poisoning case."
    )
    found = statements(detector, text)
    assert by_speaker(found, "Sanders", "refusal to hand over the suspects"), found


def test_a_charge_against_someone_at_home_is_no_statement(detector: Detector) -> None:
    # the words name Putin, but the one charged is the speaker's own president
    text = (
        "The summit with Russia ended in Helsinki on Monday.\n"
        "Senator John McCain rebuked President Trump for his warm words about Vladimir Putin "
        "at the news conference."
    )
    found = statements(detector, text)
    assert not by_speaker(found, "McCain", "warm words"), found


def test_a_reaffirmed_position_is_a_statement(detector: Detector) -> None:
    text = (
        "Russia and the United States traded charges over the missile treaty.\n"
        "Vladimir Putin reaffirmed that Russia would not deploy new missiles in Europe "
        "unless Washington did so first."
    )
    found = statements(detector, text)
    assert by_speaker(found, "Putin", "would not deploy new missiles"), found

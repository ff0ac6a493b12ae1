"""Events: a "call for" someone to act is a demand, not a phone call, also where the parser
hangs the infinitive on the noun as a relative clause ("Trump's call for Moscow to free the
sailors drew praise"); a call had with someone stays a phone call.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2018, 6, 1)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


def test_a_call_for_the_other_side_to_act_is_no_phone_call(detector: Detector) -> None:
    text = "Lawmakers backed Tillerson's call for Russia to be held to account."
    found = triples(detector, text)
    assert ("CONSULT", "USA", "RUS") not in found
    assert ("REQUEST", "USA", "RUS") in found


def test_a_call_for_the_other_side_to_be_let_back_is_no_phone_call(detector: Detector) -> None:
    text = "Trump's call for Russia to be readmitted to the summit drew criticism."
    assert ("CONSULT", "USA", "RUS") not in triples(detector, text)


def test_a_call_had_with_the_other_leader_is_still_a_phone_call(detector: Detector) -> None:
    text = "Trump had a long call with Putin on Tuesday about Syria."
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)

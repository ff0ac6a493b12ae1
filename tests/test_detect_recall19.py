"""Events: recall of ACCUSE. A word that takes up the other side's hostile act reported well
before it ("called it a very unfriendly move" after an expulsion told at the top), and a verdict
in quotes passed on a thing a side owns ('called the U.S. rhetoric "clumsy and boorish"');
nineteenth recall round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2018, 3, 27)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ an act taken up later

_FILLER = (
    " The diplomats were given a week to leave the country."
    " Ties between Washington and Moscow were already at a low point before the case."
    " The poisoned man and his daughter remain in hospital in a serious condition."
    " Russia and the United States have traded barbs over Syria for months."
    " Police said the area around the park would stay closed for some weeks."
    " Both Moscow and Washington keep large missions at the United Nations in New York."
    " Local shops reopened on Tuesday after several days."
)


def test_it_called_unfriendly_long_after_the_expulsion_is_an_accusation(
    detector: Detector,
) -> None:
    text = (
        "The United States expelled twelve Russian diplomats on Monday."
        + _FILLER
        + " Foreign Ministry spokeswoman Maria Zakharova called it \u201ca deeply regrettable and very unfriendly step\u201d."
    )
    assert ("ACCUSE", "RUS", "USA") in triples(detector, text)


def test_it_called_unfriendly_with_no_act_of_the_other_side_is_no_accusation(
    detector: Detector,
) -> None:
    text = (
        "Britain expelled twelve Russian diplomats on Monday."
        + _FILLER
        + " Foreign Ministry spokeswoman Maria Zakharova called it \u201ca deeply regrettable and very unfriendly step\u201d."
    )
    assert ("ACCUSE", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------------------ a quoted verdict on a thing owned


def test_a_quoted_verdict_on_the_other_sides_rhetoric_is_an_accusation(
    detector: Detector,
) -> None:
    text = (
        "The Russian foreign minister has called the U.S. rhetoric \u201cclumsy and boorish.\u201d"
    )
    assert ("ACCUSE", "RUS", "USA") in triples(detector, text)


def test_an_unquoted_plain_verdict_on_rhetoric_is_no_accusation(detector: Detector) -> None:
    text = "The Russian foreign minister has called the U.S. rhetoric familiar."
    assert ("ACCUSE", "RUS", "USA") not in triples(detector, text)

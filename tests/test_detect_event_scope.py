"""Events on real journalism: an act must be aimed at the other side by the text itself.

Each sentence is written for these tests. They check the mechanisms that keep home politics,
third parties and article-wide guesses out of the pair's events (issue 9).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2024, 5, 8)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------ events derived from statements


def test_harsh_words_about_home_matters_accuse_no_one_abroad(detector: Detector) -> None:
    text = (
        "Vladimir Putin hosted his annual phone-in on Thursday. Secretary of State Antony "
        "Blinken said on Friday that the farm bill was a disgraceful and dishonest piece of "
        "legislation."
    )
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words take up the act the story has just told
        (
            "Russia expelled two American diplomats on Monday. The State Department said on "
            "Tuesday that it deeply regretted the decision.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a few sentences on, a noun takes the act up again
        (
            "The Kremlin barred an American reporter from entering the country. The weather in "
            "Moscow was mild. A new theatre opened in the city. The State Department said the "
            "decision was an outrageous attack on press freedom.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # words that name the other side are aimed at it
        (
            "A State Department spokesman said on Monday that Moscow's conduct was reckless and "
            "dangerous.",
            ("ACCUSE", "USA", "RUS"),
        ),
    ],
)
def test_words_aimed_at_the_other_side_still_accuse(
    detector: Detector, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(detector, text)

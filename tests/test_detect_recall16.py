"""Events: "the two leaders" further on in a story that opened on the pair's leaders;
sixteenth recall round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2015, 3, 12)

OPENING = (
    "Senators want the note-taker at Obama's talks with Dmitry Medvedev in Oslo to give"
    " evidence. A committee chairman asked for the aide to be called. The row over the talks"
    " has gone on for days, and the White House has had to explain several remarks. Such a"
    " hearing would be rare, lawyers said. "
)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


def test_the_two_leaders_far_from_the_opening_are_the_story_pair(detector: Detector) -> None:
    text = (
        OPENING
        + "At the talks, the two leaders met alone for three hours in the Norwegian capital Oslo."
    )
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_the_two_leaders_after_another_country_is_named_are_not_the_pair(
    detector: Detector,
) -> None:
    text = (
        OPENING
        + "Later Medvedev flew on to Beijing to see Xi Jinping. The two leaders met alone for"
        " three hours in the Chinese capital."
    )
    assert ("CONSULT", "USA", "RUS") not in triples(detector, text)

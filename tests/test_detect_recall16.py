"""Events: "the two leaders" further on in a story that opened on the pair's leaders; a
judge who goes on to speak of itself is not the one it judges; sixteenth recall round.

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


# ------------------------------------------- a judge speaking of itself is not its own target

JUDGED = (
    "Obama has so far been silent on Russia's step. The State Department called the cuts a"
    " regrettable act, "
)


def test_a_judge_that_then_speaks_of_itself_still_judges_the_other_side(
    detector: Detector,
) -> None:
    text = JUDGED + "but said it is weighing a reply."
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_a_judgement_of_ones_own_leaders_stays_at_home(detector: Detector) -> None:
    text = (
        "Obama has so far been silent on Russia's step. Senator Jane Doe called the White House"
        " silence a regrettable failure, and said it is weighing a reply."
    )
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


def test_a_pronoun_in_the_judges_own_words_does_not_send_it_abroad(detector: Detector) -> None:
    text = (
        "The US holds the government to blame for the shelling, while Russia has accused the"
        " insurgents of staging it to win support for outside intervention."
    )
    assert ("ACCUSE", "RUS", "USA") not in triples(detector, text)

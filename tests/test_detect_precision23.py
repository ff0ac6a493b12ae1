"""Events: precision of AGREE and ASSAULT. An offer whose other side is only guessed from the
sentence before stands when talks or a meeting are its own terms ("ready to start talks in
Geneva"), not when they only set it in time or place ("in his second visit to the
convention, he pledged"); a breach is a hack only of what its verb would breach as one
("a breach of our computer systems", not "of international norms"); twenty-third
precision round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2015, 6, 1)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ offers guessed from before

BEFORE = "Russia expelled two American diplomats on Friday."


def test_talks_offered_after_the_other_side_is_named_are_an_offer(detector: Detector) -> None:
    text = BEFORE + " Obama said Washington was ready to start talks in Vienna next week."
    assert ("AGREE", "USA", "RUS") in triples(detector, text)


def test_a_visit_that_only_sets_a_pledge_makes_no_offer(detector: Detector) -> None:
    text = (
        BEFORE + " In his third visit to a farm convention, Obama pledged his support for grain"
        " growers."
    )
    assert ("AGREE", "USA", "RUS") not in triples(detector, text)


def test_talks_offered_as_the_pledge_itself_are_an_offer(detector: Detector) -> None:
    text = BEFORE + " Obama pledged his support for talks."
    assert ("AGREE", "USA", "RUS") in triples(detector, text)


def test_talks_only_as_the_means_of_a_promised_role_make_no_offer(detector: Detector) -> None:
    text = BEFORE + " Obama promised a constructive role through the Geneva talks."
    assert ("AGREE", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ breaches of rules

EXPELLED = "Washington expelled 60 Russian diplomats on Monday over the poisoning."


def test_a_breach_of_computer_systems_is_a_hack(detector: Detector) -> None:
    text = (
        EXPELLED + " “We will hold Russia accountable for its clear breach of our computer"
        " systems,” said Heather Nauert, a State Department spokeswoman."
    )
    assert ("ASSAULT", "RUS", "USA") in triples(detector, text)


def test_a_breach_of_norms_is_no_hack(detector: Detector) -> None:
    text = (
        EXPELLED + " “We will hold Russia accountable for its clear breach of international"
        " norms and agreements,” said Heather Nauert, a State Department spokeswoman."
    )
    assert ("ASSAULT", "RUS", "USA") not in triples(detector, text)

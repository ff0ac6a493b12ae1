"""Quoted words in the first person that name their speaker with a title are someone else's.

Each sentence is written for these tests; the detector is the real one.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import by_speaker, statements_in

DAY = dt.date(2018, 7, 18)
LEAD = "Officials in Washington and Moscow spoke about relations on Monday.\n\n"


def test_words_naming_the_credited_speaker_with_a_title_are_not_his(detector: Detector) -> None:
    text = (
        LEAD + "The two presidents met in the Finnish capital for four hours. Putin later "
        'issued a statement: "At our meeting, I took up directly with President Putin the '
        'matter of Russian meddling in our elections."'
    )
    found = statements_in(detector, text, DAY)
    assert not by_speaker(found, "Putin", "took up directly")


def test_a_speaker_naming_the_other_leader_keeps_his_words(detector: Detector) -> None:
    text = LEAD + 'Putin told reporters: "I told President Trump that Russia never interfered."'
    found = statements_in(detector, text, DAY)
    assert by_speaker(found, "Putin", "never interfered")

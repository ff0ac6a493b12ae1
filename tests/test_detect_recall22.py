"""Events: a plan the pair puts out together, an act done after the one followed, and the
"it" of a cleft sentence.

Each sentence is written for these tests and names the rule it checks; the detector is the
real one, loaded once per session (the rules alone: conftest turns the filter off here).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2016, 9, 1)  # the officials named below held office that day


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------- a joint plan: AGREE both ways


@pytest.mark.parametrize(
    "text",
    [
        # the two countries as the subject of "announced a plan"
        "The United States and Russia have announced a plan to halt the fighting around the "
        "northern city.",
        # the two ministers, "unveiled a framework"
        "Secretary of State John Kerry and Foreign Minister Sergei Lavrov unveiled a framework "
        "for the removal of the chemical stockpile on Saturday.",
        # passive, the pair as the agent
        "The roadmap was jointly presented by Secretary of State John Kerry and Foreign Minister "
        "Sergei Lavrov in Vienna.",
        # a phrasal verb of drafting
        "Russia and the United States worked out an arrangement to share flight data over the "
        "desert.",
    ],
)
def test_a_plan_the_pair_puts_out_together_is_agreed_both_ways(
    detector: Detector, text: str
) -> None:
    found = triples(detector, text)
    assert ("AGREE", "USA", "RUS") in found
    assert ("AGREE", "RUS", "USA") in found


@pytest.mark.parametrize(
    "text",
    [
        # a third party joins the pair's subject: no act of the two with each other
        "Russia and Iran announced a plan to supply the city, and the United States objected.",
        # one side alone announces its own plan
        "Secretary of State John Kerry announced a plan to train local forces, Russia said.",
        # the plan is only expected, not put out
        "Secretary of State John Kerry and Foreign Minister Sergei Lavrov may announce a plan "
        "for the city next week.",
        # the plan denied
        "Secretary of State John Kerry and Foreign Minister Sergei Lavrov did not announce a plan "
        "for the city.",
    ],
)
def test_a_plan_not_put_out_by_the_pair_is_no_agreement(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("AGREE", "USA", "RUS") not in found
    assert ("AGREE", "RUS", "USA") not in found


# --------------------------------------------------- followed "in" doing it: the leader acts


@pytest.mark.parametrize(
    "text,event",
    [
        (
            "The European Union followed the United States in imposing a fresh round of "
            "sanctions on Russia over the annexation.",
            ("SANCTION", "USA", "RUS"),
        ),
        (
            "Canada joined Washington in expelling Russian diplomats on Tuesday.",
            ("SANCTION", "USA", "RUS"),
        ),
    ],
)
def test_the_one_followed_in_an_act_does_it_too(
    detector: Detector, text: str, event: tuple[str, str, str]
) -> None:
    assert event in triples(detector, text)


def test_an_act_not_followed_stays_the_followers(detector: Detector) -> None:
    text = (
        "Germany did not follow the United States in sanctioning Russian banks over the annexation."
    )
    assert ("SANCTION", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------- a cleft sentence: "it was X who ..."


def test_the_it_of_a_cleft_is_the_one_in_focus(detector: Detector) -> None:
    text = (
        "Russia and the United States spoke about Syria this week. On Thursday, it was "
        "President Barack Obama who called Putin, thanking the Russian president for his help."
    )
    assert ("SUPPORT", "USA", "RUS") in triples(detector, text)


def test_a_cleft_on_a_third_party_gives_the_act_to_it(detector: Detector) -> None:
    text = (
        "The United States and Russia spoke about the ceasefire this week. On Thursday, it was "
        "President Recep Tayyip Erdogan who called, thanking President Vladimir Putin for his "
        "help."
    )
    found = triples(detector, text)
    assert ("SUPPORT", "USA", "RUS") not in found

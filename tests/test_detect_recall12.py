"""Events: ties cut by ending an agreement or a channel, and a summons whose purpose is the
summoning side's own act.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 4, 10)
LEAD = "The two governments traded sharp words on Monday.\n\n"


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, LEAD + text, DAY)


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Russia cancelled its agreement with the United States on air safety.", "RUS", "USA"),
        ("The United States suspended military cooperation with Russia.", "USA", "RUS"),
        ("Moscow closed the hotline with the United States on Friday.", "RUS", "USA"),
        ("Russia said it would shut down the communications line with the Pentagon.", "RUS", "USA"),
        (
            "Washington suspended the memorandum on flight safety it signed with Moscow.",
            "USA",
            "RUS",
        ),
    ],
)
def test_an_agreement_or_channel_ended_cuts_a_tie(
    detector: Detector, sentence: str, source: str, target: str
) -> None:
    found = triples(detector, sentence)
    assert ("SANCTION", source, target) in found
    # the agreement or the cooperation ended is not one reached now
    assert not {t for t, _, _ in found} & {"AGREE", "COOPERATE"}


def test_a_treaty_like_agreement_suspended_is_still_refused(detector: Detector) -> None:
    found = triples(
        detector, "Moscow suspended a 2010 agreement with Washington on nuclear research."
    )
    assert ("REJECT", "RUS", "USA") in found
    assert ("SANCTION", "RUS", "USA") not in found


def test_an_agreement_reached_is_still_an_agreement(detector: Detector) -> None:
    found = triples(detector, "Russia signed an agreement with the United States on air safety.")
    assert ("AGREE", "RUS", "USA") in found
    assert ("SANCTION", "RUS", "USA") not in found


def test_the_purpose_of_a_summons_is_the_summoning_side_s_own_act(detector: Detector) -> None:
    # "called in X to say": not a call on X to say; "it" is the ministry that summoned
    found = triples(
        detector,
        "Russia's Defense Ministry called in the U.S. military attache to say that it would"
        " close down a communications line with American forces.",
    )
    assert ("SANCTION", "RUS", "USA") in found
    assert ("SANCTION", "USA", "RUS") not in found


def test_one_urged_to_speak_is_not_the_one_urging(detector: Detector) -> None:
    # "urged Moscow to say that it would ...": the pronoun is still Moscow's, not the urger's
    found = triples(
        detector,
        "Tillerson urged Moscow to say that it would close down the hotline with the Pentagon.",
    )
    assert ("SANCTION", "USA", "RUS") not in found


# ------------------------------------------ readiness to use, agreed terms, agreements made

ARMS_DAY = dt.date(2013, 9, 16)


def test_readiness_to_use_something_peaceful_threatens_nothing(detector: Detector) -> None:
    text = LEAD + '"We stand ready to use the potential of our space industry," Putin told Obama.'
    assert ("THREATEN", "RUS", "USA") not in event_triples(detector, text, ARMS_DAY)


def test_readiness_to_use_force_still_threatens(detector: Detector) -> None:
    text = LEAD + '"We stand ready to use force if we must," Putin told Obama.'
    assert ("THREATEN", "RUS", "USA") in event_triples(detector, text, ARMS_DAY)


def test_the_terms_of_an_agreement_are_no_request_of_either_side(detector: Detector) -> None:
    text = (
        LEAD + "The deal that Kerry and Lavrov struck in Geneva calls for the chemical weapons"
        " to be removed by the middle of next year."
    )
    found = event_triples(detector, text, ARMS_DAY)
    assert not {t for t, _, _ in found} & {"REQUEST"}
    assert ("AGREE", "USA", "RUS") in found  # the deal they struck is theirs


def test_an_agreement_a_relative_clause_says_the_pair_reached(detector: Detector) -> None:
    text = LEAD + "Russia and the United States defended the agreement they reached in Geneva."
    assert {("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")} & event_triples(
        detector, text, ARMS_DAY
    )


# ------------------------------------------------------------------ threats put in negatives

THREAT_DAY = dt.date(2018, 7, 20)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov said Moscow would not leave the American sanctions unanswered.",
        '"We will not let these expulsions go unpunished," Zakharova said of Washington.',
        '"All options are on the table," Pompeo said of the response to Russia.',
    ],
)
def test_a_response_promised_in_other_words_is_a_threat(detector: Detector, sentence: str) -> None:
    found = event_triples(detector, LEAD + sentence, THREAT_DAY)
    assert {("THREATEN", "RUS", "USA"), ("THREATEN", "USA", "RUS")} & found


def test_a_threat_word_denied_is_still_no_threat(detector: Detector) -> None:
    text = LEAD + "Peskov said Moscow saw no threat in the American exercises."
    assert ("THREATEN", "RUS", "USA") not in event_triples(detector, text, THREAT_DAY)


def test_an_attack_on_something_of_no_side_has_no_target_elsewhere(detector: Detector) -> None:
    text = LEAD + "Trump attacked the media and praised Putin at the news conference."
    found = event_triples(detector, text, THREAT_DAY)
    assert ("ASSAULT", "USA", "RUS") not in found
    assert ("SUPPORT", "USA", "RUS") in found  # the praise is still his


def test_an_attack_on_the_other_side_s_property_is_still_an_attack(detector: Detector) -> None:
    text = LEAD + "Russia attacked the American embassy compound with drones."
    assert ("ASSAULT", "RUS", "USA") in event_triples(detector, text, THREAT_DAY)


# --------------------------------------------------- "they" after the pair named together

PAIR_DAY = dt.date(2017, 4, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov said that despite the low trust between the US and Russia, they were prepared"
        " to move forward on a settlement in Syria.",
        "Russia openly argued with the United States about the agreement they struck in Geneva"
        " over the weekend.",
    ],
)
def test_they_after_the_pair_named_together_is_the_pair(detector: Detector, sentence: str) -> None:
    found = event_triples(detector, LEAD + sentence, PAIR_DAY)
    assert {("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")} <= found


def test_they_after_other_plurals_is_not_the_pair(detector: Detector) -> None:
    text = (
        LEAD + "Talks between the US and Russia stalled as rebel commanders said they were"
        " prepared to negotiate with Assad."
    )
    found = event_triples(detector, text, PAIR_DAY)
    assert not {("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")} & found

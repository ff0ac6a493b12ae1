"""Events: threats of a blow held over the other side (a promised strike, on a condition or
aimed at what is the other side's), reprisals promised through "no choice but to", penalties
that "will follow", and disputes of a claim the other side put forward; seventeenth recall round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2016, 5, 4)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ a blow held over the other


def test_a_coordinated_blow_on_a_condition_threatens(detector: Detector) -> None:
    text = (
        "Lavrov said Russia would build new rockets and point them at American bases if"
        " Washington placed missiles in Romania."
    )
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_a_blow_already_dealt_or_denied_is_no_threat(detector: Detector) -> None:
    done = "Lavrov said Russia had built new rockets and pointed them at American bases."
    denied = (
        "Lavrov said Russia would not point its rockets at American bases if Washington kept"
        " its missiles at home."
    )
    assert ("THREATEN", "RUS", "USA") not in triples(detector, done)
    assert ("THREATEN", "RUS", "USA") not in triples(detector, denied)


def test_forced_to_respond_if_the_other_side_acts_threatens(detector: Detector) -> None:
    text = (
        "The Kremlin said Moscow would be forced to respond if the United States sent"
        " warships to the strait."
    )
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_forced_to_respond_to_a_third_country_is_not_aimed_at_the_other_side(
    detector: Detector,
) -> None:
    text = (
        "The Kremlin said Moscow would be forced to respond if Georgia sent troops to the border."
    )
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_the_other_sides_craft_to_be_shot_down_is_a_threat(detector: Detector) -> None:
    text = "A Russian admiral said American drones would be shot down over the sea."
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_a_third_countrys_craft_to_be_shot_down_is_not(detector: Detector) -> None:
    text = "A Russian admiral said Turkish drones would be shot down over the sea."
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------------------ reprisals and penalties


def test_no_choice_but_to_take_retaliatory_measures_threatens(detector: Detector) -> None:
    text = (
        "Ryabkov said Russia would have no choice but to take retaliatory measures against"
        " the United States."
    )
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_retaliatory_measures_taken_are_no_threat(detector: Detector) -> None:
    text = "Ryabkov said Russia took retaliatory measures against the United States in March."
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_a_response_said_to_be_tough_is_promised(detector: Detector) -> None:
    text = '"The response will be tough," Ryabkov said of the new American sanctions.'
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_a_response_judged_slow_is_no_threat(detector: Detector) -> None:
    text = '"The response was slow," Ryabkov said of the new American sanctions.'
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_penalties_that_will_follow_threaten(detector: Detector) -> None:
    text = (
        "The State Department said new penalties on Russia will follow if Moscow fails to comply."
    )
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_talks_that_will_follow_are_no_threat(detector: Detector) -> None:
    text = "The State Department said talks with Russia will follow in the spring."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ a claim disputed


def test_disputing_the_other_sides_characterization_rejects_it(detector: Detector) -> None:
    text = "The Kremlin disputed the Pentagon's characterization of the flight as reckless."
    assert ("REJECT", "RUS", "USA") in triples(detector, text)


def test_disputing_a_characterization_of_no_one_rejects_nothing(detector: Detector) -> None:
    text = "The Kremlin disputed the characterization of the flight as reckless."
    assert ("REJECT", "RUS", "USA") not in triples(detector, text)


def test_dismissing_the_other_sides_findings_rejects_them(detector: Detector) -> None:
    text = "Russia dismissed the American findings as fiction."
    assert ("REJECT", "RUS", "USA") in triples(detector, text)


def test_disputing_ones_own_sides_findings_is_a_home_quarrel(detector: Detector) -> None:
    text = (
        "The White House disputed the findings of American intelligence agencies that Russia"
        " had hacked the vote."
    )
    assert ("REJECT", "USA", "RUS") not in triples(detector, text)


def test_costs_promised_on_the_other_sides_act_threaten(detector: Detector) -> None:
    text = '"If Russia keeps on this road, the costs for Moscow will keep rising," Obama said.'
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_costs_that_have_risen_are_no_threat(detector: Detector) -> None:
    text = '"The costs for Moscow have kept rising," Obama said.'
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)

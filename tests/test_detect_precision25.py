"""Events: precision of THREATEN and REQUEST. Penalties announced as decided ("new sanctions
will be announced on Friday", "the president will sign a bill imposing further sanctions")
are the sanction itself, not a threat held over the other side, and so is what an enacted
law will do ("the law will enhance existing sanctions on Moscow"); one put on a condition
("will be imposed if Russia does not withdraw") still is. A request whose object is the ties
themselves ("urged improved relations with Russia", "his call for better ties with Moscow")
is a wish for the relationship that asks no one to act. What one "has yet to" do is not
done, no duty put on it ("the U.S. has yet to explain"), and the two sides pushing together
for something ("both the US and Russia are pushing for a resolution") ask neither of the
other. A deployment a warning is against ("warned Russia against deploying missiles") is not
made. A meeting expected of the other side ("officials are expecting Putin to meet Tillerson")
is foreseen, not demanded, and telling the other side to close its own consulate is the
sanction, not a request; twenty-fifth precision round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 9, 1)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ penalties already decided


def test_sanctions_to_be_announced_on_a_day_are_no_threat(detector: Detector) -> None:
    text = "Haley said that new sanctions will be announced on Friday against Russian banks."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_a_bill_imposing_sanctions_to_be_signed_is_no_threat(detector: Detector) -> None:
    text = "The White House said that Trump will sign a bill imposing new sanctions on Russia."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_what_an_enacted_law_will_do_is_no_threat(detector: Detector) -> None:
    text = "Trump said the law will punish bad behavior and enhance existing sanctions on Moscow."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_sanctions_on_a_condition_are_still_a_threat(detector: Detector) -> None:
    text = "Haley said that new sanctions will be imposed on Russia if it does not withdraw."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_a_warning_of_further_sanctions_is_still_a_threat(detector: Detector) -> None:
    text = "Tillerson said Russia will face further sanctions over its actions in Ukraine."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ a wish for better ties


def test_a_call_for_better_ties_asks_nothing(detector: Detector) -> None:
    text = "Trump renewed his call for better relations with Moscow on Tuesday."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


def test_a_call_on_the_other_side_to_act_is_still_a_request(detector: Detector) -> None:
    text = "Tillerson urged Moscow to stop arming the rebels in eastern Ukraine."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_call_for_the_other_side_to_act_is_still_a_request(detector: Detector) -> None:
    text = "Trump called for Russia to release the detained sailors."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ not yet done, asked together


def test_what_the_other_side_has_yet_to_do_is_no_demand(detector: Detector) -> None:
    text = "Peskov said the United States has yet to explain its decision."
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


def test_what_the_other_side_has_to_do_is_still_a_demand(detector: Detector) -> None:
    text = "Peskov said the United States has to explain its decision."
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


def test_both_sides_pushing_together_ask_neither(detector: Detector) -> None:
    text = "Both the United States and Russia are pushing for a new resolution on terror financing."
    found = triples(detector, text)
    assert ("REQUEST", "USA", "RUS") not in found
    assert ("REQUEST", "RUS", "USA") not in found


def test_one_side_pressing_the_other_still_asks_it(detector: Detector) -> None:
    text = "Tillerson pressed Russia to withdraw its troops from eastern Ukraine."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ force warned against


def test_a_deployment_warned_against_is_not_made(detector: Detector) -> None:
    text = "Mattis warned Russia against deploying new missiles in Europe."
    found = triples(detector, text)
    assert ("MOBILIZE", "USA", "RUS") not in found
    assert ("MOBILIZE", "RUS", "USA") not in found


def test_the_warning_against_a_deployment_is_still_a_threat(detector: Detector) -> None:
    text = "Mattis warned Russia against deploying new missiles in Europe."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_a_deployment_made_is_still_mobilization(detector: Detector) -> None:
    text = "Russia deployed new missiles along its border with the United States on Monday."
    assert ("MOBILIZE", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------------------------ a meeting expected


def test_a_meeting_expected_of_the_other_side_is_no_demand(detector: Detector) -> None:
    text = "American officials are expecting Putin to meet Tillerson in Moscow on Wednesday."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


def test_an_act_expected_of_the_other_side_is_still_a_demand(detector: Detector) -> None:
    text = "Russia expects Tillerson to explain Washington's stance on Syria."
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------------------------ told to close a mission


def test_told_to_close_its_consulate_is_no_request(detector: Detector) -> None:
    text = "The State Department told Moscow to shut down its consulate in Seattle."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


def test_told_to_close_its_bases_is_still_a_request(detector: Detector) -> None:
    text = "Tillerson told Moscow to close its military bases in Syria."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)

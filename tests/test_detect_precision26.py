"""Events: precision of ASSAULT and THREATEN. An attack whose other side the sentence names as
its doer ("expelled diplomats because of Russian hacking", "a statement alleging Russia was
behind the hacks") is not an attack on that side by the one who reacts to it or charges it; a
harm named as what someone is open to ("vulnerable to Russian blackmail") is not made; and a
passive threat whose subject is a thing of no side ("the vision of a free Europe is threatened
by Russian aggression") is aimed at no one of the other side. A request that a club take the
other side back ("pushed for the G7 to readmit Russia") asks the club, and backs the other side,
and criticism of a report or of news ("rebuked CNN for a report claiming the CIA pulled a spy
out of Russia") is of the report, not of the side it tells of. What one side and its allies
agree to do to the other side ("agreed to expel Russia") is agreed among them, not with it;
twenty-sixth precision round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 9, 1)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ the doer of an attack


def test_hacking_a_penalty_answers_is_not_an_attack_on_its_doer(detector: Detector) -> None:
    text = (
        "The Obama administration ordered 35 Russian diplomats to leave the country "
        "because of Russian hacking during the campaign."
    )
    found = triples(detector, text)
    assert ("ASSAULT", "USA", "RUS") not in found
    assert ("SANCTION", "USA", "RUS") in found


def test_the_side_alleged_behind_hacks_is_not_their_target(detector: Detector) -> None:
    text = (
        "In October, US intelligence agencies issued a statement alleging Russia itself "
        "was behind the hacks of the American political system."
    )
    assert ("ASSAULT", "USA", "RUS") not in triples(detector, text)


def test_the_side_behind_a_cyberattack_still_made_it(detector: Detector) -> None:
    text = (
        'Pompeo said Russia was "pretty clearly" behind a sweeping cyberattack that '
        "breached U.S. government agencies."
    )
    assert ("ASSAULT", "RUS", "USA") in triples(detector, text)


def test_hackers_of_one_side_attacking_the_other_still_attack(detector: Detector) -> None:
    text = "Russian hackers attacked the US power grid last winter, officials said."
    assert ("ASSAULT", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------------------------ a harm one is open to


def test_blackmail_one_is_vulnerable_to_is_no_threat(detector: Detector) -> None:
    text = "The Justice Department warned that Flynn could be susceptible to Russian blackmail."
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_blackmail_one_is_at_risk_for_is_no_threat(detector: Detector) -> None:
    text = "Yates told officials that Flynn was at risk for Russian blackmail."
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_a_threat_of_sanctions_is_still_a_threat(detector: Detector) -> None:
    text = "Tillerson said Russia will face further sanctions over its actions in Ukraine."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ a thing threatened


def test_a_thing_threatened_by_the_other_side_is_no_threat_to_the_speaker(
    detector: Detector,
) -> None:
    text = (
        "Obama said the vision of a free Europe is threatened by Russia's aggression "
        "against Ukraine."
    )
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_the_other_side_threatened_in_the_active_is_still_threatened(
    detector: Detector,
) -> None:
    text = "The Kremlin threatened the United States with retaliation over the new sanctions."
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------------------------ a club asked to take back


def test_pushing_a_club_to_readmit_the_other_side_asks_the_club(detector: Detector) -> None:
    text = "Putin has welcomed the idea. Trump pushed for the G7 to readmit Russia to the group."
    found = triples(detector, text)
    assert ("REQUEST", "USA", "RUS") not in found
    assert ("SUPPORT", "USA", "RUS") in found


def test_a_call_for_the_other_sides_readmission_asks_the_club(detector: Detector) -> None:
    text = "European leaders balked at Trump's call for Russia's readmission to the G7 on Friday."
    found = triples(detector, text)
    assert ("REQUEST", "USA", "RUS") not in found
    assert ("SUPPORT", "USA", "RUS") in found


def test_a_call_on_club_members_to_let_the_other_side_back_asks_them(detector: Detector) -> None:
    text = (
        "Moscow has said it wants to rejoin the club. Trump has called repeatedly for leaders "
        "of other member nations to allow Russia back into the group."
    )
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


def test_a_call_on_the_other_side_to_act_is_still_a_request(detector: Detector) -> None:
    text = "Trump called on Russia to release the detained sailors."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ a report criticised


def test_rebuking_a_network_for_a_report_on_the_other_side_accuses_no_side(
    detector: Detector,
) -> None:
    text = (
        "The White House on Tuesday rebuked CNN for a widely challenged report claiming "
        "the CIA had pulled a spy out of Russia."
    )
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


def test_slamming_the_reporting_accuses_no_side_named_before(detector: Detector) -> None:
    text = "Putin met Trump in Helsinki. The White House on Tuesday slammed the reporting as false."
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


def test_condemning_the_other_sides_report_still_accuses_it(detector: Detector) -> None:
    text = "The State Department condemned the Russian report as propaganda."
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_condemning_the_other_sides_act_still_accuses_it(detector: Detector) -> None:
    text = "The White House condemned Russia's annexation of Crimea."
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ agreed among partners


def test_one_side_and_its_allies_agreeing_to_expel_the_other_agree_nothing_with_it(
    detector: Detector,
) -> None:
    text = (
        "The United States and its allies agreed to expel Russia from the group following "
        "Moscow's annexation of Crimea in 2014."
    )
    assert ("AGREE", "USA", "RUS") not in triples(detector, text)


def test_the_two_sides_agreeing_together_still_agree(detector: Detector) -> None:
    text = "Russia and the United States agreed to extend the treaty."
    assert ("AGREE", "USA", "RUS") in triples(detector, text)

"""Events: precision of the rare types. A hack of a party or a campaign recalled as
background, an attack word out of its attack sense, forces moved into a third party's war,
an arrest or seizure of someone or something of a third party, giving way with the other
side only named around it, and a joint statement with allies; twenty-second precision round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 6, 1)

# Two opening sentences about the pair: what follows them is not the story's lead.
OPENING = (
    "Obama met Putin in Paris on Monday for talks on the fighting in Syria. "
    "The two leaders spoke for nearly two hours. "
)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ hacks of home politics


def test_a_hack_of_a_state_agency_is_an_attack(detector: Detector) -> None:
    text = OPENING + "Russian hackers hacked the State Department's email system on Tuesday."
    assert ("ASSAULT", "RUS", "USA") in triples(detector, text)


def test_a_hack_of_a_party_is_home_politics(detector: Detector) -> None:
    text = OPENING + "Russian hackers hacked the Democratic National Committee's email system."
    assert ("ASSAULT", "RUS", "USA") not in triples(detector, text)


def test_a_charge_of_hacking_a_party_in_the_lead_is_the_news(detector: Detector) -> None:
    text = (
        "The United States on Friday formally accused Russia of hacking the Democratic"
        " National Committee to interfere with the election."
    )
    assert ("ASSAULT", "RUS", "USA") in triples(detector, text)


def test_a_charge_of_hacking_a_party_recalled_later_is_background(detector: Detector) -> None:
    text = OPENING + (
        "American intelligence officials have accused the Russians of hacking Democratic"
        " email accounts to help the Republican candidate."
    )
    assert ("ASSAULT", "RUS", "USA") not in triples(detector, text)


def test_targeting_with_sanctions_is_no_hack(detector: Detector) -> None:
    text = OPENING + "Putin criticized the United States for targeting Russia with sanctions."
    assert ("ASSAULT", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ forces in a third war


def test_forces_sent_at_the_other_side_are_a_mobilization(detector: Detector) -> None:
    text = OPENING + (
        "Russia sent two warships to the Caribbean on Wednesday in a show of force aimed at"
        " the United States."
    )
    assert ("MOBILIZE", "RUS", "USA") in triples(detector, text)


def test_forces_moved_into_a_third_war_are_not_aimed_at_the_other_side(
    detector: Detector,
) -> None:
    text = OPENING + (
        "Russia has moved tanks and troops into western Syria, according to two American"
        " defense officials."
    )
    assert ("MOBILIZE", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------------------ what is seized or held


def test_seizing_the_other_sides_ships_is_coercion(detector: Detector) -> None:
    text = OPENING + "Russia seized two American ships in the Black Sea on Sunday."
    assert ("COERCE", "RUS", "USA") in triples(detector, text)


def test_seizing_a_third_partys_ships_is_no_coercion_of_the_other_side(
    detector: Detector,
) -> None:
    text = OPENING + (
        "Russia seized three Ukrainian navy ships in the Kerch Strait, drawing condemnation"
        " from the United States."
    )
    assert ("COERCE", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------------------ giving way


def test_bending_to_the_other_side_is_a_concession(detector: Detector) -> None:
    text = OPENING + "Moscow finally bent to American demands on the inspections."
    assert ("CONCEDE", "RUS", "USA") in triples(detector, text)


def test_backtracking_on_ones_own_words_is_no_concession(detector: Detector) -> None:
    text = OPENING + (
        "Obama said Russia was behind the attack on the convoy. He later backtracked, saying"
        " nobody really knows."
    )
    assert ("CONCEDE", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ joint statements


def test_a_joint_statement_of_the_pair_is_cooperation(detector: Detector) -> None:
    text = "The Kremlin and the White House issued a joint statement on Syria on Monday."
    assert ("COOPERATE", "USA", "RUS") in triples(detector, text)


def test_a_joint_statement_with_allies_is_no_cooperation_with_the_other_side(
    detector: Detector,
) -> None:
    text = OPENING + (
        "The White House issued a joint statement with Britain and France that blamed Russia"
        " for the nerve agent attack."
    )
    assert ("COOPERATE", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ attacks in words


def test_an_attack_on_the_other_sides_troops_is_an_assault(detector: Detector) -> None:
    text = OPENING + "Russian jets attacked American troops near the border on Tuesday."
    assert ("ASSAULT", "RUS", "USA") in triples(detector, text)


def test_an_attack_on_a_sides_democracy_is_figurative(detector: Detector) -> None:
    text = OPENING + "Russia has attacked American democracy, Obama said."
    assert ("ASSAULT", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------------------ requests by guess


def test_a_request_of_the_other_side_named_in_it_is_a_request(detector: Detector) -> None:
    text = "Trump urged Russia to withdraw its forces from Ukraine."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_request_naming_no_one_of_the_other_side_is_no_request_of_it(
    detector: Detector,
) -> None:
    text = (
        "Trump met Putin in Paris on Monday for talks on Syria. Pence also called for more"
        " money to modernize the nuclear arsenal."
    )
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)

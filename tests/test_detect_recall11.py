"""Events: fourteenth-round recall cases (names shared in a family, meetings named as nouns).

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2017, 11, 6)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------- a relative's full name does not take the surname


def test_a_wife_named_in_full_leaves_the_lone_surname_to_the_president(
    detector: Detector,
) -> None:
    text = (
        "President Trump toured a car plant in Ohio on Sunday.\n\n"
        "He later dined with first lady Melania Trump and the governor.\n\n"
        "Trump will also meet Russian President Vladimir Putin at a summit in Peru next week."
    )
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_a_relative_named_first_still_keeps_the_lone_surname(detector: Detector) -> None:
    # no one else of the name was named before: "Biden" is the son the story is about
    text = (
        "Hunter Biden flew to Kyiv on Sunday for a board meeting.\n\n"
        "Biden will meet Russian Foreign Minister Sergei Lavrov next week, a friend said."
    )
    assert not any(src == "USA" for _, src, _ in triples(detector, text))


# ------------------------------------- a meeting named with its partner and no owner or subject


def test_a_scheduled_meeting_with_the_other_leader_is_the_followed_leaders(
    detector: Detector,
) -> None:
    text = (
        "President Trump flew to Brussels on Sunday for talks with allies.\n\n"
        "A scheduled meeting with Russia's Vladimir Putin in Oslo on July 20 could be"
        " friendlier, diplomats said."
    )
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_a_meeting_named_after_the_leaders_trip_is_his(detector: Detector) -> None:
    text = (
        "President Trump's visit to Britain took place between the NATO summit and a meeting"
        " on Monday in Oslo with Russian leader Vladimir Putin."
    )
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_a_meeting_with_the_leader_after_a_third_party_is_named_is_not_the_pairs(
    detector: Detector,
) -> None:
    text = (
        "Israeli Prime Minister Benjamin Netanyahu flew to Moscow on Sunday.\n\n"
        "President Trump said the meeting with Putin was a matter for Israel."
    )
    assert ("CONSULT", "USA", "RUS") not in triples(detector, text)


def test_a_meeting_named_as_the_topic_of_a_resignation_is_not_held_here(
    detector: Detector,
) -> None:
    text = (
        "President Trump spoke to reporters on Sunday.\n\n"
        "The adviser resigned over conversations with the Russian ambassador, Sergey Kislyak."
    )
    assert ("CONSULT", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------ force promised for later is a threat


def test_force_a_side_says_it_will_use_is_a_threat_not_an_attack(detector: Detector) -> None:
    text = (
        "The Russian ambassador said on Monday that Russian forces would shoot down any US"
        " missiles fired at Syria."
    )
    found = triples(detector, text)
    assert ("THREATEN", "RUS", "USA") in found
    assert ("ASSAULT", "RUS", "USA") not in found


def test_force_used_is_still_an_attack(detector: Detector) -> None:
    text = "Russian forces shot down two US drones over Syria on Monday, the Pentagon said."
    found = triples(detector, text)
    assert ("THREATEN", "RUS", "USA") not in found


# ------------------------------------------- a duty put on the other side in reported speech


def test_a_side_said_to_need_to_stop_is_asked_to_stop(detector: Detector) -> None:
    text = "Tillerson said on Monday that Russia needed to stop supplying weapons to Assad."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_side_that_needed_time_to_stop_is_not_asked(detector: Detector) -> None:
    text = "Moscow needed a week to stop the shipments, Tillerson said on Monday."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


def test_talks_with_the_other_side_one_is_open_to_are_an_offer_not_a_meeting(
    detector: Detector,
) -> None:
    text = "Putin said on Monday that Russia was open to talks with the United States."
    found = triples(detector, text)
    assert ("AGREE", "RUS", "USA") in found
    assert ("CONSULT", "RUS", "USA") not in found and ("CONSULT", "USA", "RUS") not in found


# ------------------------------------------------- a joint step of the pair put forward


def test_a_joint_step_the_pair_should_take_is_offered_to_the_other_side(
    detector: Detector,
) -> None:
    text = (
        "Putin met Trump in Hamburg on Friday.\n\n"
        "Putin also suggested that the two countries form a joint working group on energy."
    )
    assert ("AGREE", "RUS", "USA") in triples(detector, text)


def test_a_view_of_the_pairs_past_is_no_offer(detector: Detector) -> None:
    text = (
        "Putin met Trump in Hamburg on Friday.\n\n"
        "Putin also suggested that the two countries have never been friends."
    )
    assert ("AGREE", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------ a speaker's second verb hung on the reported clause


def test_the_speaker_not_the_call_hopes_to_meet(detector: Detector) -> None:
    text = (
        "Trump said on Monday his call with Putin was very good and hopes to meet him soon to"
        " discuss Syria."
    )
    found = triples(detector, text)
    assert ("AGREE", "USA", "RUS") in found
    assert ("AGREE", "RUS", "USA") not in found


# ----------------------------------------- one named person telling another of the other side


def test_a_minister_telling_his_named_counterpart_is_a_contact(detector: Detector) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov told Tillerson on Monday that new sanctions"
        " would hurt ties, the ministry said."
    )
    found = triples(detector, text)
    assert ("CONSULT", "RUS", "USA") in found or ("CONSULT", "USA", "RUS") in found


def test_telling_the_other_country_is_no_contact(detector: Detector) -> None:
    text = "Tillerson told Russia on Monday that it must stop arming the rebels."
    found = triples(detector, text)
    assert ("CONSULT", "RUS", "USA") not in found and ("CONSULT", "USA", "RUS") not in found


def test_a_telling_that_did_not_happen_is_no_contact(detector: Detector) -> None:
    text = "Tillerson did not tell Lavrov on Monday about the new sanctions, aides said."
    found = triples(detector, text)
    assert ("CONSULT", "RUS", "USA") not in found and ("CONSULT", "USA", "RUS") not in found

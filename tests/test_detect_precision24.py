"""Events: precision of THREATEN. A warning that reports, as a fact with no modal, what the
other side does or what happened ("warned that Russia is still meddling", "warned that the
delay gave Moscow an opening") raises an alarm and threatens no one, nor does a warning
against doing something put to no one named ("warned against overreacting"); a "threat"
that names no harm held over anyone ("Russia's growing threat to NATO", "the Russian cyber
threat") is a danger someone poses, not a threat made. Pronouns: "he" after a subject that
no side owns, in a sentence that names a leader only as an object ("Harlan never said how he
would deal with Putin, but he did say"), is not that leader. A demand the speaker only
should make ("leaders should insist that Russia ...") is not made, nor is a statement what
a speaker only could say ("Obama could argue that ..."); twenty-fourth precision round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples, statements_in

DAY = dt.date(2015, 6, 1)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ warnings told as facts


def test_a_warning_that_the_other_side_is_meddling_threatens_no_one(detector: Detector) -> None:
    text = "Kerry warned on Monday that Russia is still meddling in the elections of its neighbors."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_a_warning_that_the_other_side_did_not_stop_threatens_no_one(detector: Detector) -> None:
    text = "Kerry warned on Monday that Moscow did not stop its campaign against the protesters."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_a_warning_of_what_a_delay_gave_the_other_side_threatens_no_one(
    detector: Detector,
) -> None:
    text = "Kerry warned that the hesitation of the European capitals gave Putin a free hand."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_a_warning_against_overreacting_threatens_no_one(detector: Detector) -> None:
    text = (
        "Obama on Tuesday warned against overreacting to the bombing in Brussels, a day after"
        " Putin offered his help."
    )
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_a_warning_of_a_reprisal_is_a_threat(detector: Detector) -> None:
    text = "Obama warned that the United States will respond to any Russian attack on its allies."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_a_warning_of_sanctions_to_come_is_a_threat(detector: Detector) -> None:
    text = "Obama warned Russia that it would face new sanctions."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_a_warning_that_an_act_raised_the_danger_of_a_clash_is_a_threat(
    detector: Detector,
) -> None:
    text = "Lavrov warned that the American deployment raised the danger of a direct clash."
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_a_warning_put_to_the_other_side_against_an_act_is_a_threat(detector: Detector) -> None:
    text = "Kerry warned Moscow against sending troops into eastern Ukraine."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ a threat as a danger posed


def test_the_other_sides_new_threat_briefed_is_no_threat_made(detector: Detector) -> None:
    text = "Obama was angry that the analysts had briefed Congress on Russia's new threat."
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_threats_from_the_other_side_confronted_are_no_threat_made(detector: Detector) -> None:
    text = "Kerry said the allies would stand up to the threats and pressure from Moscow."
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_a_cyber_threat_countered_is_no_threat_made(detector: Detector) -> None:
    text = "The Pentagon is spending more to counter the Russian cyber threat."
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


def test_a_threat_to_act_is_a_threat_made(detector: Detector) -> None:
    text = "Moscow's threat to expel American diplomats angered the White House."
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_a_threat_made_good_on_is_a_threat_made(detector: Detector) -> None:
    text = "Putin made good on his threat against Washington."
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


def test_the_threat_of_sanctions_is_a_threat_made(detector: Detector) -> None:
    text = "Obama renewed his threat of new sanctions against Russia."
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ "he" after a stranger subject


def test_he_after_a_subject_no_side_owns_is_not_the_leader_named_as_an_object(
    detector: Detector,
) -> None:
    text = (
        "Governor Tom Harlan has never said how he would deal with Putin, but he did say on"
        " Friday that the United States needs to send more troops to Poland."
    )
    found = triples(detector, text)
    assert ("REQUEST", "RUS", "USA") not in found
    assert not [s for s in statements_in(detector, text, DAY) if s.speaker.name == "Vladimir Putin"]


def test_he_after_a_leader_as_subject_is_that_leader(detector: Detector) -> None:
    text = (
        "Putin met the banker Tom Harlan in Sochi, and he said on Friday that the United States"
        " must lift its sanctions."
    )
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------------------------ a demand only recommended


def test_a_demand_leaders_only_should_make_is_not_made(detector: Detector) -> None:
    text = "American and British leaders should insist that Russia release the two sailors."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


def test_a_demand_insisted_on_is_made(detector: Detector) -> None:
    text = "Kerry insisted that Russia must release the two sailors."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------------------ words only could be said


def test_what_a_leader_could_argue_is_no_statement(detector: Detector) -> None:
    text = "Obama could argue that Russia broke the missile treaty."
    assert not [s for s in statements_in(detector, text, DAY) if "Obama" in s.speaker.name]


def test_what_a_leader_argued_is_a_statement(detector: Detector) -> None:
    text = "Obama argued that Russia broke the missile treaty."
    assert [s for s in statements_in(detector, text, DAY) if "Obama" in s.speaker.name]

"""Statements, second part: one statement per act of speaking, and speakers resolved through
trailing attributions, titles and pronouns. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_phrase, statements_in

DAY = dt.date(2023, 5, 4)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return statements_in(detector, text, day)


def test_participle_after_a_quote_joins_the_quote(detector: Detector) -> None:
    text = (
        "Moscow reacted within hours to the new U.S. tariffs. “We will study the list "
        "carefully and answer in kind,” Sergei Lavrov told reporters, calling the American "
        "measures short-sighted and hostile."
    )
    found = statements(detector, text)
    lavrov = [s for s in found if "Lavrov" in s.speaker.name]
    assert len(lavrov) == 1, found
    assert "answer in kind" in lavrov[0].quote and "short-sighted" in lavrov[0].quote


def test_trailing_attribution_credits_the_reporting_body(detector: Detector) -> None:
    text = (
        "Washington and Moscow traded words over the seized tanker this week.\n"
        "Secretary of State Antony Blinken told Sergei Lavrov by phone on Tuesday that Russia "
        "must release the crew without delay, the State Department said."
    )
    found = by_phrase(statements(detector, text), "release the crew")
    # the body that relays the words is credited; Blinken, who spoke them, is a speaker too
    # (EVENTS.md: attributed indirect speech by a person of a side is a statement)
    assert sorted(s.speaker.name for s in found) == ["Antony Blinken", "State Department"], found


def test_they_after_a_group_that_is_no_actor_is_no_speaker(detector: Detector) -> None:
    text = (
        "Russia's security service said it had arrested an American teacher in Kazan.\n"
        "His colleagues said the teacher had lived in the city for years. “He is no spy and we "
        "hope he will be home soon,” they said."
    )
    assert not by_phrase(statements(detector, text), "no spy")


def test_it_said_skips_the_side_named_inside_the_quote(detector: Detector) -> None:
    text = (
        "Washington accused Moscow of jamming GPS signals over the Baltic.\n"
        "The Russian embassy in Washington rejected the claim. “Russia does not interfere "
        "with civilian navigation,” it said in a statement."
    )
    found = by_phrase(statements(detector, text), "civilian navigation")
    assert found and "Embassy" in found[0].speaker.name


def test_he_after_a_title_that_names_a_known_person(detector: Detector) -> None:
    text = (
        "Secretary of State Antony Blinken met Sergei Lavrov briefly in Jakarta on Thursday.\n"
        "The top U.S. diplomat told reporters that he had pressed Moscow to free Evan "
        "Gershkovich, a reporter held in Russia. “Let him go home to his family,” he said he "
        "had told Lavrov."
    )
    found = by_phrase(statements(detector, text, dt.date(2023, 7, 14)), "home to his family")
    assert found and "Blinken" in found[0].speaker.name


def test_bare_title_takes_the_holder_the_story_made_its_subject(detector: Detector) -> None:
    text = (
        "Joe Biden and Vladimir Putin spoke for two hours on Tuesday.\n"
        "Biden, speaking to reporters afterwards, said he had warned Putin about the troop "
        "build-up. He said he had given Putin a clear choice. “Russia will pay a heavy price "
        "if it invades,” the president said."
    )
    found = by_phrase(statements(detector, text, dt.date(2021, 12, 8)), "heavy price")
    assert found and "Biden" in found[0].speaker.name


def test_unknown_official_takes_the_side_of_the_story_not_of_the_quote(detector: Detector) -> None:
    text = (
        "The U.S. Treasury on Monday added two Russian banks to its sanctions list, and "
        "Vladimir Putin's spokesman promised a response.\n"
        "“The Russians will feel this in their wallets and the United States is not done,” "
        "Senator Harold Winterbottom told reporters."
    )
    found = by_phrase(statements(detector, text), "feel this in their wallets")
    assert found and found[0].speaker.country == "USA"


def test_lead_that_relays_words_through_a_body_stays_a_statement(detector: Detector) -> None:
    text = (
        "President Joe Biden told Vladimir Putin in a phone call on Tuesday that Russia must "
        "stop the cyberattacks on American hospitals, the White House said.\n"
        "The Kremlin said the call had been businesslike."
    )
    found = by_phrase(statements(detector, text, dt.date(2021, 7, 13)), "American hospitals")
    assert [s.speaker.name for s in found] == ["White House"], found


def test_fact_sourced_to_a_body_is_no_statement(detector: Detector) -> None:
    text = (
        "Russian warships sailed into the Caribbean this week as tension with Washington grew.\n"
        "The destroyer and two supply ships completed gunnery practice off Venezuela, the "
        "Russian defence ministry said.\n"
        "“These visits are a provocation,” a U.S. Navy spokesman said."
    )
    found = statements(detector, text)
    assert not by_phrase(found, "gunnery practice"), found
    assert by_phrase(found, "provocation")


def test_trailing_attribution_of_a_position_stays(detector: Detector) -> None:
    text = (
        "Moscow and Washington sparred again over the arms treaty.\n"
        "The inspections were a reckless demand that ignored Russia's security, the Russian "
        "Foreign Ministry said."
    )
    assert by_phrase(statements(detector, text), "reckless demand")


def test_a_plain_lead_is_the_news_not_a_statement(detector: Detector) -> None:
    text = (
        "MOSCOW, May 3 — Vladimir Putin said on Wednesday that Russia would keep its consulate "
        "in Seattle open despite the new U.S. visa rules.\n"
        "“We do not intend to answer rudeness with rudeness,” Putin told reporters."
    )
    found = statements(detector, text)
    assert not by_phrase(found, "consulate in Seattle"), found
    assert by_phrase(found, "rudeness with rudeness")


def test_a_lead_that_judges_stays_a_statement(detector: Detector) -> None:
    text = (
        "MOSCOW, May 3 — The Kremlin said on Wednesday that the new U.S. visa rules were an "
        "unfriendly and provocative step against Russian citizens.\n"
        "The State Department said the rules applied to all countries."
    )
    assert by_phrase(statements(detector, text), "unfriendly and provocative")


def test_a_third_country_ministry_is_not_a_watched_side(detector: Detector) -> None:
    text = (
        "A Russian frigate docked in Havana on Wednesday, and the U.S. Navy said it was "
        "watching closely.\n"
        "Cuba's foreign ministry said the visit was a friendly one and posed no danger to the "
        "United States."
    )
    found = by_phrase(statements(detector, text), "friendly one")
    assert not found, found


def test_a_statement_with_the_bare_state_as_speaker_is_dropped(detector: Detector) -> None:
    text = (
        "Russia pulled out of the grain talks in Geneva on Tuesday.\n"
        "Russian news agencies quoted an unnamed source as saying the United States had "
        "asked for the talks to be delayed."
    )
    found = statements(detector, text)
    assert not [s for s in found if s.speaker.name in ("Russia", "United States")], found


def test_a_second_quote_after_adding_joins_the_first(detector: Detector) -> None:
    text = (
        "Vladimir Putin spoke at an economic forum in Vladivostok on Thursday.\n"
        '"The Americans know where to find us," Putin told the audience, adding that the '
        'latest proposals from Washington "deserve a careful look."'
    )
    found = [
        s for s in statements(detector, text, dt.date(2024, 9, 5)) if "Putin" in s.speaker.name
    ]
    assert len(found) == 1, found
    assert "careful look" in found[0].quote and "where to find us" in found[0].quote


def test_a_pronoun_follow_up_with_a_detail_is_no_new_statement(detector: Detector) -> None:
    text = (
        "The Kremlin answered the new U.S. arms package for Kyiv on Monday.\n"
        "Kremlin spokesman Dmitry Peskov said Washington was stoking the conflict with its "
        "new arms package. He said the president's schedule for next week had not yet been "
        "finalised."
    )
    found = statements(detector, text)
    assert by_phrase(found, "stoking the conflict")
    assert not by_phrase(found, "schedule for next week"), found


def test_a_pronoun_follow_up_about_the_other_side_stays(detector: Detector) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday about the arms package.\n"
        "He said the United States was prolonging the war by sending more weapons."
    )
    assert by_phrase(statements(detector, text), "prolonging the war")


def test_adding_that_joins_the_statement_it_follows(detector: Detector) -> None:
    text = (
        "Russia ordered 20 U.S. diplomats to leave on Friday.\n"
        "The envoys have two weeks to pack, Sergei Lavrov said, adding that Moscow would treat "
        "any further American expulsions the same way."
    )
    found = [s for s in statements(detector, text) if "Lavrov" in s.speaker.name]
    assert len(found) == 1, found
    assert "the same way" in found[0].quote


def test_a_lone_saying_gloss_is_still_no_statement(detector: Detector) -> None:
    text = (
        "The Pentagon released video of the intercept on Tuesday.\n"
        "Russian jets flew within 20 feet of the drone, officials in Moscow denied it, saying "
        "the pilots had followed international rules."
    )
    found = by_phrase(statements(detector, text), "followed international rules")
    assert not found, found


def test_saying_after_a_rejection_later_in_the_story_is_a_statement(detector: Detector) -> None:
    text = (
        "Washington accused Moscow on Tuesday of running a network of fake news sites.\n"
        "Kremlin spokesman Dmitry Peskov dismissed the charge, saying Russia had no link to the "
        "sites and that the United States was looking for a scapegoat."
    )
    found = by_phrase(statements(detector, text), "looking for a scapegoat")
    assert found and "Peskov" in found[0].speaker.name


def test_a_ranked_officer_unknown_to_the_dictionary_takes_the_story_side(
    detector: Detector,
) -> None:
    text = (
        "U.S. Central Command said on Friday that a Russian fighter had harassed an American "
        "drone over Syria.\n"
        "Pentagon spokesman Brig. Gen. Mark Dorsey said Russian pilots kept ignoring the rules "
        "of the air."
    )
    found = by_phrase(statements(detector, text), "rules of the air")
    assert found and found[0].speaker.country == "USA", found


def test_a_service_general_unknown_to_the_dictionary_takes_the_story_side(
    detector: Detector,
) -> None:
    text = (
        "U.S. Central Command said on Friday that a Russian fighter had harassed an American "
        "drone over Syria.\n"
        '"The Russian pilots are behaving recklessly," Air Force General Mark Dorsey said.'
    )
    found = by_phrase(statements(detector, text), "behaving recklessly")
    assert found and found[0].speaker.country == "USA", found


def test_unnamed_officials_of_a_side_are_sources_not_speakers(detector: Detector) -> None:
    text = (
        "Two Russian bombers flew near Alaska on Monday and were escorted by American jets.\n"
        "U.S. officials said the bombers stayed in international airspace throughout.\n"
        "The Kremlin spokesman said the flights were routine and posed no threat to America."
    )
    found = statements(detector, text)
    assert not by_phrase(found, "stayed in international airspace"), found
    assert by_phrase(found, "flights were routine")


def test_told_a_hearer_that_is_what_was_told(detector: Detector) -> None:
    text = (
        "The White House and the Kremlin traded statements on the grain deal all week.\n"
        "Later on Friday, Trump told a broadcaster that he had not spoken with Putin about "
        "the deal but expected to soon."
    )
    found = by_phrase(statements(detector, text, dt.date(2025, 3, 7)), "had not spoken with Putin")
    assert found and "Trump" in found[0].speaker.name


def test_a_capitalised_title_before_a_known_name_keeps_the_name(detector: Detector) -> None:
    text = (
        "Moscow protested on Thursday against the arrest of a Russian citizen in New York.\n"
        "Spokeswoman Maria Zakharova said the arrest was meant to undermine the talks with "
        "Washington."
    )
    found = by_phrase(statements(detector, text, dt.date(2018, 7, 19)), "undermine the talks")
    assert found and "Zakharova" in found[0].speaker.name, found


def test_the_speaker_is_the_subject_outside_the_quote(detector: Detector) -> None:
    text = (
        "An American teacher held in Russia for two years flew home on Thursday.\n"
        '"The negotiations we undertook with Moscow required choices I did not make lightly," '
        "President Joe Biden said in a statement, adding that he had called the family."
    )
    found = by_phrase(statements(detector, text, dt.date(2022, 4, 28)), "did not make lightly")
    assert found and "Biden" in found[0].speaker.name, found

"""Statements in five sentence structures: blame laid on a side ("blamed the poor U.S.-Russia
relationship on ...", "put the blame for X on Y"), a pair subject that takes up two people
named just before ("Both leaders called ..."), a document that reports its side's person
speaking ("a statement saying that Lavrov had urged ...") and a relative clause on a document
("a statement in which he called on Moscow to ...") and the "of" phrase of a warning ("warned
of the risk of ..."). The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement

DAY = dt.date(2018, 7, 20)
OBAMA_DAY = dt.date(2013, 6, 18)
KERRY_DAY = dt.date(2014, 3, 20)

LEAD = "The summit season opened in Europe this week with talks on trade and security. "


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def by(found: list[DetectedStatement], surname: str) -> list[DetectedStatement]:
    return [s for s in found if surname in s.speaker.name]


# --- blame laid on a side


def test_blame_on_with_the_pair_compound_object(detector: Detector) -> None:
    text = LEAD + (
        "Ahead of the meeting, Trump blamed the poor U.S.-Russia relationship on years of "
        "foolishness in Washington and on the special counsel's inquiry."
    )
    found = by(statements(detector, text), "Trump")
    assert found and "foolishness" in found[0].quote, statements(detector, text)


def test_blame_on_hung_on_the_object(detector: Detector) -> None:
    # the parser hangs "on" on "relations", not on the verb
    text = LEAD + (
        "Secretary of State Mike Pompeo blamed the bad state of relations with Russia on "
        '"Russian bad behavior."'
    )
    found = by(statements(detector, text), "Pompeo")
    assert found and found[0].speaker.country == "USA", statements(detector, text)
    assert "bad behavior" in found[0].quote


def test_put_the_blame_for_on(detector: Detector) -> None:
    text = LEAD + (
        "Writing on Twitter, President Donald Trump put the blame for the decline in relations "
        'with Russia on "years of US foolishness".'
    )
    found = by(statements(detector, text), "Trump")
    assert found and "foolishness" in found[0].quote, statements(detector, text)


def test_put_without_blame_is_no_charge(detector: Detector) -> None:
    text = LEAD + (
        "Writing on Twitter, President Donald Trump put the focus for the decline in trade "
        "with Russia on years of tariffs."
    )
    assert not by(statements(detector, text), "Trump"), statements(detector, text)


# --- a pair subject


def test_both_leaders_credits_the_first_named_of_a_watched_side(detector: Detector) -> None:
    text = (
        "Obama met Cameron at the White House on Monday to talk about the war in Syria. "
        'Both leaders called recent talks with Russian President Vladimir Putin "very '
        'constructive."'
    )
    found = by(statements(detector, text, OBAMA_DAY), "Obama")
    assert found and "very constructive" in found[0].quote, statements(detector, text, OBAMA_DAY)


def test_two_leaders_of_both_sides_speak_for_neither_alone(detector: Detector) -> None:
    text = (
        "Obama met Putin in Northern Ireland on Monday to talk about the war in Syria. "
        'Both leaders called the talks with their aides "very constructive."'
    )
    found = statements(detector, text, OBAMA_DAY)
    assert not [s for s in found if "very constructive" in s.quote], found


def test_two_unnamed_sources_name_no_one(detector: Detector) -> None:
    text = (
        "Obama met Cameron at the White House on Monday to talk about the war in Syria. "
        "The two sources said Russia had stepped up its arms deliveries to Assad."
    )
    found = statements(detector, text, OBAMA_DAY)
    assert not by(found, "Obama") and not by(found, "Cameron"), found


# --- a document's reported speaker


def test_statement_saying_that_a_minister_urged(detector: Detector) -> None:
    text = LEAD + (
        "Russia's foreign ministry released a statement saying that Foreign Minister Sergei "
        "Lavrov had urged restraint to Secretary of State John Kerry when the two spoke by "
        "phone on Sunday."
    )
    found = [s for s in statements(detector, text, KERRY_DAY) if "urged restraint" in s.quote]
    assert found and "Lavrov" in found[0].speaker.name, statements(detector, text, KERRY_DAY)


def test_body_that_says_its_leader_noted_stays_the_body(detector: Detector) -> None:
    text = LEAD + (
        "The Kremlin said Putin noted that no requests had come from the U.S. side in the "
        "past month."
    )
    found = [s for s in statements(detector, text) if "no requests" in s.quote]
    assert not by(found, "Putin") or by(found, "Kremlin"), found


# --- a relative clause on a document


def test_statement_in_which_he_called_on_moscow(detector: Detector) -> None:
    text = LEAD + (
        "On Thursday Secretary of State John Kerry issued a strongly worded statement, in which "
        "he called on Moscow to help defuse the crisis or face further sanctions."
    )
    found = by(statements(detector, text, KERRY_DAY), "Kerry")
    assert found and "defuse the crisis" in found[0].quote, statements(detector, text, KERRY_DAY)


def test_relative_clause_on_a_plain_noun_stays_an_aside(detector: Detector) -> None:
    text = LEAD + (
        "On Thursday Secretary of State John Kerry visited a town, in which he said Moscow "
        "should help defuse the crisis."
    )
    found = [s for s in statements(detector, text, KERRY_DAY) if "visited" in s.quote]
    assert not found, statements(detector, text, KERRY_DAY)


# --- the "of" phrase of a warning


def test_warned_of_a_risk_because_of_the_other_side(detector: Detector) -> None:
    text = LEAD + (
        "In a speech to his generals on Tuesday, Putin warned of the risk of a new arms race "
        "because of the U.S. decision to quit the missile treaty."
    )
    found = by(statements(detector, text), "Putin")
    assert found and "arms race" in found[0].quote, statements(detector, text)


def test_warned_of_two_words_says_too_little(detector: Detector) -> None:
    text = (
        LEAD
        + "In a speech to his generals on Tuesday, Putin warned of consequences for Washington."
    )
    found = [s for s in statements(detector, text) if s.quote.startswith("warned of")]
    assert not found, statements(detector, text)

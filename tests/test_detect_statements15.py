"""Words put out under a noun of speech: "X issued a statement that ...", "X repeated a
warning by Y that ...", "X stood by claims that ...", and a document's own words ("X issued a
statement saying / condemning ..."). The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_phrase, by_speaker

DAY = dt.date(2018, 4, 1)
# An opening that names both sides, so that the sentence under test is not the lead
OPENING = (
    "The talks between the two delegations in Geneva ended on Friday without any deal at all.\n"
    "Relations between Moscow and Washington have worsened sharply over the past month.\n"
)


def statements(detector: Detector, sentence: str) -> list[DetectedStatement]:
    return detector.detect(OPENING + sentence + "\n", published=DAY).statements


def test_who_stands_by_claims_speaks_them(detector: Detector) -> None:
    found = statements(
        detector,
        "Pompeo on Monday stood by claims that Russian hackers had broken into the "
        "election systems.",
    )
    (statement,) = by_speaker(found, "Pompeo", "Russian hackers had broken into")
    assert statement.speaker.country == "USA"
    assert not statement.quote.startswith("that")


def test_a_claim_named_by_its_owner_alone_is_no_statement(detector: Detector) -> None:
    # guard: "X's claim that ..." mostly recalls a position as background
    found = statements(
        detector,
        "Washington dismissed Lavrov's claim that American troops had been training "
        "militants near the border.",
    )
    assert not by_phrase(found, "training militants")


def test_who_repeats_a_warning_speaks_it(detector: Detector) -> None:
    # the parser takes the "that" for an object of the clause's verb
    found = statements(
        detector,
        "The ambassador, Anatoly Antonov, repeated a warning by the defense ministry that "
        "American jets would be shot down if they entered Syrian airspace.",
    )
    (statement,) = by_speaker(found, "Antonov", "jets would be shot down")
    assert statement.speaker.country == "RUS"


def test_who_issues_a_statement_speaks_its_that_clause(detector: Detector) -> None:
    found = statements(
        detector,
        "Senator Mark Warner issued a statement that Russia had been waging a campaign "
        "against American voters.",
    )
    (statement,) = by_speaker(found, "Warner", "waging a campaign")
    assert statement.speaker.country == "USA"


def test_a_statement_saying_speaks_for_its_issuer(detector: Detector) -> None:
    found = statements(
        detector,
        "The Russian foreign ministry released a statement saying that the American sanctions "
        "were illegal.",
    )
    (statement,) = by_speaker(found, "Foreign Ministry", "sanctions were illegal")
    assert statement.speaker.country == "RUS"


def test_a_statement_condemning_is_its_issuers_judgement(detector: Detector) -> None:
    found = statements(
        detector, "Pompeo made a statement condemning the Russian strike on the convoy."
    )
    (statement,) = by_speaker(found, "Pompeo", "condemning the Russian strike")
    assert statement.speaker.country == "USA"


def test_a_claim_no_one_made_is_no_statement(detector: Detector) -> None:
    # guards: a hypothetical claim, a claim with no owner
    found = statements(
        detector,
        "Any claim that Russia had interfered in the vote was false, the senator's critics "
        "said.\nThe claim that Russia had interfered in the vote has been repeated for years.",
    )
    assert not by_phrase(found, "interfered in the vote")


def test_words_not_put_out_are_no_statement(detector: Detector) -> None:
    # guards: a warning not repeated, a statement someone only tried to release
    found = statements(
        detector,
        "Lavrov did not repeat his warning that Moscow would respond to the American sanctions."
        "\nAides blocked an effort by the State Department to release a statement condemning "
        "the Russian strike on the convoy.",
    )
    assert not by_phrase(found, "respond to the American sanctions")
    assert not by_phrase(found, "Russian strike on the convoy")


def test_a_statement_issued_by_one_whose_subject_the_parser_lost(detector: Detector) -> None:
    # the opening clause makes the parser hang the name apart from "was quick"; the name
    # right before the main verb issues the statement
    found = statements(
        detector,
        "While the president praised the summit on Monday, Secretary of Defense James Mattis "
        'was quick to correct him, issuing a statement that the Pentagon had "no doubt about '
        'Russian hacking in the last election."',
    )
    (statement,) = by_speaker(found, "Mattis", "no doubt about Russian hacking")
    assert statement.speaker.country == "USA"


def test_a_lawmaker_on_a_ruler_named_by_an_epithet_speaks_of_the_other_side(
    detector: Detector,
) -> None:
    # "a tyrant" names no side, but in a story about the pair the ruler meant is the other
    # side's: not a lawmaker's words on home politics
    text = (
        "President Trump met President Putin in Vienna on Monday for three hours of talks.\n"
        "Trump said after the meeting that relations with Russia had never been worse.\n"
        "Putin said Russia had never interfered in any American election.\n"
        '"No American leader has ever bowed so low before a tyrant," Senator Ben Sasse said '
        "in a statement.\n"
    )
    found = detector.detect(text, published=DAY).statements
    (statement,) = by_speaker(found, "Sasse", "bowed so low before a tyrant")
    assert statement.about == ["RUS"]


def test_a_lawmaker_on_home_politics_stays_home(detector: Detector) -> None:
    # guard: no epithet, the words are about the speaker's own president
    text = (
        "President Trump met President Putin in Vienna on Monday for three hours of talks.\n"
        "Trump said after the meeting that relations with Russia had never been worse.\n"
        "Putin said Russia had never interfered in any American election.\n"
        '"No American leader has ever been so careless with his own staff," Senator Ben Sasse '
        "said in a statement.\n"
    )
    found = detector.detect(text, published=DAY).statements
    assert not by_speaker(found, "Sasse", "careless with his own staff")


PAIR_STORY = (
    "Russia offered on Thursday to hand over its chemical weapons plan to the United States.\n"
    "Lavrov said Moscow would send the plan to Washington within a week.\n"
    "Kerry said the United States would study the Russian offer with great care.\n"
)


def test_a_lawmaker_on_his_country_as_us_speaks_of_the_other_side(detector: Detector) -> None:
    # "us" is the country acted on, not its government at home
    text = PAIR_STORY + '"They are only toying with us," Rep. Adam Schiff said on Friday.\n'
    found = detector.detect(text, published=DAY).statements
    (statement,) = by_speaker(found, "Schiff", "toying with us")
    assert statement.about == ["RUS"]


def test_a_lawmaker_on_his_own_president_stays_home(detector: Detector) -> None:
    # guard: the own side named by its government is home politics
    text = (
        PAIR_STORY + '"This was a disgrace by an American president," Rep. Adam Schiff said on '
        "Friday.\n"
    )
    found = detector.detect(text, published=DAY).statements
    assert not by_speaker(found, "Schiff", "disgrace by an American president")

"""Statements, fourth part: speakers the tagger misreads, who counts as home politics, and
which words are about the other side. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.detect.statements import find_quotes
from pipeline.models import DetectedStatement
from tests.support.detection import by_phrase, statements_in

DAY = dt.date(2024, 2, 6)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return statements_in(detector, text, day)


def test_a_lone_surname_the_tagger_takes_for_an_organisation_is_the_person(
    detector: Detector,
) -> None:
    text = (
        "Russia moved more missiles to its western border on Monday, and Washington protested.\n"
        '"This deployment is a test of NATO," said Sen. Tom Brandt (R-Ohio), a member of the '
        "Armed Services Committee.\n"
        '"Our defences in Poland are not aimed at Russia, and they know it," Brandt said.'
    )
    found = by_phrase(statements(detector, text), "not aimed at Russia")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom Brandt" and found[0].speaker.country == "USA"


def test_a_surname_with_a_capital_inside_names_the_person_again(detector: Detector) -> None:
    text = (
        "Russia tested a new missile on Monday, and Washington protested.\n"
        "Republican Senator Tom McAllister said the test broke the arms control treaty with "
        "Moscow.\n"
        '"Russia is cheating, plain and simple," Mr McAllister said.'
    )
    found = by_phrase(statements(detector, text), "cheating")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom McAllister" and found[0].speaker.country == "USA"


def test_a_national_of_the_speakers_side_is_not_home_politics(detector: Detector) -> None:
    text = (
        "Russia freed an American teacher on Thursday in exchange for Ivan Volkov, the Russian "
        "arms dealer who had been serving a long sentence in the United States.\n"
        "Russia's Foreign Ministry confirmed the exchange in a statement, saying Volkov had been "
        '"brought back home" after long negotiations.'
    )
    found = by_phrase(statements(detector, text), "brought back home")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS"


def test_words_naming_no_side_in_a_home_politics_story_are_not_about_the_other_side(
    detector: Detector,
) -> None:
    text = (
        "The House Judiciary Committee opened a new front in the Russia investigation on "
        "Tuesday, sending letters to former campaign aides.\n"
        "Committee Democrats said the inquiry into contacts with Russians would widen. Russia "
        "has denied interfering in the election.\n"
        "Russian officials have called the claims a fantasy, and Moscow says it has no interest "
        "in American politics.\n"
        "White House spokeswoman Karen Doyle said the letters were a waste of everyone's time "
        "and the committee should move on.\n"
        "Congress is expected to vote on the budget next week."
    )
    assert by_phrase(statements(detector, text), "waste of everyone") == []


def test_the_same_words_in_a_story_of_the_pair_are_about_the_other_side(
    detector: Detector,
) -> None:
    text = (
        "Russia expelled two American diplomats on Tuesday, the latest step in a row with "
        "Washington over spying.\n"
        "Moscow said the diplomats had tried to recruit a Russian official. Russia has denied "
        "spying on the United States.\n"
        "Russian officials have called the American claims a fantasy, and Moscow says it will "
        "answer any new step.\n"
        "White House spokeswoman Karen Doyle said the expulsions were a waste of everyone's "
        "time and the step should be reversed.\n"
        "The embassy in Moscow is expected to reopen next week."
    )
    found = by_phrase(statements(detector, text), "waste of everyone")
    assert len(found) == 1 and found[0].about == ["RUS"], found


def test_an_official_whose_sentence_names_the_other_leader_in_a_home_story_is_about_it(
    detector: Detector,
) -> None:
    text = (
        "The House Judiciary Committee opened a new front in the Russia investigation on "
        "Tuesday, sending letters to former campaign aides.\n"
        "Committee Democrats said the inquiry into contacts with Russians would widen. Russia "
        "has denied interfering in the election.\n"
        "Russian officials have called the claims a fantasy, and Moscow says it has no interest "
        "in American politics.\n"
        "After a call with Vladimir Putin, White House spokeswoman Karen Doyle said the talks "
        "had been frank and the two leaders would speak again soon.\n"
        "Congress is expected to vote on the budget next week."
    )
    found = by_phrase(statements(detector, text), "had been frank")
    # "the two leaders" makes the words about the pair: the other side is among them
    assert len(found) == 1 and "RUS" in found[0].about, found


def test_a_leader_on_our_relationship_in_a_story_of_the_pair_speaks_of_the_pair(
    detector: Detector,
) -> None:
    text = (
        "President Joe Biden met Russian President Vladimir Putin in Vienna on Monday for "
        "their first summit, and both men spoke to reporters afterwards.\n"
        "Biden said the talks had covered arms control and the war in Syria.\n"
        '"Our relationship has been at a low point for years, and today that began to '
        'change," Biden said.'
    )
    found = by_phrase(statements(detector, text), "low point")
    assert len(found) == 1 and found[0].speaker.country == "USA", found
    assert found[0].about == ["RUS", "USA"], found


def test_our_relationship_with_a_third_country_is_not_about_the_pair(
    detector: Detector,
) -> None:
    text = (
        "President Joe Biden met Russian President Vladimir Putin in Vienna on Monday for "
        "their first summit, and both men spoke to reporters afterwards.\n"
        "Biden later flew to Berlin for talks with the German chancellor.\n"
        '"Our relationship with Germany has never been stronger," Biden said.'
    )
    assert by_phrase(statements(detector, text), "never been stronger") == []


def test_a_lawmaker_described_by_party_and_state_is_the_one_named_before(
    detector: Detector,
) -> None:
    text = (
        "Russia tested a new missile on Monday, and Washington protested.\n"
        "Sen. Tom McAllister, R-Ohio, said the test broke the arms control treaty with Moscow.\n"
        '"Moscow is cheating, plain and simple," the Ohio Republican said.'
    )
    found = by_phrase(statements(detector, text), "cheating")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom McAllister" and found[0].speaker.country == "USA"


def test_words_quoted_as_what_a_speaker_referred_to_the_other_side_as(
    detector: Detector,
) -> None:
    text = (
        "Russia expelled two American diplomats on Tuesday in a row with Washington over "
        "spying.\n"
        'President Joe Biden referred to Russia as "a dangerous rival" on Wednesday.'
    )
    found = by_phrase(statements(detector, text), "a dangerous rival")
    assert len(found) == 1 and found[0].speaker.name == "Joe Biden", found
    assert found[0].about == ["RUS"], found


def test_contact_between_both_sides_officials_does_not_make_a_home_story(
    detector: Detector,
) -> None:
    text = (
        "The U.S. envoy met Russia's deputy foreign minister in Geneva on Monday, the first "
        "contact between senior U.S. and Russian officials since the war began.\n"
        "The envoy was not conducting negotiations of any kind and was not discussing a "
        "settlement of the war, a White House spokesperson said. Instead, he warned Moscow of "
        "the consequences of using nuclear weapons.\n"
        "The spokesperson said the envoy also raised the cases of detained U.S. citizens.\n"
        "The Kremlin confirmed the meeting had taken place."
    )
    found = by_phrase(statements(detector, text), "detained U.S. citizens")
    assert len(found) == 1 and found[0].speaker.country == "USA", found


def _imported_modules(module: str) -> set[str]:
    import ast
    import importlib.util

    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    with open(spec.origin, encoding="utf-8") as fp:
        tree = ast.parse(fp.read())
    return {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }


def test_positions_and_statements_share_found_without_a_cycle() -> None:
    assert "pipeline.detect.statements" not in _imported_modules("pipeline.detect.positions")
    found = _imported_modules("pipeline.detect.found")
    assert not found & {"pipeline.detect.statements", "pipeline.detect.positions"}
    assert "pipeline.detect.found" in _imported_modules("pipeline.detect.statements")


def test_a_curly_quote_closed_by_a_straight_mark_ends_there() -> None:
    text = '“Not this time," she said. "We will answer in kind.”'
    assert [q.text for q in find_quotes(text)] == ["Not this time,", "We will answer in kind."]


def test_mixed_quote_marks_keep_the_quote_and_its_continuation(detector: Detector) -> None:
    text = (
        "Russia expelled two American diplomats on Tuesday, and Washington promised a "
        "response.\n"
        '“This is not acceptable," said Senator Tom Harlow, a Republican from Ohio. "Moscow '
        "has chosen escalation again, and it will pay for it.”"
    )
    found = by_phrase(statements(detector, text), "chosen escalation")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom Harlow" and "not acceptable" in found[0].quote


def test_he_inside_the_speakers_own_quote_is_someone_else(detector: Detector) -> None:
    text = (
        "President Joe Biden met Russian President Vladimir Putin in Geneva on Wednesday.\n"
        'Biden told reporters he "raised the ransomware attacks with President Putin twice. '
        'He flatly denied it. Then he said Russia had nothing to do with the hackers."'
    )
    found = statements(detector, text)
    denied = by_phrase(found, "flatly denied")
    putin = [s for s in denied if s.speaker.country == "RUS"]
    assert len(putin) == 1 and putin[0].speaker.name == "Vladimir Putin", denied
    assert [s.speaker.name for s in by_phrase(found, "nothing to do")].count("Vladimir Putin") == 1


def test_speech_relayed_without_words_is_no_statement(detector: Detector) -> None:
    text = (
        "President Joe Biden met Russian President Vladimir Putin in Geneva on Wednesday.\n"
        '"He told me so, and every time he tells me, I listen," Biden said of Putin.'
    )
    assert not [s for s in statements(detector, text) if s.speaker.country == "RUS"]


def test_an_ambassador_to_a_third_country_speaks_for_the_sending_side(
    detector: Detector,
) -> None:
    text = (
        "Russia massed troops near the Ukrainian border on Thursday, and Washington warned "
        "Moscow against an invasion.\n"
        "U.S. Ambassador to Ukraine Geoffrey Walden said Russia had sent more tanks across the "
        "border and must withdraw them at once."
    )
    found = by_phrase(statements(detector, text), "more tanks")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Geoffrey Walden" and found[0].speaker.country == "USA"


def test_the_statement_speaks_for_whoever_issued_it(detector: Detector) -> None:
    text = (
        "Washington expelled ten Russian diplomats on Monday over the poisoning of a defector.\n"
        "The Russian foreign ministry issued a statement on Tuesday denouncing the expulsions.\n"
        '"The American decision is a hostile act, and Moscow will answer it in kind," the '
        "statement said."
    )
    found = by_phrase(statements(detector, text), "hostile act")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Russian Foreign Ministry"


def test_a_statement_named_for_its_owner_is_the_owners(detector: Detector) -> None:
    text = (
        "Washington expelled ten Russian diplomats on Monday over the poisoning of a defector.\n"
        '"The Kremlin must stop its attacks on Americans abroad," Senator Tom Harlow\'s '
        "statement said."
    )
    found = by_phrase(statements(detector, text), "stop its attacks")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom Harlow"


def test_colluding_with_the_other_side_is_a_home_affair(detector: Detector) -> None:
    text = (
        "The special counsel questioned two former campaign aides on Tuesday.\n"
        "White House spokeswoman Karen Doyle said the campaign never colluded with Russia and "
        "the questioning was a waste of time."
    )
    assert by_phrase(statements(detector, text), "colluded") == []


def test_the_senator_is_the_senator_the_story_named(detector: Detector) -> None:
    text = (
        "Russia moved more missiles to its western border on Monday, and Washington protested.\n"
        "Sen. Tom Brandt (R-Ohio) said the deployment broke the treaty with Moscow.\n"
        '"Why would anyone trust Moscow now?" the senator said. "The Russians have broken every '
        'promise on these missiles."'
    )
    found = by_phrase(statements(detector, text), "broken every promise")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom Brandt"


def test_a_spokeswoman_for_a_named_body_speaks_for_that_body(detector: Detector) -> None:
    text = (
        "Washington imposed new sanctions on Russian banks on Monday.\n"
        "Kremlin spokesman Dmitry Peskov called the measures illegal.\n"
        "A spokeswoman for Russia's foreign ministry told reporters the sanctions were part of "
        'an "information war" waged by the United States.'
    )
    found = by_phrase(statements(detector, text), "information war")
    assert len(found) == 1, found
    assert "Foreign Ministry" in found[0].speaker.name and "Peskov" not in found[0].speaker.name


def test_a_quote_paragraph_continues_the_speaker_of_the_sentence_before(
    detector: Detector,
) -> None:
    text = (
        "Washington imposed new sanctions on Russian banks on Monday.\n"
        "Kremlin spokesman Dmitry Peskov criticised the decision at his daily briefing.\n"
        '"This is a hostile step by Washington, and we will answer it."'
    )
    found = by_phrase(statements(detector, text), "hostile step")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Dmitry Peskov"


def test_a_quote_paragraph_after_a_sentence_of_no_speech_has_no_speaker(
    detector: Detector,
) -> None:
    text = (
        "Washington imposed new sanctions on Russian banks on Monday.\n"
        "Kremlin spokesman Dmitry Peskov was not at his daily briefing.\n"
        '"This is a hostile step by Washington, and we will answer it."'
    )
    assert by_phrase(statements(detector, text), "hostile step") == []


def test_an_attribution_cut_off_as_a_sentence_of_its_own_still_attributes(
    detector: Detector,
) -> None:
    text = (
        "Washington imposed new sanctions on Russian banks on Monday.\n"
        '"Russia will regret this day. Our patience with Moscow is over!" Senator Tom Brandt '
        "tweeted."
    )
    found = by_phrase(statements(detector, text), "regret this day")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom Brandt"


def test_the_paragraph_naming_a_pronoun_speaker_is_parsed(detector: Detector) -> None:
    text = (
        "The Justice Department charged twelve Russian officers with hacking on Friday.\n\n"
        "Director of National Intelligence Tom Carden, reacting to the charges, spoke at a "
        "security forum on Friday.\n\n"
        '"Russia has been the most aggressive foreign actor, no question," he said.\n'
    )
    found = by_phrase(statements(detector, text), "most aggressive foreign actor")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Tom Carden"

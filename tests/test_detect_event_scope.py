"""Events on real journalism: an act must be aimed at the other side by the text itself.

Each sentence is written for these tests. They check the mechanisms that keep home politics,
third parties and article-wide guesses out of the pair's events (issue 9).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2024, 5, 8)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------ events derived from statements


def test_harsh_words_about_home_matters_accuse_no_one_abroad(detector: Detector) -> None:
    text = (
        "Vladimir Putin hosted his annual phone-in on Thursday. Secretary of State Antony "
        "Blinken said on Friday that the farm bill was a disgraceful and dishonest piece of "
        "legislation."
    )
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words take up the act the story has just told
        (
            "Russia expelled two American diplomats on Monday. The State Department said on "
            "Tuesday that it deeply regretted the decision.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a few sentences on, a noun takes the act up again
        (
            "The Kremlin barred an American reporter from entering the country. The weather in "
            "Moscow was mild. A new theatre opened in the city. The State Department said the "
            "decision was an outrageous attack on press freedom.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # words that name the other side are aimed at it
        (
            "A State Department spokesman said on Monday that Moscow's conduct was reckless and "
            "dangerous.",
            ("ACCUSE", "USA", "RUS"),
        ),
    ],
)
def test_words_aimed_at_the_other_side_still_accuse(
    detector: Detector, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(detector, text)


# ------------------------------------------------------------ topics are not parties


@pytest.mark.parametrize(
    "text",
    [
        # the probe is what is criticised; Russia is only what it looks into
        "President Biden sharply criticized the Russia probe on Tuesday.",
        "Secretary of State Antony Blinken dismissed the congressional investigation into "
        "Russian hacking as a partisan stunt.",
        # contacts with the other side's officials are what is denied, not their charge
        "The White House chief of staff denied any contacts with Russian officials during the "
        "transition.",
    ],
)
def test_an_actor_named_as_a_topic_is_no_party(detector: Detector, text: str) -> None:
    assert triples(detector, text) == set()


def test_an_act_named_under_a_topic_is_not_reported(detector: Detector) -> None:
    # the hacking is what the hearing is about, not news of an attack
    text = "The Senate hearing into Russian hacking of state election systems opened on Monday."
    assert ("ASSAULT", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------------------- background and tenure


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # a year or a dated clause sets the act long before the report: history, not news
        ("The United States expelled 35 Russian diplomats in 2016.", dt.date(2019, 3, 4), False),
        (
            "The United States expelled 35 Russian diplomats on December 29, 2016.",
            dt.date(2019, 3, 4),
            False,
        ),
        ("The United States expelled 35 Russian diplomats last year.", dt.date(2019, 3, 4), False),
        # the same act told as this week's news is an event
        ("The United States expelled 35 Russian diplomats on Friday.", dt.date(2019, 3, 4), True),
        # a year that dates another noun says nothing of when the act happened
        (
            "The United States expelled 35 Russian diplomats on Friday over meddling in the "
            "2016 election.",
            dt.date(2019, 3, 4),
            True,
        ),
    ],
)
def test_acts_dated_long_before_the_report_are_background(
    detector: Detector, text: str, day: dt.date, expected: bool
) -> None:
    found = event_triples(detector, text, day)
    assert (("SANCTION", "USA", "RUS") in found) is expected


def test_an_act_before_its_actor_took_office_is_not_the_sides(detector: Detector) -> None:
    # Flynn held office on the day of the report, but not on the day of the call
    before = "Michael Flynn spoke by phone with Ambassador Sergey Kislyak on December 29, 2016."
    assert ("CONSULT", "USA", "RUS") not in event_triples(detector, before, dt.date(2017, 2, 10))
    during = "Michael Flynn spoke by phone with Ambassador Sergey Kislyak on January 28, 2017."
    assert ("CONSULT", "USA", "RUS") in event_triples(detector, during, dt.date(2017, 2, 10))


# ------------------------------------------------------------------------------- attacks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack named by its attacker's modifier is one the reader knows of, not news
        (
            "The senators worried that Russian cyberattacks on the United States had gone "
            "unanswered.",
            False,
        ),
        ("Voters in the United States were swayed by Russian hacks, the senator said.", False),
        (
            "The White House spent the week defending its response to Russia's attack on American "
            "elections.",
            False,
        ),
        # the report of an attack says who carried it out
        ("The White House said Russia was behind the hack of the State Department.", True),
        ("Russian intelligence officers hacked into the State Department's email system.", True),
    ],
)
def test_an_attack_is_the_pairs_when_reported_against_the_side(
    detector: Detector, text: str, expected: bool
) -> None:
    found = event_triples(detector, text, dt.date(2019, 4, 18))
    assert (("ASSAULT", "RUS", "USA") in found) is expected


# ------------------------------------------------------------------ meetings told as topics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "National Security Adviser Jake Sullivan misled the vice president about his "
            "conversations with Russian Ambassador Anatoly Antonov.",
            False,
        ),
        ("Antony Blinken misrepresented his talks with Sergey Lavrov, the senators said.", False),
        # the meeting itself reported
        ("Antony Blinken held talks with Sergey Lavrov on Tuesday.", True),
    ],
)
def test_a_meeting_told_as_what_is_said_or_hidden_is_no_meeting(
    detector: Detector, text: str, expected: bool
) -> None:
    found = triples(detector, text)
    assert (("CONSULT", "USA", "RUS") in found) is expected


def test_a_clause_under_the_trigger_is_not_who_it_acts_on(detector: Detector) -> None:
    # the inquiry the senator left is about Russia; the complaint is about the senator
    text = (
        "Antony Blinken has long complained about the senator's decision to withdraw from the "
        "Russia inquiry."
    )
    assert ("ACCUSE", "USA", "RUS") not in triples(detector, text)
    text = "Antony Blinken complained about Moscow's decision to expel the diplomats."
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_a_request_put_to_someone_named_is_not_put_to_the_other_side(detector: Detector) -> None:
    # "asked X to ...": X is the one asked, whatever the rest of the sentence names
    text = (
        "President Joe Biden asked the Director of National Intelligence to publicly deny the "
        "existence of any deal between his campaign and Russia."
    )
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)
    text = "President Joe Biden asked Russia to release the American reporter."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_guessed_target_alone_makes_no_article_relevant(detector: Detector) -> None:
    # the leak condemned is home politics; Moscow is only named in the sentence before
    text = (
        "Investigators asked whether the campaign had ties to Moscow. The White House on "
        "Monday condemned the leak of the transcript."
    )
    detection = detector.detect(text, published=DAY)
    assert not detection.relevant
    assert detection.events == []
    # named in the sentence only as a partner of another act, in another clause
    text = (
        "The senator learned of the FBI's warnings about the aide after a newspaper reported "
        "on Friday that the aide had discussed sanctions with the Russians."
    )
    detection = detector.detect(text, published=DAY)
    assert not detection.relevant
    assert detection.events == []
    # beside an act the story anchors, the same guess stands
    text = (
        "Russia expelled two American diplomats on Monday. The White House on Tuesday "
        "condemned the expulsions."
    )
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)

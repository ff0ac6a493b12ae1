"""Events: meetings named as nouns in settings the rules used to pass over.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2018, 7, 20)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------ CONSULT: a news conference held with


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo spoke during a news conference with Russian Foreign Minister Sergei Lavrov.",
        "At a joint press conference with Lavrov, Pompeo said the talks had been useful.",
    ],
)
def test_news_conference_with_the_other_side_is_a_meeting(detector: Detector, text: str) -> None:
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo told a news conference in Brussels that the alliance was strong.",
        "Lavrov held a news conference with his Turkish counterpart on Monday.",
    ],
)
def test_news_conference_alone_is_no_meeting(detector: Detector, text: str) -> None:
    assert not any(kind == "CONSULT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ CONSULT: a trip made for a meeting


@pytest.mark.parametrize(
    "text",
    [
        "Trump will go to Helsinki for a summit with Russian President Vladimir Putin.",
        "Pompeo flew to Sochi on Monday for talks with Lavrov.",
    ],
)
def test_trip_for_a_meeting_with_the_other_side_is_a_meeting(detector: Detector, text: str) -> None:
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Russian ambassador was recalled to Moscow for consultations.",
        "Pompeo flew to Brussels for talks with NATO allies.",
    ],
)
def test_trip_for_a_meeting_without_the_other_side_is_no_meeting(
    detector: Detector, text: str
) -> None:
    assert not any(kind == "CONSULT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ REQUEST: bringing a side round


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo tried to persuade Moscow to abandon Assad.",
        "Pompeo convinced Lavrov to use his influence with Damascus.",
    ],
)
def test_persuading_the_other_side_is_a_request(detector: Detector, text: str) -> None:
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo did not try to persuade Lavrov to change course.",
        "Russia convinced him to stay in Moscow for another year.",
        "Pompeo tried to persuade the senators to back the treaty with Russia.",
    ],
)
def test_no_persuasion_of_the_other_side_is_no_request(detector: Detector, text: str) -> None:
    assert not any(kind == "REQUEST" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ REJECT: readiness or consent denied


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo said the United States was not ready to cooperate with Russia in Syria.",
        'Pompeo said: "We have not agreed to cooperate with Russia on this."',
        "Pompeo said the United States is not willing to hold talks with Moscow.",
    ],
)
def test_denied_readiness_or_consent_is_a_refusal(detector: Detector, text: str) -> None:
    assert ("REJECT", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo said the United States was ready to cooperate with Russia in Syria.",
        "If Russia is not ready to cooperate with the United States, the talks will fail.",
        "Pompeo warned of severe consequences if Russia did not agree to withdraw its troops.",
    ],
)
def test_readiness_held_or_conditional_is_no_refusal(detector: Detector, text: str) -> None:
    assert not any(kind == "REJECT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ SANCTION: who expels, after "by" or "from"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow reacted angrily to the expulsion of 35 Russian diplomats from the United States.",
        "The expulsion of 60 Russian diplomats by the United States angered Moscow.",
    ],
)
def test_expulsion_names_the_expelling_side(detector: Detector, text: str) -> None:
    assert ("SANCTION", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The expulsion of Russian diplomats from Britain angered Moscow.",
        "Moscow reacted angrily to the expulsion of 35 Russian diplomats.",
    ],
)
def test_expulsion_by_no_watched_side_is_not_theirs(detector: Detector, text: str) -> None:
    assert ("SANCTION", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------ CONSULT: a matter taken up with someone


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo had raised his concerns with Lavrov about the announcement, a spokesman said.",
        "Pompeo discussed the issue with Lavrov on Monday.",
    ],
)
def test_matter_taken_up_with_the_other_side_is_a_consultation(
    detector: Detector, text: str
) -> None:
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo raised the issue with lawmakers on Tuesday.",
        "Peskov said none of the American diplomats had ever raised this question with their "
        "Russian counterparts.",
        "None of the American officials met Lavrov.",
    ],
)
def test_matter_not_taken_up_with_the_other_side_is_no_consultation(
    detector: Detector, text: str
) -> None:
    assert not any(kind == "CONSULT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ CONSULT: the pair on the verb of holding


@pytest.mark.parametrize(
    "text",
    [
        "Talks were held on Monday between Pompeo and Lavrov.",
        "There have been useful conversations that have taken place between the United States "
        "government and the Russian government.",
    ],
)
def test_pair_named_on_the_verb_of_holding_meets(detector: Detector, text: str) -> None:
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The talks on Monday were held between Pompeo and his Turkish counterpart.",
        "Talks were held on Monday between Turkey and Iran.",
    ],
)
def test_pair_of_other_states_on_the_verb_of_holding_is_not_theirs(
    detector: Detector, text: str
) -> None:
    assert not any(kind == "CONSULT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ CONSULT: "the two" taken up as the pair


def test_the_two_just_named_spoke(detector: Detector) -> None:
    text = "Lavrov urged restraint on Pompeo when the two spoke by phone on Sunday."
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


def test_the_two_of_other_states_did_not_speak_for_the_pair(detector: Detector) -> None:
    text = "The Turkish and Iranian ministers met in Ankara. The two spoke by phone on Sunday."
    assert not any(kind == "CONSULT" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ listed acts share the phrase after them


def test_listed_acts_share_their_maker(detector: Detector) -> None:
    text = (
        "Coalition flights went on as before despite a warning and request from Russia to keep "
        "out of Syrian airspace, Pompeo said."
    )
    assert ("REQUEST", "RUS", "USA") in triples(detector, text)


def test_a_maker_named_before_the_next_act_is_not_shared(detector: Detector) -> None:
    text = (
        "Coalition flights went on as before despite a warning from Russia and a request of the "
        "pilots to keep out of Syrian airspace, Pompeo said."
    )
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


# ------------------------------------------------------ a clause after "after" keeps its subject


def test_clause_after_after_keeps_its_subject(detector: Detector) -> None:
    text = (
        "Relations between the two countries worsened after the Treasury last week imposed "
        "sanctions on Russian banks."
    )
    assert ("SANCTION", "USA", "RUS") in triples(detector, text)


def test_a_time_after_is_no_subject(detector: Detector) -> None:
    text = "After the Helsinki summit, Russian banks raised their fees for American clients."
    assert not any(kind == "SANCTION" for kind, _, _ in triples(detector, text))

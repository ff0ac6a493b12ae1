"""Events: accusations and agreements in forms the rules used to misread.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2012, 6, 20)
LATER = dt.date(2018, 7, 20)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------ ACCUSE: remarks by a speaker accusing


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov spoke about comments by Secretary of State Hillary Clinton accusing the Kremlin"
        " of arming the Assad regime.",
        "The row grew over remarks by Secretary of State Hillary Clinton blaming Moscow for"
        " the violence.",
    ],
)
def test_remarks_by_a_speaker_accusing_are_the_speakers(detector: Detector, text: str) -> None:
    assert ("ACCUSE", "USA", "RUS") in triples(detector, text)


def test_remarks_by_an_unknown_speaker_accuse_for_no_side(detector: Detector) -> None:
    text = "Lavrov spoke about comments by some bloggers accusing the Kremlin of arming Assad."
    assert not any(kind == "ACCUSE" for kind, _, _ in triples(detector, text))


# ------------------------------------------------------ AGREE: deals no government makes


@pytest.mark.parametrize(
    "text",
    [
        "Trump's lawyer pursued a Moscow real estate deal with the Russian government.",
        "Putin said the plea deal Trump's aide struck would change nothing.",
    ],
)
def test_private_deals_are_no_agreement(detector: Detector, text: str) -> None:
    assert not any(kind == "AGREE" for kind, _, _ in triples(detector, text))


def test_a_deal_between_the_sides_is_still_one(detector: Detector) -> None:
    text = "Obama and Putin reached a deal on Syria's chemical weapons."
    assert ("AGREE", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------ CONSULT: business talks no government holds


@pytest.mark.parametrize(
    "text",
    [
        "Cohen had Trump Tower Moscow discussions with Peskov.",
        "Cohen lied about his Trump Tower Moscow conversations with Peskov.",
    ],
)
def test_talks_on_a_building_project_are_no_consultation(detector: Detector, text: str) -> None:
    assert not any(kind == "CONSULT" for kind, _, _ in triples(detector, text))


def test_talks_between_the_sides_are_still_talks(detector: Detector) -> None:
    text = "Obama and Putin held talks on Syria in Moscow."
    assert ("CONSULT", "USA", "RUS") in triples(detector, text)


# ------------------------------------------------------ AGREE: an offer aimed at no one named


def test_an_offer_the_sentence_aims_at_no_one_is_no_agreement(detector: Detector) -> None:
    text = (
        "Putin denied the charges."
        ' Trump said he was "100 percent" willing to make a sworn statement.'
    )
    found = event_triples(detector, text, LATER)
    assert not any(kind == "AGREE" for kind, _, _ in found)


def test_an_offer_of_talks_needs_no_other_side_named(detector: Detector) -> None:
    text = (
        "The United States imposed sanctions on Tuesday."
        " Putin said Russia remained open to arms control talks."
    )
    assert ("AGREE", "RUS", "USA") in triples(detector, text)


# ------------------------------------------------------ AGREE: the other side only in what is agreed


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo said he agreed with the agency's conclusion that Russia had tried to meddle"
        " in the election.",
        "Trump said he accepts the findings of U.S. intelligence agencies that Russia"
        " interfered in the election.",
    ],
)
def test_accepting_a_finding_about_the_other_side_is_no_agreement(
    detector: Detector, text: str
) -> None:
    found = event_triples(detector, text, LATER)
    assert ("AGREE", "USA", "RUS") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Trump agreed with Putin that the talks had gone well.",
        "Putin agreed that Russian and U.S. forces should be fighting together.",
    ],
)
def test_agreeing_with_the_other_side_or_on_a_joint_act_is_agreement(
    detector: Detector, text: str
) -> None:
    found = event_triples(detector, text, LATER)
    assert any(kind == "AGREE" for kind, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Washington and Moscow seemed to agree that the hacking of voting systems was bad.",
        '"The two agreed this was a hindrance to the relationship," Tillerson said.',
    ],
)
def test_a_view_both_sides_share_is_no_agreement(detector: Detector, text: str) -> None:
    found = event_triples(detector, text, LATER)
    assert not any(kind == "AGREE" for kind, _, _ in found)


def test_an_agreement_to_act_is_still_one(detector: Detector) -> None:
    found = event_triples(detector, "Washington and Moscow agreed to extend the treaty.", LATER)
    assert any(kind == "AGREE" for kind, _, _ in found)


# ------------------------------------------------------ CONSULT: a visit bound elsewhere


@pytest.mark.parametrize(
    "text",
    [
        "On a trip to Eastern Europe last week, Pence condemned Russia's presence in Georgia.",
        "Yates visited the White House and told officials that Flynn was at risk for Russian"
        " blackmail.",
    ],
)
def test_a_visit_bound_elsewhere_is_no_consultation(detector: Detector, text: str) -> None:
    found = event_triples(detector, text, LATER)
    assert not any(kind == "CONSULT" for kind, _, _ in found)


@pytest.mark.parametrize(
    "text", ["Pence's visit to Moscow was announced.", "Lavrov visited the White House."]
)
def test_a_visit_to_the_other_side_is_a_consultation(detector: Detector, text: str) -> None:
    assert any(kind == "CONSULT" for kind, _, _ in event_triples(detector, text, LATER))


# ------------------------------------------------------ CONSULT: calls named as what a record is of


@pytest.mark.parametrize(
    "text",
    [
        "The FBI possessed transcripts of Flynn's conversations with Russia's ambassador.",
        "The White House was not aware of Kushner's calls with the Russian ambassador.",
    ],
)
def test_calls_a_record_is_of_are_no_consultation(detector: Detector, text: str) -> None:
    found = event_triples(detector, text, dt.date(2017, 3, 1))
    assert not any(kind == "CONSULT" for kind, _, _ in found)


def test_a_call_the_sides_held_is_a_consultation(detector: Detector) -> None:
    found = event_triples(detector, "Trump and Putin discussed Syria in a phone call.", LATER)
    assert any(kind == "CONSULT" for kind, _, _ in found)


# ------------------------------------------------------ ACCUSE: blame laid on the other side


@pytest.mark.parametrize(
    "text",
    [
        "Tillerson laid the blame squarely on Moscow.",
        "Tillerson laid responsibility on the Kremlin.",
    ],
)
def test_blame_laid_on_the_other_side_accuses_it(detector: Detector, text: str) -> None:
    assert ("ACCUSE", "USA", "RUS") in event_triples(detector, text, dt.date(2017, 6, 1))


def test_laying_a_wreath_accuses_no_one(detector: Detector) -> None:
    text = "Tillerson laid a wreath at the Kremlin wall."
    assert not any(k == "ACCUSE" for k, _, _ in event_triples(detector, text, dt.date(2017, 6, 1)))

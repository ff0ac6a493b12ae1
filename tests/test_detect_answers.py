"""Events on real journalism: acts whose target must come from the act itself or answer
something the story reports (issue 9).

Every sentence here is written for these tests; the detector is the real one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2019, 3, 14)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


@pytest.mark.parametrize(
    "text",
    [
        # a denial at home: nothing in the story is a charge by Moscow
        "The Kremlin has offered assistance to the campaign, a memo says. President Trump "
        "denied any wrongdoing on Tuesday.",
        # the other side named only as a party to the denied act
        "Moscow tried to influence the vote. President Trump denied that his aides had worked "
        "together with Moscow.",
        "Trump denied on Friday that he had talked about sanctions with the Russian envoy.",
        # refusing to blame or confront the other side turns down nothing it put forward
        "Trump again declined to dispute Putin's account of what happened in the election.",
    ],
)
def test_denial_without_a_charge_from_the_other_side_is_no_reject(
    detector: Detector, text: str
) -> None:
    found = triples(detector, text)
    assert not {t for t in found if t[0] == "REJECT"}, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the charge is in the story: the denial answers it
        (
            "The State Department accused Russia of hacking its servers. The Kremlin denied "
            "any involvement.",
            ("REJECT", "RUS", "USA"),
        ),
        # the accuser is the owner of the charge denied
        (
            "The Kremlin on Friday rejected Washington's claims about the hacking campaign.",
            ("REJECT", "RUS", "USA"),
        ),
        # or named as who made it
        (
            "Peskov repeated Moscow's denial, calling the accusations a provocation by Washington.",
            ("REJECT", "RUS", "USA"),
        ),
        # a meeting called off with the other side: the partner is the target
        (
            "The White House said Trump was canceling a planned summit with Putin in Moscow.",
            ("REJECT", "USA", "RUS"),
        ),
    ],
)
def test_denial_answering_the_other_side_stands(
    detector: Detector, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(detector, text)


def test_an_act_under_a_refusal_is_not_done(detector: Detector) -> None:
    found = triples(
        detector, "Congress wrote the law partly because of Trump's refusal to blame Moscow."
    )
    assert ("ACCUSE", "USA", "RUS") not in found
    assert not {t for t in found if t[0] == "REJECT"}, found


def test_the_two_leaders_are_the_pair_only_where_both_sides_were_just_named(
    detector: Detector,
) -> None:
    # the pair named just before: "the two leaders" are Trump and Putin
    found = triples(
        detector, "Trump called Putin on Tuesday. The two leaders agreed to meet in Helsinki."
    )
    assert ("AGREE", "USA", "RUS") in found and ("AGREE", "RUS", "USA") in found
    # Washington named three sentences back: "the two leaders" are Putin and Xi
    found = triples(
        detector,
        "Washington imposed new tariffs on Chinese steel last year. Beijing said the move hurt "
        "its mills. Exports fell sharply in the spring. Putin met Xi in Beijing on Tuesday. "
        "The two leaders agreed to expand trade in energy.",
    )
    assert not {t for t in found if t[0] == "AGREE"}, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia has deployed dozens of warplanes near the American base.", True),
        ("The Pentagon deployed troops to Poland to deter Russia.", True),
        # what is deployed is no force: a tactic, a strategy
        (
            "The strategy that the Trump administration deploys against Russia worked at home.",
            False,
        ),
    ],
)
def test_a_deployment_moves_forces(detector: Detector, text: str, expected: bool) -> None:
    found = triples(detector, text)
    assert bool({t for t in found if t[0] == "MOBILIZE"}) is expected, found


def test_the_one_charged_for_an_act_did_it_not_the_grand_jury(detector: Detector) -> None:
    found = triples(
        detector,
        "Twelve Russian intelligence officers were charged by a U.S. grand jury for hacking "
        "the Democrats.",
    )
    assert ("ASSAULT", "USA", "RUS") not in found


@pytest.mark.parametrize(
    "text",
    [
        # the one asked is named and is of no side, or of the asker's own side
        "Trump asked Comey to drop the part of the inquiry that concerned Moscow's envoy.",
        "Several Republicans called on Sessions to step aside from the inquiries into Russia.",
    ],
)
def test_request_put_to_someone_else_is_not_aimed_at_the_other_side(
    detector: Detector, text: str
) -> None:
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo spoke with Lavrov on Sunday and urged Moscow to pull its troops back.",
        "Secretary Pompeo called on Russia to withdraw its forces from the border.",
        # a pronoun asked is left to the resolver
        "Pompeo met Lavrov and pressed him to free the detained American.",
    ],
)
def test_request_put_to_the_other_side_stands(detector: Detector, text: str) -> None:
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a captive set free is a concession; a list or a report made public is not
        ("Russia released the American teacher on Tuesday.", ("CONCEDE", "RUS", "USA")),
        ("The administration released a list of 210 Russian businessmen with ties to Putin.", None),
        # seizing property is coercion; seizing on a report takes it up as an argument
        (
            "U.S. officials seized three Russian diplomatic compounds on Saturday.",
            ("COERCE", "USA", "RUS"),
        ),
        ("Trump and his lawyers seized on the report about Russia as evidence of bias.", None),
    ],
)
def test_released_and_seized_are_acts_on_captives_and_property(
    detector: Detector, text: str, expected: tuple[str, str, str] | None
) -> None:
    found = {t for t in triples(detector, text) if t[0] in ("CONCEDE", "COERCE")}
    assert found == ({expected} if expected else set()), found


@pytest.mark.parametrize(
    "text",
    [
        # a wrong of the speaker's own side denied in what the speaker says
        "Washington accused Moscow of meddling in the vote. Putin said Russia had never "
        "interfered in American affairs.",
        "The State Department accused Russia of meddling. Peskov said Russia did not meddle in "
        "the election.",
        # the charge judged false ("called the report nonsense", parsed as one noun phrase)
        "U.S. intelligence agencies accused Russia of hacking the election. Russia called the "
        "report nonsense.",
        # the charge dismissed as false in so many words
        "Washington accused Moscow of meddling in the vote. But the Russian Foreign Ministry said "
        "the claims were a heap of lies.",
    ],
)
def test_a_denial_in_a_statement_answers_the_other_sides_charge(
    detector: Detector, text: str
) -> None:
    assert ("REJECT", "RUS", "USA") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # no charge by the other side in the story for the denial to answer
        "Putin met Trump in Helsinki on Monday. Putin said Russia had never interfered in "
        "American affairs.",
        # the wrong admitted, not denied
        "Washington accused Moscow of meddling in the vote. Putin said Russia had interfered in "
        "American affairs.",
        # the claims judged well of
        "Washington accused Moscow of meddling in the vote. Peskov said the claims were "
        "interesting.",
    ],
)
def test_no_denial_without_a_charge_or_a_dismissal(detector: Detector, text: str) -> None:
    assert ("REJECT", "RUS", "USA") not in triples(detector, text)


def test_a_wrong_condemned_is_no_denial(detector: Detector) -> None:
    text = (
        'Lavrov accused Washington of meddling in Ukraine. "Interference in American '
        'elections is unacceptable," Pompeo said.'
    )
    assert ("REJECT", "USA", "RUS") not in triples(detector, text)

"""Events: every PLOVER type, argument structure, factuality and actor resolution.

The sentences are written for these tests; each names what it checks. The detector is the
real one (spaCy and the packaged dictionaries), loaded once per test session.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector, get_detector
from pipeline.models import Detection

DAY = dt.date(2023, 6, 14)  # a Wednesday


def triples(detection: Detection) -> set[tuple[str, str, str]]:
    return {(e.type, e.source.country, e.target.country) for e in detection.events}


def detect(detector: Detector, text: str, day: dt.date = DAY) -> Detection:
    return detector.detect(text, published=day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow offered Washington new talks on nuclear arms control.", ("AGREE", "RUS", "USA")),
        (
            "Antony Blinken met Sergei Lavrov in Geneva for two hours of talks.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "Vladimir Putin praised Donald Trump for his efforts to end the war.",
            ("SUPPORT", "RUS", "USA"),
        ),
        (
            "The United States and Russia swapped prisoners at the Ankara airport.",
            ("COOPERATE", "USA", "RUS"),
        ),
        ("Washington eased sanctions on Russian fertiliser exports.", ("CONCEDE", "USA", "RUS")),
        (
            "The State Department urged Moscow to free the jailed reporter.",
            ("REQUEST", "USA", "RUS"),
        ),
        (
            "Maria Zakharova accused the United States of stoking the conflict.",
            ("ACCUSE", "RUS", "USA"),
        ),
        (
            "The Kremlin rejected the American proposal for a partial truce.",
            ("REJECT", "RUS", "USA"),
        ),
        (
            "Joe Biden threatened Russia with severe economic consequences.",
            ("THREATEN", "USA", "RUS"),
        ),
        (
            "The Treasury imposed sanctions on three Russian banks on Tuesday.",
            ("SANCTION", "USA", "RUS"),
        ),
        (
            "Russian police arrested an American teacher at a Moscow airport.",
            ("COERCE", "RUS", "USA"),
        ),
        (
            "A Russian fighter jet struck an American surveillance drone over the Black Sea.",
            ("ASSAULT", "RUS", "USA"),
        ),
        (
            "The Pentagon deployed two destroyers toward the Russian coast.",
            ("MOBILIZE", "USA", "RUS"),
        ),
    ],
)
def test_each_event_type(detector: Detector, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(detect(detector, text))


def test_passive_voice_takes_the_agent_as_source(detector: Detector) -> None:
    found = detect(detector, "Two Russian diplomats were expelled by the United States on Monday.")
    assert ("SANCTION", "USA", "RUS") in triples(found)


def test_reported_event_keeps_its_reporter(detector: Detector) -> None:
    found = detect(
        detector, "The Kremlin said Washington had turned down the offer of a prisoner swap."
    )
    reject = [e for e in found.events if e.type == "REJECT"]
    assert reject and reject[0].source.country == "USA" and reject[0].target.country == "RUS"
    assert reject[0].reported_by is not None and reject[0].reported_by.name == "Kremlin"


def test_nominal_offer_is_an_agree_by_its_owner(detector: Detector) -> None:
    found = detect(detector, "Washington studied Moscow's offer of a ceasefire with care.")
    assert ("AGREE", "RUS", "USA") in triples(found)


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not expel any American diplomats this year.",
        "The United States would never impose sanctions on Russian grain.",
        "If Moscow attacks, Washington could deploy more troops against Russia.",
        "The Kremlin denied ordering cyberattacks on American hospitals.",
        "The Russian embassy did not immediately reply to a request from the U.S. State Department.",
    ],
)
def test_negated_hypothetical_and_denied_acts_are_not_events(detector: Detector, text: str) -> None:
    types = {e.type for e in detect(detector, text).events}
    assert not types & {"SANCTION", "MOBILIZE", "ASSAULT", "CONSULT"}


def test_explicit_refusal_to_meet_is_a_reject(detector: Detector) -> None:
    found = detect(detector, "The White House said Joe Biden has no plans to meet Vladimir Putin.")
    assert ("REJECT", "USA", "RUS") in triples(found)
    assert "CONSULT" not in {e.type for e in found.events}


def test_declining_to_comment_is_not_a_reject(detector: Detector) -> None:
    found = detect(detector, "The U.S. envoy declined to say whether Russia would be invited.")
    assert "REJECT" not in {e.type for e in found.events}


def test_third_party_target_is_not_a_watched_event(detector: Detector) -> None:
    text = "Volodymyr Zelensky asked Washington for more air defence systems to stop Russia."
    found = detect(detector, text)
    assert not any(e.source.country == "UKR" or e.target.country == "UKR" for e in found.events)
    assert ("REQUEST", "USA", "RUS") not in triples(found)


def test_title_resolves_to_the_office_holder_on_the_day(detector: Detector) -> None:
    found = detect(detector, "The Russian leader criticised the U.S. president sharply.", DAY)
    event = next(e for e in found.events if e.type == "ACCUSE")
    assert event.source.name == "Vladimir Putin"
    assert event.target.name == "Joe Biden"
    earlier = detect(
        detector, "The Russian leader criticised the U.S. president.", dt.date(2019, 5, 1)
    )
    assert next(e for e in earlier.events if e.type == "ACCUSE").target.name == "Donald Trump"


def test_pronoun_resolves_to_the_person_named_before(detector: Detector) -> None:
    text = "Sergei Ryabkov spoke at length on Tuesday. He blamed Washington for the collapse."
    event = next(e for e in detect(detector, text).events if e.type == "ACCUSE")
    assert event.source.name == "Sergei Ryabkov"


def test_surname_of_another_person_is_not_the_official(detector: Detector) -> None:
    text = "Daniil Medvedev beat an American player in New York, and Russia cheered."
    assert not detect(detector, text).relevant


def test_consult_with_coordinated_subjects(detector: Detector) -> None:
    found = detect(detector, "Kerry and Lavrov met in Vienna on Friday.")
    assert ("CONSULT", "USA", "RUS") in triples(found) or ("CONSULT", "RUS", "USA") in triples(
        found
    )


def test_event_carries_its_quote_and_speaker(detector: Detector) -> None:
    text = (
        '"This is an unfriendly step," Dmitry Peskov said of the U.S. decision to expel '
        "Russian diplomats."
    )
    found = detect(detector, text)
    quoted = [e for e in found.events if e.quote]
    assert quoted and quoted[0].quote_speaker is not None
    assert quoted[0].quote_speaker.name == "Dmitry Peskov"


def test_another_dyad_is_configuration(detector: Detector) -> None:
    from pipeline.settings import Settings

    other = get_detector(Settings(sides=("RUS", "UKR")))
    found = other.detect(
        "Russian forces struck Ukrainian power stations overnight, Kyiv said.", published=DAY
    )
    assert ("ASSAULT", "RUS", "UKR") in triples(found)
    assert not detect(
        detector, "Russian forces struck Ukrainian power stations overnight."
    ).relevant


def test_joint_agreement_codes_both_directions(detector: Detector) -> None:
    text = "American and Russian negotiators agreed in Riyadh to restore embassy staffing."
    found = triples(detect(detector, text))
    assert {("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")} <= found


def test_pair_subject_is_both_sides(detector: Detector) -> None:
    text = "Marco Rubio met Sergei Lavrov. The two ministers agreed to keep talking."
    found = triples(detect(detector, text))
    assert {("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")} <= found


def test_attributed_hack_is_an_assault_by_the_accused(detector: Detector) -> None:
    text = "The White House accused Russia of hacking the email servers of American agencies."
    found = triples(detect(detector, text))
    assert ("ACCUSE", "USA", "RUS") in found
    assert ("ASSAULT", "RUS", "USA") in found

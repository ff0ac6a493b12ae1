"""Events: precision of REQUEST and AGREE. A request put to someone at home ("asked him to
drop the inquiry" with no one of the other side in view, "wanted the FBI director to say"),
a plea in court, "call" that names or judges ("called Putin 'smart' for"), and assent or
deals that lawmakers, courts or a home partner ("cooperate with the special counsel") are
party to; twenty-first precision round.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2015, 6, 1)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ requests put at home


def test_a_pronoun_asked_with_the_other_side_in_view_is_a_request(detector: Detector) -> None:
    text = (
        "Obama phoned Putin on Monday about the fighting in Ukraine, urging him to pull"
        " his troops back from the border."
    )
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_pronoun_asked_to_drop_an_inquiry_is_asked_at_home(detector: Detector) -> None:
    text = (
        "The former director testified that Obama had asked him to drop the inquiry into"
        " the adviser's ties to Russia."
    )
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


def test_wanting_the_other_side_to_act_is_a_request(detector: Detector) -> None:
    text = "Obama said he wanted Russia to stop arming the Syrian army."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_wanting_a_home_official_to_act_is_no_request_of_the_other_side(
    detector: Detector,
) -> None:
    text = "Aides said Obama wanted the attorney general to end the inquiry into Russian meddling."
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ pleas and naming


def test_a_plea_to_the_other_side_is_a_request(detector: Detector) -> None:
    text = (
        "Russia rejected the Obama administration's pleas to send the contractor back to the"
        " United States."
    )
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_a_guilty_plea_asks_nothing(detector: Detector) -> None:
    text = (
        "In his guilty plea, the former adviser admitted that he had lied about his talks"
        " with the Russian ambassador."
    )
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)
    assert ("REQUEST", "RUS", "USA") not in triples(detector, text)


def test_calling_for_an_act_of_the_other_side_is_a_request(detector: Detector) -> None:
    text = "Kerry called for Russia to withdraw its forces from eastern Ukraine."
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


def test_calling_someone_a_name_for_a_reason_is_no_request(detector: Detector) -> None:
    text = 'Obama called Putin "very clever" for holding back after the expulsions.'
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------------ assent at home


def test_the_government_agreeing_to_a_deal_with_the_other_side(detector: Detector) -> None:
    text = "Russia agreed to cooperate with the United States on clearing the mines."
    assert ("AGREE", "RUS", "USA") in triples(detector, text)


def test_agreeing_to_cooperate_with_a_home_inquiry_is_no_offer(detector: Detector) -> None:
    text = (
        "The former campaign chairman agreed to cooperate with the special counsel's"
        " inquiry into Russian interference."
    )
    assert ("AGREE", "USA", "RUS") not in triples(detector, text)
    assert ("AGREE", "RUS", "USA") not in triples(detector, text)


def test_lawmakers_agreeing_among_themselves_make_no_offer(detector: Detector) -> None:
    text = (
        "Senator Lindsey Graham agreed that the new rules on Russian banks were only a"
        " technical change."
    )
    assert ("AGREE", "USA", "RUS") not in triples(detector, text)
    assert ("AGREE", "RUS", "USA") not in triples(detector, text)

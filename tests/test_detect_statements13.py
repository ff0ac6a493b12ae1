"""Statements about the other side whose words name no side by name: a pronoun that stands
for a third country does not make them about that country. The texts are written for these
tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import by_speaker, statements_in

DAY = dt.date(2017, 6, 1)


def test_a_pronoun_for_a_third_country_is_no_third_country_named(detector: Detector) -> None:
    # "them" and "they" may stand for the Japanese minister of the sentence before; the quote
    # names no third country, so the passage about the pair decides what it is about
    text = (
        "Russia and the United States held talks on arms control in Vienna on Monday.\n"
        "The American delegation met Russian diplomats for six hours, the State Department "
        "said.\n"
        "Washington and Moscow have clashed for months over missile deployments in Europe.\n"
        "Japan's foreign minister also attended a dinner with the two delegations.\n"
        '"We have kept in touch with them, and they will decide whether the two leaders should '
        'meet," Secretary of State Rex Tillerson told reporters.\n'
    )
    found = statements_in(detector, text, DAY)
    (statement,) = by_speaker(found, "Tillerson", "kept in touch")
    assert statement.speaker.country == "USA"
    assert statement.about == ["RUS"]


def test_their_relations_with_a_third_country_guest_before(detector: Detector) -> None:
    # "their" may stand for the Kazakh guest of the sentence before; the words name no third
    # country, and the passage is about the pair
    text = (
        "Vladimir Putin and the U.S. secretary of state spoke for two hours in the Kremlin on "
        "Wednesday.\n"
        "Russia and the United States disagree over Syria, Ukraine and the election hacking.\n"
        "Before the meeting, Putin hosted the president of Kazakhstan for lunch.\n"
        'Putin warned that relations were at "their worst point in decades," and said trust '
        "had fallen.\n"
    )
    found = statements_in(detector, text, DAY)
    (statement,) = by_speaker(found, "Putin", "worst point")
    assert statement.speaker.country == "RUS"
    assert statement.about == ["USA"]

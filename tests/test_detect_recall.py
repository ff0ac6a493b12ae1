"""Events: recall of refusals, sanctions, accusations and meetings told in other forms than a
plain active verb (nominal acts, channels cut, indictments, denials).

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cutting a channel between the two militaries is a sanction (GUIDE: a hotline cut)
        (
            "After the American missile strikes, the Russian Defence Ministry cut the hotline "
            "it kept with the U.S. military.",
            ("SANCTION", "RUS", "USA"),
        ),
        # curtailing the other side's diplomatic staff, as a verb under a nominal decision
        (
            "Mr. Putin's decision to curtail American embassy staff in Moscow angered Washington.",
            ("SANCTION", "RUS", "USA"),
        ),
        # a cut in the other side's staff, named as a noun under a light verb
        (
            "The Kremlin ordered a cut in U.S. diplomatic personnel on Monday.",
            ("SANCTION", "RUS", "USA"),
        ),
    ],
)
def test_cuts_of_channels_and_staff(detector: Detector, text: str, expected: tuple) -> None:
    assert expected in triples(detector, text)


def test_cuts_of_other_things_are_no_sanction(detector: Detector) -> None:
    found = triples(detector, "Russia cut its interest rates as the talks with Washington went on.")
    assert not any(t[0] == "SANCTION" for t in found)


@pytest.mark.parametrize(
    "text",
    [
        # the grand jury is no actor: the side that announces the indictment brings it
        "A grand jury in Virginia indicted nine officers of Russian military intelligence for "
        "breaking into voting systems, the Justice Department said on Thursday.",
        # an indictment named as a noun, announced by the department
        "The Justice Department announced the indictment of nine Russian intelligence officers.",
    ],
)
def test_indictment_of_state_organs_accuses(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("ACCUSE", "USA", "RUS") in found
    assert ("COERCE", "USA", "RUS") not in found  # no one is held


def test_conviction_of_a_held_soldier_stays_coercion(detector: Detector) -> None:
    text = (
        "A Russian court convicted an American army sergeant of theft on Tuesday and "
        "sentenced him to four years."
    )
    found = event_triples(detector, text, dt.date(2024, 6, 20))
    assert ("ACCUSE", "RUS", "USA") not in found


@pytest.mark.parametrize(
    "text",
    [
        # scorn for a charge turns it down (and mocks whoever made it)
        "Foreign Minister Sergei Lavrov scoffed at the American accusations of election meddling.",
        "Kremlin spokesman Dmitry Peskov laughed at the U.S. allegations on Monday.",
    ],
)
def test_scorn_for_a_charge_rejects_it(detector: Detector, text: str) -> None:
    assert ("REJECT", "RUS", "USA") in triples(detector, text)


def test_scorn_for_a_side_itself_is_no_rejection(detector: Detector) -> None:
    found = triples(detector, "Kremlin spokesman Dmitry Peskov scoffed at Washington on Monday.")
    assert ("REJECT", "RUS", "USA") not in found
    assert ("ACCUSE", "RUS", "USA") in found


@pytest.mark.parametrize(
    "text",
    [
        # refusing to hand someone over turns down what the other side asked
        "The Kremlin declined to extradite the two suspects to the United States.",
        "Vladimir Putin said Moscow had no plans to turn Ivan Petrov over to the U.S.",
    ],
)
def test_refusing_to_hand_someone_over_rejects(detector: Detector, text: str) -> None:
    assert ("REJECT", "RUS", "USA") in triples(detector, text)


def test_handing_someone_over_is_no_rejection(detector: Detector) -> None:
    found = triples(detector, "The Kremlin extradited the two suspects to the United States.")
    assert not any(t[0] == "REJECT" for t in found)
    # turning prisoners over, told in passing, is no event of its own
    found = triples(
        detector, "U.S. officials have turned over three prisoners to Russia in recent years."
    )
    assert ("CONCEDE", "USA", "RUS") not in found

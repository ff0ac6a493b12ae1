"""Denials of a wrong charged to the denier's own state, whoever reported it, and denials told
in a relative clause on the charge ("a charge Moscow denies", "..., which the Kremlin denies").

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2019, 9, 16)
LEAD = "The two governments traded sharp words on Monday.\n\n"


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, LEAD + text, DAY)


@pytest.mark.parametrize(
    "denial",
    [
        # the wrong is told inside what is denied
        "Kremlin spokesman Ivan Sorokin denied Russian naval officers had supplied rockets to "
        "the rebels in exchange for firing at U.S. and allied ships.",
        # the wrong is told in the sentence before, by no one of the other side
        "A magazine in Lisbon wrote that Russian naval officers had supplied rockets to rebels "
        "to fire at U.S. ships. Kremlin spokesman Ivan Sorokin denied the report.",
    ],
)
def test_a_wrong_charged_to_the_deniers_state_is_refused(detector: Detector, denial: str) -> None:
    assert ("REJECT", "RUS", "USA") in triples(detector, denial)


def test_a_dismissal_answers_the_wrong_told_in_the_lead(detector: Detector) -> None:
    found = event_triples(
        detector,
        "A Portuguese magazine reported on Sunday that a Russian army unit had paid gunmen to "
        "shoot at American sailors in the Gulf of Guinea.\n\n"
        "The magazine cited two unnamed sources.\n\n"
        "Several senators in Washington demanded a briefing from the Pentagon.\n\n"
        "The Kremlin dismissed the report as a fabrication.",
        DAY,
    )
    assert ("REJECT", "RUS", "USA") in found


def test_the_deniers_own_doings_are_no_charge_against_the_state(detector: Detector) -> None:
    # the state's wrong is answered; a denial of what the denier did himself is not
    found = triples(
        detector,
        "A magazine wrote that Russian naval officers had supplied rockets to rebels to fire "
        "at U.S. ships. Kremlin spokesman Ivan Sorokin denied the report. A columnist wrote that "
        "Senator Jones had met the Russian ambassador. Jones denied he had met the Russian "
        "ambassador.",
    )
    assert ("REJECT", "RUS", "USA") in found
    assert ("REJECT", "USA", "RUS") not in found


def test_a_charge_denied_in_a_clause_on_it_is_refused(detector: Detector) -> None:
    # an allegation against the denier himself, denied the same way, answers nothing
    found = triples(
        detector,
        "Washington accused Russia of arming the rebels, a charge Moscow denies. Critics say "
        "the president knew of the plot, an allegation he has denied.",
    )
    assert ("REJECT", "RUS", "USA") in found
    assert ("REJECT", "USA", "RUS") not in found


def test_a_wrong_of_the_state_denied_in_a_which_clause_is_refused(detector: Detector) -> None:
    # a dealing with the other side charged to aides, denied the same way, is no refusal
    found = triples(
        detector,
        "The magazine said Russian spies paid gunmen to attack American soldiers, which the "
        "Kremlin denies. The magazine said the president's aides met Russian diplomats, which "
        "the White House denies.",
    )
    assert ("REJECT", "RUS", "USA") in found
    assert ("REJECT", "USA", "RUS") not in found


def test_a_charge_dismissed_as_the_work_of_coordinated_accusers_is_refused(
    detector: Detector,
) -> None:
    # the other side is named only among those the denier says are doing the blaming
    found = triples(
        detector,
        "Officials in Kiev said Russian soldiers were fighting in the east. Russia's defense "
        "minister laughed off the charges, saying that Kiev and its friends, the United States "
        "and Britain, were trying to blame Moscow for every problem.",
    )
    assert ("REJECT", "RUS", "USA") in found


def test_a_refusal_turns_down_only_what_was_put_before_it(detector: Detector) -> None:
    # the other side's offer comes after the refusal: the refusal cannot answer it
    found = event_triples(
        detector,
        "Floods hit the northern provinces on Monday.\n\n"
        "Rescue teams worked through the night.\n\n"
        "The Kremlin followed the storms closely.\n\n"
        "Trump rejected the idea of raising taxes to pay for the repairs.\n\n"
        "Later in the week, Russia offered the United States help with the rescue.",
        DAY,
    )
    assert ("AGREE", "RUS", "USA") in found
    assert ("REJECT", "USA", "RUS") not in found

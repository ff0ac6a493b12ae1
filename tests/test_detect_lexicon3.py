"""Events: the broadened trigger lexicon (detector 1.6.0), one new sense or more per type.

Each sentence is written for these tests; the detector is the real one, loaded once per
module.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2024, 5, 8)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AGREE: inking a deal, taking up an offer
        (
            "Russia and the United States inked a new agreement on fishing rights on Monday.",
            ("AGREE", "RUS", "USA"),
        ),
        (
            "The Kremlin embraced the American proposal for a thirty-day truce.",
            ("AGREE", "RUS", "USA"),
        ),
        # CONSULT: sitting down with the other side, arriving in its capital
        (
            "Secretary Blinken sat down with Foreign Minister Lavrov in Geneva on Friday.",
            ("CONSULT", "USA", "RUS"),
        ),
        # SUPPORT: saluting the other side
        (
            "President Putin saluted the United States for its help in the rescue.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # COOPERATE: reopening consulates, renewing a treaty
        (
            "Washington and Moscow agreed to reopen their consulates in San Francisco and "
            "Yekaterinburg.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # CONCEDE: loosening sanctions, dropping charges
        (
            "The Treasury Department loosened sanctions on Russian fertilizer exporters on "
            "Tuesday.",
            ("CONCEDE", "USA", "RUS"),
        ),
        # REQUEST: pleading with the other side
        (
            "The State Department pleaded with Moscow for the release of the detained journalist.",
            ("REQUEST", "USA", "RUS"),
        ),
        # ACCUSE: censuring, faulting
        (
            "The Russian Foreign Ministry censured Washington over the new missile deployment.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # REJECT: repudiating a claim, quitting a treaty
        (
            "Russia repudiated the American allegations of election interference.",
            ("REJECT", "RUS", "USA"),
        ),
        # THREATEN: cautioning the other side
        (
            "President Biden cautioned President Putin that an invasion would bring severe costs.",
            ("THREATEN", "USA", "RUS"),
        ),
        # SANCTION: ousting diplomats, adding firms to the entity list
        (
            "The United States ousted ten Russian diplomats from the embassy in Washington.",
            ("SANCTION", "USA", "RUS"),
        ),
        # COERCE: nationalizing, apprehending
        (
            "Russia nationalized the local assets of two American energy companies.",
            ("COERCE", "RUS", "USA"),
        ),
        # ASSAULT: buzzing a warship, shelling
        (
            "Russian fighter jets buzzed an American destroyer in the Black Sea on Monday.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # MOBILIZE: reinforcing forces, putting them on alert
        (
            "The Pentagon reinforced its troops near the Russian border with two more brigades.",
            ("MOBILIZE", "USA", "RUS"),
        ),
        # new senses of words the lexicon had: trading prisoners, holding a side to blame,
        # firing at a drone, targeting firms, withdrawing forces, suspending sanctions
        (
            "Moscow and Washington traded prisoners at the Ankara airport on Thursday.",
            ("COOPERATE", "RUS", "USA"),
        ),
        (
            "Secretary Blinken held Russia responsible for the death of the opposition leader.",
            ("ACCUSE", "USA", "RUS"),
        ),
        (
            "Russian fighter jets fired on an American Reaper drone over the Black Sea.",
            ("ASSAULT", "RUS", "USA"),
        ),
        (
            "The Treasury Department targeted two large Russian banks on Friday.",
            ("SANCTION", "USA", "RUS"),
        ),
        (
            "The United States suspended sanctions on Russian fertilizer for ninety days.",
            ("CONCEDE", "USA", "RUS"),
        ),
        (
            "President Biden told President Putin to pull his troops back from the border.",
            ("REQUEST", "USA", "RUS"),
        ),
        # backing down: shelving one's own plan, standing forces down
        (
            "The Pentagon shelved plans to station new missile batteries near Russia's "
            "western border.",
            ("CONCEDE", "USA", "RUS"),
        ),
        # scuttling a deal rejects it
        (
            "The Kremlin scuttled the American proposal for a grain corridor.",
            ("REJECT", "RUS", "USA"),
        ),
        # praise by description: "an experienced statesman"
        (
            "President Putin described President Biden as an experienced and balanced statesman.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # taking someone into custody is an arrest
        (
            "The FSB took a U.S. citizen into custody at the Moscow airport on Monday.",
            ("COERCE", "RUS", "USA"),
        ),
        # sharing intelligence cooperates; backing the other side's plan accepts it
        (
            "The United States shared intelligence with Russia about a planned terrorist "
            "attack in Moscow.",
            ("COOPERATE", "USA", "RUS"),
        ),
        (
            "The Kremlin backed the American plan for a ceasefire in the Black Sea.",
            ("AGREE", "RUS", "USA"),
        ),
        # statement cues: a warning that something "will not go unpunished" threatens,
        # "warmongering and double standards" accuses
        (
            '"Washington\'s hostile act will not go unpunished," Kremlin spokesman Dmitry '
            "Peskov said of the new American sanctions.",
            ("THREATEN", "RUS", "USA"),
        ),
        (
            "Secretary of State Antony Blinken said Russia's warmongering and double "
            "standards were on full display.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # committing to talks, being keen to meet: offers
        (
            "The Kremlin said President Putin was keen to meet President Trump in Budapest.",
            ("AGREE", "RUS", "USA"),
        ),
    ],
)
def test_broadened_sense(detector: Detector, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "put relations on a new footing" is no alert
        (
            "Clinton and Lavrov pledged to put relations between Washington and Moscow on a "
            "new footing.",
            "MOBILIZE",
        ),
        # "oppose" needs a proposal, not anything at all
        (
            "Russia has long opposed the expansion of NATO toward its borders.",
            "REJECT",
        ),
        # being ready or keen to meet offers a meeting; it is not one
        (
            "The Kremlin said President Putin was ready to meet President Trump in Budapest.",
            "CONSULT",
        ),
    ],
)
def test_broadened_sense_stays_narrow(detector: Detector, text: str, absent: str) -> None:
    assert absent not in {t for t, _, _ in triples(detector, text)}

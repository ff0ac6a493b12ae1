"""Events: the general rules added after the error analysis of the development set.

Each sentence is written for these tests and names the rule it checks; the detector is the
real one, loaded once per module.
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
        # a promised or vowed response is a threat, not an offer
        (
            "Washington expelled two Russian diplomats on Tuesday. Moscow promised a firm response.",
            ("THREATEN", "RUS", "USA"),
        ),
        (
            "The State Department closed a Russian consulate. The Kremlin vowed retaliation.",
            ("THREATEN", "RUS", "USA"),
        ),
        # a threat made on a condition is still a threat
        (
            "President Biden threatened Russia with new sanctions if its troops crossed the "
            "border.",
            ("THREATEN", "USA", "RUS"),
        ),
        # two named parties speaking, without "with"
        (
            "Secretary Blinken and Foreign Minister Lavrov spoke by phone on Monday.",
            ("CONSULT", "USA", "RUS"),
        ),
        # a dismissed claim is a rejected one
        (
            "The Kremlin brushed off the American allegations about the hacking campaign.",
            ("REJECT", "RUS", "USA"),
        ),
        # a call named as the setting of what one side told the other is their call
        (
            "Putin told Biden during a long video call on Tuesday that NATO must stop expanding.",
            ("CONSULT", "RUS", "USA"),
        ),
        # a measure of talks ("six hours of talks") stands for the talks
        (
            "American and Russian diplomats reached a deal after six hours of talks in Vienna.",
            ("CONSULT", "USA", "RUS"),
        ),
        # the two parties after "between"
        (
            "A phone conversation between Lavrov and Blinken lasted forty minutes, diplomats said.",
            ("CONSULT", "USA", "RUS"),
        ),
        # harassing aircraft is a use of force, not coercion of people
        (
            "Russian fighter jets harassed an American surveillance drone over the Black Sea.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # moving forces in an article about the pair is aimed at the other side
        (
            "Medvedev warned Washington again. President Biden ordered two submarines "
            "repositioned closer to the region.",
            ("MOBILIZE", "USA", "RUS"),
        ),
        # a harm promised on a condition is a threat of it
        (
            "Biden met Putin in June. Biden said that if Russia attacked its neighbour again, "
            "Washington would impose crippling sanctions on Moscow.",
            ("THREATEN", "USA", "RUS"),
        ),
        # an accusation judged false is rejected, not a new accusation (the denial answers
        # the charge the story reports)
        (
            "Blinken met Lavrov in Bali and accused Moscow of hacking. Lavrov called the "
            "allegations fabricated.",
            ("REJECT", "RUS", "USA"),
        ),
        # "charged X with carrying out attacks": X attacked
        (
            "The Justice Department charged three GRU officers with carrying out cyberattacks "
            "on American hospitals.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # a promise to answer in kind, in a quote, is a warning
        (
            "Washington closed two Russian consulates on Friday. Lavrov said Moscow would study "
            "the decision and then respond.",
            ("THREATEN", "RUS", "USA"),
        ),
        # a quoted official scorning the other side's act accuses it
        (
            'Moscow detained an American journalist. "He is being held on bogus charges," '
            "Secretary of State Antony Blinken said.",
            ("ACCUSE", "USA", "RUS"),
        ),
        (
            'The United States expelled two Russian diplomats. "We consider this step unfriendly '
            'and we will answer it," Peskov told reporters.',
            ("THREATEN", "RUS", "USA"),
        ),
        # a meeting called off is refused
        (
            "President Biden cancelled his planned summit with Vladimir Putin in Budapest.",
            ("REJECT", "USA", "RUS"),
        ),
        # proposals called non-starters are turned down
        (
            "Russia handed Washington its security proposals. A State Department official said "
            "several of the Russian proposals were non-starters.",
            ("REJECT", "USA", "RUS"),
        ),
        (
            "Sherman said Washington had pushed back firmly on the Russian proposals.",
            ("REJECT", "USA", "RUS"),
        ),
        # seeking guarantees or access of the other side is a request
        (
            "Moscow sought legally binding guarantees from Washington on missile deployments.",
            ("REQUEST", "RUS", "USA"),
        ),
        (
            "Biden spoke with Putin for two hours. Putin asked for written security guarantees "
            "from the United States.",
            ("REQUEST", "RUS", "USA"),
        ),
        # taking a name off a sanctions list eases sanctions
        (
            "Moscow welcomed the decision. The Treasury removed a Russian banker from its "
            "sanctions list on Friday.",
            ("CONCEDE", "USA", "RUS"),
        ),
        # the side said to be behind an attack carried it out
        (
            "Officials said Moscow was behind the hack of the State Department's email system.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # the ones indicted on charges of an attack carried it out
        (
            "Mueller met the press on Friday. Twelve GRU officers were indicted on charges of "
            "hacking the computers of the State Department.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # a swap is between the two sides even when the one traded holds a third passport
        (
            "Russia freed an American teacher in exchange for a dual German-Russian citizen "
            "held in the United States.",
            ("COOPERATE", "RUS", "USA"),
        ),
        # ambassadors sent back restore ties
        (
            "Biden and Putin agreed to return their ambassadors to each other's capitals.",
            ("COOPERATE", "USA", "RUS"),
        ),
    ],
)
def test_found(detector: Detector, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(detector, text)  # CONSULT/COOPERATE either way round


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a reward for information is no offer to the other side
        (
            "The Justice Department offered a reward for information on Russian hackers.",
            ("AGREE", "USA", "RUS"),
        ),
        # awards promised to one's own returning prisoners are no offer either
        (
            "Putin met the Russians freed by the United States and promised them medals.",
            ("AGREE", "RUS", "USA"),
        ),
        # shrugging off an act of the other side rejects no claim of it
        (
            "Moscow banned imports of American poultry. The White House shrugged off the move.",
            ("REJECT", "USA", "RUS"),
        ),
        # "neither ... nor" denies the act
        (
            "Neither Washington nor Moscow has discussed a date for a summit.",
            ("CONSULT", "RUS", "USA"),
        ),
        # praise of the talks judges a meeting both held, not the other side
        (
            "Lavrov met Blinken in Hanoi. The Russian Foreign Ministry described the meeting "
            "as constructive and useful.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # a cue word under a negation says the opposite of the cue
        (
            'Blinken met Lavrov in Hanoi. "There was no hostility in the room," Lavrov told '
            "reporters.",
            ("ACCUSE", "RUS", "USA"),
        ),
        (
            "Russian warships reached Cuba. The Pentagon said the ships did not pose a threat "
            "to the United States.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # the side that reports a build-up is not what it is aimed at
        (
            "Biden spoke with Putin on Tuesday. Russia has massed troops near the border of "
            "Ukraine, according to U.S. intelligence.",
            ("MOBILIZE", "RUS", "USA"),
        ),
        # troops ordered home, or pulled back from a border, are no deployment or rejection
        (
            "Medvedev warned Washington again. Putin ordered the troops to withdraw from the "
            "border.",
            ("MOBILIZE", "RUS", "USA"),
        ),
        (
            "Medvedev warned Washington again. Putin ordered the troops to withdraw from the "
            "border.",
            ("REJECT", "RUS", "USA"),
        ),
        # an addressee of one's own side makes a request at home
        (
            "Senators urged President Biden to cancel his summit with Putin.",
            ("REQUEST", "USA", "RUS"),
        ),
        # sanctions that are lifted are not imposed
        (
            "The Treasury lifted sanctions on a Russian banker to allow his visit to Washington.",
            ("SANCTION", "USA", "RUS"),
        ),
        # "unable to" leaves the act undone
        (
            "Lavrov said Moscow and Washington were unable to reach an agreement on Syria.",
            ("AGREE", "RUS", "USA"),
        ),
        # a named body is no act: sanctions on an exchange are no exchange of prisoners
        (
            "The United States imposed sanctions on the Moscow Exchange and on Russian banks.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # an exchange of words is no swap because a report was released that day
        (
            "Biden called Putin a killer. The exchange came a day after American agencies "
            "released a report on Russian meddling.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # the accuser is not the attacker
        (
            "The Justice Department charged three GRU officers with carrying out cyberattacks "
            "on American hospitals.",
            ("ASSAULT", "USA", "RUS"),
        ),
        # attacks prevented did not happen
        (
            "Putin thanked Trump for American intelligence that helped prevent attacks in Russia.",
            ("ASSAULT", "USA", "RUS"),
        ),
        # "must understand" warns; it asks nothing to be done
        (
            '"Moscow must understand that escalation will isolate it," Biden said.',
            ("REQUEST", "USA", "RUS"),
        ),
        # congratulations still to come are no praise yet
        (
            "The Kremlin said Putin would wait for the final count before congratulating the "
            "American president-elect.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # the cancelled summit did not take place
        (
            "President Biden cancelled his planned summit with Vladimir Putin in Budapest.",
            ("CONSULT", "USA", "RUS"),
        ),
        # "detained and accused of theft": the accuser is not named, so no accusation is coded
        (
            "An American soldier was detained in Vladivostok and accused of theft, U.S. "
            "officials said.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # "the sanctions list" names a list, not sanctions imposed by anyone
        (
            "Moscow welcomed the decision. The Treasury removed Karina Rotenberg from the Russia "
            "sanctions list on Friday.",
            ("SANCTION", "RUS", "USA"),
        ),
        # ... and the official who says so did not
        (
            "Blinken said Russia was clearly behind the cyberattack on American hospitals.",
            ("ASSAULT", "USA", "RUS"),
        ),
    ],
)
def test_not_found(detector: Detector, text: str, unwanted: tuple[str, str, str]) -> None:
    assert unwanted not in triples(detector, text)  # CONSULT/COOPERATE either way round

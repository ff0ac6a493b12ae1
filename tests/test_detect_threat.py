"""Events: threats and requests put in the words of obligation, condition and warning.

Each sentence is written for these tests and names the rule it checks; the detector is the
real one, loaded once per session (the rules alone: conftest turns the filter off here).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2018, 6, 1)  # the officials named below held office that day


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


# ------------------------------------------------------------------ obligation: REQUEST


@pytest.mark.parametrize(
    "text",
    [
        # "X has to / had to / will have to do": a duty the speaker puts on the other side
        "U.S. national security adviser John Bolton said Russia had to stop supplying the rebels.",
        # "it is (long past) time for X to": the same, in a quotation after its speaker
        'U.S. Ambassador Nikki Haley spoke at the Security Council on Friday. "It is long past '
        'time for Russia to stop shielding the regime."',
        # "it is up to X to", "the onus is on X to"
        "Secretary of State Mike Pompeo said on Monday that it was up to Moscow to end the "
        "standoff over the ship.",
        "Secretary of State Mike Pompeo said the onus was on Russia to free the sailors.",
        # "put the onus on X to": the one who puts it asks
        "Secretary of State Mike Pompeo put the onus on Russia to free the sailors.",
    ],
)
def test_a_duty_put_on_the_other_side_is_a_request(detector: Detector, text: str) -> None:
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # the duty denied
        "U.S. national security adviser John Bolton said Russia did not have to stop supplying "
        "the rebels.",
        # a condition, not a demand
        "John Bolton said that if Russia has to leave Syria, the United States will help.",
        # the choice left to the other side is no demand of it
        "Kremlin spokesman Dmitry Peskov said it was up to the United States to decide how to "
        "cut its staff.",
        # time had, not a duty put
        'U.S. Ambassador Nikki Haley said: "Russia has had a month to explain the attack."',
    ],
)
def test_a_duty_denied_conditional_or_left_open_is_no_request(
    detector: Detector, text: str
) -> None:
    found = triples(detector, text)
    assert ("REQUEST", "USA", "RUS") not in found
    assert ("REQUEST", "RUS", "USA") not in found


def test_the_act_a_side_is_told_it_must_do_is_not_its_own(detector: Detector) -> None:
    # "time for Russia to ... push for": the push is asked of Russia, not made by it
    found = triples(
        detector,
        '"It is time for Russia to stop covering for the regime and to push Washington for '
        'talks," U.S. Ambassador Nikki Haley said on Friday.',
    )
    assert ("REQUEST", "USA", "RUS") in found
    assert ("REQUEST", "RUS", "USA") not in found


# ------------------------------------------------------ harm under consideration: THREATEN


@pytest.mark.parametrize(
    "text",
    [
        # sanctions being considered or weighed are threatened (GUIDE), not imposed
        "The United States is considering new sanctions against Russia over the poisoning.",
        "Officials said the Trump administration was weighing fresh penalties on Russia.",
        # options to respond or punish, a range of them, under consideration
        "The Trump administration is weighing options to punish Russia for the hack.",
        "Secretary of State Mike Pompeo said the United States was considering a range of "
        "options to respond to Russia's attack in Britain.",
    ],
)
def test_a_reprisal_under_consideration_is_a_threat(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("THREATEN", "USA", "RUS") in found
    assert ("SANCTION", "USA", "RUS") not in found


@pytest.mark.parametrize(
    "text",
    [
        "The United States is not considering new sanctions against Russia.",
        "Is the United States considering new sanctions against Russia?",
        # options for something else than a reprisal
        "The United States is considering options for talks with Russia.",
    ],
)
def test_no_threat_when_nothing_hostile_is_weighed(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------- reprisal: the act it answers is the target


@pytest.mark.parametrize(
    "text",
    [
        # the act answered is two sentences back, with nothing of the other side in between
        "The United States imposed new sanctions on Russian banks on Monday. Nobody knows "
        "what comes next. After the announcement, Russian officials vowed to retaliate.",
        # the reprisal in the threat's object ("measures in retaliation")
        "The State Department ordered the closure of two Russian compounds. A spokesman for the "
        "department declined to comment. The Kremlin threatened specific measures in "
        "retaliation.",
        # a conjunct with a finite auxiliary of its own is no part of the demand before it
        "The State Department ordered the closure of two Russian compounds. The Kremlin has "
        "demanded that the compounds be returned and has threatened specific measures in "
        "retaliation.",
    ],
)
def test_a_reprisal_is_aimed_at_the_side_whose_act_it_answers(
    detector: Detector, text: str
) -> None:
    assert ("THREATEN", "RUS", "USA") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # no act of the other side for the reprisal to answer
        "Russian officials met Secretary of State Mike Pompeo on Monday. Nobody knows what "
        "comes next. Later, Russian officials vowed to retaliate.",
        # what the other side did to the threatening side is no harm (a proposal vetoed)
        "Russia vetoed a U.S. proposal at the Security Council. Nobody knows what comes next. "
        "Later, Russian officials vowed to retaliate.",
    ],
)
def test_a_reprisal_with_no_act_to_answer_has_no_target(detector: Detector, text: str) -> None:
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a harm the speaker says the other side will or could face
        "Secretary of State Mike Pompeo said Russia could face new sanctions if it kept "
        "jamming the signals.",
        '"Moscow will face serious consequences," Secretary of State Mike Pompeo said.',
        # sanctions a side intends or plans to impose are threatened, not yet imposed
        "The Treasury Department intends to impose further sanctions on Russian officials.",
        "The State Department is planning to expel more Russian diplomats.",
    ],
)
def test_a_harm_to_come_is_a_threat(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("THREATEN", "USA", "RUS") in found
    assert ("SANCTION", "USA", "RUS") not in found


@pytest.mark.parametrize(
    "text",
    [
        # the harm already faced, told by an analyst, or denied
        "Secretary of State Mike Pompeo said Russia faces a hard choice in Syria.",
        "An economist said Russia could face new sanctions later this year.",
        "The Treasury Department does not plan to impose new sanctions on Russian officials.",
    ],
)
def test_no_threat_of_a_harm_not_held_over_the_other_side(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


def test_sanctions_planned_for_a_set_day_are_imposed(detector: Detector) -> None:
    text = "The United States plans to impose new sanctions on Russia on Monday, Pompeo said."
    found = triples(detector, text)
    assert ("SANCTION", "USA", "RUS") in found
    assert ("THREATEN", "USA", "RUS") not in found


@pytest.mark.parametrize(
    "text",
    [
        # a warning that tells the other side to act asks it to
        "Secretary of State Mike Pompeo warned Moscow to halt its support for the separatists.",
        # calls put to the other side, as a noun
        "The United States issued repeated calls to Russia to withdraw its troops.",
        # commands opening a quote: after a vocative, and in the negative
        '"Russia, release the sailors," Secretary of State Mike Pompeo said.',
        '"Do not interfere in our elections," Secretary of State Mike Pompeo told Sergei Lavrov.',
    ],
)
def test_warnings_calls_and_commands_to_act_are_requests(detector: Detector, text: str) -> None:
    assert ("REQUEST", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # telling the other side to brace for a blow is a threat, not a request
        'Secretary of State Mike Pompeo warned Russia to "get ready" for a response.',
        # a phone call, not a call to act
        "Secretary of State Mike Pompeo made a call to Sergei Lavrov on Monday.",
        # a reassurance, not a command
        '"Do not worry about the Russians," Secretary of State Mike Pompeo said.',
    ],
)
def test_no_request_in_warnings_to_brace_calls_and_reassurance(
    detector: Detector, text: str
) -> None:
    assert ("REQUEST", "USA", "RUS") not in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a measure that goes ahead unless the other side acts is an ultimatum
        "Secretary of State Mike Pompeo said the pullout would be final in ninety days unless "
        "Russia scrapped the new missiles.",
        "Pompeo's statement set a deadline of ninety days for the pullout unless Moscow "
        "scrapped the missiles.",
    ],
)
def test_a_measure_unless_the_other_side_acts_is_a_threat(detector: Detector, text: str) -> None:
    assert ("THREATEN", "USA", "RUS") in triples(detector, text)


def test_a_measure_withheld_unless_the_other_side_acts_is_no_threat(detector: Detector) -> None:
    text = "Secretary of State Mike Pompeo said Washington would not ease sanctions unless Russia left."
    assert ("THREATEN", "USA", "RUS") not in triples(detector, text)


# ------------------------------------------------------------- a promised answer: THREATEN


@pytest.mark.parametrize("verb", ["vowed", "pledged", "promised"])
def test_a_promise_to_answer_or_counter_the_other_side_is_a_threat(
    detector: Detector, verb: str
) -> None:
    # "answer", "counter", "reciprocate" and "mirror" are blows in kind, the same for every
    # verb of promising, and not an offer
    text = f"Russian Foreign Minister Sergei Lavrov {verb} to answer any new U.S. sanctions."
    found = triples(detector, text)
    assert ("THREATEN", "RUS", "USA") in found
    assert ("AGREE", "RUS", "USA") not in found


def test_a_promise_to_answer_questions_is_no_threat(detector: Detector) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov promised to answer the questions of U.S. reporters."
    )
    assert ("THREATEN", "RUS", "USA") not in triples(detector, text)

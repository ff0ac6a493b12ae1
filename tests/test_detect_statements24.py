"""Statements whose speaker is a plural pronoun after a quote of several sentences ('"We assess
... . Moscow also ...," they said'): the pronoun takes up the subject of the sentence before
the quote, going back past sentences of the quote itself and past a "they" that itself takes
up that subject; "they wrote" takes it up as "they said" does. The texts are written for
these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from pipeline.models import DetectedStatement

DAY = dt.date(2017, 1, 6)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


def by(found: list[DetectedStatement], surname: str) -> list[DetectedStatement]:
    return [s for s in found if surname in s.speaker.name]


QUOTE = (
    '"We assess that Russian officials authorized the attacks on the election. Moscow also '
    "used cyber tools to sway voters in Europe"
)


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before the closing attribution is the quote's own first sentence
        "Directors James Clapper and Mike Rogers issued a joint statement on Thursday about "
        f'the hacking.\n{QUOTE}," they said.',
        # three sentences of quote
        "Directors James Clapper and Mike Rogers briefed senators on the hacking on Thursday."
        f'\n{QUOTE}. Russian operations will go on against American targets," they told them.',
        # a "they" before the quote takes up the named subject before it in turn
        "Directors James Clapper and Mike Rogers testified before the Senate on Thursday. "
        f'They spoke for three hours about the hacking.\n{QUOTE}," they said.',
    ],
)
def test_they_after_a_quote_of_several_sentences(detector: Detector, text: str) -> None:
    found = by(statements(detector, text), "Clapper")
    assert found and "Russian officials authorized" in found[0].quote, statements(detector, text)
    assert not [s for s in statements(detector, text) if s.speaker.country == "RUS"]


# --- guards: what must not change


def test_they_after_a_one_sentence_quote_of_a_body(detector: Detector) -> None:
    text = (
        "The Russian Foreign Ministry protested the new American sanctions on Friday.\n"
        '"Washington will face a firm answer to these hostile steps," they said.'
    )
    found = statements(detector, text)
    assert found and found[0].speaker.country == "RUS", found


def test_they_after_a_sentence_with_a_pronoun_of_another_kind(detector: Detector) -> None:
    # "It" opens the sentence before: no named subject is taken up from further back
    text = (
        "Directors James Clapper and Mike Rogers testified before the Senate on Thursday. "
        f'It was a long day on Capitol Hill.\n{QUOTE}," they said.'
    )
    assert not by(statements(detector, text), "Clapper"), statements(detector, text)


def test_they_wrote_after_a_joint_statement(detector: Detector) -> None:
    # "wrote" takes up the speaker of the sentence before as "said" does, not the country named
    # last in the quote
    text = (
        "President Biden joined the leaders of France and Germany in condemning the attack "
        "on Monday.\n"
        '"The strike is a clear breach of international law. It threatens the security of us '
        'all," they said in a joint statement.\n'
        "They also wrote that the Kremlin's refusal to explain the strike \"only underlines "
        'the guilt of Russia."'
    )
    found = by(statements(detector, text), "Biden")
    assert any("underlines" in s.quote for s in found), statements(detector, text)

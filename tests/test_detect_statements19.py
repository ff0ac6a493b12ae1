"""Statement speakers: a person named with the article's own spelling of the name where the
dictionary spells it otherwise, and "the country's" ministry owned by the country the story
made the subject before it. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.detect.resolve import ArticleContext
from pipeline.models import DetectedStatement
from tests.support.detection import by_phrase

DAY = dt.date(2018, 4, 20)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


# ------------------------------------------------- the article's spelling of a full name


def test_the_speaker_is_named_as_the_article_spells_him(detector: Detector) -> None:
    text = (
        "Diplomats met at the United Nations on Thursday to discuss the sanctions.\n"
        "Vasily Nebenzya, Russia's envoy to the world body, said: “Washington will regret "
        "every new restriction it places on our companies.”\n"
    )
    found = by_phrase(statements(detector, text), "will regret every new restriction")
    assert [s.speaker.name for s in found] == ["Vasily Nebenzya"], found
    assert found[0].speaker.country == "RUS"


def test_a_first_name_spelt_otherwise_keeps_the_dictionary_name(detector: Detector) -> None:
    # guard: the surname is the dictionary's own; only the first name differs
    text = (
        "Diplomats met in Geneva on Thursday to discuss the sanctions.\n"
        "Sergey Lavrov, Russia's foreign minister, said: “Washington will regret every new "
        "restriction it places on our companies.”\n"
    )
    found = by_phrase(statements(detector, text), "will regret every new restriction")
    assert [s.speaker.name for s in found] == ["Sergei Lavrov"], found


# ------------------------------------------------------- "the country's foreign ministry"


def test_the_countrys_ministry_belongs_to_the_subject_country(detector: Detector) -> None:
    text = (
        "Russia on Sunday accused the United States of stoking the conflict in Ukraine.\n"
        "The country's Ministry of Foreign Affairs said Washington was waging “a shameless "
        "campaign of lies against our nation” and would answer for it.\n"
    )
    found = by_phrase(statements(detector, text), "shameless campaign of lies")
    assert found and all(s.speaker.country == "RUS" for s in found), found


def test_a_named_owner_of_the_ministry_still_wins(detector: Detector) -> None:
    # guard: the ministry's own qualifier names its country
    text = (
        "Russia on Sunday accused the United States of stoking the conflict in Ukraine.\n"
        "Ukraine's Ministry of Foreign Affairs said Moscow was waging “a shameless campaign "
        "of lies against our nation” and would answer for it.\n"
    )
    found = by_phrase(statements(detector, text), "shameless campaign of lies")
    assert all(s.speaker.country != "RUS" for s in found), found


def test_his_own_countrys_ministry_is_not_the_subject_country(detector: Detector) -> None:
    # guard: "his own country's" names the country of whoever "his" is, not the subject's
    text = (
        "Russia on Sunday accused the United States of stoking the conflict in Ukraine.\n"
        "The envoy said his own country's Ministry of Foreign Affairs had ignored him.\n"
    )
    doc = detector.nlp(text)
    ctx = ArticleContext(doc, detector.dictionary, DAY)
    actors = {doc[m.start : m.end].text: m.actor for m in ctx.mentions}
    ministry = actors.get("Ministry of Foreign Affairs")
    assert ministry is None or ministry.country != "RUS", actors

"""Statement speakers and the home-politics test of round 21: a spokesman relaying his own
side's principal ("President Putin believes that ...", Peskov said) credits the principal
too; "he" after "X met Y, spokeswoman Z said" takes up X; a side's home story needs the other
side itself (not one of its people) in a home affair, and more than one of its lawmakers.
The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.detect.events import EventFinder
from pipeline.detect.resolve import ArticleContext
from pipeline.detect.statements import StatementFinder
from tests.support.detection import by_speaker, statements_in

DAY = dt.date(2017, 4, 10)


# ------------------------------------------------------------------ a principal relayed


def test_a_spokesman_relaying_his_president_credits_the_president(detector: Detector) -> None:
    text = (
        "The Kremlin condemned the American missile strikes on a Syrian air base.\n"
        "“President Putin believes that the American strikes on the air base are an act of "
        "aggression against a sovereign state,” Kremlin spokesman Dmitry Peskov said.\n"
    )
    found = statements_in(detector, text, DAY)
    assert by_speaker(found, "Putin", "act of aggression")
    assert by_speaker(found, "Peskov", "act of aggression")  # the spokesman's word stays


def test_a_body_believing_is_no_principal(detector: Detector) -> None:
    # guard: "the FBI believes" inside a senator's quote is no word of the bureau's
    text = (
        "Senators questioned the director about Russian hacking on Tuesday.\n"
        "“The FBI believes that Russian hackers stole the emails to hurt the American "
        "election,” Senator Lindsey Graham said.\n"
    )
    found = statements_in(detector, text, DAY)
    assert not by_speaker(found, "FBI", "Russian hackers")


def test_the_other_sides_leader_believing_is_not_relayed(detector: Detector) -> None:
    # guard: an American speaker on what Putin believes reports no word of Putin's
    text = (
        "The White House weighed its answer to Moscow on Monday.\n"
        "“Putin believes that the American sanctions will fail to change his course,” White "
        "House spokesman Sean Spicer said.\n"
    )
    found = statements_in(detector, text, DAY)
    assert not by_speaker(found, "Putin", "sanctions will fail")


# ------------------------------------------------------------------ "he" after an attribution


SNOWDEN_DAY = dt.date(2013, 7, 10)


def test_he_after_a_spokeswomans_report_takes_up_the_one_reported(detector: Detector) -> None:
    text = (
        "Kerry spoke with his Russian counterpart, Foreign Minister Sergey Lavrov, on "
        "Wednesday morning, spokeswoman Jen Psaki said.\n"
        "“He reiterated our view that Russia must return the fugitive to the United States, "
        "where he will face a fair trial,” Psaki said.\n"
    )
    found = statements_in(detector, text, SNOWDEN_DAY)
    assert by_speaker(found, "Kerry", "Russia must return")
    assert not by_speaker(found, "Lavrov", "Russia must return")


def test_he_after_a_mans_own_report_stays_with_him(detector: Detector) -> None:
    # guard: the main clause's subject, a man of a side, is still the one "he" takes up
    text = (
        "Kerry spoke with his Russian counterpart, Foreign Minister Sergey Lavrov, on "
        "Wednesday morning, President Obama said.\n"
        "“He reiterated our view that Russia must return the fugitive to the United States, "
        "where he will face a fair trial,” Psaki said.\n"
    )
    found = statements_in(detector, text, SNOWDEN_DAY)
    assert not by_speaker(found, "Kerry", "Russia must return")


# ------------------------------------------------------------------ home stories


def _finder(detector: Detector, text: str) -> StatementFinder:
    doc = detector.nlp(text)
    ctx = ArticleContext(doc, detector.dictionary, DAY, dated=True, sides=detector.sides)
    return StatementFinder(EventFinder(ctx, detector.lexicon, detector.sides))


def test_a_person_of_the_other_side_in_a_home_affair_makes_no_home_story(
    detector: Detector,
) -> None:
    text = (
        "The Treasury put sanctions on a Russian metals magnate on Friday.\n"
        "The magnate is known for his links to Trump, which investigators have studied.\n"
    )
    assert not _finder(detector, text)._home_story("RUS")


def test_the_other_side_itself_in_a_home_affair_makes_a_home_story(detector: Detector) -> None:
    # guard: "ties to Russia" is the home affair of the side whose people have them
    text = (
        "The Treasury put sanctions on a Russian metals magnate on Friday.\n"
        "Investigators are still studying the campaign's ties to Russia.\n"
    )
    assert _finder(detector, text)._home_story("USA")


def test_one_lawmaker_quoted_again_and_again_makes_no_home_story(detector: Detector) -> None:
    text = (
        "The Treasury put sanctions on Russian banks on Friday.\n"
        "Konstantin Kosachev said Moscow would answer. Kosachev called the step hostile.\n"
        "Kosachev added that the answer would come soon.\n"
    )
    assert not _finder(detector, text)._home_story("RUS")


def test_several_lawmakers_again_and_again_make_a_home_story(detector: Detector) -> None:
    # guard: two lawmakers named over and over are a debate at home
    text = (
        "The Treasury put sanctions on Russian banks on Friday.\n"
        "Konstantin Kosachev said Moscow would answer. Leonid Slutsky called the step hostile.\n"
        "Kosachev added that the answer would come soon, and Slutsky agreed.\n"
    )
    assert _finder(detector, text)._home_story("RUS")

"""Statement recall: a closing quote mark set the wrong way round, "he went on" after a quote,
a view or an assessment defended or reasserted, "clarified that ...", and a judgement quoted
after "declared". The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.detect.statements import find_quotes
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

DAY = dt.date(2016, 12, 14)


def statements(detector: Detector, text: str) -> list[DetectedStatement]:
    return detector.detect(text, published=DAY).statements


# ------------------------------------------------ a curly opener used as the closing mark


def test_a_curly_opener_after_the_words_closes_the_quote(detector: Detector) -> None:
    text = (
        "Senators returned from the recess angry about the summit.\n"
        "“Russia has never paid a real price for its war in Ukraine,“ said Senator John "
        "McCain, who chairs the armed services panel.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "McCain", "never paid a real price"), found


def test_a_curly_opener_after_a_space_still_runs_on() -> None:
    # guard: an opener inside an open quote, not right after the words' punctuation
    quotes = find_quotes("He said “the envoy “will answer” soon.\n")
    assert [q.text for q in quotes] == ["the envoy “will answer"]


# --------------------------------------------------------------------- "he went on"


def test_a_quote_followed_by_he_went_on_is_the_speakers(detector: Detector) -> None:
    text = (
        "Sergei Lavrov spoke to students in Minsk on Friday.\n"
        "“The United States wants to cut Russia off from all of its neighbours,” he went on.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "Lavrov", "cut Russia off"), found


def test_a_quote_followed_by_he_went_home_is_no_ones(detector: Detector) -> None:
    # guard: "go" without "on" reports no words
    text = (
        "Sergei Lavrov spoke to students in Minsk on Friday.\n"
        "“The United States wants to cut Russia off from all of its neighbours,” one student "
        "wrote. Then he went home.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Lavrov", "cut Russia off"), found


# ------------------------------------------------ a view or an assessment held out in words


def test_a_defended_assessment_is_the_defenders_statement(detector: Detector) -> None:
    text = (
        "The intelligence chiefs went before the Senate on Thursday.\n"
        "James Clapper defended the assessment that Moscow ordered the theft of the party's "
        "e-mails.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "Clapper", "Moscow ordered the theft"), found


def test_an_assessment_not_defended_is_no_statement(detector: Detector) -> None:
    # guard: a negated verb puts out no words
    text = (
        "The intelligence chiefs went before the Senate on Thursday.\n"
        "James Clapper did not defend the assessment that Moscow ordered the theft of the "
        "party's e-mails.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Clapper", "Moscow ordered the theft"), found


def test_a_reasserted_view_is_the_speakers_statement(detector: Detector) -> None:
    text = (
        "Republicans were split over the summit in Finland.\n"
        "House Speaker Paul Ryan reasserted his view that Russia meddled in the vote and "
        "keeps meddling in Europe.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "Ryan", "Russia meddled in the vote"), found


def test_a_view_studied_is_no_statement(detector: Detector) -> None:
    # guard: a verb that does not put words out
    text = (
        "Republicans were split over the summit in Finland.\n"
        "House Speaker Paul Ryan studied the view that Russia meddled in the vote and keeps "
        "meddling in Europe.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Ryan", "Russia meddled in the vote"), found


# ------------------------------------------------------------------ "clarified that ..."


def test_clarified_that_reports_words(detector: Detector) -> None:
    text = (
        "President Barack Obama gave a long interview on Friday.\n"
        "Later he clarified that American agencies were still weighing why Russian hackers "
        "had struck.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "Obama", "still weighing why Russian hackers"), found


def test_clarified_rules_report_no_words(detector: Detector) -> None:
    # guard: no clause of words
    text = (
        "President Barack Obama gave a long interview on Friday.\n"
        "Later he clarified the rules for Russian hackers facing American courts.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Obama", "Russian hackers"), found


# ---------------------------------------------- a judgement in quotes after a naming verb


def test_a_judgement_quoted_after_declared_is_a_statement(detector: Detector) -> None:
    text = (
        "The Kremlin answered the new sanctions on Monday.\n"
        "Vladimir Putin declared the American envoy “a welcome guest” on "
        "Tuesday.\n"
    )
    found = statements(detector, text)
    assert by_speaker(found, "Putin", "a welcome guest"), found


def test_an_unquoted_declaration_is_no_judgement_statement(detector: Detector) -> None:
    # guard: without quotation marks "declared" reports the act, not words
    text = (
        "The Kremlin answered the new sanctions on Monday.\n"
        "Vladimir Putin declared the American diplomat persona non grata at a meeting in "
        "Sochi.\n"
    )
    found = statements(detector, text)
    assert not by_speaker(found, "Putin", "persona non grata"), found

"""The seed article of EVENTS.md, read from the shared folder at test time (never copied)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from pipeline.detect import get_detector
from pipeline.models import Detection

SHARED = Path(os.environ.get("DIPLOWATCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEED = SHARED / "seed" / "seed-article.txt"
PUBLISHED = dt.date(2021, 3, 22)

RESCORE = True  # the detector as shipped: rules and the learned precision filter

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="the shared seed article is absent")


@pytest.fixture(scope="module")
def seed() -> Detection:
    return get_detector().detect(SEED.read_text(encoding="utf-8"), published=PUBLISHED)


def test_seed_is_relevant_with_the_five_labelled_events(seed: Detection) -> None:
    found = {(e.type, e.source.country, e.target.country) for e in seed.events}
    labelled = {
        ("AGREE", "RUS", "USA"),
        ("REJECT", "USA", "RUS"),
        ("ACCUSE", "USA", "RUS"),
        ("ACCUSE", "RUS", "USA"),
        ("THREATEN", "USA", "RUS"),
    }
    assert seed.relevant
    assert labelled <= found
    # Nothing beyond the labels (the optional AGREE USA->RUS would be allowed).
    assert found - labelled <= {("AGREE", "USA", "RUS")}


def test_killer_accusation_is_dated_last_wednesday(seed: Detection) -> None:
    accuse = [
        e
        for e in seed.events
        if e.type == "ACCUSE" and e.source.country == "USA" and "killer" in e.sentence
    ]
    assert accuse and {e.event_date for e in accuse} == {dt.date(2021, 3, 17)}


def test_rejection_is_reported_by_the_ministry(seed: Detection) -> None:
    reject = [e for e in seed.events if e.type == "REJECT" and e.reported_by is not None]
    assert any(e.reported_by.name == "Russian Foreign Ministry" for e in reject)


def test_no_event_from_did_not_immediately_reply(seed: Detection) -> None:
    assert not [e for e in seed.events if "did not immediately reply" in e.sentence]


def test_furniture_lines_leave_no_trace(seed: Detection) -> None:
    sentences = [e.sentence for e in seed.events] + [s.sentence for s in seed.statements]
    assert not [s for s in sentences if "CLICK HERE" in s or "PUTIN CHALLENGES" in s]


@pytest.mark.parametrize(
    ("side", "speaker", "phrase"),
    [
        ("RUS", "Foreign Ministry", "One more opportunity has been missed"),
        ("USA", "Biden", "I do"),
        ("USA", "Biden", "we’ll talk at some point"),
        ("RUS", "Putin", "It takes one to know one"),
        ("RUS", "Peskov", "irreparable damage"),
        ("USA", "White House", "quite busy"),
    ],
)
def test_seed_statements(seed: Detection, side: str, speaker: str, phrase: str) -> None:
    assert any(
        s.speaker.country == side and speaker in s.speaker.name and phrase in s.quote
        for s in seed.statements
    ), [(s.speaker.name, s.quote) for s in seed.statements]

"""Helpers for detector tests: event triples as the scorer compares them, and statements."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import SYMMETRIC_TYPES, DetectedStatement


def event_triples(detector: Detector, text: str, day: dt.date) -> set[tuple[str, str, str]]:
    """(type, source side, target side) of every event found in `text` published on `day`;
    CONSULT and COOPERATE are listed both ways, since their direction is not scored."""
    detection = detector.detect(text, published=day)
    found = {(e.type, e.source.country, e.target.country) for e in detection.events}
    return found | {(t, g, s) for t, s, g in found if t in SYMMETRIC_TYPES}


def statements_in(detector: Detector, text: str, day: dt.date) -> list[DetectedStatement]:
    """Every statement found in `text` published on `day`."""
    return detector.detect(text, published=day).statements


def by_phrase(found: list[DetectedStatement], phrase: str) -> list[DetectedStatement]:
    """The statements whose quote contains `phrase`."""
    return [s for s in found if phrase in s.quote]


def by_speaker(found: list[DetectedStatement], name: str, phrase: str) -> list[DetectedStatement]:
    """The statements whose speaker's name contains `name` and whose quote contains `phrase`."""
    return [s for s in found if name in s.speaker.name and phrase in s.quote]

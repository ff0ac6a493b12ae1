"""Typed records that cross module boundaries: feed entries, articles, detections.

The detection records serialise to exactly the shape of ../shared/EVENTS.md
(`Detection.to_dict`), which is the contract for the database, alerts, API and benchmark.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# The PLOVER event types of the contract (EVENTS.md), in its table's order.
EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "CONCEDE",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "MOBILIZE",
)
# Types whose direction is not scored: a call or a swap is done together.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})

# Roles an actor can have; the detector's dictionary uses these names.
ROLES = (
    "HEAD_OF_STATE",
    "HEAD_OF_GOVERNMENT",
    "GOVERNMENT",
    "FOREIGN_MINISTRY",
    "SPOKESPERSON",
    "DIPLOMAT",
    "MILITARY",
    "SECURITY",
    "LEGISLATURE",
    "JUDICIARY",
    "STATE_MEDIA",
    "OFFICIAL",
    "COUNTRY",
)


@dataclass(frozen=True)
class ActorRef:
    """An actor resolved to a side: a person, a body, or the country itself."""

    name: str
    country: str  # ISO 3166 alpha-3, e.g. "USA", "RUS"
    role: str = "GOVERNMENT"

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "country": self.country, "role": self.role}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorRef:
        return cls(
            name=data["name"], country=data["country"], role=data.get("role") or "GOVERNMENT"
        )


@dataclass
class DetectedEvent:
    """One event in one sentence of one article (a mention, before merging across articles)."""

    type: str  # PLOVER type: AGREE, CONSULT, SUPPORT, COOPERATE, CONCEDE, REQUEST, ACCUSE, ...
    mode: str | None
    source: ActorRef
    target: ActorRef
    sentence: str
    event_date: dt.date
    confidence: float
    reported_by: ActorRef | None = None
    quote: str | None = None
    quote_speaker: ActorRef | None = None
    sentence_index: int = 0
    # the target is the other side named near the act, not read off the act's own words:
    # such an event alone does not make its article relevant (not part of the output line)
    guessed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "sentence": self.sentence,
            "quote": self.quote,
            "quote_speaker": self.quote_speaker.to_dict() if self.quote_speaker else None,
            "event_date": self.event_date.isoformat(),
            "confidence": round(float(self.confidence), 3),
        }


@dataclass
class DetectedStatement:
    """One quotation (direct or attributed indirect speech) by an actor of a watched side."""

    speaker: ActorRef
    quote: str
    sentence: str
    about: list[str]
    direct: bool = True
    statement_date: dt.date | None = None
    sentence_index: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict(),
            "quote": self.quote,
            "sentence": self.sentence,
            "about": list(self.about),
            "direct": self.direct,
            "statement_date": self.statement_date.isoformat() if self.statement_date else None,
        }


@dataclass
class Detection:
    """What the detector found in one article."""

    relevant: bool
    events: list[DetectedEvent] = field(default_factory=list)
    statements: list[DetectedStatement] = field(default_factory=list)
    detector_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "relevant": self.relevant,
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass(frozen=True)
class FeedSpec:
    """One line of the feeds file."""

    name: str
    url: str
    tags: tuple[str, ...] = ()


@dataclass
class FeedEntry:
    """One item of a parsed feed, with its URL already canonicalised."""

    url: str
    title: str | None = None
    summary: str | None = None  # the entry's own content/summary (plain text), fallback body
    published: dt.datetime | None = None
    author: str | None = None
    guid: str | None = None


@dataclass
class FeedResult:
    """What fetching one feed gave: the status drives backoff, entries feed the article queue."""

    feed: FeedSpec
    status: str  # "ok", "not_modified", "failed", "blocked"
    entries: list[FeedEntry] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    http_status: int | None = None
    bozo: str | None = None  # feedparser's complaint about a malformed feed, kept even on success
    error: str | None = None


@dataclass
class ExtractedArticle:
    """A page's article as extraction gave it."""

    url: str
    text: str
    title: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    language: str | None = None
    source: str = "page"  # "page" (trafilatura) or "feed" (the entry's own content)

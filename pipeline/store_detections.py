"""Storing detections: each article's events and statements merged into the stored records.

One real-world event or statement reported by many articles is stored once with many
mentions (`pipeline.merge` decides which stored record a mention reports). A batch of
articles is stored in one transaction, in order, each merged with what is stored, the
batch's earlier articles included; re-detecting an article replaces its mentions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pipeline import merge
from pipeline.models import Detection
from pipeline.schema import (
    Article,
    Base,
    Delivery,
    Event,
    EventMention,
    Statement,
    StatementMention,
    utcnow,
)

LOGGER = logging.getLogger(__name__)

# A hook the alerts outbox plugs in: called for each newly created event or statement,
# inside the transaction that creates it, so an alert row exists iff the record does.
OnNewRecord = Callable[[Session, str, Event | Statement], None]


@dataclass
class StoreCounts:
    events_new: int = 0
    statements_new: int = 0
    event_mentions: int = 0
    statement_mentions: int = 0

    def add(self, other: StoreCounts) -> None:
        self.events_new += other.events_new
        self.statements_new += other.statements_new
        self.event_mentions += other.event_mentions
        self.statement_mentions += other.statement_mentions


def _key(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:40]


def _articles_with_mentions(session: Session, article_ids: list[int]) -> set[int]:
    """Which of these articles were detected before (they have mentions to replace)."""
    if not article_ids:
        return set()
    found = set(
        session.scalars(
            select(EventMention.article_id).where(EventMention.article_id.in_(article_ids))
        )
    )
    return found | set(
        session.scalars(
            select(StatementMention.article_id).where(StatementMention.article_id.in_(article_ids))
        )
    )


def _forget_mentions(session: Session, article_id: int) -> None:
    """Drop an article's earlier mentions (re-detection) and the records left with none."""
    event_ids = set(
        session.scalars(select(EventMention.event_id).where(EventMention.article_id == article_id))
    )
    statement_ids = set(
        session.scalars(
            select(StatementMention.statement_id).where(StatementMention.article_id == article_id)
        )
    )
    if not event_ids and not statement_ids:
        return
    session.execute(delete(EventMention).where(EventMention.article_id == article_id))
    session.execute(delete(StatementMention).where(StatementMention.article_id == article_id))
    session.flush()
    for event in session.scalars(select(Event).where(Event.id.in_(event_ids))):
        event.mention_count = _count(session, EventMention, EventMention.event_id == event.id)
        if event.mention_count == 0:
            _drop_unreported(session, "event", event)
    for statement in session.scalars(select(Statement).where(Statement.id.in_(statement_ids))):
        statement.mention_count = _count(
            session, StatementMention, StatementMention.statement_id == statement.id
        )
        if statement.mention_count == 0:
            _drop_unreported(session, "statement", statement)
    session.flush()


def _count(session: Session, model: type[Base], condition: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(condition)) or 0)


def _drop_unreported(session: Session, kind: str, record: Event | Statement) -> None:
    """A record no article reports any more goes, unless an alert about it was already sent."""
    sent = _count(
        session,
        Delivery,
        (Delivery.kind == kind) & (Delivery.record_id == record.id) & (Delivery.status == "sent"),
    )
    if not sent:
        session.execute(
            delete(Delivery).where(Delivery.kind == kind, Delivery.record_id == record.id)
        )
        session.delete(record)


@dataclass(frozen=True)
class ArticleDetection:
    """One article's detection, as a batch hands it to storage."""

    article_id: int
    published: dt.date | None
    detection: Detection


def store_detection(
    session: Session,
    article: Article,
    detection: Detection,
    *,
    on_new: OnNewRecord | None = None,
    now: dt.datetime | None = None,
) -> StoreCounts:
    """Store one article's detection, merging its events and statements with known ones."""
    now = now or utcnow()
    published = article.published_at.date() if article.published_at else None
    counts = store_detections(
        session, [ArticleDetection(article.id, published, detection)], on_new=on_new, now=now
    )
    article.relevant = detection.relevant
    article.detector_version = detection.detector_version
    article.detected_at = now
    article.state = "detected"
    session.flush()
    return counts


def store_detections(
    session: Session,
    batch: list[ArticleDetection],
    *,
    on_new: OnNewRecord | None = None,
    now: dt.datetime | None = None,
) -> StoreCounts:
    """Store a batch of articles' detections in the session's transaction, in order, each
    merged with what is stored (including the batch's earlier articles); the articles are
    marked detected. Writes are grouped: one mention insert per article, the records'
    counters updated once at the end."""
    now = now or utcnow()
    counts = StoreCounts()
    merge.lock_merge_keys(session, [item.detection for item in batch])
    detected_before = _articles_with_mentions(session, [item.article_id for item in batch])
    for item in batch:
        if item.article_id in detected_before:
            _forget_mentions(session, item.article_id)
        # The counters change below, the match keys never: no flush before each look-up.
        with session.no_autoflush:
            _store_events(session, item, counts, on_new, now)
            _store_statements(session, item, counts, on_new, now)
    if batch:
        articles = Article.__table__
        assert isinstance(articles, Table)
        session.execute(
            update(articles)
            .where(articles.c.id == bindparam("article_id"))
            .values(
                relevant=bindparam("relevant"),
                detector_version=bindparam("version"),
                detected_at=now,
                state="detected",
            ),
            [
                {
                    "article_id": item.article_id,
                    "relevant": item.detection.relevant,
                    "version": item.detection.detector_version,
                }
                for item in batch
            ],
        )
    session.flush()
    return counts


def _new_record(
    session: Session,
    kind: str,
    record: Event | Statement,
    counts: StoreCounts,
    on_new: OnNewRecord | None,
) -> None:
    session.add(record)
    session.flush()
    if kind == "event":
        counts.events_new += 1
    else:
        counts.statements_new += 1
    if on_new:
        on_new(session, kind, record)


def _store_events(
    session: Session,
    item: ArticleDetection,
    counts: StoreCounts,
    on_new: OnNewRecord | None,
    now: dt.datetime,
) -> None:
    detection = item.detection
    rows: dict[str, dict[str, object]] = {}
    for found in detection.events:
        key = _key(
            "e",
            found.type,
            found.source.country,
            found.source.name,
            found.target.country,
            found.target.name,
            found.sentence_index,
            found.sentence,
        )
        event = merge.find_event(session, found)
        if event is None:
            source = merge.actor_keys(found.source.name, found.source.role)
            target = merge.actor_keys(found.target.name, found.target.role)
            event = Event(
                type=found.type,
                mode=found.mode,
                source_name=found.source.name,
                source_country=found.source.country,
                source_role=found.source.role,
                source_norm=source[0],
                source_surname=source[1],
                target_name=found.target.name,
                target_country=found.target.country,
                target_role=found.target.role,
                target_norm=target[0],
                target_surname=target[1],
                event_date=found.event_date,
                confidence=found.confidence,
                sentence=found.sentence,
                quote=found.quote,
                quote_speaker=found.quote_speaker.name if found.quote_speaker else None,
                reported_by=found.reported_by.name if found.reported_by else None,
                mention_count=0,
                first_seen_at=now,
                last_seen_at=now,
            )
            _new_record(session, "event", event, counts, on_new)
        if key in rows:  # the article's earlier mention with this key stands
            continue
        rows[key] = {
            "event_id": event.id,
            "article_id": item.article_id,
            "key": key,
            "type": found.type,
            "mode": found.mode,
            "source": found.source.to_dict(),
            "target": found.target.to_dict(),
            "reported_by": found.reported_by.to_dict() if found.reported_by else None,
            "sentence": found.sentence,
            "sentence_index": found.sentence_index,
            "quote": found.quote,
            "quote_speaker": found.quote_speaker.to_dict() if found.quote_speaker else None,
            "event_date": found.event_date,
            "confidence": found.confidence,
            "detector_version": detection.detector_version,
            "created_at": now,
        }
        counts.event_mentions += 1
        event.mention_count += 1
        event.last_seen_at = now
        event.confidence = max(event.confidence, found.confidence)
    # The article's old mentions were forgotten above, so every key is new.
    _insert_mentions(session, EventMention.__table__, list(rows.values()))


def _store_statements(
    session: Session,
    item: ArticleDetection,
    counts: StoreCounts,
    on_new: OnNewRecord | None,
    now: dt.datetime,
) -> None:
    detection = item.detection
    rows: dict[str, dict[str, object]] = {}
    for said in detection.statements:
        when = said.statement_date or item.published
        key = _key("s", said.speaker.country, said.speaker.name, merge.normalize_text(said.quote))
        statement = merge.find_statement(session, said, when)
        if statement is None:
            norm, surname = merge.actor_keys(said.speaker.name, said.speaker.role)
            statement = Statement(
                speaker_name=said.speaker.name,
                speaker_country=said.speaker.country,
                speaker_role=said.speaker.role,
                speaker_norm=norm,
                speaker_surname=surname,
                quote=said.quote,
                quote_norm=merge.normalize_text(said.quote),
                direct=said.direct,
                about=list(said.about),
                sentence=said.sentence,
                statement_date=when,
                mention_count=0,
                first_seen_at=now,
                last_seen_at=now,
            )
            _new_record(session, "statement", statement, counts, on_new)
        if key in rows:
            continue
        rows[key] = {
            "statement_id": statement.id,
            "article_id": item.article_id,
            "key": key,
            "speaker": said.speaker.to_dict(),
            "quote": said.quote,
            "sentence": said.sentence,
            "sentence_index": said.sentence_index,
            "direct": said.direct,
            "detector_version": detection.detector_version,
            "created_at": now,
        }
        counts.statement_mentions += 1
        statement.mention_count += 1
        statement.last_seen_at = now
    _insert_mentions(session, StatementMention.__table__, list(rows.values()))


def _insert_mentions(session: Session, table: Any, rows: list[dict[str, object]]) -> None:
    """Insert an article's mentions, keyed on (article, key): one statement, compiled once
    (executemany; SQLAlchemy sends it as multi-row inserts)."""
    if rows:
        dialect = session.get_bind().dialect.name
        insert_fn = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert_fn(table).on_conflict_do_nothing(index_elements=["article_id", "key"])
        session.execute(statement, rows)

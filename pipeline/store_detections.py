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

from sqlalchemy import ColumnElement, Table, bindparam, delete, func, select, union, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from pipeline import merge
from pipeline.models import DetectedEvent, DetectedStatement, Detection
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
    return set(
        session.scalars(
            union(
                select(EventMention.article_id).where(EventMention.article_id.in_(article_ids)),
                select(StatementMention.article_id).where(
                    StatementMention.article_id.in_(article_ids)
                ),
            )
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
    marked detected.

    The round trips are per batch, not per article or record: the articles marked in one
    statement (first: on SQLite it takes the write lock before anything is read, so no
    other writer's record can appear between the look-up and the insert), the merge locks
    in one, the candidate records of all the batch's mentions loaded in one query per kind
    and matched in Python (`merge.best_event`, `merge.first_statement`), the new records
    inserted together, the counters updated in one executemany, the mentions inserted in
    one statement per kind. An article detected before has its old mentions forgotten
    first, after what the batch's earlier articles stored is written (the counts it
    recomputes include them)."""
    now = now or utcnow()
    counts = StoreCounts()
    if not batch:
        return counts
    _mark_detected(session, batch, now)
    merge.lock_merge_keys(session, [item.detection for item in batch])
    detected_before = _articles_with_mentions(session, [item.article_id for item in batch])
    # Runs of articles, each starting at an article detected before (or the batch's first).
    starts = [0] + [n for n, item in enumerate(batch) if n and item.article_id in detected_before]
    for start, end in zip(starts, starts[1:] + [len(batch)], strict=True):
        run = batch[start:end]
        if run[0].article_id in detected_before:
            _forget_mentions(session, run[0].article_id)
        _BatchMerge(session, run, now, counts).store(on_new)
    return counts


def _mark_detected(session: Session, batch: list[ArticleDetection], now: dt.datetime) -> None:
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


Record = Event | Statement


class _BatchMerge:
    """Articles merged in order with the stored records (loaded at once) and with each
    other's, then written together by `store`."""

    def __init__(
        self,
        session: Session,
        items: list[ArticleDetection],
        now: dt.datetime,
        counts: StoreCounts,
    ) -> None:
        self.session, self.items, self.now, self.counts = session, items, now, counts
        self.events: list[tuple[int, Event]] = []  # (rank order, event): stored, then new
        self.statements: list[Statement] = []  # stored (oldest first), then new
        self.new: list[tuple[str, Record]] = []  # in the order created
        # What the batch's mentions add to each record, applied after the new-record hook
        # (which sees a new record as its first mention created it, as before).
        self.seen: dict[int, tuple[Record, int, float | None]] = {}
        self.event_rows: list[tuple[Event, dict[str, object]]] = []
        self.statement_rows: list[tuple[Statement, dict[str, object]]] = []

    def store(self, on_new: OnNewRecord | None) -> None:
        session = self.session
        with session.no_autoflush:  # nothing is written until every mention is merged
            self.events = list(
                enumerate(
                    merge.load_events(
                        session, (e for item in self.items for e in item.detection.events)
                    )
                )
            )
            self.statements = merge.load_statements(
                session,
                (
                    (s, s.statement_date or item.published)
                    for item in self.items
                    for s in item.detection.statements
                ),
            )
            for item in self.items:
                self._events(item)
                self._statements(item)
        self._write(on_new)

    # -- merging ---------------------------------------------------------------------------

    def _touch(self, record: Record, confidence: float | None) -> None:
        _, mentions, best = self.seen.get(id(record), (record, 0, None))
        if confidence is not None:
            best = confidence if best is None else max(best, confidence)
        self.seen[id(record)] = (record, mentions + 1, best)

    def _events(self, item: ArticleDetection) -> None:
        detection = item.detection
        keys: set[str] = set()
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
            event = merge.best_event(self.events, found)
            if event is None:
                event = _new_event(found, self.now)
                self.events.append((_NEW_ORDER + len(self.new), event))
                self._created("event", event)
            if key in keys:  # the article's earlier mention with this key stands
                continue
            keys.add(key)
            self.event_rows.append(
                (
                    event,
                    {
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
                        "quote_speaker": (
                            found.quote_speaker.to_dict() if found.quote_speaker else None
                        ),
                        "event_date": found.event_date,
                        "confidence": found.confidence,
                        "detector_version": detection.detector_version,
                        "created_at": self.now,
                    },
                )
            )
            self.counts.event_mentions += 1
            self._touch(event, found.confidence)

    def _statements(self, item: ArticleDetection) -> None:
        detection = item.detection
        keys: set[str] = set()
        for said in detection.statements:
            when = said.statement_date or item.published
            key = _key(
                "s", said.speaker.country, said.speaker.name, merge.normalize_text(said.quote)
            )
            if when is None:  # any day matches: looked up alone, then among the batch's new
                statement = merge.find_statement(self.session, said, None)
                statement = statement or merge.first_statement(
                    (r for kind, r in self.new if isinstance(r, Statement)), said, None
                )
            else:
                statement = merge.first_statement(self.statements, said, when)
            if statement is None:
                statement = _new_statement(said, when, self.now)
                self.statements.append(statement)
                self._created("statement", statement)
            if key in keys:
                continue
            keys.add(key)
            self.statement_rows.append(
                (
                    statement,
                    {
                        "article_id": item.article_id,
                        "key": key,
                        "speaker": said.speaker.to_dict(),
                        "quote": said.quote,
                        "sentence": said.sentence,
                        "sentence_index": said.sentence_index,
                        "direct": said.direct,
                        "detector_version": detection.detector_version,
                        "created_at": self.now,
                    },
                )
            )
            self.counts.statement_mentions += 1
            self._touch(statement, None)

    def _created(self, kind: str, record: Record) -> None:
        self.new.append((kind, record))
        if kind == "event":
            self.counts.events_new += 1
        else:
            self.counts.statements_new += 1

    # -- writing ---------------------------------------------------------------------------

    def _write(self, on_new: OnNewRecord | None) -> None:
        session = self.session
        if self.new:  # inserted together (one multi-row INSERT ... RETURNING per kind)
            if session.get_bind().dialect.name == "sqlite":
                self._number_new()
            session.add_all(record for _, record in self.new)
            session.flush()
            if on_new:
                for kind, record in self.new:
                    on_new(session, kind, record)
        self._count()
        for table, rows, column in (
            (EventMention.__table__, self.event_rows, "event_id"),
            (StatementMention.__table__, self.statement_rows, "statement_id"),
        ):
            _insert_mentions(session, table, [{column: r.id, **row} for r, row in rows])

    def _count(self) -> None:
        """The records' counters, last sighting and confidence: one executemany per kind
        (the session's own flush would send one per run of rows changing the same columns)."""
        for model in (Event, Statement):
            touched = [(r, n, c) for r, n, c in self.seen.values() if isinstance(r, model)]
            if not touched:
                continue
            table = model.__table__
            assert isinstance(table, Table)
            values: dict[str, Any] = {
                "mention_count": bindparam("b_count"),
                "last_seen_at": bindparam("b_seen"),
            }
            if model is Event:
                values["confidence"] = bindparam("b_confidence")
            rows = []
            for record, mentions, confidence in touched:
                changed: dict[str, Any] = {
                    "mention_count": record.mention_count + mentions,
                    "last_seen_at": self.now,
                }
                if isinstance(record, Event):
                    best = record.confidence
                    changed["confidence"] = best if confidence is None else max(best, confidence)
                for name, value in changed.items():  # the session's copy, as written below
                    set_committed_value(record, name, value)
                rows.append(
                    {"b_id": record.id, "b_count": changed["mention_count"], "b_seen": self.now}
                    | ({"b_confidence": changed["confidence"]} if model is Event else {})
                )
            self.session.execute(
                update(table).where(table.c.id == bindparam("b_id")).values(values), rows
            )

    def _number_new(self) -> None:
        """SQLite: give the new records the ids SQLite would (one above the table's largest,
        in order), so they are inserted in one executemany instead of one INSERT ... RETURNING
        each (SQLite's RETURNING order is not guaranteed). Safe: the batch's first statement
        took the database's only write lock."""
        tops = self.session.execute(
            select(
                select(func.max(Event.id)).scalar_subquery(),
                select(func.max(Statement.id)).scalar_subquery(),
            )
        ).one()
        last = {"event": tops[0] or 0, "statement": tops[1] or 0}
        for kind, record in self.new:
            last[kind] += 1
            record.id = last[kind]


# New records rank after every stored one (ids are below 2**62), in the order created.
_NEW_ORDER = 1 << 62


def _new_event(found: DetectedEvent, now: dt.datetime) -> Event:
    source = merge.actor_keys(found.source.name, found.source.role)
    target = merge.actor_keys(found.target.name, found.target.role)
    return Event(
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


def _new_statement(said: DetectedStatement, when: dt.date | None, now: dt.datetime) -> Statement:
    norm, surname = merge.actor_keys(said.speaker.name, said.speaker.role)
    return Statement(
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


def _insert_mentions(session: Session, table: Any, rows: list[dict[str, object]]) -> None:
    """Insert mentions, keyed on (article, key), in one multi-row INSERT (per 1,000 rows).

    With RETURNING, SQLAlchemy sends an executemany as multi-row INSERTs of up to 1,000 rows
    (its "insertmanyvalues", compiled once); without, psycopg would send one INSERT per row,
    and the PostgreSQL search triggers, which run once per statement, would rebuild a
    record's search document (all its mentions) once per mention instead of once per batch."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert_fn = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert_fn(table)
        .on_conflict_do_nothing(index_elements=["article_id", "key"])
        .returning(table.c.id)
    )
    session.execute(statement, rows).all()

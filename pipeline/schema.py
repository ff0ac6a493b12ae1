"""The database tables, as SQLAlchemy 2.0 declarative models.

One real-world event has many mentions (one per reporting sentence per article), and so
does one statement: `Event`/`EventMention` and `Statement`/`StatementMention`. Natural
keys carry unique constraints so that re-running anything inserts nothing twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The order of statements in lists: `ix_statements_recent` indexes this very expression.
RECENT_FIRST = "coalesce(statement_date, '0001-01-01')"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite forgets zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


class Feed(Base):
    """A feed from the feeds file, with its conditional-GET state and health."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(default=list)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    # ok | not_modified | failed | blocked | new: drives the per-feed backoff
    status: Mapped[str] = mapped_column(String(20), default="new")
    http_status: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    bozo: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    last_fetched_at: Mapped[dt.datetime | None]
    last_success_at: Mapped[dt.datetime | None]
    next_due_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Article(Base):
    """One article, from feed entry to detection; `state` says how far it got."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)  # canonical URL
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))
    guid: Mapped[str | None] = mapped_column(Text)
    # new -> extracted -> detected; failed after too many attempts
    state: Mapped[str] = mapped_column(String(20), default="new", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    entry_title: Mapped[str | None] = mapped_column(Text)
    entry_summary: Mapped[str | None] = mapped_column(Text)
    entry_published_at: Mapped[dt.datetime | None]
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[dt.datetime | None]
    language: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text)
    text_source: Mapped[str | None] = mapped_column(String(10))  # page | feed
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    raw_html: Mapped[str | None] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    relevant: Mapped[bool | None] = mapped_column(Boolean)
    detector_version: Mapped[str | None] = mapped_column(String(40))
    discovered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    fetched_at: Mapped[dt.datetime | None]
    detected_at: Mapped[dt.datetime | None]
    # The worker holding this article's next step, until when (pipeline.claims): a lease
    # past its expiry is free again, so a crashed worker's batch is taken up by another.
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[dt.datetime | None]

    feed: Mapped[Feed | None] = relationship()

    __table_args__ = (
        # the lists' source URLs (every mention's article) from the index alone
        Index("ix_articles_id_url", "id", "url"),
    )


class Event(Base):
    """One real-world event, merged from every sentence that reports it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    mode: Mapped[str | None] = mapped_column(String(40))
    source_name: Mapped[str] = mapped_column(Text)
    source_country: Mapped[str] = mapped_column(String(3))
    source_role: Mapped[str | None] = mapped_column(String(40))
    target_name: Mapped[str] = mapped_column(Text)
    target_country: Mapped[str] = mapped_column(String(3))
    target_role: Mapped[str | None] = mapped_column(String(40))
    # Match keys (pipeline.merge.actor_keys): the normalised name and a person's surname,
    # so the merge look-up narrows candidates in SQL.
    source_norm: Mapped[str | None] = mapped_column(Text)
    source_surname: Mapped[str | None] = mapped_column(Text)
    target_norm: Mapped[str | None] = mapped_column(Text)
    target_surname: Mapped[str | None] = mapped_column(Text)
    event_date: Mapped[dt.date] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float)
    sentence: Mapped[str] = mapped_column(Text)  # the first evidence sentence
    quote: Mapped[str | None] = mapped_column(Text)
    quote_speaker: Mapped[str | None] = mapped_column(Text)
    reported_by: Mapped[str | None] = mapped_column(Text)
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    mentions: Mapped[list[EventMention]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventMention.id"
    )

    __table_args__ = (
        Index("ix_events_match", "type", "source_country", "target_country", "event_date"),
        # the timeline's counts read this index alone, never the table
        Index("ix_events_timeline", "event_date", "type", "source_country", "target_country"),
        # lists in their order (newest event date first) from the index alone, deep pages too
        Index("ix_events_recent", "event_date", "id"),
    )


class EventCount(Base):
    """How many events there are per day, week (from Monday) and month, by type and direction:
    the timeline's and the totals' counts without reading the events. Kept in step with every
    insert, update and delete of `events` by the triggers of migration 0006, whoever writes."""

    __tablename__ = "event_counts"

    period: Mapped[str] = mapped_column(String(1), primary_key=True)  # d, w or m
    start: Mapped[dt.date] = mapped_column(Date, primary_key=True)  # the period's first day
    type: Mapped[str] = mapped_column(String(20), primary_key=True)
    source_country: Mapped[str] = mapped_column(String(3), primary_key=True)
    target_country: Mapped[str] = mapped_column(String(3), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class EventMention(Base):
    """One sentence of one article reporting an event."""

    __tablename__ = "event_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # natural key inside an article: re-detection replaces, never duplicates
    key: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[dict[str, Any]]
    target: Mapped[dict[str, Any]]
    reported_by: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_index: Mapped[int] = mapped_column(Integer, default=0)
    quote: Mapped[str | None] = mapped_column(Text)
    quote_speaker: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    event_date: Mapped[dt.date] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float)
    detector_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="mentions")
    article: Mapped[Article] = relationship()

    __table_args__ = (UniqueConstraint("article_id", "key"),)


class Statement(Base):
    """One thing said by one speaker, merged across the articles that quote it."""

    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_name: Mapped[str] = mapped_column(Text)
    speaker_country: Mapped[str] = mapped_column(String(3), index=True)
    speaker_role: Mapped[str | None] = mapped_column(String(40))
    speaker_norm: Mapped[str | None] = mapped_column(Text)  # match keys, as on Event
    speaker_surname: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    quote_norm: Mapped[str] = mapped_column(Text)  # normalised text used for matching
    direct: Mapped[bool] = mapped_column(Boolean, default=True)
    about: Mapped[list[str]]
    sentence: Mapped[str] = mapped_column(Text)
    statement_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    mentions: Mapped[list[StatementMention]] = relationship(
        back_populates="statement", cascade="all, delete-orphan", order_by="StatementMention.id"
    )

    __table_args__ = (
        Index("ix_statements_match", "speaker_country", "statement_date"),
        # newest first, undated last, on both databases (SQLite indexes know no NULLS LAST)
        Index("ix_statements_recent", text(f"{RECENT_FIRST} DESC"), text("id DESC")),
    )


class StatementMention(Base):
    """One article quoting a statement."""

    __tablename__ = "statement_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    speaker: Mapped[dict[str, Any]]
    quote: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_index: Mapped[int] = mapped_column(Integer, default=0)
    direct: Mapped[bool] = mapped_column(Boolean, default=True)
    detector_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    statement: Mapped[Statement] = relationship(back_populates="mentions")
    article: Mapped[Article] = relationship()

    __table_args__ = (UniqueConstraint("article_id", "key"),)


class Delivery(Base):
    """The alert outbox: one row per record, channel and rule, written with the record itself."""

    __tablename__ = "deliveries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # stable across retries
    channel: Mapped[str] = mapped_column(String(100))
    rule: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # event | statement | test
    record_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]

    __table_args__ = (UniqueConstraint("channel", "kind", "record_id"),)


class Run(Base):
    """What one pass of the pipeline did."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    trigger: Mapped[str] = mapped_column(String(40), default="cli")
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(20), default="running")
    feeds_ok: Mapped[int] = mapped_column(Integer, default=0)
    feeds_not_modified: Mapped[int] = mapped_column(Integer, default=0)
    feeds_failed: Mapped[int] = mapped_column(Integer, default=0)
    feeds_skipped: Mapped[int] = mapped_column(Integer, default=0)
    articles_new: Mapped[int] = mapped_column(Integer, default=0)
    articles_failed: Mapped[int] = mapped_column(Integer, default=0)
    articles_detected: Mapped[int] = mapped_column(Integer, default=0)
    events_new: Mapped[int] = mapped_column(Integer, default=0)
    statements_new: Mapped[int] = mapped_column(Integer, default=0)
    mentions_new: Mapped[int] = mapped_column(Integer, default=0)
    deliveries_sent: Mapped[int] = mapped_column(Integer, default=0)
    deliveries_failed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    errors: Mapped[list[str]] = mapped_column(default=list)

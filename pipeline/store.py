"""Reading and writing the pipeline's records: feeds, articles, and detections merged into events.

Every write keys on a natural key (feed name, canonical article URL, mention key) so that
re-running any step is a no-op, and detection results are merged so that one real-world
event or statement reported by many articles is stored once with many mentions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Table,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pipeline import merge
from pipeline.db import insert_ignore
from pipeline.models import Detection, FeedEntry, FeedResult, FeedSpec
from pipeline.schema import (
    Article,
    Base,
    Delivery,
    Event,
    EventMention,
    Feed,
    Statement,
    StatementMention,
    utcnow,
)
from pipeline.settings import Settings

if TYPE_CHECKING:
    from pipeline.pool import Extraction

LOGGER = logging.getLogger(__name__)

# A hook the alerts outbox plugs in: called for each newly created event or statement,
# inside the transaction that creates it, so an alert row exists iff the record does.
OnNewRecord = Callable[[Session, str, Event | Statement], None]


# --- feeds -----------------------------------------------------------------------------


def sync_feeds(session: Session, specs: Iterable[FeedSpec]) -> list[Feed]:
    """Make the feeds table match the feeds file: add new feeds, update URLs and tags,
    disable feeds no longer listed (their history is kept)."""
    specs = list(specs)
    existing = {f.name: f for f in session.scalars(select(Feed))}
    listed = set()
    for spec in specs:
        listed.add(spec.name)
        feed = existing.get(spec.name)
        if feed is None:
            insert_ignore(
                session,
                Feed.__table__,
                [
                    {
                        "name": spec.name,
                        "url": spec.url,
                        "tags": list(spec.tags),
                        "enabled": True,
                        "status": "new",
                        "consecutive_failures": 0,
                        "created_at": utcnow(),
                    }
                ],
                ["name"],
            )
            continue
        if feed.url != spec.url:
            # A new address starts afresh: its validators and backoff belong to the old one.
            feed.url, feed.etag, feed.last_modified = spec.url, None, None
            feed.consecutive_failures, feed.next_due_at = 0, None
        feed.tags = list(spec.tags)
        feed.enabled = True
    for name, feed in existing.items():
        if name not in listed:
            feed.enabled = False
    session.flush()
    return list(session.scalars(select(Feed).where(Feed.enabled).order_by(Feed.id)))


def feeds_to_fetch(
    session: Session, now: dt.datetime, *, due_only: bool, force: bool = False
) -> tuple[list[Feed], list[Feed]]:
    """The one place that decides which feeds are fetched now: (to fetch, skipped).

    `due_only` (the scheduler): feeds whose next_due_at has come. Otherwise (a manual run):
    every healthy feed, but failing feeds still wait out their backoff unless `force`.
    """
    feeds = list(session.scalars(select(Feed).where(Feed.enabled).order_by(Feed.id)))
    fetch, skipped = [], []
    for feed in feeds:
        due = feed.next_due_at is None or feed.next_due_at <= now
        backing_off = feed.consecutive_failures > 0 and not due
        if force or due or (not due_only and not backing_off):
            fetch.append(feed)
        else:
            skipped.append(feed)
    return fetch, skipped


def record_feed_result(
    session: Session, feed: Feed, result: FeedResult, settings: Settings, now: dt.datetime
) -> list[int]:
    """Store what one fetch of a feed gave; returns the ids of articles new to the database."""
    feed.last_fetched_at = now
    feed.http_status = result.http_status
    feed.bozo = result.bozo
    feed.status = result.status
    interval = dt.timedelta(minutes=settings.feed_interval_minutes)
    if result.status in ("ok", "not_modified"):
        feed.consecutive_failures = 0
        feed.last_error = None
        feed.last_success_at = now
        feed.next_due_at = now + interval
        if result.status == "ok":
            feed.etag, feed.last_modified = result.etag, result.last_modified
    else:
        feed.consecutive_failures += 1
        feed.last_error = result.error
        backoff = interval * (2 ** min(feed.consecutive_failures, 12))
        feed.next_due_at = now + min(
            backoff, dt.timedelta(minutes=settings.feed_max_backoff_minutes)
        )
    if result.status != "ok" or not result.entries:
        return []
    rows = []
    seen = set()
    for entry in result.entries[: settings.max_articles_per_feed]:
        if entry.url in seen:
            continue
        seen.add(entry.url)
        rows.append(
            {
                "url": entry.url,
                "feed_id": feed.id,
                "guid": entry.guid,
                "state": "new",
                "attempts": 0,
                "entry_title": entry.title,
                "entry_summary": entry.summary,
                "entry_published_at": entry.published,
                "discovered_at": now,
            }
        )
    urls = [r["url"] for r in rows]
    known = (
        set(session.scalars(select(Article.url).where(Article.url.in_(urls)))) if urls else set()
    )
    fresh = [r for r in rows if r["url"] not in known]
    insert_ignore(session, Article.__table__, fresh, ["url"])
    if not fresh:
        return []
    return list(
        session.scalars(
            select(Article.id)
            .where(Article.url.in_([r["url"] for r in fresh]))
            .order_by(Article.id)
        )
    )


# --- articles --------------------------------------------------------------------------


def articles_to_fetch(
    session: Session, settings: Settings, ids: Iterable[int] | None = None
) -> list[Article]:
    """Articles waiting for their page: new ones and earlier failures with attempts left."""
    query = select(Article).where(
        Article.state == "new", Article.attempts < settings.article_max_attempts
    )
    if ids is not None:
        query = query.where(Article.id.in_(list(ids)))
    return list(session.scalars(query.order_by(Article.id)))


def content_hash(text: str) -> str:
    normal = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _articles() -> Table:
    table = Article.__table__
    assert isinstance(table, Table)
    return table


def record_extractions(
    session: Session,
    results: list[tuple[int, FeedEntry, Extraction]],
    *,
    now: dt.datetime,
) -> None:
    """Store a batch of extracted articles (one statement): text, metadata, state `extracted`.

    The title and publication time fall back to the feed entry's; `last_error` keeps the
    page's failure when the feed's content stood in for it (the extraction's note)."""
    if not results:
        return
    articles = _articles()
    column = articles.c

    def param(name: str) -> Any:
        return bindparam(f"b_{name}", type_=column[name].type)

    session.execute(
        update(articles)
        .where(column.id == bindparam("b_id"))
        .values(
            {
                name: param(name)
                for name in (
                    "title",
                    "author",
                    "published_at",
                    "language",
                    "text",
                    "text_source",
                    "content_hash",
                    "raw_html",
                    "final_url",
                    "last_error",
                )
            }
            | {
                "fetched_at": now,
                "attempts": column.attempts + 1,
                "state": "extracted",
            }
        ),
        [
            {
                "b_id": article_id,
                "b_title": result.article.title or entry.title,
                "b_author": result.article.author,
                "b_published_at": result.article.published or entry.published,
                "b_language": result.article.language,
                "b_text": result.article.text,
                "b_text_source": result.article.source,
                "b_content_hash": content_hash(result.article.text),
                "b_raw_html": result.raw_html,
                "b_final_url": result.final_url,
                "b_last_error": result.note[:2000] if result.note else None,
            }
            for article_id, entry, result in results
            if result.article is not None
        ],
    )


def record_article_failures(
    session: Session, failures: list[tuple[int, str]], settings: Settings
) -> None:
    """Count a failed attempt for each article; after the last allowed attempt an article is
    marked failed."""
    if not failures:
        return
    articles = _articles()
    column = articles.c
    session.execute(
        update(articles)
        .where(column.id == bindparam("b_id"))
        .values(
            attempts=column.attempts + 1,
            last_error=bindparam("b_error"),
            state=case(
                (column.attempts + 1 >= settings.article_max_attempts, "failed"),
                else_=column.state,
            ),
        ),
        [{"b_id": article_id, "b_error": error[:2000]} for article_id, error in failures],
    )


def articles_to_detect(
    session: Session,
    detector_version: str,
    *,
    ids: Iterable[int] | None = None,
    redetect: bool = False,
    limit: int | None = None,
) -> list[Article]:
    """Extracted articles, plus (with `redetect`) articles detected by another detector version."""
    condition = Article.state == "extracted"
    if redetect:
        condition = or_(
            condition,
            (Article.state == "detected") & (Article.detector_version != detector_version),
        )
    query = select(Article).where(condition).order_by(Article.id)
    if ids is not None:
        query = query.where(Article.id.in_(list(ids)))
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


# --- detections ------------------------------------------------------------------------


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
        articles = _articles()
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

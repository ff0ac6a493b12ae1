"""Reading and writing the pipeline's records: feeds and articles (detections: store_detections).

Every write keys on a natural key (feed name, canonical article URL) so that re-running any
step is a no-op; article results are written a batch per statement. Storing detections,
merged into events and statements, lives in `pipeline.store_detections` (its names are
importable from here too).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Table,
    bindparam,
    case,
    select,
    update,
)
from sqlalchemy.orm import Session

from pipeline.db import insert_ignore
from pipeline.models import FeedEntry, FeedResult, FeedSpec
from pipeline.schema import (
    Article,
    Feed,
    utcnow,
)
from pipeline.settings import Settings

if TYPE_CHECKING:
    from pipeline.pool import Extraction

LOGGER = logging.getLogger(__name__)


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


def article_ids_to_fetch(
    session: Session, settings: Settings, ids: Iterable[int] | None = None
) -> list[int]:
    """Articles waiting for their page: new ones and earlier failures with attempts left."""
    query = select(Article.id).where(
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


# Storing detections has its own module; these names stay importable from here.
from pipeline.store_detections import (  # noqa: E402
    ArticleDetection,
    OnNewRecord,
    StoreCounts,
    store_detection,
    store_detections,
)

__all__ = [
    "ArticleDetection",
    "OnNewRecord",
    "StoreCounts",
    "article_ids_to_fetch",
    "content_hash",
    "feeds_to_fetch",
    "record_article_failures",
    "record_extractions",
    "record_feed_result",
    "store_detection",
    "store_detections",
    "sync_feeds",
]

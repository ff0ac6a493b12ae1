"""Housekeeping around the pipeline's records: feed health, raw-HTML retention, work queues.

The scheduler (the Airflow maintenance and ingest DAGs) and the CLI call these; each opens
its own short transaction and returns plain records, so a caller can log or serialise them.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select, update

from pipeline import db, store
from pipeline.schema import Article, Delivery, Feed, utcnow
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedHealth:
    """One enabled feed's state, as the health report shows it."""

    name: str
    url: str
    status: str
    consecutive_failures: int
    last_error: str | None
    last_success_at: str | None
    next_due_at: str | None
    backing_off: bool

    @property
    def failing(self) -> bool:
        return self.consecutive_failures > 0 or self.status in ("failed", "blocked")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def feed_health(settings: Settings, now: dt.datetime | None = None) -> list[FeedHealth]:
    """Every enabled feed, failing ones first (most consecutive failures first)."""
    now = now or utcnow()
    with db.session_scope(settings.db_url) as session:
        feeds = list(session.scalars(select(Feed).where(Feed.enabled).order_by(Feed.name)))
        report = [
            FeedHealth(
                name=f.name,
                url=f.url,
                status=f.status,
                consecutive_failures=f.consecutive_failures,
                last_error=f.last_error,
                last_success_at=_iso(f.last_success_at),
                next_due_at=_iso(f.next_due_at),
                backing_off=f.consecutive_failures > 0
                and f.next_due_at is not None
                and f.next_due_at > now,
            )
            for f in feeds
        ]
    return sorted(report, key=lambda h: (not h.failing, -h.consecutive_failures, h.name))


def format_feed_health(report: list[FeedHealth]) -> str:
    """The health report as lines a person reads in a task log."""
    failing = [h for h in report if h.failing]
    lines = [f"{len(report)} feed(s), {len(failing)} failing"]
    for h in failing:
        wait = f", backing off until {h.next_due_at}" if h.backing_off else ""
        lines.append(
            f"  ! {h.name}: {h.status}, {h.consecutive_failures} failure(s) in a row{wait}; "
            f"last error: {h.last_error or '-'}; last success: {h.last_success_at or 'never'}"
        )
    return "\n".join(lines)


def purge_raw_html(
    settings: Settings, *, now: dt.datetime | None = None, older_than_days: int | None = None
) -> int:
    """Forget the raw HTML of articles fetched more than `raw_html_retention_days` ago.

    The extracted text, metadata and detections stay; only the page as downloaded goes.
    A negative retention keeps raw HTML forever. Returns how many articles were cleared.
    """
    days = settings.raw_html_retention_days if older_than_days is None else older_than_days
    if days < 0:
        return 0
    cutoff = (now or utcnow()) - dt.timedelta(days=days)
    fetched = func.coalesce(Article.fetched_at, Article.discovered_at)
    with db.session_scope(settings.db_url) as session:
        result = session.execute(
            update(Article)
            .where(Article.raw_html.is_not(None), fetched < cutoff)
            .values(raw_html=None)
            .execution_options(synchronize_session=False)
        )
        cleared = int(getattr(result, "rowcount", 0) or 0)
    LOGGER.info("cleared the raw HTML of %s article(s) fetched before %s", cleared, cutoff)
    return cleared


def article_ids_to_fetch(settings: Settings) -> list[int]:
    """Ids of every article waiting for its page: new ones and those an earlier pass left."""
    with db.session_scope(settings.db_url) as session:
        return store.article_ids_to_fetch(session, settings)


def article_ids_to_detect(settings: Settings) -> list[int]:
    """Ids of every extracted article waiting for detection."""
    with db.session_scope(settings.db_url) as session:
        return list(
            session.scalars(
                select(Article.id).where(Article.state == "extracted").order_by(Article.id)
            )
        )


def pending_deliveries(settings: Settings, limit: int = 100) -> list[dict[str, Any]]:
    """Alert deliveries still waiting in the outbox, oldest first."""
    with db.session_scope(settings.db_url) as session:
        rows = session.scalars(
            select(Delivery)
            .where(Delivery.status == "pending")
            .order_by(Delivery.created_at, Delivery.id)
            .limit(limit)
        )
        return [
            {
                "id": d.id,
                "channel": d.channel,
                "rule": d.rule,
                "kind": d.kind,
                "record_id": d.record_id,
                "attempts": d.attempts,
                "next_attempt_at": _iso(d.next_attempt_at),
                "last_error": d.last_error,
            }
            for d in rows
        ]


__all__ = [
    "FeedHealth",
    "article_ids_to_detect",
    "article_ids_to_fetch",
    "feed_health",
    "format_feed_health",
    "pending_deliveries",
    "purge_raw_html",
]

"""Stored rows as the plain dicts every front door shows: the API's JSON, the CLI's tables and
CSV, the page, and alert payloads.

An event or statement keeps the EVENTS.md shape plus what merging adds (id, mention count,
sources); its detail adds every mention with the article that carries it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from pipeline.schema import Article, Event, EventMention, Feed, Run, Statement, StatementMention

LOGGER = logging.getLogger(__name__)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@lru_cache(maxsize=8192)
def outlet(url: str | None) -> str | None:
    """The outlet an article comes from, as people name it: its host without `www.`."""
    if not url:
        return None
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _actor(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if not data:
        return None
    return {"name": data.get("name"), "country": data.get("country"), "role": data.get("role")}


def _sources(mentions: list[EventMention] | list[StatementMention]) -> list[str]:
    urls: list[str] = []
    for mention in mentions:
        if mention.article is not None and mention.article.url not in urls:
            urls.append(mention.article.url)
    return urls


@dataclass(frozen=True)
class Reports:
    """What a list shows of a record's mentions without loading them: the first mention's
    reporter and quote speaker, and the URL of every reporting article."""

    sources: list[str]
    reported_by: dict[str, Any] | None = None
    quote_speaker: dict[str, Any] | None = None


def _reports(mentions: list[EventMention]) -> Reports:
    first = mentions[0] if mentions else None
    return Reports(
        _sources(mentions),
        first.reported_by if first else None,
        first.quote_speaker if first else None,
    )


def event_record(event: Event, reports: Reports | None = None) -> dict[str, Any]:
    """An event in the EVENTS.md shape, plus what merging adds: id, mentions, sources.
    `reports` saves loading the mentions (lists); without it they are read from `event`."""
    reports = reports or _reports(event.mentions)
    sources = reports.sources
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "source": {
            "name": event.source_name,
            "country": event.source_country,
            "role": event.source_role,
        },
        "target": {
            "name": event.target_name,
            "country": event.target_country,
            "role": event.target_role,
        },
        "reported_by": _actor(reports.reported_by),
        "sentence": event.sentence,
        "quote": event.quote,
        "quote_speaker": _actor(reports.quote_speaker),
        "event_date": event.event_date.isoformat(),
        "confidence": round(event.confidence, 3),
        "mention_count": event.mention_count,
        "sources": sources,
        "outlets": list(dict.fromkeys(o for o in map(outlet, sources) if o)),
        "first_seen_at": event.first_seen_at.isoformat(),
    }


def statement_record(statement: Statement, sources: list[str] | None = None) -> dict[str, Any]:
    """A statement in the EVENTS.md shape, plus id, `direct`, date, mentions and sources."""
    sources = _sources(statement.mentions) if sources is None else sources
    return {
        "id": statement.id,
        "speaker": {
            "name": statement.speaker_name,
            "country": statement.speaker_country,
            "role": statement.speaker_role,
        },
        "quote": statement.quote,
        "sentence": statement.sentence,
        "about": list(statement.about or []),
        "direct": statement.direct,
        "statement_date": _iso(statement.statement_date),
        "mention_count": statement.mention_count,
        "sources": sources,
        "outlets": list(dict.fromkeys(o for o in map(outlet, sources) if o)),
        "first_seen_at": statement.first_seen_at.isoformat(),
    }


def article_brief(article: Article | None) -> dict[str, Any] | None:
    """Where a mention was read: enough to cite it."""
    if article is None:
        return None
    feed: Feed | None = article.feed
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title or article.entry_title,
        "outlet": outlet(article.final_url or article.url),
        "feed": feed.name if feed is not None else None,
        "published_at": _iso(article.published_at or article.entry_published_at),
    }


def event_mention_record(mention: EventMention) -> dict[str, Any]:
    return {
        "id": mention.id,
        "type": mention.type,
        "mode": mention.mode,
        "source": _actor(mention.source),
        "target": _actor(mention.target),
        "reported_by": _actor(mention.reported_by),
        "sentence": mention.sentence,
        "quote": mention.quote,
        "quote_speaker": _actor(mention.quote_speaker),
        "event_date": mention.event_date.isoformat(),
        "confidence": round(mention.confidence, 3),
        "detector_version": mention.detector_version,
        "found_at": mention.created_at.isoformat(),
        "article": article_brief(mention.article),
    }


def statement_mention_record(mention: StatementMention) -> dict[str, Any]:
    return {
        "id": mention.id,
        "speaker": _actor(mention.speaker),
        "quote": mention.quote,
        "sentence": mention.sentence,
        "direct": mention.direct,
        "detector_version": mention.detector_version,
        "found_at": mention.created_at.isoformat(),
        "article": article_brief(mention.article),
    }


def event_detail(event: Event) -> dict[str, Any]:
    """An event with every sentence of every article that reported it."""
    return {**event_record(event), "mentions": [event_mention_record(m) for m in event.mentions]}


def statement_detail(statement: Statement) -> dict[str, Any]:
    return {
        **statement_record(statement),
        "mentions": [statement_mention_record(m) for m in statement.mentions],
    }


def article_record(
    article: Article, event_ids: list[int], statement_ids: list[int]
) -> dict[str, Any]:
    """An article as stored (never its raw HTML), with the records it reports."""
    brief = article_brief(article) or {}
    return {
        **brief,
        "final_url": article.final_url,
        "author": article.author,
        "language": article.language,
        "state": article.state,
        "relevant": article.relevant,
        "text_source": article.text_source,
        "discovered_at": _iso(article.discovered_at),
        "fetched_at": _iso(article.fetched_at),
        "detected_at": _iso(article.detected_at),
        "detector_version": article.detector_version,
        "last_error": article.last_error,
        "text": article.text,
        "event_ids": event_ids,
        "statement_ids": statement_ids,
    }


def feed_record(feed: Feed, articles: int = 0) -> dict[str, Any]:
    return {
        "name": feed.name,
        "url": feed.url,
        "enabled": feed.enabled,
        "status": feed.status,
        "http_status": feed.http_status,
        "failures": feed.consecutive_failures,
        "error": feed.last_error,
        "last_fetched_at": _iso(feed.last_fetched_at),
        "last_success_at": _iso(feed.last_success_at),
        "next_due_at": _iso(feed.next_due_at),
        "articles": articles,
    }


def run_record(run: Run) -> dict[str, Any]:
    seconds = None
    if run.finished_at is not None:
        seconds = round((run.finished_at - run.started_at).total_seconds(), 1)
    return {
        "id": run.id,
        "trigger": run.trigger,
        "status": run.status,
        "started_at": _iso(run.started_at),
        "finished_at": _iso(run.finished_at),
        "seconds": seconds,
        "feeds_ok": run.feeds_ok,
        "feeds_not_modified": run.feeds_not_modified,
        "feeds_failed": run.feeds_failed,
        "feeds_skipped": run.feeds_skipped,
        "articles_new": run.articles_new,
        "articles_failed": run.articles_failed,
        "articles_detected": run.articles_detected,
        "events_new": run.events_new,
        "statements_new": run.statements_new,
        "mentions_new": run.mentions_new,
        "deliveries_sent": run.deliveries_sent,
        "deliveries_failed": run.deliveries_failed,
        "errors": list(run.errors or []),
    }


__all__ = [
    "Reports",
    "article_brief",
    "article_record",
    "event_detail",
    "event_mention_record",
    "event_record",
    "feed_record",
    "outlet",
    "run_record",
    "statement_detail",
    "statement_mention_record",
    "statement_record",
]

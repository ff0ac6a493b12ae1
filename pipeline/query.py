"""Questions people ask of the accumulated records: the same answers for the CLI and the API."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipeline.errors import ConfigError
from pipeline.schema import Article, Event, EventMention, Run, Statement, StatementMention

_RELATIVE = re.compile(r"^\s*(\d+)\s*([hdw])\s*$", re.IGNORECASE)


def parse_since(value: str | None, today: dt.date | None = None) -> dt.date | None:
    """`--since` accepts an ISO date (2024-05-01) or a span back from today (36h, 7d, 2w)."""
    if not value:
        return None
    today = today or dt.datetime.now(dt.UTC).date()
    match = _RELATIVE.match(value)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        days = {"h": amount / 24, "d": amount, "w": amount * 7}[unit]
        # event dates are days: a span of hours reaches back to the day it started on
        return today - dt.timedelta(days=int(-(-days // 1)))
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(
            f"--since {value!r} is neither a date (YYYY-MM-DD) nor a span like 24h, 7d or 2w"
        ) from None


def _actor(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if not data:
        return None
    return {"name": data.get("name"), "country": data.get("country"), "role": data.get("role")}


def event_record(event: Event) -> dict[str, Any]:
    """An event in the EVENTS.md shape, plus what merging adds: id, mentions, sources."""
    first = event.mentions[0] if event.mentions else None
    sources = []
    for mention in event.mentions:
        if mention.article is not None and mention.article.url not in sources:
            sources.append(mention.article.url)
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
        "reported_by": _actor(first.reported_by) if first else None,
        "sentence": event.sentence,
        "quote": event.quote,
        "quote_speaker": _actor(first.quote_speaker) if first else None,
        "event_date": event.event_date.isoformat(),
        "confidence": round(event.confidence, 3),
        "mention_count": event.mention_count,
        "sources": sources,
        "first_seen_at": event.first_seen_at.isoformat(),
    }


def statement_record(statement: Statement) -> dict[str, Any]:
    sources = []
    for mention in statement.mentions:
        if mention.article is not None and mention.article.url not in sources:
            sources.append(mention.article.url)
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
        "statement_date": statement.statement_date.isoformat()
        if statement.statement_date
        else None,
        "mention_count": statement.mention_count,
        "sources": sources,
        "first_seen_at": statement.first_seen_at.isoformat(),
    }


def list_events(
    session: Session,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    types: list[str] | None = None,
    country: str | None = None,
    min_confidence: float | None = None,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Merged events, newest event date first."""
    query = select(Event).options(
        selectinload(Event.mentions).selectinload(EventMention.article).load_only(Article.url)
    )
    if since:
        query = query.where(Event.event_date >= since)
    if until:
        query = query.where(Event.event_date <= until)
    if types:
        query = query.where(Event.type.in_([t.upper() for t in types]))
    if country:
        c = country.upper()
        query = query.where((Event.source_country == c) | (Event.target_country == c))
    if min_confidence is not None:
        query = query.where(Event.confidence >= min_confidence)
    query = query.order_by(Event.event_date.desc(), Event.id.desc())
    if limit:
        query = query.limit(limit)
    return [event_record(e) for e in session.scalars(query)]


def list_statements(
    session: Session,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    speaker: str | None = None,
    country: str | None = None,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Merged statements, newest first."""
    query = select(Statement).options(
        selectinload(Statement.mentions)
        .selectinload(StatementMention.article)
        .load_only(Article.url)
    )
    if since:
        query = query.where(Statement.statement_date >= since)
    if until:
        query = query.where(Statement.statement_date <= until)
    if speaker:
        query = query.where(Statement.speaker_name.ilike(f"%{speaker}%"))
    if country:
        query = query.where(Statement.speaker_country == country.upper())
    query = query.order_by(Statement.statement_date.desc(), Statement.id.desc())
    if limit:
        query = query.limit(limit)
    return [statement_record(s) for s in session.scalars(query)]


def last_runs(session: Session, limit: int = 10) -> list[Run]:
    return list(session.scalars(select(Run).order_by(Run.id.desc()).limit(limit)))

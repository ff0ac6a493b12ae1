"""Questions people ask of the accumulated records: the same answers for the CLI, API and page.

Lists come as a `Page` (the records of one slice and the total of the whole filter), single
records with every mention and its article, plus the counts behind the timeline, feed health
and the recent passes. Filters are checked beforehand by `pipeline.filters`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.orm import Session, selectinload

from pipeline import query_counts, search
from pipeline.errors import QueryError
from pipeline.filters import EventFilter, Known, StatementFilter, parse_date
from pipeline.records import (
    Reports,
    article_record,
    event_detail,
    event_record,
    feed_record,
    run_record,
    statement_detail,
    statement_record,
)
from pipeline.schema import (
    RECENT_FIRST,
    Article,
    Event,
    EventMention,
    Feed,
    Run,
    Statement,
    StatementMention,
)
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

# Ids are 32-bit integers on PostgreSQL; a larger one names no record (and must not reach SQL).
MAX_ID = 2**31 - 1


@dataclass
class Page:
    """One slice of a filtered list: `items` from `offset`, and the `total` of the filter.
    A text search's total is counted up to `COUNT_CAP`: beyond, `total` is the cap and
    `total_exact` is False ("at least this many")."""

    total: int
    offset: int
    limit: int
    items: list[dict[str, Any]]
    total_exact: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "total_exact": self.total_exact,
            "offset": self.offset,
            "limit": self.limit,
            "items": self.items,
        }


def parse_since(value: str | None, today: dt.date | None = None) -> dt.date | None:
    """Kept for callers of the older name: `filters.parse_date` for `since`."""
    return parse_date(value, "since", today)


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match, with LIKE's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def event_conditions(session: Session, f: EventFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.query is not None:
        conditions.append(search.matches("events", Event.id, f.query, _dialect(session)))
    if f.since:
        conditions.append(Event.event_date >= f.since)
    if f.until:
        conditions.append(Event.event_date <= f.until)
    conditions.extend(query_counts.type_and_sides(Event, f))
    if f.modes:
        conditions.append(Event.mode.in_(f.modes))
    if f.actor:
        conditions.append(search.names_match("events", Event.id, f.actor, _dialect(session)))
    if f.min_confidence is not None:
        conditions.append(Event.confidence >= f.min_confidence)
    return conditions


def statement_conditions(session: Session, f: StatementFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.query is not None:
        conditions.append(search.matches("statements", Statement.id, f.query, _dialect(session)))
    if f.since:
        conditions.append(Statement.statement_date >= f.since)
    if f.until:
        conditions.append(Statement.statement_date <= f.until)
    if f.country:
        conditions.append(Statement.speaker_country == f.country)
    if f.speaker:
        conditions.append(
            search.names_match("statements", Statement.id, f.speaker, _dialect(session))
        )
    if f.direct is not None:
        conditions.append(Statement.direct.is_(f.direct))
    return conditions


# A text search's total is counted up to this many matches (counting every match of a
# common word means reading every search document that has it).
COUNT_CAP = 1000

Total = tuple[int, bool]  # how many, and whether exactly that many (or at least)


def _count(
    session: Session, model: Any, conditions: list[ColumnElement[bool]], cap: int | None = None
) -> Total:
    """How many rows match: exactly, or with `cap`, (cap, False) when there are more."""
    if cap is None:
        query: Select[Any] = select(func.count()).select_from(model).where(*conditions)
        return int(session.scalar(query) or 0), True
    some: Select[Any] = (
        select(literal_column("1")).select_from(model).where(*conditions).limit(cap + 1)
    )
    found = int(session.scalar(select(func.count()).select_from(some.subquery())) or 0)
    return (cap, False) if found > cap else (found, True)


def _total(items: list[Any], offset: int, limit: int | None, count: Callable[[], Total]) -> Total:
    """The filter's total: a short last slice tells it; otherwise it is counted."""
    short = not limit or len(items) < limit
    if short and (items or offset == 0):
        return offset + len(items), True
    return count()


def count_events(
    session: Session, filters: EventFilter, conditions: list[ColumnElement[bool]] | None = None
) -> Total:
    """The total of an event filter: from the counts table for dates, types and sides; up
    to COUNT_CAP for a text search or an actor; otherwise counted exactly."""
    if query_counts.answerable(filters):
        return query_counts.total(session, filters), True
    if conditions is None:
        conditions = event_conditions(session, filters)
    searched = filters.query is not None or filters.actor is not None
    return _count(session, Event, conditions, COUNT_CAP if searched else None)


def _reports(session: Session, ids: list[int]) -> dict[int, Reports]:
    """For each event id: its first mention's reporter and quote speaker, and every source
    URL, in one query that reads only those columns (the JSON of the first mention alone is
    decoded)."""
    found: dict[int, Reports] = {}
    if not ids:
        return found
    rows = session.execute(
        select(
            EventMention.event_id,
            cast(EventMention.reported_by, Text),
            cast(EventMention.quote_speaker, Text),
            Article.url,
        )
        .join(Article, Article.id == EventMention.article_id)
        .where(EventMention.event_id.in_(ids))
        .order_by(EventMention.event_id, EventMention.id)
    )
    for event_id, reported_by, quote_speaker, url in rows:
        reports = found.get(event_id)
        if reports is None:
            reports = Reports([], _json(reported_by), _json(quote_speaker))
            found[event_id] = reports
        if url not in reports.sources:
            reports.sources.append(url)
    return found


def _json(text: str | None) -> Any:
    return json.loads(text) if text and text != "null" else None


def _statement_sources(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    rows = session.execute(
        select(StatementMention.statement_id, Article.url)
        .join(Article, Article.id == StatementMention.article_id)
        .where(StatementMention.statement_id.in_(ids))
        .order_by(StatementMention.statement_id, StatementMention.id)
    )
    for statement_id, url in rows:
        urls = found.setdefault(statement_id, [])
        if url not in urls:
            urls.append(url)
    return found


def list_events(
    session: Session,
    filters: EventFilter | None = None,
    *,
    offset: int = 0,
    limit: int | None = 100,
    total: int | None = None,
) -> Page:
    """Merged events matching the filter, newest event date first, and how many match
    (`total`, when the caller has counted them already, saves counting again)."""
    page, _ = export_events(session, filters, offset=offset, limit=limit, total=total)
    return page


def export_events(
    session: Session,
    filters: EventFilter | None = None,
    *,
    offset: int = 0,
    limit: int | None = 100,
    total: int | None = None,
    first: int | None = None,
) -> tuple[Page, list[int]]:
    """`list_events` read in parts: the page holds the first `first` records (all of them
    when None) and the total; the ids of the rest, in order, come beside it, for
    `event_records` to read later (a long export streams while it is read)."""
    filters = filters or EventFilter()
    conditions = event_conditions(session, filters)
    ids = event_ids(session, filters, conditions, offset, limit)
    now, later = (ids, []) if first is None else (ids[:first], ids[first:])
    exact = True
    if total is None:
        total, exact = _total(
            ids, offset, limit, lambda: count_events(session, filters, conditions)
        )
    items = event_records(session, now)
    return Page(total=total, offset=offset, limit=limit or 0, items=items, total_exact=exact), later


def event_records(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """The list records of these events, in this order."""
    events = events_by_id(session, ids)
    reports = _reports(session, [e.id for e in events])
    return [event_record(e, reports.get(e.id, Reports([]))) for e in events]


# How many of the newest events a search tests one by one before asking the index instead.
SEARCH_WINDOW = 2000


def event_ids(
    session: Session,
    filters: EventFilter,
    conditions: list[ColumnElement[bool]],
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    """The ids of one slice of the list, in its order: chosen from the index on (event_date,
    id) before any row is read, so a deep page skips index entries, not rows."""
    if limit and filters.query is not None and _estimated_badly(filters.query, session):
        found = _newest_matching(session, filters, offset + limit)
        if found is not None:
            return found[offset : offset + limit]
    query = (
        select(Event.id)
        .where(*conditions)
        .order_by(Event.event_date.desc(), Event.id.desc())
        .offset(offset)
    )
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def _estimated_badly(query: search.SearchQuery, session: Session) -> bool:
    """PostgreSQL guesses how many documents have a phrase, or several words, as if the
    words were unrelated: far too few, and it then reads every match to sort them by date."""
    if _dialect(session) != "postgresql":
        return False
    return any(
        len(group.include) > 1 or any(len(term.words) > 1 for term in group.include)
        for group in query.groups
    )


def _newest_matching(session: Session, filters: EventFilter, wanted: int) -> list[int] | None:
    """The ids of the newest events matching the filter, when the newest SEARCH_WINDOW
    events (without the search) hold `wanted` of them or are all there is; else None."""
    assert filters.query is not None
    plain = event_conditions(session, replace(filters, query=None))
    window = max(SEARCH_WINDOW, 4 * wanted)
    newest = list(
        session.scalars(
            select(Event.id)
            .where(*plain)
            .order_by(Event.event_date.desc(), Event.id.desc())
            .limit(window)
        )
    )
    found = search.matching_ids(session, "events", newest, filters.query)
    matched = [i for i in newest if i in found]
    if len(matched) >= wanted or len(newest) < window:
        return matched
    return None


def events_by_id(session: Session, ids: list[int]) -> list[Event]:
    """The events with these ids, in this order (one deleted meanwhile is left out)."""
    if not ids:
        return []
    found = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def list_statements(
    session: Session,
    filters: StatementFilter | None = None,
    *,
    offset: int = 0,
    limit: int | None = 100,
) -> Page:
    """Merged statements matching the filter, newest first (undated ones last)."""
    filters = filters or StatementFilter()
    conditions = statement_conditions(session, filters)
    query = (
        select(Statement)
        .where(*conditions)
        .order_by(literal_column(RECENT_FIRST).desc(), Statement.id.desc())
        .offset(offset)
    )
    if limit:
        query = query.limit(limit)
    statements = list(session.scalars(query))
    sources = _statement_sources(session, [s.id for s in statements])
    items = [statement_record(s, sources.get(s.id, [])) for s in statements]
    searched = filters.query is not None or filters.speaker is not None
    cap = COUNT_CAP if searched else None
    total, exact = _total(items, offset, limit, lambda: _count(session, Statement, conditions, cap))
    return Page(total=total, offset=offset, limit=limit or 0, items=items, total_exact=exact)


def get_event(session: Session, event_id: int) -> dict[str, Any] | None:
    """One event with every mention and the article of each, or None."""
    if not 1 <= event_id <= MAX_ID:
        return None
    event = session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .options(
            selectinload(Event.mentions)
            .selectinload(EventMention.article)
            .selectinload(Article.feed)
        )
    )
    return event_detail(event) if event is not None else None


def get_statement(session: Session, statement_id: int) -> dict[str, Any] | None:
    if not 1 <= statement_id <= MAX_ID:
        return None
    statement = session.scalar(
        select(Statement)
        .where(Statement.id == statement_id)
        .options(
            selectinload(Statement.mentions)
            .selectinload(StatementMention.article)
            .selectinload(Article.feed)
        )
    )
    return statement_detail(statement) if statement is not None else None


def get_article(session: Session, article_id: int) -> dict[str, Any] | None:
    if not 1 <= article_id <= MAX_ID:
        return None
    article = session.scalar(
        select(Article).where(Article.id == article_id).options(selectinload(Article.feed))
    )
    if article is None:
        return None
    event_ids = session.scalars(
        select(EventMention.event_id)
        .where(EventMention.article_id == article_id)
        .distinct()
        .order_by(EventMention.event_id)
    )
    statement_ids = session.scalars(
        select(StatementMention.statement_id)
        .where(StatementMention.article_id == article_id)
        .distinct()
        .order_by(StatementMention.statement_id)
    )
    return article_record(article, list(event_ids), list(statement_ids))


BUCKETS = ("day", "week", "month")


def bucket_for(first: dt.date, last: dt.date) -> str:
    """Days for up to four months, weeks for up to three years, months beyond."""
    span = (last - first).days
    if span <= 120:
        return "day"
    return "week" if span <= 3 * 366 else "month"


def event_stats(
    session: Session, filters: EventFilter | None = None, bucket: str = "auto"
) -> dict[str, Any]:
    """Counts of the events matching the filter: in all, by type, by direction, and per day
    (week, month) by type and direction. `auto` picks the period from the filter's span.
    Dates, types and sides alone are read from the counts table; other filters read the
    events once, per day, and the periods are summed here."""
    filters = filters or EventFilter()
    if query_counts.answerable(filters):
        first, last = query_counts.date_range(session, filters)
        if bucket == "auto":
            bucket = _auto_bucket(filters, first, last)
        found = query_counts.counts(session, filters, bucket) if first else {}
    else:
        daily = _daily_counts(session, filters)
        days = [day for day, _, _, _ in daily]
        first, last = (min(days), max(days)) if days else (None, None)
        if bucket == "auto":
            bucket = _auto_bucket(filters, first, last)
        found = {}
        for (day, kind, source, target), count in daily.items():
            key = (query_counts.period_start(day, bucket), kind, source, target)
            found[key] = found.get(key, 0) + count
    by_type: dict[str, int] = {}
    by_direction: dict[tuple[str, str], int] = {}
    series = []
    for (start, kind, source, target), count in sorted(found.items()):
        by_type[kind] = by_type.get(kind, 0) + count
        by_direction[(source, target)] = by_direction.get((source, target), 0) + count
        series.append(
            {
                "date": start.isoformat(),
                "type": kind,
                "source": source,
                "target": target,
                "count": count,
            }
        )
    return {
        "total": sum(by_type.values()),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "bucket": bucket,
        "by_type": [{"type": k, "count": n} for k, n in sorted(by_type.items())],
        "by_direction": [
            {"source": s, "target": t, "count": n} for (s, t), n in sorted(by_direction.items())
        ],
        "series": series,
    }


def _auto_bucket(filters: EventFilter, first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return "day"
    return bucket_for(filters.since or first, filters.until or last)


def _daily_counts(session: Session, filters: EventFilter) -> query_counts.Counts:
    """The events matching the filter counted per day, type and direction, in one pass
    (a search with dates, types and sides on PostgreSQL: from the search table alone)."""
    if _dialect(session) == "postgresql" and query_counts.searched_only(filters):
        return query_counts.search_counts(session, filters)
    conditions = event_conditions(session, filters)
    rows = session.execute(
        select(
            Event.event_date, Event.type, Event.source_country, Event.target_country, func.count()
        )
        .where(*conditions)
        .group_by(Event.event_date, Event.type, Event.source_country, Event.target_country)
    )
    found: query_counts.Counts = {}
    for day, kind, source, target, count in rows:
        found[(_as_date(day), kind, source, target)] = count
    return found


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def feed_health(session: Session) -> list[dict[str, Any]]:
    """Every enabled feed with its health, failing ones first."""
    grouped = select(Article.feed_id, func.count()).group_by(Article.feed_id)
    counts: dict[int | None, int] = {feed_id: n for feed_id, n in session.execute(grouped)}
    feeds = session.scalars(select(Feed).where(Feed.enabled).order_by(Feed.name))
    records = [feed_record(f, counts.get(f.id, 0)) for f in feeds]
    return sorted(records, key=lambda r: (r["failures"] == 0, r["name"]))


def _database_exists(url: str) -> bool:
    """Whether there is a database to read, without creating one (an SQLite file, a schema)."""
    from sqlalchemy.engine import make_url

    from pipeline import db

    parsed = make_url(db.normalize_url(url))
    if parsed.get_backend_name() == "sqlite":
        name = parsed.database
        if not name or name == ":memory:" or not Path(name).expanduser().exists():
            return False
    return db.current_revision(url) is not None


def feeds_with_health(settings: Settings) -> list[dict[str, Any]]:
    """The feeds file's feeds, each with the health stored for it (if any). Read-only: the
    database is neither created, migrated nor synced with the file."""
    from pipeline import db
    from pipeline.feeds import load_feeds

    specs = load_feeds(settings.feeds_file)
    stored: dict[str, dict[str, Any]] = {}
    if _database_exists(settings.db_url):
        with db.session_scope(settings.db_url) as session:
            names = [spec.name for spec in specs]
            for feed in session.scalars(select(Feed).where(Feed.name.in_(names))):
                stored[feed.name] = feed_record(feed)
    rows = []
    for spec in specs:
        row = stored.get(spec.name)
        if row is None or row["url"] != spec.url:
            row = {"name": spec.name, "url": spec.url, "status": "never fetched", "failures": 0}
        rows.append(row)
    return rows


def recent_runs(session: Session, limit: int = 10) -> list[dict[str, Any]]:
    return [
        run_record(r) for r in session.scalars(select(Run).order_by(Run.id.desc()).limit(limit))
    ]


def last_runs(session: Session, limit: int = 10) -> list[Run]:
    return list(session.scalars(select(Run).order_by(Run.id.desc()).limit(limit)))


def overview(session: Session) -> dict[str, Any]:
    """What the page's header shows: the last pass, and how many feeds are failing."""
    last = session.scalar(select(Run).order_by(Run.id.desc()).limit(1))
    failing, total = session.execute(
        select(
            func.count().filter(Feed.consecutive_failures > 0),
            func.count(),
        ).where(Feed.enabled)
    ).one()
    return {
        "last_run": run_record(last) if last is not None else None,
        "feeds": {"total": int(total or 0), "failing": int(failing or 0)},
    }


def known_values(session: Session, sides: tuple[str, ...]) -> Known:
    """Valid filter values: the configured sides, and what the database holds when asked."""

    def countries() -> list[str]:
        found = set(session.scalars(select(Event.source_country).distinct()))
        found |= set(session.scalars(select(Event.target_country).distinct()))
        found |= set(session.scalars(select(Statement.speaker_country).distinct()))
        return sorted(found)

    def modes() -> list[str]:
        return sorted(m for m in session.scalars(select(Event.mode).distinct()) if m)

    return Known(sides=sides, stored_countries=countries, stored_modes=modes)


__all__ = [
    "BUCKETS",
    "COUNT_CAP",
    "count_events",
    "MAX_ID",
    "Page",
    "QueryError",
    "event_record",
    "event_records",
    "export_events",
    "event_stats",
    "feed_health",
    "feeds_with_health",
    "get_article",
    "get_event",
    "get_statement",
    "known_values",
    "last_runs",
    "list_events",
    "list_statements",
    "overview",
    "parse_since",
    "recent_runs",
    "statement_record",
]

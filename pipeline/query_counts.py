"""Counts of events per period from `event_counts` (migration 0006) instead of the events.

The table holds how many events there are per day, week and month, by type and direction.
Filters of dates, types and sides alone are answered from it: whole weeks (months) inside
the filter's dates from the weekly (monthly) rows, the partial ones at its ends from the
daily rows. Any other filter (a search, an actor, a mode, a confidence) needs the events.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, text
from sqlalchemy.orm import Session

from pipeline import search
from pipeline.filters import EventFilter
from pipeline.schema import EventCount

LOGGER = logging.getLogger(__name__)

PERIODS = {"day": "d", "week": "w", "month": "m"}
# (start of the period, type, source, target) -> how many
Counts = dict[tuple[dt.date, str, str, str], int]


def answerable(f: EventFilter) -> bool:
    """Whether the counts table can answer this filter (dates, types and sides only)."""
    return f.query is None and not f.modes and f.actor is None and f.min_confidence is None


def searched_only(f: EventFilter) -> bool:
    """A text search or an actor, with nothing else than dates, types and sides."""
    return (f.query is not None or f.actor is not None) and not f.modes and f.min_confidence is None


def search_counts(session: Session, f: EventFilter) -> Counts:
    """The events a search matches per day, type and direction, from `events_search` alone
    (PostgreSQL, migration 0008): its index and the one on type and date are intersected."""
    side = search.side_table("events")
    conditions = search.vector_matches(side, f.query, f.actor)
    if f.since:
        conditions.append(side.c.event_date >= f.since)
    if f.until:
        conditions.append(side.c.event_date <= f.until)
    if f.types:
        conditions.append(side.c.type.in_(f.types))
    if f.country:
        conditions.append(
            or_(side.c.source_country == f.country, side.c.target_country == f.country)
        )
    if f.source:
        conditions.append(side.c.source_country == f.source)
    if f.target:
        conditions.append(side.c.target_country == f.target)
    key = (side.c.event_date, side.c.type, side.c.source_country, side.c.target_country)
    rows = session.execute(select(*key, func.count()).where(*conditions).group_by(*key))
    return {(_date(d) or dt.date.min, kind, s, t): n for d, kind, s, t, n in rows}


def period_start(day: dt.date, size: str) -> dt.date:
    """The first day of the day, week (Monday) or month `day` falls in."""
    if size == "week":
        return day - dt.timedelta(days=day.weekday())
    if size == "month":
        return day.replace(day=1)
    return day


def period_end(start: dt.date, size: str) -> dt.date:
    """The last day of the period beginning on `start`."""
    if size == "week":
        return start + dt.timedelta(days=6)
    if size == "month":
        return (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return start


def type_and_sides(model: Any, f: EventFilter) -> list[ColumnElement[bool]]:
    """The filter's types and sides as conditions on `model`: events, or their counts (the
    same column names), so a list and its totals never disagree on what a side means."""
    conditions: list[ColumnElement[bool]] = []
    if f.types:
        conditions.append(model.type.in_(f.types))
    if f.country:
        conditions.append(or_(model.source_country == f.country, model.target_country == f.country))
    if f.source:
        conditions.append(model.source_country == f.source)
    if f.target:
        conditions.append(model.target_country == f.target)
    return conditions


def _sides(f: EventFilter) -> list[ColumnElement[bool]]:
    return [EventCount.n != 0, *type_and_sides(EventCount, f)]


def date_range(session: Session, f: EventFilter) -> tuple[dt.date | None, dt.date | None]:
    """The first and last event date the filter matches (None, None when none does)."""
    c = EventCount
    conditions = [c.period == "d", *_sides(f)]
    if f.since:
        conditions.append(c.start >= f.since)
    if f.until:
        conditions.append(c.start <= f.until)
    first, last = session.execute(
        select(func.min(c.start), func.max(c.start)).where(*conditions)
    ).one()
    return _date(first), _date(last)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def counts(session: Session, f: EventFilter, size: str) -> Counts:
    """How many events the filter matches per `size` period, by type and direction."""
    c = EventCount
    since, until = f.since, f.until
    # the whole periods inside [since, until]: from the period's own rows
    first_whole = None
    if since is not None:
        first_whole = period_start(since, size)
        if first_whole < since:
            first_whole = period_start(period_end(first_whole, size) + dt.timedelta(days=1), size)
    last_whole = None
    if until is not None:
        last_whole = period_start(until, size)
        if period_end(last_whole, size) > until:
            last_whole = period_start(last_whole - dt.timedelta(days=1), size)
    whole = [c.period == PERIODS[size]]
    if first_whole is not None:
        whole.append(c.start >= first_whole)
    if last_whole is not None:
        whole.append(c.start <= last_whole)
    ranges = [and_(*whole)]
    # the partial periods at either end: from the daily rows
    if size != "day":
        days = c.period == "d"
        if first_whole is not None and last_whole is not None and first_whole > last_whole:
            ranges = [and_(days, c.start >= since, c.start <= until)]
        else:
            if first_whole is not None and since is not None and since < first_whole:
                ranges.append(and_(days, c.start >= since, c.start < first_whole))
            if last_whole is not None and until is not None:
                ranges.append(and_(days, c.start > period_end(last_whole, size), c.start <= until))
    found: Counts = {}
    rows = session.execute(
        select(c.start, c.type, c.source_country, c.target_country, c.n).where(
            or_(*ranges), *_sides(f)
        )
    )
    for start, kind, source, target, n in rows:
        key = (period_start(_date(start) or dt.date.min, size), kind, source, target)
        found[key] = found.get(key, 0) + n
    return {key: n for key, n in found.items() if n}


def total(session: Session, f: EventFilter) -> int:
    """How many events the filter matches (monthly rows, and daily ones at the ends)."""
    return sum(counts(session, f, "month").values())


def rebuild(connection: Connection) -> None:
    """Recount every period from the events (after a bulk load with the triggers off)."""
    connection.execute(text("DELETE FROM event_counts"))
    key = "period, start, type, source_country, target_country"
    connection.execute(
        text(f"INSERT INTO event_counts ({key}, n) SELECT {key}, n FROM event_counts_all")
    )


__all__ = [
    "Counts",
    "answerable",
    "counts",
    "date_range",
    "period_end",
    "period_start",
    "rebuild",
    "total",
]

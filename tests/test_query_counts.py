"""The event counts table (migration 0006) and capped search totals, on both databases: the
triggers keep the counts equal to the events through inserts, deletes and moves; the stats
read from it equal counting the events themselves, whole periods and partial ends alike; a
text search's total stops at the cap and says so."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy import delete, select

from pipeline import db, query, query_counts, search
from pipeline.api import create_app
from pipeline.filters import EventFilter, event_filter
from pipeline.schema import Event
from pipeline.web.pages import _environment
from tests.support.records import seed_records


def _stored(url: str) -> tuple[Counter, Counter]:
    """(what event_counts holds, what it must hold) as {(period, start, type, src, tgt): n}."""
    key = "period, start, type, source_country, target_country"
    with db.get_engine(url).connect() as connection:
        held = connection.execute(sa.text(f"SELECT {key}, n FROM event_counts WHERE n <> 0"))
        wanted = connection.execute(sa.text(f"SELECT {key}, n FROM event_counts_all"))
        return (
            Counter({tuple(map(str, row[:5])): row[5] for row in held}),
            Counter({tuple(map(str, row[:5])): row[5] for row in wanted}),
        )


def _expected(events: list[Event], f: EventFilter, size: str) -> Counter:
    """Counting the events by hand, per period start, type and direction."""
    found: Counter = Counter()
    for e in events:
        if f.since and e.event_date < f.since or f.until and e.event_date > f.until:
            continue
        if f.types and e.type not in f.types:
            continue
        if f.country and f.country not in (e.source_country, e.target_country):
            continue
        if f.source and e.source_country != f.source:
            continue
        start = query_counts.period_start(e.event_date, size)
        found[(start.isoformat(), e.type, e.source_country, e.target_country)] += 1
    return found


def test_the_triggers_keep_the_counts_equal_to_the_events(db_url):
    seed_records(db_url)
    held, wanted = _stored(db_url)
    assert held == wanted and sum(n for k, n in held.items() if k[0] == "d") == 60
    with db.session_scope(db_url) as session:
        ids = list(session.scalars(select(Event.id).order_by(Event.id)))
        session.execute(delete(Event).where(Event.id.in_(ids[:5])))
        moved = session.get(Event, ids[10])
        assert moved is not None
        moved.event_date = moved.event_date + dt.timedelta(days=40)  # another week and month
        moved.type = "THREATEN" if moved.type != "THREATEN" else "ACCUSE"
        session.get(Event, ids[11]).confidence = 0.99  # type: ignore[union-attr]
        copy = session.get(Event, ids[12])
        assert copy is not None
        session.add(
            Event(**{c.key: getattr(copy, c.key) for c in Event.__table__.columns if c.key != "id"})
        )
    held, wanted = _stored(db_url)
    assert held == wanted and sum(n for k, n in held.items() if k[0] == "d") == 56
    if (
        db.get_engine(db_url).dialect.name == "postgresql"
    ):  # the search table's copy of them moved too
        with db.get_engine(db_url).connect() as connection:
            stale = connection.scalar(
                sa.text(
                    "SELECT count(*) FROM events e LEFT JOIN events_search s ON s.event_id = e.id"
                    " WHERE (s.event_date, s.type, s.source_country, s.target_country) IS"
                    " DISTINCT FROM (e.event_date, e.type, e.source_country, e.target_country)"
                )
            )
        assert stale == 0
    with db.get_engine(db_url).begin() as connection, search.triggers_suspended(connection):
        connection.execute(sa.text("DELETE FROM events WHERE id = :id"), {"id": ids[20]})
    assert _stored(db_url)[0] == _stored(db_url)[1]  # rebuilt after the bulk change


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"since": "2024-04-10", "until": "2024-05-29"},  # a Wednesday to a Wednesday
        {"since": "2024-04-01", "until": "2024-04-30"},  # whole months
        {"since": "2024-04-03", "until": "2024-05-09", "types": ["ACCUSE", "REJECT"]},
        {"until": "2024-05-15", "country": "RUS"},
        {"since": "2024-05-03", "source": "USA"},
    ],
)
def test_stats_from_the_counts_equal_counting_the_events(db_url, values):
    seed_records(db_url)
    with db.session_scope(db_url) as session:
        f = event_filter(**values)
        assert query_counts.answerable(f)
        events = list(session.scalars(select(Event)))
        for size in ("day", "week", "month"):
            stats = query.event_stats(session, f, size)
            got = Counter(
                {
                    (s["date"], s["type"], s["source"], s["target"]): s["count"]
                    for s in stats["series"]
                }
            )
            assert got == _expected(events, f, size), size
            assert stats["total"] == sum(got.values())
        total, exact = query.count_events(session, f)
        assert exact and total == sum(_expected(events, f, "day").values())
        dates = sorted(k[0] for k in _expected(events, f, "day"))
        stats = query.event_stats(session, f)
        assert dates, "the filter should match some of the seeded events"
        assert (stats["first_date"], stats["last_date"]) == (dates[0], dates[-1])


def test_a_search_total_stops_at_the_cap_and_says_so(db_url, make_settings, monkeypatch):
    records = seed_records(db_url)
    monkeypatch.setattr(query, "COUNT_CAP", 5)
    with db.session_scope(db_url) as session:
        everyone = query.list_events(session, event_filter(q="moscow"), limit=100)
        assert everyone.total_exact and everyone.total > 6  # a short slice counts itself
        capped = query.list_events(session, event_filter(q="moscow"), limit=2)
        assert (capped.total, capped.total_exact, len(capped.items)) == (5, False, 2)
        few = query.list_events(session, event_filter(q="dhabi"), limit=1)
        assert few.total_exact and few.total == len(
            query.list_events(session, event_filter(q="dhabi"), limit=100).items
        )
        plain = query.list_events(session, event_filter(types=["ACCUSE"]), limit=1)
        assert plain.total_exact and plain.total == records.by_type["ACCUSE"]
        speakers = query.list_statements(session, query.StatementFilter(), limit=1)
        assert speakers.total_exact and speakers.total == records.statements
    with TestClient(create_app(make_settings(db_url=db_url))) as client:
        body = client.get("/events?q=moscow&limit=2").json()
        assert (body["total"], body["total_exact"]) == (5, False)
        body = client.get("/events?limit=2").json()
        assert (body["total"], body["total_exact"]) == (records.events, True)
        answer = client.get("/events.csv?q=moscow&limit=2")
        assert answer.headers["x-total-count"] == "5" and answer.headers["x-total-exact"] == "false"


def test_the_page_shows_a_capped_total_as_a_floor():
    macros = _environment().get_template("_macros.html").module
    capped = query.Page(total=1000, offset=0, limit=25, items=[{}] * 25, total_exact=False)
    shown = str(macros.showing(capped, "statement"))  # type: ignore[attr-defined]
    assert "<b>1&ndash;25</b>" in shown and ">1,000+</b> statements" in shown
    assert "narrow the search" in shown
    exact = query.Page(total=1000, offset=0, limit=25, items=[{}] * 25)
    assert ">1,000</b> statements" in str(macros.showing(exact, "statement"))  # type: ignore[attr-defined]
    from pipeline.web.pages import _pages

    assert _pages(1, 25, 1000, exact=False) == [1, 2, 3, None]
    assert _pages(1, 25, 1000) == [1, 2, 3, None, 40]


def test_a_phrase_lists_the_same_newest_first_whichever_way_it_is_found(db_url, monkeypatch):
    """The newest events are tested one by one for a phrase (PostgreSQL), or the index is
    asked when they hold too few matches: the same list either way, and as SQL gives it."""
    seed_records(db_url)
    with db.session_scope(db_url) as session:
        f = event_filter(q='"moved troops"')
        reference = list(
            session.scalars(
                select(Event.id)
                .where(*query.event_conditions(session, f))
                .order_by(Event.event_date.desc(), Event.id.desc())
            )
        )
        assert 2 < len(reference) < 40
        for window in (2000, 3):
            monkeypatch.setattr(query, "SEARCH_WINDOW", window)
            for offset, limit in ((0, 2), (1, 3), (0, 100)):
                page = query.list_events(session, f, offset=offset, limit=limit)
                assert [e["id"] for e in page.items] == reference[offset : offset + limit]
                assert page.total == len(reference) and page.total_exact


def test_a_long_export_streams_in_parts_in_the_list_order(db_url, make_settings, monkeypatch):
    from pipeline import api

    records = seed_records(db_url)
    monkeypatch.setattr(api, "EXPORT_PART", 7)
    with TestClient(create_app(make_settings(db_url=db_url))) as client:
        listed = client.get("/events?limit=50&offset=3").json()
        answer = client.get("/events.csv?limit=50&offset=3")
        lines = answer.text.splitlines()
        assert lines[0].startswith("id,") and answer.headers["x-total-count"] == str(records.events)
        ids = [int(line.split(",", 1)[0]) for line in lines[1:]]
        assert ids == [e["id"] for e in listed["items"]] and len(ids) == 50


@pytest.mark.parametrize(
    "values",
    [
        {"q": "moscow"},
        {"q": "moscow", "types": ["ACCUSE", "REJECT"], "since": "2024-04-03"},
        {"q": "washington OR dhabi", "until": "2024-05-20", "source": "USA"},
        {"actor": "united", "country": "RUS"},
        {"q": "moscow", "min_confidence": 0.7},
    ],
)
def test_the_stats_of_a_search_count_the_events_it_lists(db_url, values):
    """However a search's stats are counted (PostgreSQL: from the search table alone), they
    count exactly the events the list shows."""
    seed_records(db_url)
    with db.session_scope(db_url) as session:
        f = event_filter(**values)
        listed = {e["id"] for e in query.list_events(session, f, limit=1000).items}
        events = [e for e in session.scalars(select(Event)) if e.id in listed]
        assert listed
        for size in ("day", "week"):
            stats = query.event_stats(session, f, size)
            got = Counter(
                {
                    (s["date"], s["type"], s["source"], s["target"]): s["count"]
                    for s in stats["series"]
                }
            )
            assert got == _expected(events, EventFilter(), size)
            assert stats["total"] == len(listed)

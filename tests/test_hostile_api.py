"""Hostile API requests on SQLite and PostgreSQL: spans reaching past the calendar, ids past
any integer column, and `until=` (which was once silently ignored). Each answer is a 4xx
with a message naming the parameter or the id, never a 500; `until=` narrows exactly."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from pipeline import db
from pipeline.api import create_app
from pipeline.schema import Event, Statement
from tests.support.records import seed_records


@pytest.fixture
def client(db_url, make_settings):
    records = seed_records(db_url)
    with TestClient(create_app(make_settings(db_url=db_url)), raise_server_exceptions=False) as c:
        yield c, db_url, records


SPANS = ["9999999d", "99999999999w", "999999999999999999999999h"]
BEYOND = [
    "99999999999999999999",  # past 64 bits
    str(2**63),  # one past PostgreSQL's bigint
    str(2**31),  # one past PostgreSQL's integer (the id columns)
    "-1",
    "0",
]


def test_a_span_past_the_calendar_is_a_422_naming_the_parameter(client):
    c, _, _ = client
    for path in ("/events", "/events.csv", "/statements", "/stats"):
        for parameter in ("since", "until"):
            for span in SPANS:
                answer = c.get(f"{path}?{parameter}={span}")
                assert answer.status_code == 422, (path, parameter, span, answer.text)
                (problem,) = answer.json()["detail"]
                assert problem["loc"] == ["query", parameter]
                assert span in problem["msg"] and "use a shorter span" in problem["msg"]
    page = c.get("/?since=9999999d")  # the page says the same, as a page
    assert page.status_code == 422
    assert "9999999d" in page.text and "shorter span" in page.text


def test_an_id_past_the_integer_range_is_a_404_naming_it(client):
    c, _, _ = client
    for ident in BEYOND:
        for path, noun in (("/events/", "event"), ("/statements/", "statement"),
                           ("/articles/", "article")):  # fmt: skip
            answer = c.get(path + ident)
            assert answer.status_code == 404, (path, ident, answer.text)
            assert answer.json()["detail"] == f"no {noun} with id {ident}"
        for path in ("/view/events/", "/view/statements/"):
            answer = c.get(path + ident)
            assert answer.status_code == 404, (path, ident, answer.text[:300])


def _dates(url: str, column) -> list[dt.date]:
    with db.session_scope(url) as session:
        return list(session.scalars(select(column)))


def test_until_and_since_narrow_exactly(client):
    c, url, records = client
    for path, column in (("/events", Event.event_date), ("/statements", Statement.statement_date)):
        dates = _dates(url, column)
        days = Counter(dates)
        assert len(days) >= 3, "the seed spreads records over several days"
        middle = sorted(days)[len(days) // 2]

        def total(query: str, path: str = path) -> int:
            answer = c.get(f"{path}?limit=1&{query}")
            assert answer.status_code == 200, answer.text
            return int(answer.json()["total"])

        before = sum(n for d, n in days.items() if d <= middle)
        after = sum(n for d, n in days.items() if d >= middle)
        assert 0 < before < len(dates) and 0 < after < len(dates)
        assert total(f"until={middle}") == before
        assert total(f"since={middle}") == after
        assert total(f"since={middle}&until={middle}") == days[middle]
        assert total(f"since={middle}&until={min(days) - dt.timedelta(days=1)}") == 0
        # A relative until: every seeded record is older than yesterday.
        assert total("until=1d") == len(dates) and total("until=") == len(dates)
    assert total("until=2000-01-01", "/events") == 0
    csv_rows = c.get(f"/events.csv?until={middle}").text.strip().splitlines()
    events_before = sum(1 for d in _dates(url, Event.event_date) if d <= middle)
    assert len(csv_rows) - 1 == events_before
    assert records.events == len(_dates(url, Event.event_date))

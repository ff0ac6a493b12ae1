"""Fuzzing the app with hypothesis: no path or query string, however odd, gets a 500.

The real app (API and page) runs over a seeded database, once on SQLite and once on
PostgreSQL; hypothesis writes query strings from the API's own parameter names and from
anything else, with values that are dates, spans, huge numbers, NULs, control characters,
search syntax, LIKE wildcards or arbitrary bytes.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.api import create_app
from tests.support.records import seed_records

LISTS = [
    "/events",
    "/events.csv",
    "/statements",
    "/statements.csv",
    "/stats",
    "/runs",
    "/feeds",
    "/health",
    "/",
    "/view/statements",
    "/view/feeds",
]
ONE = ["/events/", "/statements/", "/articles/", "/view/events/", "/view/statements/"]
PARAMETERS = [
    "q", "since", "until", "type", "mode", "country", "source", "target", "actor",
    "min_confidence", "offset", "limit", "speaker", "direct", "side", "page", "per", "said",
]  # fmt: skip

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
values = st.one_of(
    text,
    st.integers().map(str),
    st.floats().map(str),
    st.dates().map(str),
    st.from_regex(r"\A-?[0-9]{1,25}[hdwHDWx]?\Z"),
    st.sampled_from(["ACCUSE", "accuse,FOO", "USA", "USA>RUS", "RUS>", "true", "nan", "-inf"]),
    st.sampled_from(['"prisoner swap', "a OR -b", "-x", "*", "%", "_", "\\", "\x00", "OR"]),
)
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), text), values), max_size=6).map(
    lambda items: urlencode(items)
)
raw = st.binary(max_size=30).map(lambda b: "".join(f"%{byte:02X}" for byte in b))
ids = st.one_of(st.integers(), text, st.integers(min_value=2**31 - 5, max_value=2**64))


@st.composite
def requests(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        path = draw(st.sampled_from(LISTS))
    else:
        path = draw(st.sampled_from(ONE)) + quote(str(draw(ids)), safe="")
    query = draw(st.one_of(pairs, raw, st.tuples(pairs, raw).map("&".join)))
    return f"{path}?{query}" if query else path


@pytest.fixture
def client(db_url, make_settings):
    seed_records(db_url, events=30)
    with TestClient(create_app(make_settings(db_url=db_url))) as test_client:
        yield test_client


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=requests())
def test_no_request_gets_a_server_error(client, url):
    answer = client.get(url)
    assert answer.status_code < 500, (url, answer.status_code, answer.text[:500])

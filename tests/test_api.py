"""The web API and page (pipeline/api.py) through FastAPI's TestClient, on SQLite and Postgres."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from pipeline import db
from pipeline.api import create_app
from pipeline.schema import Article, Event, EventMention, Statement, StatementMention

NOW = dt.datetime(2021, 3, 22, 16, 0, tzinfo=dt.UTC)


def _event(kind: str, src: str, tgt: str, day: dt.date, sentence: str) -> Event:
    return Event(
        type=kind,
        source_name="United States" if src == "USA" else "Russia",
        source_country=src,
        source_role="COUNTRY",
        target_name="Russia" if tgt == "RUS" else "United States",
        target_country=tgt,
        target_role="COUNTRY",
        event_date=day,
        confidence=0.8,
        sentence=sentence,
        mention_count=1,
        first_seen_at=NOW,
        last_seen_at=NOW,
    )


def _mention(event: Event, article: Article, key: str) -> EventMention:
    return EventMention(
        event=event,
        article=article,
        key=key,
        type=event.type,
        source={"name": event.source_name, "country": event.source_country, "role": "COUNTRY"},
        target={"name": event.target_name, "country": event.target_country, "role": "COUNTRY"},
        sentence=event.sentence,
        event_date=event.event_date,
        confidence=event.confidence,
        detector_version="test",
    )


@pytest.fixture
def client(db_url, make_settings):
    db.upgrade(db_url)
    article = Article(url="https://news.example/story", state="detected", attempts=1)
    reject = _event(
        "REJECT", "USA", "RUS", dt.date(2021, 3, 22), "The US declined <b>the</b> offer."
    )
    accuse = _event("ACCUSE", "RUS", "USA", dt.date(2021, 3, 18), "Moscow blamed Washington.")
    old = _event("CONSULT", "USA", "RUS", dt.date(2020, 1, 5), "They met in Geneva.")
    statement = Statement(
        speaker_name="Vladimir Putin",
        speaker_country="RUS",
        speaker_role="HEAD_OF_STATE",
        quote="It takes one to know one",
        quote_norm="it takes one to know one",
        about=["USA"],
        sentence="Putin said: It takes one to know one.",
        statement_date=dt.date(2021, 3, 18),
        mention_count=1,
        first_seen_at=NOW,
        last_seen_at=NOW,
    )
    with db.session_scope(db_url) as session:
        session.add_all([article, reject, accuse, old, statement])
        session.add_all(
            [
                _mention(reject, article, "k1"),
                _mention(accuse, article, "k2"),
                StatementMention(
                    statement=statement,
                    article=article,
                    key="s1",
                    speaker={"name": "Vladimir Putin", "country": "RUS"},
                    quote=statement.quote,
                    sentence=statement.sentence,
                    detector_version="test",
                ),
            ]
        )
    with TestClient(create_app(make_settings(db_url=db_url))) as test_client:
        yield test_client


def test_events_with_the_cli_filters(client):
    everything = client.get("/events").json()
    assert [e["type"] for e in everything] == ["REJECT", "ACCUSE", "CONSULT"]
    assert everything[0]["sources"] == ["https://news.example/story"]
    assert everything[0]["source"] == {"name": "United States", "country": "USA", "role": "COUNTRY"}

    assert [e["type"] for e in client.get("/events?since=2021-03-01").json()] == [
        "REJECT",
        "ACCUSE",
    ]
    assert [e["type"] for e in client.get("/events?type=accuse,consult").json()] == [
        "ACCUSE",
        "CONSULT",
    ]
    assert [e["type"] for e in client.get("/events?type=REJECT&type=CONSULT").json()] == [
        "REJECT",
        "CONSULT",
    ]
    assert len(client.get("/events?country=rus&limit=1").json()) == 1
    bad = client.get("/events?since=last-tuesday")
    assert bad.status_code == 400 and "since" in bad.json()["detail"]
    assert client.get("/events?limit=0").status_code == 422


def test_one_event_and_404(client):
    first = client.get("/events").json()[0]
    one = client.get(f"/events/{first['id']}")
    assert one.status_code == 200 and one.json() == first
    missing = client.get("/events/999999")
    assert missing.status_code == 404 and "999999" in missing.json()["detail"]


def test_statements_with_filters(client):
    said = client.get("/statements").json()
    assert [s["speaker"]["name"] for s in said] == ["Vladimir Putin"]
    assert client.get("/statements?speaker=putin").json()[0]["quote"] == "It takes one to know one"
    assert client.get("/statements?country=USA").json() == []
    assert client.get("/statements?since=2021-03-20").json() == []


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["schema_current"] is True
    assert body["counts"] == {"events": 3, "statements": 1, "articles": 1}


def test_page_lists_records_escaped(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = page.text
    assert "Latest events (3)" in text and "Latest statements (1)" in text
    assert "declined &lt;b&gt;the&lt;/b&gt; offer" in text and "<b>the</b>" not in text
    assert "It takes one to know one" in text and 'href="events"' in text


def test_unreachable_database_is_a_503(make_settings):
    settings = make_settings(db_url="postgresql://nobody@127.0.0.1:1/none")
    with TestClient(create_app(lambda: settings)) as test_client:
        answer = test_client.get("/health")
    assert answer.status_code == 503 and "database unavailable" in answer.json()["detail"]

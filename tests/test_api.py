"""The JSON API (pipeline/api.py) through FastAPI's TestClient, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from fastapi.testclient import TestClient

from pipeline.api import create_app
from pipeline.models import EVENT_TYPES
from pipeline.output import EVENT_FIELDS, STATEMENT_FIELDS
from tests.support.records import HOSTILE, seed_records


@pytest.fixture
def seeded(db_url, make_settings):
    records = seed_records(db_url)
    with TestClient(create_app(make_settings(db_url=db_url))) as client:
        yield client, records


def test_events_are_pages_with_the_total(seeded):
    client, records = seeded
    first = client.get("/events?limit=25").json()
    assert (first["total"], first["offset"], first["limit"]) == (records.events, 0, 25)
    assert len(first["items"]) == 25
    dates = [(e["event_date"], e["id"]) for e in first["items"]]
    assert dates == sorted(dates, reverse=True)
    second = client.get("/events?limit=25&offset=25").json()
    assert second["total"] == records.events and len(second["items"]) == 25
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert second["items"][0]["event_date"] <= first["items"][-1]["event_date"]
    last = client.get("/events?limit=25&offset=50").json()
    assert len(last["items"]) == records.events - 50 and last["total"] == records.events
    beyond = client.get("/events?offset=5000").json()
    assert beyond["items"] == [] and beyond["total"] == records.events


def test_event_filters(seeded):
    client, records = seeded

    def ids(query: str) -> list[dict]:
        answer = client.get(f"/events?limit=1000&{query}")
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["total"] == len(body["items"])
        return body["items"]

    assert {e["type"] for e in ids("type=accuse,reject")} == {"ACCUSE", "REJECT"}
    assert (
        len(ids("type=ACCUSE&type=REJECT")) == records.by_type["ACCUSE"] + records.by_type["REJECT"]
    )
    may = ids("since=2024-05-01&until=2024-05-31")
    assert may and all("2024-05-01" <= e["event_date"] <= "2024-05-31" for e in may)
    assert all(e["event_date"] <= "2024-03-31" for e in ids("until=2024-03-31"))
    assert all(
        "USA" in (e["source"]["country"], e["target"]["country"]) for e in ids("country=usa")
    )
    assert all(e["source"]["country"] == "RUS" for e in ids("source=RUS"))
    assert all(e["target"]["country"] == "RUS" for e in ids("target=RUS&source=USA"))
    assert all(e["mode"] == "exchange" for e in ids("mode=exchange"))
    assert all(e["confidence"] >= 0.9 for e in ids("min_confidence=0.9"))
    lavrov = ids("actor=lavrov")
    assert lavrov and all(
        "Sergei Lavrov" in (e["source"]["name"], e["target"]["name"]) for e in lavrov
    )
    assert [e["id"] for e in ids('q="prisoner swap" abu dhabi')] == [records.swap_id]
    assert [e["id"] for e in ids("q=busy&type=REJECT")] == [records.declined_id]
    assert ids("actor=100%25_") == []  # LIKE wildcards are taken literally


def test_unknown_values_are_refused_with_the_valid_ones(seeded):
    client, _ = seeded
    answer = client.get("/events?type=ACCUSE,FOO")
    assert answer.status_code == 422
    (problem,) = answer.json()["detail"]
    assert problem["loc"] == ["query", "type"] and "'FOO'" in problem["msg"]
    assert all(kind in problem["msg"] for kind in EVENT_TYPES)
    answer = client.get("/events?country=XYZ")
    assert answer.status_code == 422 and "RUS, USA" in answer.json()["detail"][0]["msg"]
    answer = client.get("/statements?country=XYZ")
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["query", "country"]
    answer = client.get("/events?mode=flying")
    assert answer.status_code == 422 and "exchange" in answer.json()["detail"][0]["msg"]
    assert client.get("/events?mode=EXCHANGE").status_code == 200
    answer = client.get("/events?since=last-tuesday")
    (problem,) = answer.json()["detail"]
    assert answer.status_code == 422 and problem["loc"] == ["query", "since"]
    assert "--" not in problem["msg"]  # API terms, not the CLI's flags
    assert client.get("/events?q=-oil").status_code == 422


NASTY = [
    "/events?since=9999999d",
    "/events?until=99999999999w",
    "/events?since=0001-01-01&until=9999-12-31",
    "/events?min_confidence=nan",
    "/events?min_confidence=inf",
    "/events?limit=0",
    "/events?offset=-1",
    "/events?offset=99999999999999999999",
    "/events/99999999999999999999",
    "/events/2147483648",
    "/events/-1",
    "/events/0",
    "/statements/9223372036854775808",
    "/articles/99999999999999999999999",
    "/events?q=%00",
    "/events?type=ACCUSE%00",
    "/events?actor=a%00b",
    "/statements?speaker=%00",
    "/stats?country=%00",
    "/events?%00=1",
    "/?q=%00",
    "/view/statements?speaker=%00",
    "/events?actor=%5C",
    "/events?q=%5C%27%22",
    "/events?q=" + "w%20" * 40,
]


def test_no_query_string_gives_a_server_error(seeded):
    client, _ = seeded
    for path in NASTY:
        answer = client.get(path)
        assert answer.status_code < 500, (path, answer.text)
        if "%00" in path:
            assert answer.status_code == 422, path


def test_one_event_lists_every_mention(seeded):
    client, records = seeded
    event = client.get(f"/events/{records.swap_id}").json()
    assert event["type"] == "COOPERATE" and event["mention_count"] == records.swap_mentions
    assert len(event["mentions"]) == records.swap_mentions == len(event["sources"])
    for mention in event["mentions"]:
        article = mention["article"]
        assert article["url"] in event["sources"] and article["title"]
        assert article["outlet"] and "www." not in article["outlet"]
        assert article["published_at"].startswith("2024-05-2") and article["feed"]
        assert mention["reported_by"]["name"] == "Russian Foreign Ministry"
        assert mention["sentence"].startswith("The United States and Russia completed")
    declined = client.get(f"/events/{records.declined_id}").json()
    assert declined["quote_speaker"]["name"] == "White House"
    assert declined["mentions"][0]["quote"] == "quite busy"
    missing = client.get("/events/999999")
    assert missing.status_code == 404 and "999999" in missing.json()["detail"]


def test_statements_one_statement_and_an_article(seeded):
    client, records = seeded
    said = client.get("/statements?limit=100").json()
    assert said["total"] == records.statements
    assert client.get("/statements?direct=false").json()["total"] == 2
    assert client.get("/statements?speaker=peskov").json()["items"][0]["direct"] is False
    assert client.get("/statements?q=opportunity").json()["items"][0]["speaker"]["name"] == (
        "Russian Foreign Ministry"
    )
    assert client.get("/statements?until=2024-05-14").json()["total"] == 1
    one = client.get(f"/statements/{records.hostile_id}").json()
    assert one["quote"] == HOSTILE and len(one["mentions"]) == one["mention_count"] == 2
    article_id = one["mentions"][0]["article"]["id"]
    article = client.get(f"/articles/{article_id}").json()
    assert article["statement_ids"] == [records.hostile_id] and article["event_ids"] == []
    assert article["text"] and "raw_html" not in article
    assert client.get("/statements/999999").status_code == 404
    assert client.get("/articles/999999").status_code == 404


def test_stats_count_by_type_direction_and_day(seeded):
    client, records = seeded
    stats = client.get("/stats").json()
    assert stats["total"] == records.events
    assert {t["type"]: t["count"] for t in stats["by_type"]} == records.by_type
    assert sum(d["count"] for d in stats["by_direction"]) == records.events
    assert stats["bucket"] == "day" and stats["first_date"] <= stats["last_date"]
    assert sum(d["count"] for d in stats["series"]) == records.events
    weekly = client.get("/stats?bucket=week").json()
    assert (
        weekly["bucket"] == "week" and sum(d["count"] for d in weekly["series"]) == records.events
    )
    mondays = {dt.date.fromisoformat(d["date"]).weekday() for d in weekly["series"]}
    assert mondays == {0} and len(weekly["series"]) < len(stats["series"])
    monthly = client.get("/stats?bucket=month").json()
    assert {d["date"][8:] for d in monthly["series"]} == {"01"}
    assert client.get("/stats?bucket=year").status_code == 422
    narrowed = client.get("/stats?type=COOPERATE&since=2024-05-20&until=2024-05-20").json()
    assert narrowed["total"] >= 1 and {d["date"] for d in narrowed["series"]} == {"2024-05-20"}


def test_feeds_runs_and_health(seeded):
    client, records = seeded
    feeds = client.get("/feeds").json()
    assert feeds[0]["name"] == "kremlin-en" and feeds[0]["failures"] == 3  # failing first
    assert sum(f["articles"] for f in feeds) > 0
    runs = client.get("/runs?limit=3").json()
    assert len(runs) == 3 and runs[0]["id"] > runs[1]["id"]
    health = client.get("/health").json()
    assert health["schema_current"] is True and health["counts"]["events"] == records.events


def test_csv_export_has_every_column(seeded):
    client, records = seeded
    answer = client.get("/events.csv?type=REJECT,COOPERATE")
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == EVENT_FIELDS
    assert len(rows) - 1 == int(answer.headers["x-total-count"])
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    declined = by_id[str(records.declined_id)]
    assert declined["quote_speaker_name"] == "White House" and declined["reported_by_name"] == ""
    swap = by_id[str(records.swap_id)]
    assert (
        swap["reported_by_name"] == "Russian Foreign Ministry" and swap["quote_speaker_name"] == ""
    )
    assert len(swap["sources"].split()) == records.swap_mentions
    said = list(csv.reader(io.StringIO(client.get("/statements.csv").text)))
    assert said[0] == STATEMENT_FIELDS and len(said) == records.statements + 1


def test_documentation_is_served_from_the_package(seeded):
    client, _ = seeded
    for page, asset in (
        ("/docs", "docs-assets/swagger-ui-bundle.js"),
        ("/redoc", "docs-assets/redoc.standalone.js"),
    ):
        html = client.get(page).text
        assert asset in html and "cdn" not in html.lower() and "https://" not in html
        assert client.get("/" + asset).status_code == 200
    spec = client.get("/openapi.json").json()
    assert {
        "/events",
        "/events/{event_id}",
        "/statements/{statement_id}",
        "/articles/{article_id}",
        "/stats",
    } <= set(spec["paths"])
    parameters = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"q", "since", "until", "type", "offset", "limit"} <= parameters
    assert "EventPage" in spec["components"]["schemas"]


def test_unreachable_database_is_a_503(make_settings):
    settings = make_settings(db_url="postgresql://nobody@127.0.0.1:1/none")
    with TestClient(create_app(lambda: settings)) as client:
        assert client.get("/health").status_code == 503
        answer = client.get("/events")
    assert answer.status_code == 503 and "database unavailable" in answer.json()["detail"]

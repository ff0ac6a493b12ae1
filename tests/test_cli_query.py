"""The CLI's query commands: `events`, `statements` and `feeds`, and `serve`'s refusal to listen
beyond this machine without a token (pipeline/cli.py, pipeline/output.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pipeline import db
from pipeline.cli import main
from pipeline.output import EVENT_FIELDS, STATEMENT_FIELDS
from pipeline.schema import Feed
from tests.support.records import seed_records


@pytest.fixture
def seeded(db_url, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for name in ("DIPLOWATCH_DB_URL", "DIPLOWATCH_CONFIG", "DIPLOWATCH_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return db_url, seed_records(db_url)


def test_csv_has_a_fixed_header_and_flattened_values(seeded, capsys):
    url, records = seeded
    # the first row has no reporter; the header still has the reporter's columns
    assert main(["events", "--db", url, "--format", "csv", "--type", "REJECT,COOPERATE"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and list(rows[0]) == EVENT_FIELDS
    by_id = {int(r["id"]): r for r in rows}
    assert by_id[records.declined_id]["reported_by_name"] == ""
    assert by_id[records.declined_id]["quote_speaker_name"] == "White House"
    assert by_id[records.swap_id]["reported_by_country"] == "RUS"
    assert len(by_id[records.swap_id]["sources"].split()) == records.swap_mentions
    assert main(["statements", "--db", url, "--format", "csv", "--indirect"]) == 0
    said = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(said[0]) == STATEMENT_FIELDS and {r["direct"] for r in said} == {"False"}
    assert main(["events", "--db", url, "--format", "csv", "--since", "2031-01-01"]) == 0
    assert capsys.readouterr().out.strip() == ",".join(EVENT_FIELDS)


def test_tables_say_how_many_of_how_many(seeded, capsys):
    url, records = seeded
    assert main(["events", "--db", url, "--limit", "10"]) == 0
    out = capsys.readouterr().out
    assert f"showing 10 of {records.events}" in out and "--offset" in out
    assert main(["statements", "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"showing {records.statements} of {records.statements}" in out
    # direct quotes are quoted; paraphrases are marked, not quoted
    assert "\u201cIt takes one to know one\u201d" in out and "(paraphrase) the offer" in out


def test_search_and_paging(seeded, capsys):
    url, records = seeded
    assert (
        main(["events", "--db", url, "--query", '"prisoner swap" dhabi', "--format", "json"]) == 0
    )
    assert [e["id"] for e in json.loads(capsys.readouterr().out)] == [records.swap_id]
    assert main(["statements", "--db", url, "-q", "opportunity", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["speaker"]["name"] == "Russian Foreign Ministry"
    main(["events", "--db", url, "--format", "json", "--limit", "5"])
    first = json.loads(capsys.readouterr().out)
    main(["events", "--db", url, "--format", "json", "--limit", "5", "--offset", "5"])
    second = json.loads(capsys.readouterr().out)
    assert len(first) == len(second) == 5 and not {e["id"] for e in first} & {
        e["id"] for e in second
    }
    main(["events", "--db", url, "--format", "json", "--actor", "peskov", "--until", "2024-04-30"])
    found = json.loads(capsys.readouterr().out)
    assert found and all(e["event_date"] <= "2024-04-30" for e in found)


@pytest.mark.parametrize(
    ("args", "named", "listed"),
    [
        (["events", "--type", "ACCUSE,BOGUS"], "--type", "AGREE, ASSAULT"),
        (["events", "--country", "XXX"], "--country", "RUS, USA"),
        (["events", "--mode", "flying"], "--mode", "exchange"),
        (["statements", "--country", "FRA"], "--country", "RUS, USA"),
        (["events", "--query=-oil"], "--query", "add at least one word"),
        (["events", "--min-confidence", "2"], "--min-confidence", "from 0 to 1"),
        (["events", "--since", "99999999d"], "--since", "shorter span"),
    ],
)
def test_unknown_values_are_refused_listing_the_valid_ones(seeded, capsys, args, named, listed):
    url, _ = seeded
    assert main([*args, "--db", url]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert named in captured.err and listed in captured.err


def _feeds_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n"
        "  - {name: wire-world, url: 'https://www.reuters.example/world/rss.xml'}\n"
        "  - {name: brand-new, url: 'https://new.example/rss.xml'}\n",
        encoding="utf-8",
    )
    return path


def test_feeds_is_read_only(seeded, capsys, tmp_path):
    url, _ = seeded
    with db.session_scope(url) as session:
        before = session.scalar(select(func.count()).select_from(Feed))
    assert (
        main(["feeds", "--db", url, "--feeds", str(_feeds_file(tmp_path)), "--format", "json"]) == 0
    )
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["wire-world"]["status"] == "ok" and rows["wire-world"]["articles"] == 0
    assert rows["brand-new"]["status"] == "never fetched"
    with db.session_scope(url) as session:
        assert session.scalar(select(func.count()).select_from(Feed)) == before
        assert session.scalar(select(Feed).where(Feed.name == "brand-new")) is None
    # the packaged feeds are listed, and nothing of them is written either
    assert main(["feeds", "--db", url, "--format", "csv"]) == 0
    assert "kremlin-en" in capsys.readouterr().out
    with db.session_scope(url) as session:
        assert session.scalar(select(func.count()).select_from(Feed)) == before


def test_feeds_creates_no_database(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "nowhere" / "new.db"
    assert (
        main(["feeds", "--db", f"sqlite:///{target}", "--feeds", str(_feeds_file(tmp_path))]) == 0
    )
    assert "never fetched" in capsys.readouterr().out
    assert not target.exists() and not target.parent.exists()


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.org"])
def test_serve_refuses_to_listen_beyond_loopback_without_a_token(
    host, capsys, monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOWATCH_API_TOKEN", raising=False)
    assert main(["serve", "--host", host, "--db", f"sqlite:///{tmp_path / 'x.db'}"]) == 2
    error = capsys.readouterr().err
    assert "DIPLOWATCH_API_TOKEN" in error and host in error


def test_serve_runs_the_app_behind_its_token(tmp_path):
    """`diplowatch serve` for real, in a child process: with a token set, it answers only
    requests bearing it."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    from tests.support.server import free_port

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env.update(
        DIPLOWATCH_API_TOKEN="a-long-enough-secret-token",
        DIPLOWATCH_DB_URL=f"sqlite:///{tmp_path / 'x.db'}",
    )
    command = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    child = subprocess.Popen(command, env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                refused = httpx.get(f"{base}/events", timeout=2)
                break
            except httpx.TransportError:
                assert child.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert refused.status_code == 401
        bearer = {"Authorization": "Bearer a-long-enough-secret-token"}
        answer = httpx.get(f"{base}/events", headers=bearer, timeout=10)
        assert answer.status_code == 200 and answer.json()["total"] == 0
    finally:
        child.terminate()
        child.wait(timeout=20)

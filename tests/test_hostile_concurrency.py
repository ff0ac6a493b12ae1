"""Two passes at once, a pass killed with SIGKILL, a connection lost mid-pass, two alert
senders at once: on SQLite and PostgreSQL, with real `diplowatch` processes, the local news
site and a real webhook receiver. Each test shows that nothing was lost and nothing stored
or delivered twice.

The pass lock (`pipeline.locks.pass_lock`) lets one pass at a time read the feeds of one
database; a second says so and exits 0. A `running` row left by a killed pass is closed by
the next one, which finishes the killed pass's work.
"""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from pipeline import db, runner
from pipeline.schema import Article, Event, Statement
from pipeline.settings import Settings
from tests.support.databases import postgres_database, sqlite_database
from tests.support.hostile import counts, deliveries, runs
from tests.support.site import LocalSite
from tests.test_alerts_support import Receiver, write_alerts

SECRET = "s3cret-for-concurrency"
FEEDS = ["world", "outlet"]


# --- helpers ------------------------------------------------------------------------------


def child_env(**extra: str) -> dict[str, str]:
    """A `diplowatch` child's environment: nothing from the developer's DIPLOWATCH_* but the
    shared data directory and the learned filter's switch (tests/conftest.py turns it off:
    a child must detect what the in-process reference passes detect); private hosts allowed
    (the site is on 127.0.0.1)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    for name in ("DIPLOWATCH_SHARED", "DIPLOWATCH_RESCORE"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    env.update(
        DIPLOWATCH_ALLOW_PRIVATE_HOSTS="1",
        DIPLOWATCH_HTTP_TIMEOUT="60",
        DIPLOWATCH_WORKERS="1",
        DIPLOWATCH_PROGRESS="0",
        HOOK_SECRET=SECRET,
    )
    env.update(extra)
    return env


def start(args: list[str], cwd: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", *args],
        cwd=cwd,
        env=child_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 600) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def wait_for(condition: Callable[[], Any], what: str, timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except sa.exc.SQLAlchemyError:  # the tables may not exist yet
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def scalar(url: str, sql: str) -> Any:
    with db.get_engine(url).connect() as conn:
        return conn.execute(sa.text(sql)).scalar()


def stored(url: str) -> dict[str, Any]:
    """What a database holds, independent of ids and of the order articles arrived in: each
    event and statement as the set of its mentions (article URL, mention key), and each
    article's state. (The first evidence sentence of a record depends on which article came
    first, and concurrent feed reading makes that order vary from pass to pass.)"""
    with db.session_scope(url) as session:
        events = sorted(
            sorted((m.article.url, m.key) for m in e.mentions)
            for e in session.scalars(sa.select(Event))
        )
        statements = sorted(
            sorted((m.article.url, m.key) for m in s.mentions)
            for s in session.scalars(sa.select(Statement))
        )
        states = sorted((a.url, a.state) for a in session.scalars(sa.select(Article)))
    return {"events": events, "statements": statements, "articles": states}


def alerts_file(directory: Path, receiver: Receiver) -> Path:
    return write_alerts(
        directory,
        f"channels:\n  - {{name: hook, type: webhook, url: '{receiver.url}', "
        "secret_env: HOOK_SECRET}\nrules:\n  - {name: everything, channels: [hook]}\n",
    )


def reference_keys(site: LocalSite, feeds: Path, directory: Path, postgres: bool) -> dict:
    """What an uninterrupted pass stores from the same site, in a database of its own."""
    make = postgres_database() if postgres else sqlite_database(directory)
    with make as url:
        runner.run_pass(site.settings(db_url=url, feeds_file=str(feeds), workers=1))
        return {"records": stored(url), "counts": counts(url)}


def slow_pages(site: LocalSite, delay: float) -> list[str]:
    """Make every article page of the test feeds answer after `delay` seconds."""
    paths = sorted({site.articles[k].path for k in ("seed", "reykjavik", "outlet")})
    for path in paths:
        site.fail(path, "slow", delay=delay)
    return paths


def heal(site: LocalSite, paths: list[str]) -> None:
    for path in paths:
        site.heal(path)


# --- 1. one pass at a time ------------------------------------------------------------------


def test_a_second_pass_says_one_is_running_names_the_database_and_exits_0(db_url, site, tmp_path):
    feeds = site.write_feeds_file(tmp_path, FEEDS)
    paths = slow_pages(site, 12)
    first = start(["run", "--db", db_url, "--feeds", str(feeds)], tmp_path)
    try:
        wait_for(lambda: scalar(db_url, "SELECT count(*) FROM articles"), "the first pass")
        began = time.monotonic()
        second = start(["run", "--db", db_url, "--feeds", str(feeds)], tmp_path)
        code, out, err = finish(second, timeout=120)
        waited = time.monotonic() - began
        assert first.poll() is None, "the first pass ended before the second was refused"
    finally:
        heal(site, paths)
    first_code, first_out, first_err = finish(first)
    assert first_code == 0, first_err[-3000:]
    assert code == 0, err[-3000:]
    said = out + err
    assert "a pass is already running" in said, said
    assert db.safe_url(db_url) in said
    assert "Traceback" not in said
    assert waited < 60  # it did not wait for the first pass
    # The second pass did nothing: one pass recorded, each feed read once, nothing twice.
    assert [r.status for r in runs(db_url)] == ["ok"]
    for name in FEEDS:
        assert len(site.requests_to(site.feed_url(name))) == 1
    assert len(site.requests_to(site.article_url("seed"))) == 1


# --- 2. kill -9, then the next pass ------------------------------------------------------------


def test_a_killed_pass_is_closed_and_the_rerun_stores_what_an_uninterrupted_run_does(
    db_url, site, tmp_path
):
    feeds = site.write_feeds_file(tmp_path, FEEDS)
    expected = reference_keys(site, feeds, tmp_path / "ref", db_url.startswith("postgresql"))
    paths = slow_pages(site, 30)
    doomed = start(["run", "--db", db_url, "--feeds", str(feeds)], tmp_path)
    try:
        # Killed while its pages are being fetched: feeds stored, articles leased to it.
        wait_for(
            lambda: scalar(db_url, "SELECT count(*) FROM articles WHERE lease_owner IS NOT NULL"),
            "the pass to claim its articles",
        )
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=30)
    finally:
        heal(site, paths)
    assert doomed.returncode == -signal.SIGKILL
    (stale,) = runs(db_url)
    assert stale.status == "running" and stale.finished_at is None

    code, out, err = finish(start(["run", "--db", db_url, "--feeds", str(feeds)], tmp_path))
    assert code == 0, err[-3000:]
    closed, rerun = runs(db_url)
    assert closed.id == stale.id and closed.status == "interrupted"
    assert closed.finished_at is not None
    assert any("interrupted" in e for e in closed.errors), closed.errors
    assert rerun.status == "ok"
    # Exactly what an uninterrupted pass stores: nothing lost, nothing twice.
    print(
        f"\nkill -9 ({db_url.split(':')[0]}): after the re-run {counts(db_url)}; "
        f"uninterrupted {expected['counts']}"
    )
    assert stored(db_url) == expected["records"]
    assert counts(db_url) == expected["counts"]
    assert scalar(db_url, "SELECT count(*) FROM articles WHERE lease_owner IS NOT NULL") == 0


# --- 3. two passes started together on a new database -------------------------------------


def test_two_passes_started_together_on_a_new_database_alert_each_record_once(
    db_url, site, tmp_path
):
    feeds = site.write_feeds_file(tmp_path, FEEDS)
    with Receiver() as receiver:
        alerts = alerts_file(tmp_path, receiver)
        args = ["run", "--db", db_url, "--feeds", str(feeds), "--alerts", str(alerts)]
        passes = [start(args, tmp_path), start(args, tmp_path)]
        results = [finish(p) for p in passes]
        received = [r.json() for r in receiver.received]
    for code, _out, err in results:
        assert code == 0, err[-3000:]
        assert "Traceback" not in err and "already exists" not in err, err[-3000:]
    refused = [out + err for _code, out, err in results if "a pass is already running" in out + err]
    # Started together, they overlap: one of them reads the feeds, the other says so.
    assert len(refused) == 1, [out + err for _code, out, err in results]

    with db.session_scope(db_url) as session:
        events = set(session.scalars(sa.select(Event.id)))
        statements = set(session.scalars(sa.select(Statement.id)))
    assert events and statements
    by_record = collections.Counter((a["kind"], a["record_id"]) for a in received)
    by_id = collections.Counter(r.headers["x-diplowatch-delivery"] for r in receiver.received)
    print(
        f"\ntwo passes ({db_url.split(':')[0]}): {len(events)} events, {len(statements)} "
        f"statements, {len(received)} webhooks, {len(by_id)} delivery ids, "
        f"{len(refused)} pass refused"
    )
    assert set(by_record.values()) == {1}, by_record  # no record alerted twice
    assert set(by_id.values()) == {1}, by_id  # no delivery sent twice
    assert set(by_record) == {("event", i) for i in events} | {("statement", i) for i in statements}
    assert {d.status for d in deliveries(db_url)} == {"sent"}
    # The summaries add up to what is stored: nothing counted twice.
    done = runs(db_url)
    assert {r.status for r in done} == {"ok"}
    assert sum(r.events_new for r in done) == len(events)
    assert sum(r.statements_new for r in done) == len(statements)
    assert sum(r.deliveries_sent for r in done) == len(received)


# --- 4. two senders, one outbox -----------------------------------------------------------------


class SlowReceiver(Receiver):
    """A receiver that takes a little while to answer, so two senders overlap."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        handler = self._server.RequestHandlerClass
        original = handler.do_POST  # type: ignore[attr-defined]

        def slow_post(request: Any) -> None:
            time.sleep(delay)
            original(request)

        self._server.RequestHandlerClass = type("Slow", (handler,), {"do_POST": slow_post})


def test_two_senders_never_deliver_one_row_twice(db_url, tmp_path, monkeypatch):
    from pipeline.alerts import enqueue_hook, load_alerts
    from tests.support.records import seed_records

    monkeypatch.setenv("HOOK_SECRET", SECRET)
    seed_records(db_url, events=80)
    with SlowReceiver(0.01) as receiver:
        path = alerts_file(tmp_path, receiver)
        hook = enqueue_hook(load_alerts(path))
        with db.session_scope(db_url) as session:
            for event in session.scalars(sa.select(Event)):
                hook(session, "event", event)
            for statement in session.scalars(sa.select(Statement)):
                hook(session, "statement", statement)
        queued = {d.id for d in deliveries(db_url)}
        assert len(queued) > 80
        args = ["alerts", "send", "--db", db_url, "--alerts", str(path), "--json"]
        senders = [start(args, tmp_path) for _ in range(3)]
        results = [finish(p) for p in senders]
        ids = receiver.ids()
    for code, _out, err in results:
        assert code == 0, err[-3000:]
    print(f"\nthree senders ({db_url.split(':')[0]}): {len(queued)} queued, {len(ids)} sent")
    repeated = {i: n for i, n in collections.Counter(ids).items() if n > 1}
    assert not repeated, f"{len(repeated)} deliveries sent more than once"
    assert set(ids) == queued
    assert {d.status for d in deliveries(db_url)} == {"sent"}


def test_two_send_due_calls_in_threads_never_deliver_one_row_twice(db_url, tmp_path, monkeypatch):
    from pipeline.alerts import enqueue_hook, load_alerts, send_due
    from tests.support.records import seed_records

    monkeypatch.setenv("HOOK_SECRET", SECRET)
    seed_records(db_url, events=40)
    with SlowReceiver(0.005) as receiver:
        path = alerts_file(tmp_path, receiver)
        config = load_alerts(path)
        hook = enqueue_hook(config)
        with db.session_scope(db_url) as session:
            for event in session.scalars(sa.select(Event)):
                hook(session, "event", event)
        queued = {d.id for d in deliveries(db_url)}
        settings = Settings(db_url=db_url, alerts_file=str(path), allow_private_hosts=True)
        barrier = threading.Barrier(4)
        sent: list[int] = []

        def sender() -> None:
            barrier.wait()
            sent.append(send_due(settings, config=config).sent)

        threads = [threading.Thread(target=sender) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        ids = receiver.ids()
    assert len(ids) == len(set(ids)) == len(queued) == sum(sent)
    assert set(ids) == queued


# --- 5. the connection lost inside a transaction ------------------------------------------------


def test_a_connection_lost_mid_pass_ends_it_cleanly_and_the_rerun_completes(pg_url, site, tmp_path):
    feeds = site.write_feeds_file(tmp_path, FEEDS)
    expected = reference_keys(site, feeds, tmp_path / "ref", postgres=True)
    db.ensure_schema(pg_url)
    blocker = db.get_engine(pg_url).connect()
    # Hold a lock that the pass's first write of detections waits for, inside its
    # transaction; then terminate the backend that waits.
    transaction = blocker.begin()
    blocker.execute(sa.text("LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE"))
    try:
        doomed = start(["run", "--db", pg_url, "--feeds", str(feeds)], tmp_path)
        # (read outside the blocker's transaction, which sees one snapshot of the view)
        victim = wait_for(
            lambda: scalar(
                pg_url,
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'",
            ),
            "the pass to wait inside its transaction",
            timeout=300,
        )
        committed = counts(pg_url)
        assert committed["articles"] > 0
        blocker.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": victim})
    finally:
        transaction.rollback()
        blocker.close()
    code, out, err = finish(doomed)
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err[-4000:]
    assert len(lines) == 1, err[-4000:]
    (message,) = lines
    print(f"\nconnection lost: exit {code}: {message}")
    assert db.safe_url(pg_url) in message and "connection" in message
    assert "next pass" in message or "re-run" in message
    assert "INSERT" not in message and "LINE 1" not in message  # no SQL in an operator's error
    after = counts(pg_url)
    for table, rows in committed.items():
        assert after[table] >= rows, table  # nothing committed was lost
    failed = runs(pg_url)[-1]
    assert failed.status == "failed" and any("connection" in e for e in failed.errors)

    code, out, err = finish(start(["run", "--db", pg_url, "--feeds", str(feeds)], tmp_path))
    assert code == 0, err[-3000:]
    print(f"connection lost: committed before {committed}; after the re-run {counts(pg_url)}")
    assert stored(pg_url) == expected["records"]
    assert counts(pg_url) == expected["counts"]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_schema_creation_is_safe_when_processes_start_together(backend, tmp_path):
    make = postgres_database() if backend == "postgres" else sqlite_database(tmp_path)
    with make as url:
        upgrades = [start(["db", "--db", url, "upgrade"], tmp_path) for _ in range(4)]
        results = [finish(p, timeout=300) for p in upgrades]
        for code, out, err in results:
            assert code == 0, err[-3000:]
            assert "database at revision" in out
        assert db.current_revision(url) == db.head_revision()

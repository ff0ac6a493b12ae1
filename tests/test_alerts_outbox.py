"""The outbox end to end against real receivers, on SQLite and Postgres: one alert per merged
record, retries with stable ids, crash recovery, isolation of broken channels, giving up."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from pipeline import db
from pipeline.alerts import enqueue_hook, load_alerts, outbox, send_due
from pipeline.alerts.channels import verify_signature
from pipeline.schema import Delivery, Event, Statement
from tests.test_alerts_support import (
    OUTLET_URL,
    SEED_URL,
    Receiver,
    closed_port_url,
    store_story,
    write_alerts,
)

SECRET = "s3cret-for-tests"


def hook_config(tmp_path, url: str, *, extra: str = ""):
    return load_alerts(
        write_alerts(
            tmp_path,
            f"channels:\n  - {{name: hook, type: webhook, url: '{url}', secret_env: HOOK_SECRET}}\n"
            f"{extra}"
            "rules:\n  - {name: everything, channels: [hook]}\n",
        )
    )


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture(autouse=True)
def _secret(monkeypatch):
    monkeypatch.setenv("HOOK_SECRET", SECRET)


def _rows(db_url: str) -> list[Delivery]:
    with db.session_scope(db_url) as session:
        return list(session.scalars(select(Delivery).order_by(Delivery.id)))


def _count(db_url: str, model) -> int:
    with db.session_scope(db_url) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_two_outlets_make_one_alert_per_record(db_url, tmp_path, make_settings, receiver):
    config = hook_config(tmp_path, receiver.url)
    settings = make_settings(db_url=db_url)
    counts = store_story(db_url, enqueue_hook(config))

    # The second outlet adds mentions only: no new record, so no new alert.
    assert (counts[1].events_new, counts[1].statements_new) == (0, 0)
    assert (counts[1].event_mentions, counts[1].statement_mentions) == (5, 4)
    events, statements = _count(db_url, Event), _count(db_url, Statement)
    assert (events, statements) == (5, 6)
    assert len(_rows(db_url)) == events + statements

    summary = send_due(settings, config=config)
    assert (summary.sent, summary.failed) == (11, 0)
    assert len(receiver.received) == 11
    assert len(set(receiver.ids())) == 11
    bodies = [r.json() for r in receiver.received]
    assert {b["kind"] for b in bodies} == {"event", "statement"}
    reject = next(b for b in bodies if b.get("type") == "REJECT")
    # Sent after both outlets were stored: the alert lists every source article.
    assert sorted(reject["sources"]) == sorted([SEED_URL, OUTLET_URL])
    assert reject["source"]["country"] == "USA" and reject["target"]["name"] == "Vladimir Putin"
    assert (
        reject["delivery_id"]
        == receiver.received[bodies.index(reject)].headers["x-diplowatch-delivery"]
    )
    assert all(r.status == "sent" and r.attempts == 1 for r in _rows(db_url))

    # A rerun sends nothing.
    again = send_due(settings, config=config, ignore_backoff=True)
    assert (again.sent, again.failed) == (0, 0)
    assert len(receiver.received) == 11


def test_signature_verifies_and_a_changed_byte_does_not(db_url, tmp_path, make_settings, receiver):
    config = hook_config(tmp_path, receiver.url)
    store_story(db_url, enqueue_hook(config), outlets=1)
    send_due(make_settings(db_url=db_url), config=config)
    request = receiver.received[0]
    signature = request.headers["x-diplowatch-signature"]
    assert signature.startswith("sha256=")
    assert verify_signature(request.body, signature, SECRET)
    tampered = bytearray(request.body)
    tampered[10] ^= 0x01
    assert not verify_signature(bytes(tampered), signature, SECRET)
    assert not verify_signature(request.body, signature, "another secret")


def test_failing_receiver_gets_everything_once_it_recovers(db_url, tmp_path, make_settings):
    with Receiver(fail_first=4) as rx:
        config = hook_config(tmp_path, rx.url)
        settings = make_settings(db_url=db_url, delivery_backoff_seconds=60)
        store_story(db_url, enqueue_hook(config), outlets=1)
        ids = {r.id for r in _rows(db_url)}
        now = dt.datetime.now(dt.UTC)
        first = send_due(settings, config=config, now=now)
        # Three failures in a row defer the rest of the channel instead of timing out on each.
        assert (first.sent, first.failed, first.deferred) == (0, 3, len(ids) - 3)
        failed = [r for r in _rows(db_url) if r.attempts == 1]
        assert all(r.next_attempt_at > now and "HTTP 503" in r.last_error for r in failed)
        # Nothing is due during the backoff...
        assert send_due(settings, config=config, now=now + dt.timedelta(seconds=30)).sent == 0
        # ...and later every alert arrives, each with the id it had from the start.
        later = now + dt.timedelta(minutes=5)
        total = 0
        for step in range(5):
            total += send_due(settings, config=config, now=later + dt.timedelta(hours=step)).sent
        assert total == len(ids)
        assert sorted(rx.ids()) == sorted(ids)
        assert all(r.status == "sent" for r in _rows(db_url))


def test_crash_between_send_and_mark_resends_with_same_id(
    db_url, tmp_path, make_settings, receiver, monkeypatch
):
    config = hook_config(tmp_path, receiver.url)
    settings = make_settings(db_url=db_url)
    store_story(db_url, enqueue_hook(config), outlets=1)
    now = dt.datetime.now(dt.UTC)

    def crash(*args, **kwargs):
        raise SystemExit("killed before the marking transaction committed")

    monkeypatch.setattr(outbox, "mark_sent", crash)
    with pytest.raises(SystemExit):
        send_due(settings, config=config, now=now)
    monkeypatch.undo()
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    first_id = receiver.ids()[0]
    assert all(r.status == "pending" for r in _rows(db_url))
    # Another sender leaves the rows the dead sender claimed alone while its lease runs...
    during = send_due(settings, config=config, now=now + dt.timedelta(minutes=1))
    assert during.sent == 0 and receiver.ids() == [first_id]
    # ...then sends them all, the one already received again with the same id.
    after = send_due(settings, config=config, now=now + outbox.LEASE + dt.timedelta(seconds=1))
    assert after.sent == 11
    assert receiver.ids().count(first_id) == 2
    assert len(receiver.ids()) == 12 and len(set(receiver.ids())) == 11
    assert all(r.status == "sent" for r in _rows(db_url))


def test_broken_channel_never_blocks_the_others(
    db_url, tmp_path, make_settings, receiver, monkeypatch
):
    monkeypatch.setenv("NOPE_ENV", "set when loaded")  # unset at load is refused (config)
    config = load_alerts(
        write_alerts(
            tmp_path,
            "channels:\n"
            f"  - {{name: dead, type: webhook, url: '{closed_port_url()}'}}\n"
            f"  - {{name: nosecret, type: webhook, url: '{receiver.url}', secret_env: NOPE_ENV}}\n"
            f"  - {{name: hook, type: webhook, url: '{receiver.url}', secret_env: HOOK_SECRET}}\n"
            "rules:\n  - {name: all, channels: [dead, nosecret, hook]}\n",
        )
    )
    settings = make_settings(db_url=db_url)
    store_story(db_url, enqueue_hook(config), outlets=1)
    monkeypatch.delenv("NOPE_ENV")  # ...but a sender without it fails that channel only
    summary = send_due(settings, config=config)
    by_channel = {}
    for row in _rows(db_url):
        by_channel.setdefault(row.channel, []).append(row)
    assert all(r.status == "sent" for r in by_channel["hook"])
    assert summary.sent == len(by_channel["hook"]) == 11
    assert all(r.status == "pending" for r in by_channel["dead"] + by_channel["nosecret"])
    reasons = {r.last_error for r in by_channel["nosecret"] if r.last_error}
    assert reasons == {
        "channel 'nosecret': the environment variable NOPE_ENV (the secret) is not set; "
        "set it where diplowatch sends alerts"
    }
    assert any("ConnectError" in (r.last_error or "") for r in by_channel["dead"])


def test_failed_after_max_attempts_with_reason(db_url, tmp_path, make_settings, capsys):
    with Receiver() as rx:
        rx.always_fail = True
        config = hook_config(tmp_path, rx.url)
        settings = make_settings(db_url=db_url, delivery_max_attempts=2)
        store_story(db_url, enqueue_hook(config), outlets=1)
        now = dt.datetime.now(dt.UTC)
        # Three failures in a row on a channel defer its other rows to the next call.
        for step in range(12):
            send_due(settings, config=config, now=now + dt.timedelta(hours=step))
    rows = _rows(db_url)
    assert all(r.status == "failed" and r.attempts == 2 for r in rows)
    assert all("HTTP 503 Service Unavailable: receiver down" in r.last_error for r in rows)
    assert send_due(settings, config=config, ignore_backoff=True).sent == 0

    from pipeline.cli import main

    code = main(["alerts", "list", "--db", db_url, "--status", "failed", "--format", "json"])
    listed = json.loads(capsys.readouterr().out)
    assert code == 0 and len(listed) == len(rows)
    assert {item["status"] for item in listed} == {"failed"}


def test_later_mentions_never_re_alert(db_url, tmp_path, make_settings, receiver):
    config = hook_config(tmp_path, receiver.url)
    settings = make_settings(db_url=db_url)
    store_story(db_url, enqueue_hook(config), outlets=1)
    assert send_due(settings, config=config).sent == 11
    from pipeline import store
    from pipeline.schema import Article
    from tests.test_alerts_support import add_article, outlet_detection, seed_detection

    with db.session_scope(db_url) as session:
        counts = store.store_detection(
            session,
            add_article(session, OUTLET_URL),
            outlet_detection(),
            on_new=enqueue_hook(config),
        )
    assert counts.events_new == counts.statements_new == 0
    # Re-detecting the first article (a new detector version) does not re-alert either.
    with db.session_scope(db_url) as session:
        article = session.scalars(select(Article).where(Article.url == SEED_URL)).one()
        again = store.store_detection(
            session, article, seed_detection(), on_new=enqueue_hook(config)
        )
    assert again.events_new == again.statements_new == 0
    assert send_due(settings, config=config, ignore_backoff=True).sent == 0
    assert len(_rows(db_url)) == 11

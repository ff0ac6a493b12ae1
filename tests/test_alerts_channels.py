"""Each channel against a real server on loopback: email (aiosmtpd), Slack and webhook
(an HTTP receiver); digests; rule routing; the `diplowatch alerts` commands."""

from __future__ import annotations

import datetime as dt

import pytest
from aiosmtpd.smtp import AuthResult
from sqlalchemy import select

from pipeline import db, store
from pipeline.alerts import enqueue_hook, load_alerts, send_due, send_test
from pipeline.cli import main
from pipeline.errors import DeliveryError
from pipeline.models import ActorRef, DetectedEvent, DetectedStatement, Detection
from pipeline.schema import Delivery
from tests.test_alerts_support import (
    Receiver,
    SmtpSink,
    add_article,
    store_story,
    write_alerts,
)

HOSTILE = """
channels:
  - {name: desk, type: email, to: [desk@example.org]}
  - {name: chat, type: slack, webhook_url_env: SLACK_URL}
rules:
  - {name: hostile, kinds: [event], types: [THREATEN, SANCTION, ACCUSE], min_confidence: 0.6, channels: [desk, chat]}
  - {name: kremlin-voice, kinds: [statement], speakers: [Peskov, Zakharova], channels: [chat]}
"""


@pytest.fixture
def smtp_env(monkeypatch):
    with SmtpSink() as sink:
        monkeypatch.setenv("DIPLOWATCH_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("DIPLOWATCH_SMTP_PORT", str(sink.port))
        monkeypatch.setenv("DIPLOWATCH_SMTP_FROM", "diplowatch@example.org")
        yield sink


def _routes(db_url: str) -> set[tuple[str, str, str]]:
    with db.session_scope(db_url) as session:
        return {(d.channel, d.rule, d.kind) for d in session.scalars(select(Delivery))}


def test_rules_route_hostile_events_and_kremlin_voices(
    db_url, tmp_path, make_settings, smtp_env, monkeypatch
):
    with Receiver() as slack:
        monkeypatch.setenv("SLACK_URL", slack.url)
        config = load_alerts(write_alerts(tmp_path, HOSTILE))
        store_story(db_url, enqueue_hook(config))
        with db.session_scope(db_url) as session:
            rows = list(session.scalars(select(Delivery)))
        # Two ACCUSE and one THREATEN events (all >= 0.6) to desk and chat; Peskov to chat.
        assert sorted((r.channel, r.kind) for r in rows) == sorted(
            [("desk", "event")] * 3 + [("chat", "event")] * 3 + [("chat", "statement")]
        )
        summary = send_due(make_settings(db_url=db_url), config=config)
    assert summary.sent == 7
    assert len(smtp_env.messages) == 3
    subjects = sorted(m["Subject"] for m in smtp_env.messages)
    assert subjects[0].startswith("[diplowatch] ACCUSE (blame): Russian Foreign Ministry (RUS)")
    peskov = [r.json() for r in slack.received if "Peskov" in r.body.decode()]
    assert len(peskov) == 1
    blocks = peskov[0]["blocks"]
    assert blocks[0]["type"] == "header" and "Dmitry Peskov (RUS) said" in blocks[0]["text"]["text"]
    assert "irreparable damage" in blocks[1]["text"]["text"]
    assert peskov[0]["text"]


def test_email_has_text_and_escaped_html(db_url, tmp_path, make_settings, smtp_env):
    config = load_alerts(
        write_alerts(
            tmp_path,
            "channels:\n  - {name: desk, type: email, to: [desk@example.org, b@example.org]}\n"
            "rules:\n  - {name: all, channels: [desk]}\n",
        )
    )
    db.ensure_schema(db_url)
    hostile = '<script>alert("x")</script> & more'
    detection = Detection(
        True,
        [],
        [
            DetectedStatement(
                ActorRef("Maria Zakharova", "RUS", "SPOKESPERSON"), hostile, "s", ["USA"]
            )
        ],
        detector_version="test",
    )
    with db.session_scope(db_url) as session:
        article = add_article(session, "https://example.org/a?b=1&c=<2>")
        store.store_detection(session, article, detection, on_new=enqueue_hook(config))
        delivery = session.scalars(select(Delivery)).one().id
    assert send_due(make_settings(db_url=db_url), config=config).sent == 1
    mail = smtp_env.messages[0]
    assert mail["X-Diplowatch-Delivery"] == delivery
    assert mail["Message-ID"] == f"<{delivery}@example.org>"
    assert mail["To"] == "desk@example.org, b@example.org"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert hostile in text and "Maria Zakharova (RUS)" in text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    assert 'href="https://example.org/a?b=1&amp;c=&lt;2&gt;"' in html


def test_email_login_from_the_environment(tmp_path, make_settings, monkeypatch):
    logins = []

    def authenticate(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"pw")

    with SmtpSink(authenticator=authenticate, auth_require_tls=False) as sink:
        for key, value in {
            "HOST": "127.0.0.1", "PORT": str(sink.port), "FROM": "dw@example.org",
            "USER": "dw", "PASSWORD": "pw", "STARTTLS": "auto",
        }.items():  # fmt: skip
            monkeypatch.setenv(f"DIPLOWATCH_SMTP_{key}", value)
        path = write_alerts(
            tmp_path,
            "channels:\n  - {name: desk, type: email, to: [d@example.org]}\n"
            "rules:\n  - {name: all, channels: [desk]}\n",
        )
        settings = make_settings(alerts_file=str(path))
        send_test(settings, "desk")
        monkeypatch.setenv("DIPLOWATCH_SMTP_STARTTLS", "true")  # required, and not offered
        with pytest.raises(DeliveryError, match="does not offer STARTTLS"):
            send_test(settings, "desk")
    assert logins == [(b"dw", b"pw")]
    assert sink.messages[0]["Subject"] == "[diplowatch] test message"


def test_hourly_digest_sends_one_summary_when_due(db_url, tmp_path, make_settings, monkeypatch):
    monkeypatch.setenv("HOOK_SECRET", "k")
    with Receiver() as rx:
        config = load_alerts(
            write_alerts(
                tmp_path,
                f"channels:\n  - {{name: hook, type: webhook, url: '{rx.url}', "
                "secret_env: HOOK_SECRET, digest: hourly}\n"
                "rules:\n  - {name: all, kinds: [event], channels: [hook]}\n",
            )
        )
        settings = make_settings(db_url=db_url)
        store_story(db_url, enqueue_hook(config))
        assert send_due(settings, config=config).sent == 0  # the hour is not over
        later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1, minutes=1)
        assert send_due(settings, config=config, now=later).sent == 5
        assert send_due(settings, config=config, now=later).sent == 0
    assert len(rx.received) == 1
    body = rx.received[0].json()
    assert body["kind"] == "digest" and body["period"] == "hourly" and body["count"] == 5
    assert rx.received[0].headers["x-diplowatch-delivery"] == body["delivery_id"]
    assert len({a["delivery_id"] for a in body["alerts"]}) == 5


def test_alerts_commands(db_url, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOOK_SECRET", "k")
    with Receiver() as rx:
        path = write_alerts(
            tmp_path,
            f"channels:\n  - {{name: hook, type: webhook, url: '{rx.url}', secret_env: HOOK_SECRET}}\n"
            "rules:\n  - {name: all, channels: [hook]}\n",
        )
        store_story(db_url, enqueue_hook(load_alerts(path)), outlets=1)
        common = ["--db", db_url, "--alerts", str(path)]
        assert main(["alerts", "list", "--status", "pending", "--format", "csv", *common]) == 0
        assert capsys.readouterr().out.count("pending") == 11
        assert main(["alerts", "send", *common]) == 0
        assert "11 sent, 0 failed" in capsys.readouterr().out
        assert main(["alerts", "retry", *common]) == 0
        assert "0 sent" in capsys.readouterr().out
        assert main(["alerts", "test", "hook", *common]) == 0
        assert rx.received[-1].json()["kind"] == "test"
        assert main(["alerts", "test", "nosuch", *common]) == 2
        assert "no channel named 'nosuch'; the channels are: hook" in capsys.readouterr().err
    assert len(rx.received) == 12


def test_events_listing_shows_merged_records(db_url, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    store_story(db_url)
    assert main(["events", "--db", db_url, "--format", "json"]) == 0
    import json

    events = json.loads(capsys.readouterr().out)
    assert len(events) == 5
    assert all(e["mention_count"] == 2 and len(e["sources"]) == 2 for e in events)
    assert main(["statements", "--db", db_url, "--format", "json"]) == 0
    statements = json.loads(capsys.readouterr().out)
    assert sorted(s["mention_count"] for s in statements) == [1, 1, 2, 2, 2, 2]


def test_event_confidence_filter_and_side_filters(db_url, tmp_path):
    config = load_alerts(
        write_alerts(
            tmp_path,
            "channels:\n  - {name: desk, type: email, to: [d@example.org]}\n"
            "rules:\n"
            "  - {name: sure, min_confidence: 0.9, kinds: [event], channels: [desk]}\n"
            "  - {name: from-moscow, source: RUS, kinds: [statement], channels: [desk]}\n",
        )
    )
    db.ensure_schema(db_url)
    weak = DetectedEvent("SANCTION", "economic", ActorRef("United States", "USA", "COUNTRY"),
                         ActorRef("Russia", "RUS", "COUNTRY"), "s", dt.date(2021, 4, 15), 0.5)  # fmt: skip
    strong = DetectedEvent("SANCTION", "diplomatic", ActorRef("United States", "USA", "COUNTRY"),
                           ActorRef("Russia", "RUS", "COUNTRY"), "t", dt.date(2021, 4, 15), 0.95)  # fmt: skip
    said = [
        DetectedStatement(ActorRef("Sergei Lavrov", "RUS", "FOREIGN_MINISTRY"), "words", "s", ["USA"]),
        DetectedStatement(ActorRef("Antony Blinken", "USA", "FOREIGN_MINISTRY"), "other", "s", ["RUS"]),
    ]  # fmt: skip
    with db.session_scope(db_url) as session:
        article = add_article(session, "https://example.org/sanctions")
        store.store_detection(
            session, article, Detection(True, [weak, strong], said), on_new=enqueue_hook(config)
        )
    assert _routes(db_url) == {("desk", "sure", "event"), ("desk", "from-moscow", "statement")}

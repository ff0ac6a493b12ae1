"""Real receivers for the alert tests, the seed story as two outlets' detections, and a few
tests of the receivers themselves (so a broken receiver cannot make the other tests lie).

- `Receiver`: a ThreadingHTTPServer on 127.0.0.1 that records every POST and can fail its
  first N calls (webhook and Slack tests).
- `SmtpSink`: an aiosmtpd Controller on 127.0.0.1 that keeps every message it accepts.
- `seed_detections()`: the seed article's events and statements as two outlets word them.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller

from pipeline import db, store
from pipeline.models import ActorRef, DetectedEvent, DetectedStatement, Detection
from pipeline.schema import Article

UTC = dt.UTC
PUBLISHED = dt.datetime(2021, 3, 22, 15, 40, tzinfo=UTC)
SEED_URL = "https://www.washingtonexaminer.example/news/2021/03/22/russia-says-us-rejected-call"
OUTLET_URL = "https://globalwire.example/2021/03/22/moscow-says-washington-declined-call"


# --- receivers --------------------------------------------------------------------------


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        receiver = self.server.receiver
        with receiver.lock:
            receiver.calls += 1
            failing = receiver.calls <= receiver.fail_first or receiver.always_fail
            if not failing:
                headers = {k.lower(): v for k, v in self.headers.items()}
                receiver.received.append(Received(self.path, headers, body))
        status = receiver.fail_status if failing else 200
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"receiver down" if failing else b"ok")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    receiver: Receiver


class Receiver:
    """An HTTP receiver on loopback: records accepted POSTs; fails its first `fail_first`."""

    def __init__(self, fail_first: int = 0, fail_status: int = 503, port: int = 0) -> None:
        self.lock = threading.Lock()
        self.calls = 0
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.always_fail = False
        self.received: list[Received] = []
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.receiver = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hook"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def ids(self) -> list[str]:
        return [r.headers["x-diplowatch-delivery"] for r in self.received]


class _Sink:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.envelopes.append(envelope)
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(parsed)  # type: ignore[arg-type]
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SmtpSink:
    """A real SMTP server on loopback (aiosmtpd), keeping what it accepts."""

    def __init__(self, **controller_options: Any) -> None:
        self.handler = _Sink()
        self.port = free_port()
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, **controller_options
        )

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    with SmtpSink() as running:
        yield running


def closed_port_url() -> str:
    """A URL nobody listens on: connections are refused at once."""
    return f"http://127.0.0.1:{free_port()}/nobody-home"


# --- the seed story from two outlets ----------------------------------------------------

PUTIN = ActorRef("Vladimir Putin", "RUS", "HEAD_OF_STATE")
BIDEN = ActorRef("Joe Biden", "USA", "HEAD_OF_STATE")


def _event(type_: str, mode: str, source: ActorRef, target: ActorRef, day: int, sentence: str,
           index: int, confidence: float = 0.8, quote: str | None = None,
           speaker: ActorRef | None = None) -> DetectedEvent:  # fmt: skip
    return DetectedEvent(
        type=type_,
        mode=mode,
        source=source,
        target=target,
        sentence=sentence,
        event_date=dt.date(2021, 3, day),
        confidence=confidence,
        quote=quote,
        quote_speaker=speaker,
        sentence_index=index,
    )


def seed_detection() -> Detection:
    """The seed article as the Washington Examiner ran it (EVENTS.md labels)."""
    ministry = ActorRef("Russian Foreign Ministry", "RUS", "FOREIGN_MINISTRY")
    us = ActorRef("United States", "USA", "COUNTRY")
    events = [
        _event(
            "REJECT",
            "offer",
            us,
            PUTIN,
            22,
            "The Russian Foreign Ministry said on Monday "
            "that the United States rejected Russian President Vladimir Putin's offer to "
            "conduct a brief call with President Biden.",
            0,
        ),  # fmt: skip
        _event(
            "AGREE",
            "offer",
            PUTIN,
            BIDEN,
            19,
            "Furious over the president's remark, the "
            "Kremlin offered Biden a chance to speak with Putin on a phone call open to the "
            "public.",
            4,
        ),  # fmt: skip
        _event(
            "ACCUSE",
            "criticize",
            BIDEN,
            PUTIN,
            17,
            "When asked last Wednesday whether "
            "Biden thought Putin was a killer, the president replied, \u201cI do.\u201d",
            2,
            quote="I do",
            speaker=BIDEN,
        ),  # fmt: skip
        _event(
            "ACCUSE",
            "blame",
            ministry,
            us,
            22,
            "\u201cOne more opportunity has been missed,\u201d the ministry said.",
            1,
            confidence=0.9,
        ),  # fmt: skip
        _event(
            "THREATEN",
            "sanctions",
            ActorRef("Biden administration", "USA", "GOVERNMENT"),
            ActorRef("Russia", "RUS", "COUNTRY"),
            22,
            "The Biden administration also warned this month that Russia would face sanctions.",
            11,
            confidence=0.85,
        ),  # fmt: skip
    ]
    statements = [
        DetectedStatement(
            ministry,
            "One more opportunity has been missed to find a way out of "
            "the deadlock in Russian-U.S. relations created through the fault of "
            "Washington",
            "\u201cOne more opportunity...\u201d the ministry said.",
            ["USA"],
            sentence_index=1,
        ),  # fmt: skip
        DetectedStatement(
            BIDEN,
            "I do",
            "the president replied, \u201cI do.\u201d",
            ["RUS"],
            statement_date=dt.date(2021, 3, 17),
            sentence_index=2,
        ),  # fmt: skip
        DetectedStatement(
            BIDEN,
            "I'm sure we'll talk at some point",
            "Biden said, \u201cI'm sure we'll talk at some point.\u201d",
            ["RUS"],
            sentence_index=7,
        ),  # fmt: skip
        DetectedStatement(
            PUTIN,
            "It takes one to know one",
            "saying, \u201cIt takes one to know one\u201d",
            ["USA"],
            sentence_index=8,
        ),  # fmt: skip
        DetectedStatement(
            ActorRef("Dmitry Peskov", "RUS", "SPOKESPERSON"),
            "the call offer "
            "was intended to prevent Biden's statement from causing irreparable "
            "damage to the already loosening ties between Russia and the U.S.",
            "Putin spokesman Dmitry Peskov said ...",
            ["USA"],
            direct=False,
            sentence_index=5,
        ),  # fmt: skip
        DetectedStatement(
            ActorRef("White House", "USA", "GOVERNMENT"),
            "quite busy",
            "the White House said ... Biden is \u201cquite busy.\u201d",
            ["RUS"],
            sentence_index=6,
        ),  # fmt: skip
    ]
    return Detection(True, events, statements, detector_version="test")


def outlet_detection() -> Detection:
    """The same story as a second outlet worded it: other actor names, a date off by a day,
    a reworded paraphrase; nothing in it is a new event or statement."""
    ministry = ActorRef("Foreign Ministry", "RUS", "FOREIGN_MINISTRY")
    events = [
        _event(
            "REJECT",
            "offer",
            ActorRef("Washington", "USA", "COUNTRY"),
            PUTIN,
            22,
            "Washington turned down Vladimir Putin's proposal for a short conversation with "
            "President Biden, the Russian Foreign Ministry said on Monday.",
            0,
        ),  # fmt: skip
        _event(
            "AGREE",
            "offer",
            ActorRef("Kremlin", "RUS", "GOVERNMENT"),
            BIDEN,
            19,
            "the Kremlin offered Biden a chance to speak with Putin",
            3,
        ),  # fmt: skip
        _event(
            "ACCUSE",
            "criticize",
            ActorRef("Biden", "USA", "HEAD_OF_STATE"),
            ActorRef("Putin", "RUS", "HEAD_OF_STATE"),
            18,
            "days after Biden agreed that the Russian president was a \u201ckiller.\u201d",
            0,
            confidence=0.7,
        ),  # fmt: skip
        _event(
            "ACCUSE",
            "blame",
            ministry,
            ActorRef("Washington", "USA", "COUNTRY"),
            22,
            "the ministry blamed Washington for the deadlock",
            1,
        ),  # fmt: skip
        _event(
            "THREATEN",
            "sanctions",
            ActorRef("White House", "USA", "GOVERNMENT"),
            ActorRef("Moscow", "RUS", "COUNTRY"),
            21,
            "The White House warned Moscow of sanctions over election interference.",
            9,
        ),  # fmt: skip
    ]
    statements = [
        DetectedStatement(
            ministry,
            "One more opportunity has been missed to find a way out of "
            "the deadlock in Russian-US relations created through the fault of "
            "Washington",
            "the ministry said",
            ["USA"],
            sentence_index=1,
        ),  # fmt: skip
        DetectedStatement(
            ActorRef("President Biden", "USA", "HEAD_OF_STATE"),
            "I do",
            "Biden replied, \u201cI do.\u201d",
            ["RUS"],
            statement_date=dt.date(2021, 3, 17),
            sentence_index=2,
        ),  # fmt: skip
        DetectedStatement(
            ActorRef("Peskov", "RUS", "SPOKESPERSON"),
            "the offer of a call was "
            "intended to keep Biden's statement from causing irreparable damage to "
            "the already loosening ties between Russia and the United States",
            "Peskov said ...",
            ["USA"],
            direct=False,
            sentence_index=4,
        ),  # fmt: skip
        DetectedStatement(
            PUTIN, "It takes one to know one.", "Putin said", ["USA"], sentence_index=6
        ),  # fmt: skip
    ]
    return Detection(True, events, statements, detector_version="test")


def add_article(session: Any, url: str, published: dt.datetime = PUBLISHED) -> Article:
    article = Article(url=url, state="extracted", text="...", title="t", published_at=published)
    session.add(article)
    session.flush()
    return article


def store_story(db_url: str, on_new: Any = None, *, outlets: int = 2) -> list[store.StoreCounts]:
    """Store the seed story from one or two outlets, one transaction per article."""
    db.ensure_schema(db_url)
    counts = []
    for url, detection in [(SEED_URL, seed_detection()), (OUTLET_URL, outlet_detection())][
        :outlets
    ]:
        with db.session_scope(db_url) as session:
            article = add_article(session, url)
            counts.append(store.store_detection(session, article, detection, on_new=on_new))
    return counts


def write_alerts(directory: Path, text: str) -> Path:
    path = directory / "alerts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the receivers work -----------------------------------------------------------------


def test_receiver_fails_its_first_calls_then_records() -> None:
    with Receiver(fail_first=2) as rx:
        statuses = [httpx.post(rx.url, content=b"x", timeout=5).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert [r.body for r in rx.received] == [b"x"]


def test_smtp_sink_receives_mail() -> None:
    import smtplib

    with SmtpSink() as sink, smtplib.SMTP("127.0.0.1", sink.port, timeout=5) as smtp:
        smtp.sendmail("a@example.org", ["b@example.org"], b"Subject: hi\r\n\r\nbody\r\n")
    assert sink.messages[0]["Subject"] == "hi"

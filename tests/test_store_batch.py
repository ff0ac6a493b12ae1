"""Storing a batch of detections: the same records, mentions, counters and new-record hook
calls as storing its articles one after another, in a number of SQL statements that does not
grow with the batch (candidates loaded per batch, records and mentions inserted per batch)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select

from pipeline import db, store
from pipeline.models import ActorRef, DetectedEvent, DetectedStatement, Detection
from pipeline.schema import Article, Event, EventMention, Statement, StatementMention
from tests.support.databases import postgres_database, sqlite_database

ACTORS = {
    "USA": [
        ("Joe Biden", "HEAD_OF_STATE"),
        ("Biden", "HEAD_OF_STATE"),
        ("White House", "GOVERNMENT"),
        ("United States", "COUNTRY"),
        ("State Department", "FOREIGN_MINISTRY"),
        ("Antony Blinken", "DIPLOMAT"),
        ("Pentagon", "MILITARY"),
    ],
    "RUS": [
        ("Vladimir Putin", "HEAD_OF_STATE"),
        ("Kremlin", "GOVERNMENT"),
        ("Russia", "COUNTRY"),
        ("Russian Foreign Ministry", "FOREIGN_MINISTRY"),
        ("Dmitry Peskov", "SPOKESPERSON"),
        ("Sergei Lavrov", "FOREIGN_MINISTRY"),
        ("Duma", "LEGISLATURE"),
    ],
}
QUOTES = [
    "It takes one to know one",
    "it takes one to know one.",
    "Washington has once again chosen confrontation over dialogue",
    "We will respond to these sanctions in kind and without delay",
    "The door to talks remains open if they are serious",
]
TYPES = ["ACCUSE", "CONSULT", "REJECT", "THREATEN"]
MODES = [None, "criticize", "allege", "offer", "meeting", "talks", "call", "threat"]
DAY = dt.date(2024, 3, 10)


def _actor(rng: random.Random, side: str) -> ActorRef:
    name, role = rng.choice(ACTORS[side])
    return ActorRef(name, side, role)  # type: ignore[arg-type]


def _detection(rng: random.Random, undated: bool = True) -> tuple[Detection, dt.date | None]:
    events = []
    for _ in range(rng.randint(0, 4)):
        source, target = ("USA", "RUS") if rng.random() < 0.5 else ("RUS", "USA")
        events.append(
            DetectedEvent(
                type=rng.choice(TYPES),
                mode=rng.choice(MODES),
                source=_actor(rng, source),
                target=_actor(rng, target),
                sentence=f"sentence {rng.randint(0, 3)}",
                event_date=DAY + dt.timedelta(days=rng.randint(-3, 3)),
                confidence=rng.choice([0.5, 0.7, 0.9]),
                quote=rng.choice([None, None, *QUOTES]),
                sentence_index=rng.randint(0, 2),
            )
        )
    statements = [
        DetectedStatement(
            speaker=_actor(rng, rng.choice(["USA", "RUS"])),
            quote=rng.choice(QUOTES),
            sentence="s",
            about=["USA"],
            statement_date=(
                DAY + dt.timedelta(days=rng.randint(-6, 6)) if rng.random() < 0.3 else None
            ),
        )
        for _ in range(rng.randint(0, 3))
    ]
    published = None if undated and rng.random() < 0.1 else DAY + dt.timedelta(rng.randint(-5, 5))
    return Detection(bool(events or statements), events, statements, "v1"), published


def _articles(url: str, count: int) -> list[int]:
    db.ensure_schema(url)
    with db.session_scope(url) as session:
        rows = [Article(url=f"https://example.org/{n}", state="extracted") for n in range(count)]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def _snapshot(url: str) -> dict[str, Any]:
    with db.session_scope(url) as session:
        return {
            "events": [
                (e.id, e.type, e.mode, e.source_name, e.target_name, e.event_date, e.quote)
                + (e.mention_count, e.confidence)
                for e in session.scalars(select(Event).order_by(Event.id))
            ],
            "statements": [
                (s.id, s.speaker_name, s.quote, s.statement_date, s.mention_count)
                for s in session.scalars(select(Statement).order_by(Statement.id))
            ],
            "event_mentions": session.execute(
                select(EventMention.article_id, EventMention.key, EventMention.event_id).order_by(
                    EventMention.id
                )
            ).all(),
            "statement_mentions": session.execute(
                select(
                    StatementMention.article_id, StatementMention.key, StatementMention.statement_id
                ).order_by(StatementMention.id)
            ).all(),
            "articles": session.execute(
                select(Article.id, Article.state, Article.relevant).order_by(Article.id)
            ).all(),
        }


@contextmanager
def _database(kind: str, tmp_path: Any, name: str) -> Iterator[str]:
    if kind == "sqlite":
        directory = tmp_path / name
        directory.mkdir()
        with sqlite_database(directory) as url:
            yield url
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture(params=["sqlite", "postgres"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _hook(calls: list[tuple[Any, ...]]) -> store.OnNewRecord:
    def on_new(session: Any, kind: str, record: Any) -> None:
        calls.append((kind, record.id, record.mention_count, getattr(record, "confidence", None)))

    return on_new


def test_a_batch_stores_what_its_articles_stored_one_by_one_would(kind, tmp_path):
    rng = random.Random(20261206)
    first = [_detection(rng) for _ in range(40)]
    second = [_detection(rng) for _ in range(40)]
    snapshots, calls = [], []
    for way in ("batch", "one by one"):
        with _database(kind, tmp_path, way.replace(" ", "-")) as url:
            ids = _articles(url, 60)
            hooked: list[tuple[Any, ...]] = []
            # Two batches; the second re-detects ten articles of the first, among new ones.
            batches = [list(zip(ids[:40], first, strict=True))]
            batches.append(list(zip(ids[30:40] + ids[40:60] + ids[:10], second, strict=True)))
            for batch in batches:
                items = [store.ArticleDetection(a, day, d) for a, (d, day) in batch]
                if way == "batch":
                    with db.session_scope(url) as session:
                        store.store_detections(session, items, on_new=_hook(hooked))
                else:
                    for item in items:
                        with db.session_scope(url) as session:
                            store.store_detections(session, [item], on_new=_hook(hooked))
            snapshots.append(_snapshot(url))
            calls.append(hooked)
    batch, single = snapshots
    assert len(batch["events"]) > 10 and len(batch["statements"]) > 3  # merging was exercised
    assert sum(e[7] > 1 for e in batch["events"]) > 5
    assert batch == single
    assert calls[0] == calls[1]


def _statements_while(url: str, storing: Any) -> int:
    count = 0

    def seen(*_: Any) -> None:
        nonlocal count
        count += 1

    engine = db.get_engine(url)
    event.listen(engine, "before_cursor_execute", seen)
    try:
        storing()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return count


# Statements to store a batch with no article detected before: mark the articles, the merge
# locks (PostgreSQL) or the largest ids (SQLite), which were detected before, the candidates
# (2), the new records (2), the counters (2, or 3 or 4 when the columns changed differ), the
# mentions (2). Storing the same batch one article at a time took about 9 per article.
BATCH_STATEMENTS = 12


def test_storing_a_batch_takes_a_bounded_number_of_statements(kind, tmp_path):
    rng = random.Random(5)
    with _database(kind, tmp_path, "count") as url:
        ids = _articles(url, 60)
        counts = []
        for chunk in (ids[:4], ids[4:60]):
            items = []
            for article_id in chunk:
                detection, day = _detection(rng, undated=False)
                while not (detection.events and detection.statements):
                    detection, day = _detection(rng, undated=False)
                items.append(store.ArticleDetection(article_id, day, detection))

            def storing(items: list[store.ArticleDetection] = items) -> None:
                with db.session_scope(url) as session:
                    store.store_detections(session, items)

            counts.append(_statements_while(url, storing))
    # 4 articles and 56 (about 140 events and 110 statements found): the same few statements.
    assert counts[0] <= BATCH_STATEMENTS
    assert counts[1] <= BATCH_STATEMENTS, counts

"""How fast the API and the page answer over a large database, on PostgreSQL and SQLite.

Loads 100,000 events with 300,000 mentions and 100,000 statements with 150,000 mentions
(synthetic but shaped like the real thing: three years of dates, thirteen types, both
directions, a few dozen actors, sentences and article titles from a vocabulary) into a fresh
PostgreSQL database and a fresh SQLite file, in bulk (the search triggers suspended, every
search document rebuilt once at the end), then runs `diplowatch serve` on each and times
the common requests over HTTP, many runs each, printing p50 and p95 per query and database.
Each request is timed from sending it to the last byte of the answer, except the CSV export
of 1,000 events, which streams: it is timed to its first byte (the header, the total and
the first 200 records: what the target applies to) and, as a second row, to its last.

    uv run python -m benchmarks.query_speed [--events 100000] [--runs 60] [--only postgresql]
        [--keep]

PostgreSQL comes from DIPLOWATCH_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/
postgres; a scratch database is created and dropped). With `--keep` the loaded databases
(PostgreSQL `dw_bench_keep_<events>`, SQLite `<tmp>/dw-bench-keep-<events>.db`) are kept and
reused by the next `--keep` run, brought up to the newest migration first (drop them with
`--drop-kept`). Targets at 100k events on PostgreSQL:
p95 of each API query under 100 ms, of the page under 300 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import db, search  # noqa: E402
from pipeline.models import EVENT_TYPES  # noqa: E402
from pipeline.schema import (  # noqa: E402
    Article,
    Event,
    EventMention,
    Feed,
    Run,
    Statement,
    StatementMention,
)
from tests.support.server import free_port  # noqa: E402

FIRST_DAY = dt.date(2023, 6, 1)
DAYS = 3 * 365
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
CHUNK = 5000

PEOPLE = {
    "USA": ["United States", "Joe Biden", "Antony Blinken", "State Department", "White House",
            "Pentagon", "Jake Sullivan", "Lloyd Austin", "Treasury Department", "Congress",
            "Marco Rubio", "Donald Trump", "Steve Witkoff", "US Embassy in Moscow"],
    "RUS": ["Russia", "Vladimir Putin", "Sergei Lavrov", "Dmitry Peskov", "Maria Zakharova",
            "Kremlin", "Russian Foreign Ministry", "Sergei Ryabkov", "Yuri Ushakov",
            "Dmitry Medvedev", "Anatoly Antonov", "Kirill Dmitriev", "Russian Embassy"],
}  # fmt: skip
VERBS = {
    "AGREE": "offered talks to", "CONSULT": "held a phone call with", "SUPPORT": "praised",
    "COOPERATE": "agreed a prisoner swap with", "CONCEDE": "released a detained citizen of",
    "REQUEST": "demanded guarantees from", "ACCUSE": "accused", "REJECT": "rejected the offer of",
    "THREATEN": "warned of new sanctions against", "SANCTION": "imposed sanctions on",
    "COERCE": "detained a national of", "ASSAULT": "was blamed for a cyberattack on",
    "MOBILIZE": "moved troops near",
}  # fmt: skip
MODES = {
    "AGREE": "offer", "CONSULT": "call", "SUPPORT": "praise", "COOPERATE": "exchange",
    "CONCEDE": "release", "REQUEST": "demand", "ACCUSE": "criticize", "REJECT": "offer",
    "THREATEN": "sanctions", "SANCTION": "economic", "COERCE": "arrest", "ASSAULT": "cyber",
    "MOBILIZE": "military",
}  # fmt: skip
OUTLETS = ["reuters", "apnews", "tass", "bbc", "nytimes", "ria", "interfax", "cnn", "kremlin",
           "state-gov", "rferl", "politico", "aljazeera", "guardian", "wsj", "bloomberg",
           "kommersant", "meduza", "axios", "washingtonpost"]  # fmt: skip
# A vocabulary of filler words, so that a searched word matches some documents, not all.
SYLLABLES = ["ka", "lo", "mir", "ten", "gra", "vos", "pel", "dan", "ru", "shi", "ob", "net",
             "zar", "li", "mo", "ve", "tor", "sa", "nik", "ul"]  # fmt: skip


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def load(url: str, events: int, seed: int = 5) -> dict[str, int]:
    """Fill a migrated database with the synthetic records; returns the row counts."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    filler = lambda n: " ".join(rng.choice(words) for _ in range(n))  # noqa: E731
    articles = events * 3 // 5
    statements = events
    counts = {"events": events, "event_mentions": events * 3, "statements": statements,
              "statement_mentions": statements * 3 // 2, "articles": articles}  # fmt: skip
    engine = db.get_engine(url)
    started = time.perf_counter()
    with engine.begin() as connection, search.triggers_suspended(connection):

        def insert(table: Any, rows: Iterator[dict[str, Any]]) -> None:
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == CHUNK:
                    connection.execute(table.insert(), batch)
                    batch = []
            if batch:
                connection.execute(table.insert(), batch)

        insert(Feed.__table__, (
            {"id": i + 1, "name": name, "url": f"https://{name}.example/rss.xml", "tags": [],
             "enabled": True, "status": "failed" if i % 7 == 3 else "ok",
             "consecutive_failures": 2 if i % 7 == 3 else 0, "created_at": NOW,
             "last_success_at": NOW, "next_due_at": NOW}
            for i, name in enumerate(OUTLETS)
        ))  # fmt: skip
        insert(Article.__table__, (
            {"id": i + 1, "url": f"https://www.{OUTLETS[i % len(OUTLETS)]}.example/story/{i}",
             "feed_id": i % len(OUTLETS) + 1, "state": "detected", "attempts": 1,
             "title": f"{rng.choice(PEOPLE['USA'])} and {rng.choice(PEOPLE['RUS'])}: {filler(5)}",
             "published_at": dt.datetime.combine(FIRST_DAY + dt.timedelta(days=i * DAYS // articles),
                                                 dt.time(12), dt.UTC),
             "text": filler(40), "relevant": True, "detector_version": "bench", "discovered_at": NOW}
            for i in range(articles)
        ))  # fmt: skip
        shapes = []
        for i in range(events):
            kind = EVENT_TYPES[rng.randrange(len(EVENT_TYPES))]
            src, tgt = ("USA", "RUS") if rng.random() < 0.5 else ("RUS", "USA")
            shapes.append((kind, src, tgt, rng.choice(PEOPLE[src]), rng.choice(PEOPLE[tgt]),
                           FIRST_DAY + dt.timedelta(days=i * DAYS // events)))  # fmt: skip

        def event_rows() -> Iterator[dict[str, Any]]:
            for i, (kind, src, tgt, source, target, day) in enumerate(shapes):
                yield {
                    "id": i + 1, "type": kind, "mode": MODES[kind], "source_name": source,
                    "source_country": src, "source_role": "GOVERNMENT", "target_name": target,
                    "target_country": tgt, "target_role": "GOVERNMENT", "event_date": day,
                    "confidence": round(0.5 + rng.random() / 2, 3),
                    "sentence": f"{source} {VERBS[kind]} {target}, {filler(8)}.",
                    "quote": filler(4) if i % 5 == 0 else None,
                    "quote_speaker": source if i % 5 == 0 else None,
                    "reported_by": rng.choice(PEOPLE[tgt]) if i % 7 == 0 else None,
                    "mention_count": 3, "first_seen_at": NOW, "last_seen_at": NOW,
                }  # fmt: skip

        insert(Event.__table__, event_rows())

        def mention_rows() -> Iterator[dict[str, Any]]:
            for i, (kind, src, tgt, source, target, day) in enumerate(shapes):
                for n in range(3):
                    yield {
                        "event_id": i + 1, "article_id": (i * 3 + n) * 7919 % articles + 1,
                        "key": f"e{i}-{n}", "type": kind, "mode": MODES[kind],
                        "source": {"name": source, "country": src, "role": "GOVERNMENT"},
                        "target": {"name": target, "country": tgt, "role": "GOVERNMENT"},
                        "reported_by": None, "sentence": f"{source} {VERBS[kind]} {target}, {filler(8)}.",
                        "sentence_index": n, "quote": None, "quote_speaker": None,
                        "event_date": day, "confidence": 0.8, "detector_version": "bench",
                        "created_at": NOW,
                    }  # fmt: skip

        insert(EventMention.__table__, mention_rows())

        def statement_rows() -> Iterator[dict[str, Any]]:
            for i in range(statements):
                country = "USA" if i % 2 else "RUS"
                speaker = rng.choice(PEOPLE[country])
                quote = filler(10)
                yield {
                    "id": i + 1, "speaker_name": speaker, "speaker_country": country,
                    "speaker_role": "GOVERNMENT", "quote": quote, "quote_norm": quote,
                    "direct": i % 3 != 0, "about": ["RUS" if country == "USA" else "USA"],
                    "sentence": f"{speaker} said {quote}.",
                    "statement_date": FIRST_DAY + dt.timedelta(days=i * DAYS // statements),
                    "mention_count": 2 if i % 2 else 1, "first_seen_at": NOW, "last_seen_at": NOW,
                }  # fmt: skip

        insert(Statement.__table__, statement_rows())

        def statement_mention_rows() -> Iterator[dict[str, Any]]:
            number = 0
            for i in range(statements):
                for n in range(2 if i % 2 else 1):  # every other statement is quoted twice
                    number += 1
                    yield {
                        "statement_id": i + 1, "article_id": number * 104729 % articles + 1,
                        "key": f"s{i}-{n}", "speaker": {"name": "x"}, "quote": filler(6),
                        "sentence": filler(12), "sentence_index": n, "direct": True,
                        "detector_version": "bench", "created_at": NOW,
                    }  # fmt: skip

        insert(StatementMention.__table__, statement_mention_rows())
        insert(Run.__table__, (
            {"trigger": "bench", "started_at": NOW - dt.timedelta(minutes=15 * (99 - i)),
             "finished_at": NOW - dt.timedelta(minutes=15 * (99 - i) - 1), "status": "ok",
             "feeds_ok": 18, "feeds_not_modified": 0, "feeds_failed": 2, "feeds_skipped": 0,
             "articles_new": 10, "articles_failed": 0, "articles_detected": 10, "events_new": 3,
             "statements_new": 2, "mentions_new": 9, "deliveries_sent": 0, "deliveries_failed": 0,
             "errors": []}
            for i in range(100)
        ))  # fmt: skip
        print(
            f"  rows written in {time.perf_counter() - started:.0f} s; rebuilding the search index"
        )
    if engine.dialect.name == "postgresql":
        for table in ("events", "event_mentions", "statements", "statement_mentions", "articles"):
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))"))  # fmt: skip
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(sa.text("ANALYZE"))
    print(f"  loaded in {time.perf_counter() - started:.0f} s")
    return counts


def _admin_url() -> sa.engine.URL:
    server = (
        os.environ.get("DIPLOWATCH_TEST_PG_URL") or "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    return sa.engine.make_url(db.normalize_url(server))


def _kept_name(events: int) -> str:
    return f"dw_bench_keep_{events}"


def _kept_file(events: int) -> Path:
    return Path(tempfile.gettempdir()) / f"dw-bench-keep-{events}.db"


@contextmanager
def postgres(keep: str | None = None) -> Iterator[str]:
    """A scratch database, dropped afterwards; or the kept one named `keep` (made if missing)."""
    admin_url = _admin_url()
    name = keep or f"dw_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not exists:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        db.get_engine.cache_clear()
        if keep is None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def sqlite(keep: Path | None = None) -> Iterator[str]:
    if keep is not None:
        yield f"sqlite:///{keep}"
        return
    with tempfile.TemporaryDirectory(prefix="dw-bench-") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.db'}"


def drop_kept(events: int) -> None:
    admin = sa.create_engine(_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{_kept_name(events)}" WITH (FORCE)'))
    admin.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{_kept_file(events)}{suffix}").unlink(missing_ok=True)


def loaded(url: str, events: int) -> bool:
    """Whether a kept database already holds the benchmark's records."""
    engine = db.get_engine(url)
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("events"):
            return False
        return conn.scalar(sa.text("SELECT count(*) FROM events")) == events


@contextmanager
def served(url: str) -> Iterator[str]:
    """`diplowatch serve` on a free loopback port, as a user would run it."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env["DIPLOWATCH_DB_URL"] = url
    command = [sys.executable, "-m", "pipeline.cli", "serve", "--port", str(port)]
    child = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/health", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        child.terminate()
        child.wait(timeout=30)


def queries(events: int, rng: random.Random) -> list[tuple[str, Any]]:
    """(name, path or a function giving a path) of the requests timed."""
    return [
        (
            "events: type + dates",
            "/events?type=SANCTION&since=2025-01-01&until=2025-03-31&limit=50",
        ),
        ("events: newest 50", "/events?limit=50"),
        ("events: dates, deep page", f"/events?since=2024-01-01&offset={events // 4}&limit=50"),
        ("events: side + confidence", "/events?source=RUS&min_confidence=0.9&limit=50"),
        ("events: actor", "/events?actor=lavrov&limit=50"),
        ("search: name", "/events?q=lavrov&limit=50"),
        ("search: phrase", "/events?q=%22prisoner+swap%22&limit=50"),
        ("search: word + type", "/events?q=sanctions&type=THREATEN&limit=50"),
        ("search: rare word", lambda: f"/events?q={rng.choice(_WORDS)}&limit=50"),
        ("one event + mentions", lambda: f"/events/{rng.randint(1, events)}"),
        ("statements: speaker", "/statements?speaker=peskov&limit=50"),
        ("statements: search", lambda: f"/statements?q={rng.choice(_WORDS)}&limit=50"),
        ("stats: all events", "/stats"),
        ("stats: type + year", "/stats?type=ACCUSE&since=2025-01-01&until=2025-12-31"),
        (FIRST_BYTE + "csv: 1000 events, first byte", "/events.csv?type=ACCUSE&limit=1000"),
        ("csv: 1000 events, whole", "/events.csv?type=ACCUSE&limit=1000"),
        ("page: default", "/"),
        ("page: search + type", "/?q=lavrov&type=ACCUSE"),
        ("page: one event", lambda: f"/view/events/{rng.randint(1, events)}"),
        ("page: statements", "/view/statements"),
    ]


_WORDS = _vocabulary(random.Random(5))
# A request whose name starts so is timed to the first byte of its body (a streamed export:
# the header and the first records, with the total); the others to the last byte.
FIRST_BYTE = "\u2192"


def time_queries(base: str, events: int, runs: int) -> dict[str, tuple[float, float]]:
    rng = random.Random(9)
    figures = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, path in queries(events, rng):
            samples = []
            for attempt in range(runs + 3):
                target = path() if callable(path) else path
                started = time.perf_counter()
                with client.stream("GET", target) as answer:
                    chunks = answer.iter_raw()
                    first = next(chunks, b"")
                    elapsed = (time.perf_counter() - started) * 1000
                    body = first + b"".join(chunks)
                if not name.startswith(FIRST_BYTE):
                    elapsed = (time.perf_counter() - started) * 1000
                if answer.status_code != 200:
                    raise SystemExit(
                        f"{name}: {target} answered {answer.status_code}: {body[:300]!r}"
                    )
                if attempt >= 3:  # the first few warm the caches
                    samples.append(elapsed)
            samples.sort()
            p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
            name = name.removeprefix(FIRST_BYTE)
            figures[name] = (statistics.median(samples), p95)
            print(f"  {name:32s} p50 {figures[name][0]:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    return figures


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--only", choices=["postgresql", "sqlite"])
    parser.add_argument(
        "--keep", action="store_true", help="keep the loaded databases and reuse them next time"
    )
    parser.add_argument("--drop-kept", action="store_true", help="drop the kept databases")
    args = parser.parse_args()
    if args.drop_kept:
        drop_kept(args.events)
        return
    results: dict[str, dict[str, tuple[float, float]]] = {}
    databases: tuple[tuple[str, Any], ...] = (
        ("postgresql", lambda: postgres(_kept_name(args.events) if args.keep else None)),
        ("sqlite", lambda: sqlite(_kept_file(args.events) if args.keep else None)),
    )
    for name, database in databases:
        if args.only and args.only != name:
            continue
        with database() as url:
            reuse = args.keep and loaded(url, args.events)
            print(f"{name}: {'reusing' if reuse else 'loading'} {args.events:,} events", flush=True)
            db.upgrade(url)
            if not reuse:
                load(url, args.events)
            db.get_engine.cache_clear()
            with served(url) as base:
                print(f"{name}: timing {args.runs} runs per query; {_load()}", flush=True)
                results[name] = time_queries(base, args.events, args.runs)
                print(f"{name}: done; {_load()}", flush=True)
    names = [n.removeprefix(FIRST_BYTE) for n, _ in queries(args.events, random.Random())]
    header = "| query | " + " | ".join(f"{d} p50 | {d} p95" for d in results) + " |"
    print(f"\n{args.events:,} events, {args.events * 3:,} mentions, {args.events:,} statements; "
          f"{args.runs} runs per query; milliseconds over HTTP (diplowatch serve); "
          f"{_load()}\n")  # fmt: skip
    print(header)
    print("|" + " --- |" * (1 + 2 * len(results)))
    for name in names:
        cells = " | ".join(
            f"{results[d][name][0]:.1f} | {results[d][name][1]:.1f}" for d in results
        )
        print(f"| {name} | {cells} |")
    if "postgresql" in results:
        slow = [
            n for n, (_, p95) in results["postgresql"].items()
            if not n.endswith(", whole") and p95 > (300 if n.startswith("page") else 100)
        ]  # fmt: skip
        print("\nPostgreSQL targets (API p95 < 100 ms, page p95 < 300 ms; a streamed export "
              "to its first byte, its whole time shown beside): "
              + ("all met" if not slow else "missed by " + ", ".join(slow)))  # fmt: skip


if __name__ == "__main__":
    main()

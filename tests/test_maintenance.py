"""Housekeeping: raw-HTML retention, the feed health report and the work queues, on SQLite and Postgres."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from pipeline import db, maintenance
from pipeline.schema import Article, Delivery, Feed

NOW = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


def _article(url: str, fetched_days_ago: float | None, html: str | None, **extra) -> Article:
    fetched = NOW - dt.timedelta(days=fetched_days_ago) if fetched_days_ago is not None else None
    return Article(
        url=url,
        state=extra.pop("state", "detected"),
        attempts=extra.pop("attempts", 1),
        text="Some text.",
        raw_html=html,
        fetched_at=fetched,
        discovered_at=extra.pop("discovered_at", fetched or NOW),
        **extra,
    )


def test_purge_raw_html_clears_only_old_pages(db_url, make_settings):
    settings = make_settings(db_url=db_url, raw_html_retention_days=30)
    db.upgrade(db_url)
    with db.session_scope(db_url) as session:
        session.add_all(
            [
                _article("https://a.example/old", 45, "<html>old</html>"),
                _article("https://a.example/edge", 29.9, "<html>edge</html>"),
                _article("https://a.example/new", 1, "<html>new</html>"),
                _article("https://a.example/none", 90, None),
                # never fetched: its discovery date counts
                _article(
                    "https://a.example/unfetched",
                    None,
                    "<html>x</html>",
                    state="new",
                    attempts=0,
                    discovered_at=NOW - dt.timedelta(days=60),
                ),
            ]
        )

    assert maintenance.purge_raw_html(settings, now=NOW) == 2
    with db.session_scope(db_url) as session:
        kept = dict(session.execute(select(Article.url, Article.raw_html)).all())
        texts = set(session.scalars(select(Article.text)))
    assert kept == {
        "https://a.example/old": None,
        "https://a.example/edge": "<html>edge</html>",
        "https://a.example/new": "<html>new</html>",
        "https://a.example/none": None,
        "https://a.example/unfetched": None,
    }
    assert texts == {"Some text."}  # the extracted text stays
    # Running it again changes nothing; a negative retention keeps everything.
    assert maintenance.purge_raw_html(settings, now=NOW) == 0
    assert maintenance.purge_raw_html(settings, now=NOW, older_than_days=-1) == 0
    assert maintenance.purge_raw_html(settings, now=NOW, older_than_days=0) == 2


def test_feed_health_lists_failing_feeds_first(db_url, make_settings):
    settings = make_settings(db_url=db_url)
    db.upgrade(db_url)
    with db.session_scope(db_url) as session:
        session.add_all(
            [
                Feed(name="healthy", url="https://h.example/rss", status="ok", tags=[]),
                Feed(
                    name="broken",
                    url="https://b.example/rss",
                    status="failed",
                    consecutive_failures=3,
                    last_error="HTTP 500",
                    next_due_at=NOW + dt.timedelta(hours=2),
                    tags=[],
                ),
                Feed(name="gone", url="https://g.example/rss", enabled=False, tags=[]),
            ]
        )
    report = maintenance.feed_health(settings, now=NOW)
    assert [h.name for h in report] == ["broken", "healthy"]
    broken = report[0]
    assert broken.failing and broken.backing_off and broken.consecutive_failures == 3
    assert not report[1].failing
    text = maintenance.format_feed_health(report)
    assert "2 feed(s), 1 failing" in text and "broken" in text and "HTTP 500" in text
    assert broken.to_dict()["next_due_at"].startswith("2024-06-01T14:00")


def test_work_queues(db_url, make_settings):
    settings = make_settings(db_url=db_url, article_max_attempts=3)
    db.upgrade(db_url)
    with db.session_scope(db_url) as session:
        session.add_all(
            [
                _article("https://q.example/1", None, None, state="new", attempts=0),
                _article("https://q.example/2", None, None, state="new", attempts=2),
                _article("https://q.example/3", None, None, state="new", attempts=3),
                _article("https://q.example/4", 1, None, state="extracted"),
            ]
        )
        session.add_all(
            [
                Delivery(id="d1", channel="log", rule="all", kind="event", record_id=1),
                Delivery(
                    id="d2", channel="log", rule="all", kind="event", record_id=2, status="sent"
                ),
            ]
        )
    with db.session_scope(db_url) as session:
        urls = {a.id: a.url for a in session.scalars(select(Article))}
    waiting = [urls[i] for i in maintenance.article_ids_to_fetch(settings)]
    assert waiting == ["https://q.example/1", "https://q.example/2"]
    pending = maintenance.pending_deliveries(settings)
    assert [d["id"] for d in pending] == ["d1"]
    assert pending[0]["channel"] == "log" and pending[0]["record_id"] == 1

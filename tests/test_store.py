"""The store: natural-key writes, feed backoff, and merging detections across articles."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pipeline import db, store
from pipeline.models import (
    ActorRef,
    DetectedEvent,
    DetectedStatement,
    Detection,
    FeedEntry,
    FeedResult,
    FeedSpec,
)
from pipeline.schema import Article, Event, EventMention, Feed, Statement, StatementMention
from pipeline.settings import Settings

NOW = dt.datetime(2021, 3, 22, 12, 0, tzinfo=dt.UTC)
USA = ActorRef("United States", "USA", "COUNTRY")
BIDEN = ActorRef("Joe Biden", "USA", "HEAD_OF_STATE")
PUTIN = ActorRef("Vladimir Putin", "RUS", "HEAD_OF_STATE")
PESKOV = ActorRef("Dmitry Peskov", "RUS", "SPOKESPERSON")


@pytest.fixture
def url(db_url):
    db.ensure_schema(db_url)
    return db_url


def _article(session, url: str, published: dt.datetime = NOW) -> Article:
    article = Article(url=url, state="extracted", text="...", published_at=published)
    session.add(article)
    session.flush()
    return article


def _reject(sentence: str, day: dt.date = dt.date(2021, 3, 22), source=USA) -> DetectedEvent:
    return DetectedEvent(
        type="REJECT",
        mode="offer",
        source=source,
        target=PUTIN,
        sentence=sentence,
        event_date=day,
        confidence=0.8,
    )


def _statement(quote: str, speaker=PESKOV) -> DetectedStatement:
    return DetectedStatement(
        speaker=speaker, quote=quote, sentence=f'"{quote}," he said.', about=["USA"]
    )


def test_sync_feeds_adds_updates_and_disables(url):
    with db.session_scope(url) as session:
        store.sync_feeds(
            session, [FeedSpec("a", "http://a.example/rss"), FeedSpec("b", "http://b.example/rss")]
        )
    with db.session_scope(url) as session:
        feed = session.scalar(select(Feed).where(Feed.name == "a"))
        feed.etag = "x"
    with db.session_scope(url) as session:
        enabled = store.sync_feeds(session, [FeedSpec("a", "http://a.example/new.rss", ("usa",))])
        assert [f.name for f in enabled] == ["a"]
        a = session.scalar(select(Feed).where(Feed.name == "a"))
        assert a.url.endswith("new.rss") and a.etag is None and a.tags == ["usa"]
        b = session.scalar(select(Feed).where(Feed.name == "b"))
        assert b.enabled is False
        assert session.scalar(select(func.count()).select_from(Feed)) == 2


def test_feed_results_store_articles_once_and_back_off_on_failure(url):
    settings = Settings(feed_interval_minutes=15)
    spec = FeedSpec("a", "http://a.example/rss")
    entries = [FeedEntry(url=f"http://a.example/{i}", title=f"t{i}") for i in range(3)]
    with db.session_scope(url) as session:
        (feed,) = store.sync_feeds(session, [spec])
        ok = FeedResult(feed=spec, status="ok", entries=entries + entries[:1], etag='"v1"')
        first = store.record_feed_result(session, feed, ok, settings, NOW)
        again = store.record_feed_result(session, feed, ok, settings, NOW)
        assert len(first) == 3 and again == []
        assert feed.etag == '"v1"' and feed.next_due_at == NOW + dt.timedelta(minutes=15)
        failed = FeedResult(feed=spec, status="failed", error="HTTP 500")
        store.record_feed_result(session, feed, failed, settings, NOW)
        store.record_feed_result(session, feed, failed, settings, NOW)
        assert feed.consecutive_failures == 2 and feed.last_error == "HTTP 500"
        assert feed.next_due_at == NOW + dt.timedelta(minutes=60)
        assert feed.etag == '"v1"'  # a failure keeps the validators for the next try
        due, skipped = store.feeds_to_fetch(session, NOW, due_only=False)
        assert due == [] and skipped == [feed]  # a manual run still respects the backoff
        due, _ = store.feeds_to_fetch(session, NOW, due_only=False, force=True)
        assert due == [feed]
        assert session.scalar(select(func.count()).select_from(Article)) == 3


def test_one_event_reported_by_two_articles_is_stored_once(url):
    with db.session_scope(url) as session:
        one, two = _article(session, "http://a/1"), _article(session, "http://b/2")
        detection = Detection(
            True,
            [_reject("Washington turned down the Kremlin's offer.")],
            [_statement("the offer was meant to avoid irreparable damage")],
            "v1",
        )
        counts = store.store_detection(session, one, detection)
        assert (counts.events_new, counts.statements_new) == (1, 1)
        other = Detection(
            True,
            [_reject("The U.S. declined Putin's proposal of a call.", dt.date(2021, 3, 21))],
            [_statement("The offer was meant to avoid irreparable damage.")],
            "v1",
        )
        counts = store.store_detection(session, two, other)
        assert (counts.events_new, counts.statements_new) == (0, 0)
        assert (counts.event_mentions, counts.statement_mentions) == (1, 1)
    with db.session_scope(url) as session:
        event = session.scalar(select(Event))
        assert session.scalar(select(func.count()).select_from(Event)) == 1
        assert event.mention_count == 2
        assert session.scalar(select(Statement.mention_count)) == 2


def test_different_events_stay_apart(url):
    with db.session_scope(url) as session:
        article = _article(session, "http://a/1")
        found = [
            _reject("The U.S. rejected the offer."),
            _reject("A week later it rejected another.", dt.date(2021, 3, 29)),  # days apart
            DetectedEvent(
                type="ACCUSE",
                mode="criticize",
                source=BIDEN,
                target=PUTIN,
                sentence="Biden called Putin a killer.",
                event_date=dt.date(2021, 3, 17),
                confidence=0.9,
            ),
        ]
        counts = store.store_detection(
            session,
            article,
            Detection(
                True,
                found,
                [
                    _statement("One more opportunity has been missed"),
                    _statement(
                        "We will answer", speaker=ActorRef("Maria Zakharova", "RUS", "SPOKESPERSON")
                    ),
                ],
                "v1",
            ),
        )
        assert counts.events_new == 3 and counts.statements_new == 2


def test_redetection_replaces_mentions_without_duplicates(url):
    with db.session_scope(url) as session:
        article = _article(session, "http://a/1")
        detection = Detection(
            True,
            [_reject("The U.S. rejected the offer.")],
            [_statement("the offer was meant to avoid irreparable damage")],
            "v1",
        )
        store.store_detection(session, article, detection)
        store.store_detection(session, article, detection)  # a retried task
        detection.detector_version = "v2"
        store.store_detection(session, article, detection)  # a new detector version
    with db.session_scope(url) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 1
        assert session.scalar(select(func.count()).select_from(EventMention)) == 1
        assert session.scalar(select(func.count()).select_from(StatementMention)) == 1
        assert session.scalar(select(Event.mention_count)) == 1
        article = session.scalar(select(Article))
        assert article.detector_version == "v2" and article.state == "detected"
        # a new version that finds nothing removes what nothing reports any more
        store.store_detection(session, article, Detection(False, [], [], "v3"))
        assert session.scalar(select(func.count()).select_from(Event)) == 0
        assert session.scalar(select(func.count()).select_from(Statement)) == 0


def test_new_record_hook_runs_once_per_new_record(url):
    seen: list[tuple[str, int]] = []
    with db.session_scope(url) as session:
        one, two = _article(session, "http://a/1"), _article(session, "http://b/2")
        detection = Detection(
            True,
            [_reject("Washington rejected the offer.")],
            [_statement("the offer was meant to avoid irreparable damage")],
            "v1",
        )
        hook = lambda s, kind, record: seen.append((kind, record.id))  # noqa: E731
        store.store_detection(session, one, detection, on_new=hook)
        store.store_detection(session, two, detection, on_new=hook)
        store.store_detection(session, one, detection, on_new=hook)
    assert sorted(kind for kind, _ in seen) == ["event", "statement"]

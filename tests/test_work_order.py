"""A pass stores articles in id order, whichever page arrives first: merging depends on order,
so the same articles give the same records every run, however the work was scheduled."""

from __future__ import annotations

from sqlalchemy import select

from pipeline import db, runner, work
from pipeline.schema import Article


def test_articles_are_detected_in_id_order_when_the_first_page_is_slowest(db_url, site, tmp_path):
    feeds = site.write_feeds_file(tmp_path, ["world"])
    settings = site.settings(
        db_url=db_url, feeds_file=str(feeds), batch_size=1, fetch_concurrency=4, workers=1
    )
    first = site.articles["seed"].path
    site.fail(first, "slow", delay=1.5)  # the first article's batch finishes last
    summary = runner.run_pass(settings)
    assert summary.articles_detected == 4
    with db.session_scope(db_url) as session:
        rows = session.execute(select(Article.url, Article.detected_at).order_by(Article.id)).all()
    assert rows[0].url.endswith(first)
    # One batch (one article) per transaction, each with its own time: detected in id order.
    times = [row.detected_at for row in rows]
    assert times == sorted(times), rows


def test_new_articles_are_numbered_in_feed_order_when_the_first_feed_is_slowest(
    db_url, site, tmp_path
):
    feeds = site.write_feeds_file(tmp_path, ["politics", "misc"])
    settings = site.settings(db_url=db_url, feeds_file=str(feeds), fetch_concurrency=4)
    site.fail("/feeds/politics.xml", "slow", delay=1.5)  # answers after "misc"
    runner.prepare(settings)
    feed_ids, _ = runner.select_feeds(settings, due_only=False)
    outcomes, new_ids = runner.fetch_feeds(settings, feed_ids)
    assert [o.name for o in outcomes] == ["site-politics", "site-misc"]
    with db.session_scope(db_url) as session:
        urls = session.scalars(select(Article.url).order_by(Article.id)).all()
    expected = [site.article_url(k) for k in ("seed", "reykjavik", "bike-lanes", "coral")]
    assert [u.split("?")[0] for u in urls] == expected


def test_a_page_slower_than_the_order_wait_does_not_hold_back_the_rest(
    db_url, site, tmp_path, monkeypatch
):
    """Order is kept only for ORDER_WAIT_SECONDS: past it, the batches behind a slow page are
    written and detected first, so one slow server cannot stall the pass."""
    monkeypatch.setattr(work, "ORDER_WAIT_SECONDS", 0.2)
    feeds = site.write_feeds_file(tmp_path, ["world"])
    settings = site.settings(
        db_url=db_url, feeds_file=str(feeds), batch_size=1, fetch_concurrency=4, workers=1
    )
    first = site.articles["seed"].path
    site.fail(first, "slow", delay=2.5)
    summary = runner.run_pass(settings)
    assert summary.articles_detected == 4
    with db.session_scope(db_url) as session:
        rows = session.execute(select(Article.url, Article.detected_at).order_by(Article.id)).all()
    assert rows[0].url.endswith(first)
    assert rows[0].detected_at > max(row.detected_at for row in rows[1:]), rows

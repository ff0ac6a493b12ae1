"""Hostile content from feeds and pages, on SQLite and PostgreSQL: NUL characters, lone
surrogates and control characters must be sanitised where they enter, so that one poisoned
entry never stops a pass (PostgreSQL text cannot hold NUL); a page that fails is recorded
and retried, never silently replaced by the feed's summary."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from pipeline import db, runner
from pipeline.schema import Article, Feed
from pipeline.text import REPLACEMENT, clean, clean_char_refs
from tests.support.hostile import articles, counts, poisoned_feed, record_keys, runs

POISONS = ["&#0;", "&#xD800;", "&#55296;", "&#1;&#x1F;", "&#x110000;", "&#xDFFF;&#xD800;"]


@pytest.mark.parametrize("poison", POISONS)
def test_a_poisoned_entry_never_stops_a_pass_and_the_good_feed_is_stored(
    db_url, site, tmp_path, poison
):
    poisoned_feed(site, "/feeds/poison.xml", ["coral", "bike-lanes"], poison)
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    with feeds.open("a") as handle:
        handle.write(f"  - name: poison\n    url: {site.url('/feeds/poison.xml')}\n")
    settings = site.settings(db_url=db_url, feeds_file=str(feeds))

    first = runner.run_pass(settings)
    assert {f.name: f.status for f in first.feeds} == {"site-politics": "ok", "poison": "ok"}
    assert first.articles_new == 4 and first.articles_extracted == 4
    stored = articles(db_url)
    coral = stored[site.article_url("coral")]
    for value in (coral.entry_title, coral.entry_summary, coral.guid):
        assert value and "\x00" not in value and clean(value) == value
    assert coral.entry_title.endswith(" end") and coral.state == "detected"
    assert stored[site.article_url("seed")].state == "detected"  # the good feed, same pass
    assert [r.status for r in runs(db_url)] == ["ok"]
    before = counts(db_url)

    again = runner.run_pass(settings, force=True)  # later passes are not poisoned either
    assert [r.status for r in runs(db_url)] == ["ok", "ok"]
    assert again.articles_new == 0 and counts(db_url) == before


def test_a_nul_byte_deep_inside_a_page_is_stored_clean(db_url, site, tmp_path):
    page = site.articles["coral"]
    html = site._resources[page.path].body
    # Past the first 8 KB (which the binary sniffing reads), so the page is still extracted.
    padding = b"<!-- " + b"x" * 9000 + b" -->"
    poisoned = html.replace(b"</body>", padding + b"<p>tail \x00 &#0; \x01 end</p></body>")
    site.add_resource(page.path, poisoned)
    feeds = site.write_feeds_file(tmp_path, ["misc"])
    settings = site.settings(db_url=db_url, feeds_file=str(feeds))
    summary = runner.run_pass(settings)
    assert summary.articles_extracted == 2 and not summary.articles_failed
    with db.session_scope(db_url) as session:
        row = session.scalar(select(Article).where(Article.url == site.article_url("coral")))
        assert row.state == "detected" and row.text and "\x00" not in row.raw_html
        assert "tail" in row.raw_html and "\x00" not in row.text


def test_the_sanitiser_keeps_ordinary_text_and_defuses_references():
    text = "Путин said: «talks»\tand\r\nmore — fine ☃ \U0001f600"
    assert clean(text) is text  # nothing to do costs no copy
    assert clean("a\x00b\x07c\ud800d\udfffe") == f"abc{REPLACEMENT}d{REPLACEMENT}e"
    assert (
        clean_char_refs(b"a&#0;b&#65;c&#xd800;d&#x10FFFF;")
        == b"a&#xFFFD;b&#65;c&#xFFFD;d&#x10FFFF;"
    )


def test_a_pass_beside_a_nul_feed_and_a_slow_header_feed_stores_the_good_feed(
    db_url, site, tmp_path
):
    """The issue's test of done: within the deadlines, the good feed stored, nothing lost."""
    poisoned_feed(site, "/feeds/poison.xml", ["coral"], "&#0;")
    site.fail("/feeds/slow.xml", "drip_headers", delay=1.5, bytes=60)
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    with feeds.open("a") as handle:
        handle.write(f"  - name: poison\n    url: {site.url('/feeds/poison.xml')}\n")
        handle.write(f"  - name: slow\n    url: {site.url('/feeds/slow.xml')}\n")
    settings = site.settings(db_url=db_url, feeds_file=str(feeds), http_timeout=2)
    started = time.monotonic()
    summary = runner.run_pass(settings)
    elapsed = time.monotonic() - started
    statuses = {f.name: (f.status, f.error or "") for f in summary.feeds}
    assert statuses["site-politics"][0] == "ok" and statuses["poison"][0] == "ok"
    assert statuses["slow"][0] == "failed" and "http_timeout=2" in statuses["slow"][1]
    stored = articles(db_url)
    assert {site.article_url(k) for k in ("seed", "reykjavik", "coral")} <= set(stored)
    assert all(a.state == "detected" for a in stored.values())
    # 60 bytes at 1.5 s would take 90 s; the slow feed costs one deadline (plus spaCy's load).
    assert elapsed < 60, elapsed
    with db.session_scope(db_url) as session:
        slow = session.scalar(select(Feed).where(Feed.name == "slow"))
        assert slow.consecutive_failures == 1 and slow.next_due_at is not None
    # The runs row says what happened: the pass ok, the slow feed's timeout among its errors.
    (run,) = runs(db_url)
    assert (run.status, run.feeds_ok, run.feeds_failed) == ("ok", 2, 1)
    assert any(e.startswith("feed slow: ") and "http_timeout=2" in e for e in run.errors)
    # A second pass (the slow feed still slow) stores nothing twice and loses nothing.
    keys, before = record_keys(db_url), counts(db_url)
    again = runner.run_pass(settings, force=True)
    assert {f.name: f.status for f in again.feeds}["slow"] == "failed"
    assert record_keys(db_url) == keys and counts(db_url) == before


# -- a page that fails is a failed attempt, not a silent feed summary ---------------------


def test_a_failed_page_is_recorded_retried_and_never_counted_as_extracted(db_url, site, tmp_path):
    reykjavik = site.articles["reykjavik"]
    site.fail(reykjavik.path, "status", code=500)
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    settings = site.settings(db_url=db_url, feeds_file=str(feeds), article_max_attempts=3)
    url = site.article_url("reykjavik")

    first = runner.run_pass(settings)
    assert first.articles_extracted == 1  # the seed page; not the failed one
    assert [u for u, _ in first.articles_failed] == [url]
    row = articles(db_url)[url]
    assert (row.state, row.attempts, row.text) == ("new", 1, None)
    assert "HTTP 500" in row.last_error

    site.heal(reykjavik.path)  # the page comes back: the next pass takes it from the page
    second = runner.run_pass(settings)
    assert second.articles_extracted == 1 and not second.articles_failed
    row = articles(db_url)[url]
    assert (row.state, row.text_source, row.last_error) == ("detected", "page", None)
    assert len(site.requests_to(reykjavik.path)) == 2


def test_the_feed_stands_in_only_after_the_last_attempt_and_says_so(db_url, site, tmp_path):
    reykjavik = site.articles["reykjavik"]
    site.fail(reykjavik.path, "status", code=503)
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    settings = site.settings(db_url=db_url, feeds_file=str(feeds), article_max_attempts=2)
    url = site.article_url("reykjavik")
    runner.run_pass(settings)
    assert articles(db_url)[url].state == "new"
    last = runner.run_pass(settings)
    assert last.articles_extracted == 0 and [u for u, _ in last.articles_failed] == [url]
    row = articles(db_url)[url]
    assert (row.state, row.text_source, row.attempts) == ("detected", "feed", 2)
    assert "HTTP 503" in row.last_error and "feed entry's own content" in row.last_error
    keys = record_keys(db_url)
    runner.run_pass(settings, force=True)
    assert record_keys(db_url) == keys  # nothing stored twice
    assert len(site.requests_to(reykjavik.path)) == 2


def test_a_hostile_page_is_a_failed_attempt_too(db_url, site, tmp_path):
    reykjavik = site.articles["reykjavik"]
    site.fail(reykjavik.path, "binary", content_type="text/html")
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    settings = site.settings(db_url=db_url, feeds_file=str(feeds))
    summary = runner.run_pass(settings)
    url = site.article_url("reykjavik")
    assert [u for u, _ in summary.articles_failed] == [url]
    row = articles(db_url)[url]
    assert row.state == "new" and "binary" in row.last_error

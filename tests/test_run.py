"""A whole pass over the local test site: feeds, pages, detection and storage, on both databases."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from pipeline import db, runner
from pipeline.cli import main
from pipeline.schema import Article, Event, EventMention, Feed, Run, Statement, StatementMention

# The seed article's labelled event triples (../shared/EVENTS.md).
SEED_TRIPLES = {
    ("AGREE", "RUS", "USA"),
    ("REJECT", "USA", "RUS"),
    ("ACCUSE", "USA", "RUS"),
    ("ACCUSE", "RUS", "USA"),
    ("THREATEN", "USA", "RUS"),
}


def _counts(url: str) -> dict[str, int]:
    with db.session_scope(url) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Article, Event, EventMention, Statement, StatementMention)
        }


def _seed_triples(url: str, seed_url: str) -> set[tuple[str, str, str]]:
    with db.session_scope(url) as session:
        rows = session.execute(
            select(EventMention.type, EventMention.source, EventMention.target)
            .join(Article, Article.id == EventMention.article_id)
            .where(Article.url == seed_url)
        )
        return {(t, s["country"], g["country"]) for t, s, g in rows}


def test_seed_article_is_detected_stored_and_never_repeated(db_url, site, tmp_path):
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    settings = site.settings(db_url=db_url, feeds_file=str(feeds))

    first = runner.run_pass(settings)
    assert [f.status for f in first.feeds] == ["ok"]
    assert first.articles_new == 2 and first.articles_extracted == 2
    assert first.articles_detected == 2 and first.articles_relevant >= 1
    found = _seed_triples(db_url, site.article_url("seed"))
    assert len(found & SEED_TRIPLES) >= 3, found
    stored = _counts(db_url)
    assert stored["events"] >= 3 and stored["statements"] >= 1

    site.clear_requests()
    second = runner.run_pass(settings)
    assert [f.status for f in second.feeds] == ["not_modified"]
    assert (second.articles_new, second.events_new, second.mentions_new) == (0, 0, 0)
    assert _counts(db_url) == stored
    feed_hits = site.requests_to(site.feed_url("politics"))
    assert [r.status for r in feed_hits] == [304]
    assert feed_hits[0].headers.get("if-none-match") or feed_hits[0].headers.get(
        "if-modified-since"
    )
    assert site.requests_to(site.article_url("seed")) == []  # the page is not fetched again
    with db.session_scope(db_url) as session:
        runs = session.scalars(select(Run).order_by(Run.id)).all()
        assert [r.status for r in runs] == ["ok", "ok"]
        assert runs[0].articles_new == 2 and runs[1].feeds_not_modified == 1


def test_private_addresses_are_refused_unless_allowed(sqlite_url, site, tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        "feeds:\n"
        "  - {name: metadata, url: 'http://169.254.169.254/latest/meta-data/'}\n"
        f"  - {{name: loopback, url: '{site.feed_url('politics')}'}}\n"
    )
    settings = site.settings(db_url=sqlite_url, feeds_file=str(feeds), allow_private_hosts=False)
    summary = runner.run_pass(settings)
    statuses = {f.name: (f.status, f.error or "") for f in summary.feeds}
    for name in ("metadata", "loopback"):
        status, error = statuses[name]
        assert status == "blocked"
        assert "DIPLOWATCH_ALLOW_PRIVATE_HOSTS" in error
    assert "169.254.169.254" in statuses["metadata"][1]
    assert summary.articles_new == 0 and site.requests == []
    with db.session_scope(sqlite_url) as session:
        blocked = session.scalars(select(Feed).where(Feed.status == "blocked")).all()
        assert len(blocked) == 2

    allowed = runner.run_pass(settings.with_overrides(allow_private_hosts=True), force=True)
    assert {f.name: f.status for f in allowed.feeds}["loopback"] == "ok"


def test_a_broken_feed_or_page_does_not_stop_the_rest(sqlite_url, site, tmp_path):
    site.fail(site.articles["reykjavik"].path, "status", code=500)
    feeds = site.write_feeds_file(tmp_path, ["politics", "malformed", "garbage"])
    with feeds.open("a") as handle:
        handle.write(f"  - name: gone\n    url: {site.url('/feeds/missing.xml')}\n")
    settings = site.settings(db_url=sqlite_url, feeds_file=str(feeds))
    summary = runner.run_pass(settings)
    statuses = {f.name: f.status for f in summary.feeds}
    assert statuses["site-politics"] == "ok"
    assert statuses["gone"] == "failed" and statuses["site-garbage"] == "failed"
    assert summary.articles_detected >= 1
    assert _seed_triples(sqlite_url, site.article_url("seed"))
    # the 500 page fell back to the feed entry's own content, or is waiting for a retry
    with db.session_scope(sqlite_url) as session:
        page = session.scalar(select(Article).where(Article.url == site.article_url("reykjavik")))
        assert page.state in {"detected", "new"}
        if page.state == "detected":
            assert page.text_source == "feed"


def test_an_interrupted_pass_is_finished_by_the_next(sqlite_url, site, tmp_path):
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    settings = site.settings(db_url=sqlite_url, feeds_file=str(feeds))
    runner.prepare(settings)
    feed_ids, _ = runner.select_feeds(settings, due_only=False)
    runner.fetch_feeds(settings, feed_ids)  # ...and the process dies here
    with db.session_scope(sqlite_url) as session:
        assert set(session.scalars(select(Article.state))) == {"new"}
    summary = runner.run_pass(settings)
    assert summary.articles_new == 0 and summary.articles_detected == 2
    with db.session_scope(sqlite_url) as session:
        assert set(session.scalars(select(Article.state))) == {"detected"}


def test_cli_run_then_query_as_json_and_csv(sqlite_url, site, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DIPLOWATCH_ALLOW_PRIVATE_HOSTS", "1")
    feeds = site.write_feeds_file(tmp_path, ["politics"])
    assert main(["run", "--db", sqlite_url, "--feeds", str(feeds)]) == 0
    out = capsys.readouterr().out
    assert "feeds: 1 ok, 0 not modified, 0 failed" in out
    assert "articles: 2 new" in out and "Latest events:" in out

    assert main(["events", "--db", sqlite_url, "--format", "json", "--type", "REJECT"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert events and {e["type"] for e in events} == {"REJECT"}
    first = events[0]
    assert first["source"]["country"] == "USA" and first["target"]["country"] == "RUS"
    assert first["sources"] == [site.article_url("seed")] and first["mention_count"] >= 1
    assert first["event_date"] and 0 <= first["confidence"] <= 1 and first["sentence"]

    assert main(["statements", "--db", sqlite_url, "--format", "csv", "--country", "RUS"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("id,speaker_name,speaker_country") and len(lines) >= 2
    assert all(",RUS," in line for line in lines[1:])

    assert main(["events", "--db", sqlite_url, "--since", "2030-01-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    args = ["--since", "2021-03-17", "--until", "2021-03-17", "--format", "json"]
    assert main(["events", "--db", sqlite_url, *args]) == 0
    killer = json.loads(capsys.readouterr().out)  # "last Wednesday" before the 22nd
    assert killer and {e["event_date"] for e in killer} == {"2021-03-17"}
    assert ("ACCUSE", "USA", "RUS") in {
        (e["type"], e["source"]["country"], e["target"]["country"]) for e in killer
    }
    assert main(["events", "--db", sqlite_url, "--since", "last week"]) == 2
    error = capsys.readouterr().err
    assert "--since" in error and "'last week'" in error

"""How much merging saves: events and statements per article before and after merging.

Runs one real pass (feeds, pages, extraction, the detector, storage) over the local test
site, with the same stories published by several outlets: the seed story as the Washington
Examiner ran it, as a wire service reworded it, and as a syndicating outlet reordered it,
plus the Reykjavik story from two outlets and two stories about neither country.

"Before" counts what the detector found article by article (each article's events and
statements, i.e. the mentions); "after" counts the merged records in the database, which
is what the listings show and what alerts are sent for.

    .venv/bin/python -m benchmarks.merging [--db sqlite:///merging.db] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from pipeline import db
from pipeline.runner import run_pass
from pipeline.schema import Article, Event, EventMention, Statement, StatementMention
from tests.support import pages
from tests.support.articles import SEED_PROMO_PREFIXES, outlet_article, reykjavik_article
from tests.support.site import LocalSite

LOGGER = logging.getLogger(__name__)


def syndicated_articles() -> list[Any]:
    """More outlets running the same two US-Russia stories."""
    seed_copy = outlet_article()
    body = [p for p in seed_copy.paragraphs if not p.startswith(SEED_PROMO_PREFIXES)]
    # A syndicating outlet keeps the wire copy but moves the reaction paragraphs up.
    reordered = tuple(body[:1] + body[4:7] + body[1:4] + body[7:])
    syndicated = dataclasses.replace(
        seed_copy,
        slug="kremlin-offer-of-biden-putin-call-rebuffed",
        title="Kremlin offer of a Biden-Putin call rebuffed, Moscow says",
        paragraphs=reordered,
        outlet="Daily Syndicate",
        author="Lee Park",
    )
    talks = reykjavik_article()
    lead = (
        "Russian Foreign Minister Sergei Lavrov and Secretary of State Antony Blinken agreed on "
        "Wednesday in Reykjavik to keep talking about strategic stability, after a two-hour "
        "meeting both sides called constructive."
    )
    talks_copy = dataclasses.replace(
        talks,
        slug="lavrov-blinken-reykjavik-talks",
        title="Lavrov, Blinken meet in Reykjavik",
        paragraphs=(lead, *talks.paragraphs[1:]),
        outlet="Global Wire Service",
        author="Dana Morrow",
    )
    return [syndicated, talks_copy]


def serve_extra(site: LocalSite) -> str:
    """Publish the extra articles on the site, in a feed of their own; returns the feed name."""
    extra = syndicated_articles()
    for article in extra:
        site.add_resource(article.path, pages.article_page(article, site.base_url))
    feed = pages.rss_feed("Syndication", extra, site.base_url)
    site.add_resource("/feeds/syndication.xml", feed, "application/rss+xml; charset=utf-8")
    return "syndication"


def measure(db_url: str) -> dict[str, Any]:
    with db.session_scope(db_url) as session:

        def count(query: Any) -> int:
            return int(session.scalar(query) or 0)

        articles = count(select(func.count()).select_from(Article).where(Article.relevant))
        analysed = count(
            select(func.count()).select_from(Article).where(Article.state == "detected")
        )
        event_mentions = count(select(func.count()).select_from(EventMention))
        statement_mentions = count(select(func.count()).select_from(StatementMention))
        events = count(select(func.count()).select_from(Event))
        statements = count(select(func.count()).select_from(Statement))
        per_article = [
            (url, count(select(func.count()).select_from(EventMention).where(
                EventMention.article_id == aid)), count(select(func.count()).select_from(
                StatementMention).where(StatementMention.article_id == aid)))
            for aid, url in session.execute(
                select(Article.id, Article.url).where(Article.relevant).order_by(Article.id)
            )
        ]  # fmt: skip
    per = max(articles, 1)
    return {
        "articles_analysed": analysed,
        "articles_relevant": articles,
        "before": {
            "events": event_mentions,
            "statements": statement_mentions,
            "events_per_article": round(event_mentions / per, 2),
            "statements_per_article": round(statement_mentions / per, 2),
        },
        "after": {
            "events": events,
            "statements": statements,
            "events_per_article": round(events / per, 2),
            "statements_per_article": round(statements / per, 2),
        },
        "per_article": [{"url": url, "events": e, "statements": s} for url, e, s in per_article],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp, LocalSite() as site:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'merging.db'}"
        feeds = site.write_feeds_file(Path(tmp), ["world", "outlet", serve_extra(site)])
        settings = site.settings(db_url=db_url, feeds_file=str(feeds))
        summary = run_pass(settings)
        figures = measure(db_url)
    figures["pass"] = {"articles_new": summary.articles_new, "seconds": summary.seconds}
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    before, after = figures["before"], figures["after"]
    n = figures["articles_relevant"]
    print(
        f"{figures['articles_analysed']} articles analysed, {n} relevant (same stories, several outlets)"
    )
    for row in figures["per_article"]:
        print(f"  {row['events']:>2} events {row['statements']:>2} statements  {row['url']}")
    print(f"{'':14}{'events':>8}{'per article':>13}{'statements':>12}{'per article':>13}")
    for label, data in (("before merging", before), ("after merging", after)):
        print(
            f"{label:14}{data['events']:>8}{data['events_per_article']:>13}"
            f"{data['statements']:>12}{data['statements_per_article']:>13}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Helpers for the hostile suite: poisoned documents on the local site, and database counts
that show nothing was lost and nothing stored twice."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy import func, select

from pipeline import db
from pipeline.schema import (
    Article,
    Delivery,
    Event,
    EventMention,
    Feed,
    Run,
    Statement,
    StatementMention,
)
from tests.support.site import LocalSite

TABLES = (Feed, Article, Event, EventMention, Statement, StatementMention, Delivery)


def poisoned_feed(site: LocalSite, path: str, keys: list[str], poison: str) -> str:
    """An RSS feed at `path` whose items (the site's articles `keys`) carry `poison`, raw
    markup such as `&#0;`, in their title, description, author and guid; returns its URL."""
    items = []
    for key in keys:
        article = site.articles[key]
        link = site.url(article.path)
        items.append(
            f"<item><title>{escape(article.title)} {poison} end</title>"
            f"<link>{escape(link)}</link><guid>{escape(article.slug)}{poison}</guid>"
            f"<author>desk{poison}@example.org</author>"
            f"<description>{escape(article.summary)} {poison} more</description></item>"
        )
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Poisoned {poison}</title><link>{site.base_url}/</link>"
        f"<description>d</description>{''.join(items)}</channel></rss>\n"
    )
    return site.add_resource(path, document.encode("utf-8"), "application/rss+xml")


def counts(url: str) -> dict[str, int]:
    """Rows per table: compared before and after a re-run to show nothing was duplicated."""
    with db.session_scope(url) as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in TABLES
        }


def runs(url: str) -> list[Run]:
    with db.session_scope(url) as session:
        return list(session.scalars(select(Run).order_by(Run.id)))


def articles(url: str) -> dict[str, Article]:
    with db.session_scope(url) as session:
        return {a.url: a for a in session.scalars(select(Article))}


def deliveries(url: str) -> list[Delivery]:
    with db.session_scope(url) as session:
        return list(session.scalars(select(Delivery).order_by(Delivery.id)))


def record_keys(url: str) -> dict[str, Any]:
    """What was stored, independent of ids: the evidence of every event and statement."""
    with db.session_scope(url) as session:
        events = sorted(
            (e.type, e.source_country, e.target_country, e.sentence)
            for e in session.scalars(select(Event))
        )
        statements = sorted((s.speaker_name, s.quote) for s in session.scalars(select(Statement)))
        states = sorted((a.url, a.state) for a in session.scalars(select(Article)))
    return {"events": events, "statements": statements, "articles": states}

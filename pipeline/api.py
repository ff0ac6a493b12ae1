"""The read-only web API and page: events and statements as JSON, and a page for people.

`create_app(settings)` builds a FastAPI app that `diplowatch serve` runs with uvicorn and the
Airflow plugin mounts under /diplowatch. Every answer comes from `pipeline.query`, the
same functions the CLI's `events` and `statements` commands call, with the same filters.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from pipeline import db
from pipeline.errors import DiplowatchError
from pipeline.query import event_record, list_events, list_statements, parse_since
from pipeline.schema import Article, Event, EventMention, Run, Statement
from pipeline.settings import Settings, load_settings

LOGGER = logging.getLogger(__name__)

SettingsSource = Settings | Callable[[], Settings]


class _Database:
    """Settings resolved on first use (the plugin builds the app before any request), and the
    schema brought up to date once, as the CLI's read commands do."""

    def __init__(self, source: SettingsSource | None) -> None:
        self._source: SettingsSource = source if source is not None else load_settings
        self._settings: Settings | None = None
        self._lock = threading.Lock()

    @property
    def settings(self) -> Settings:
        with self._lock:
            if self._settings is None:
                source = self._source
                settings = source if isinstance(source, Settings) else source()
                db.ensure_schema(settings.db_url)
                self._settings = settings
            return self._settings

    @property
    def url(self) -> str:
        return self.settings.db_url


def _split(values: list[str] | None) -> list[str] | None:
    """`?type=ACCUSE&type=REJECT` and `?type=ACCUSE,REJECT` mean the same."""
    items = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    return items or None


def _since(value: str | None) -> Any:
    try:
        return parse_since(value)
    except DiplowatchError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None


def create_app(settings: SettingsSource | None = None) -> FastAPI:
    """The diplowatch API. `settings` may be a Settings, a function returning one (called on
    the first request), or None for `load_settings()` from the environment."""
    database = _Database(settings)
    app = FastAPI(
        title="diplowatch",
        description="US-Russia diplomatic events and statements detected in the news.",
        version="0.1.0",
    )

    @app.get("/events")
    def events(
        since: Annotated[
            str | None, Query(description="ISO date or span back: 36h, 7d, 2w")
        ] = None,
        type: Annotated[
            list[str] | None, Query(description="event types, e.g. ACCUSE,REJECT")
        ] = None,
        country: Annotated[
            str | None, Query(description="source or target country (ISO alpha-3)")
        ] = None,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[dict[str, Any]]:
        with db.session_scope(database.url) as session:
            return list_events(
                session,
                since=_since(since),
                types=_split(type),
                country=country,
                min_confidence=min_confidence,
                limit=limit,
            )

    @app.get("/events/{event_id}")
    def event(event_id: int) -> dict[str, Any]:
        with db.session_scope(database.url) as session:
            found = session.scalar(
                select(Event)
                .where(Event.id == event_id)
                .options(
                    selectinload(Event.mentions)
                    .selectinload(EventMention.article)
                    .load_only(Article.url)
                )
            )
            if found is None:
                raise HTTPException(status_code=404, detail=f"no event with id {event_id}")
            return event_record(found)

    @app.get("/statements")
    def statements(
        since: Annotated[
            str | None, Query(description="ISO date or span back: 36h, 7d, 2w")
        ] = None,
        speaker: Annotated[str | None, Query(description="part of the speaker's name")] = None,
        country: Annotated[
            str | None, Query(description="the speaker's country (ISO alpha-3)")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[dict[str, Any]]:
        with db.session_scope(database.url) as session:
            return list_statements(
                session, since=_since(since), speaker=speaker, country=country, limit=limit
            )

    @app.get("/health")
    def health() -> dict[str, Any]:
        try:
            url = database.url
            with db.session_scope(url) as session:
                counts = {
                    "events": session.scalar(select(func.count()).select_from(Event)),
                    "statements": session.scalar(select(func.count()).select_from(Statement)),
                    "articles": session.scalar(select(func.count()).select_from(Article)),
                }
                last = session.scalar(select(Run).order_by(Run.id.desc()).limit(1))
            revision = db.current_revision(url)
        except (DiplowatchError, SQLAlchemyError) as exc:
            LOGGER.warning("health check: database unavailable: %s", exc)
            raise HTTPException(status_code=503, detail=f"database unavailable: {exc}") from None
        return {
            "status": "ok",
            "schema_revision": revision,
            "schema_current": revision == db.head_revision(),
            "counts": counts,
            "last_run": {
                "id": last.id,
                "status": last.status,
                "started_at": last.started_at.isoformat(),
            }
            if last
            else None,
        }

    @app.get("/", response_class=HTMLResponse)
    def index(limit: Annotated[int, Query(ge=1, le=200)] = 25) -> str:
        with db.session_scope(database.url) as session:
            latest_events = list_events(session, limit=limit)
            latest_statements = list_statements(session, limit=limit)
        return render_page(latest_events, latest_statements)

    return app


# --- the page ----------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; max-width: 1200px; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem;
         border-bottom: 1px solid #d0d7de; }
th { background: #f6f8fa; } td.quote { font-style: italic; }
.muted { color: #656d76; } code { font-size: 0.85rem; }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _sources(urls: list[str]) -> str:
    links = [
        f'<a href="{_e(u)}" rel="noopener noreferrer">{n}</a>' for n, u in enumerate(urls[:5], 1)
    ]
    return " ".join(links)


def render_page(events: list[dict[str, Any]], statements: list[dict[str, Any]]) -> str:
    """The latest events and statements as one HTML page; every value is escaped."""
    rows = [
        "<tr>"
        f"<td>{_e(e['event_date'])}</td><td><b>{_e(e['type'])}</b> {_e(e['mode'] or '')}</td>"
        f"<td>{_e(e['source']['name'])} <span class=muted>{_e(e['source']['country'])}</span>"
        f" &rarr; {_e(e['target']['name'])} "
        f"<span class=muted>{_e(e['target']['country'])}</span></td>"
        f"<td>{_e(e['sentence'])}</td><td>{e['confidence']:.2f}</td>"
        f"<td>{_e(e['mention_count'])}</td><td>{_sources(e['sources'])}</td>"
        "</tr>"
        for e in events
    ]
    said = [
        "<tr>"
        f"<td>{_e(s['statement_date'] or '')}</td>"
        f"<td>{_e(s['speaker']['name'])} <span class=muted>{_e(s['speaker']['country'])}</span>"
        f"</td><td class=quote>&ldquo;{_e(s['quote'])}&rdquo;</td>"
        f"<td>{_e(s['mention_count'])}</td><td>{_sources(s['sources'])}</td>"
        "</tr>"
        for s in statements
    ]
    empty = '<p class="muted">Nothing stored yet.</p>'
    event_table = (
        "<table><tr><th>date</th><th>type</th><th>who &rarr; whom</th><th>evidence</th>"
        "<th>conf.</th><th>mentions</th><th>sources</th></tr>" + "".join(rows) + "</table>"
        if rows
        else empty
    )
    statement_table = (
        "<table><tr><th>date</th><th>speaker</th><th>quote</th><th>mentions</th>"
        "<th>sources</th></tr>" + "".join(said) + "</table>"
        if said
        else empty
    )
    # Links are relative so the page works at / (diplowatch serve) and under /diplowatch/.
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>diplowatch</title><style>{_STYLE}</style></head><body>"
        "<h1>diplowatch: US-Russia diplomatic events and statements</h1>"
        '<p class=muted>JSON: <a href="events">events</a> &middot; '
        '<a href="statements">statements</a> &middot; <a href="health">health</a> &middot; '
        '<a href="docs">API docs</a></p>'
        f"<h2>Latest events ({len(events)})</h2>{event_table}"
        f"<h2>Latest statements ({len(statements)})</h2>{statement_table}"
        "</body></html>"
    )


__all__ = ["create_app", "render_page"]

"""The read-only JSON API (and, from `pipeline.web`, the page), as one FastAPI app.

`create_app(settings)` builds the app that `diplowatch serve` runs with uvicorn and the
Airflow plugin mounts under /diplowatch. Every answer comes from `pipeline.query` with
filters checked by `pipeline.filters`: the same functions and the same rules as the CLI.
Lists are pages (`total`, `offset`, `limit`, `items`); a filter value the API does not know
is refused with 422 listing the valid ones; no query string gives a 500.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import fastapi_offline
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from pipeline import api_models as models
from pipeline import db
from pipeline.auth import Authenticator
from pipeline.errors import DiplowatchError, QueryError
from pipeline.filters import EventFilter, StatementFilter, event_filter, statement_filter
from pipeline.output import EVENT_FIELDS, STATEMENT_FIELDS, write_csv
from pipeline.query import (
    MAX_ID,
    Page,
    event_records,
    event_stats,
    export_events,
    feed_health,
    get_article,
    get_event,
    get_statement,
    known_values,
    list_events,
    list_statements,
    recent_runs,
)
from pipeline.schema import Article, Event, Run, Statement
from pipeline.web.context import AppContext, SettingsSource

LOGGER = logging.getLogger(__name__)

DOCS_ASSETS = Path(fastapi_offline.__file__ or "").resolve().parent / "static"
MAX_EXPORT = 10_000
_bearer = HTTPBearer(auto_error=False, description="the DIPLOWATCH_API_TOKEN, when one is set")


# --- the parameters of the lists ------------------------------------------------------------

Q = Annotated[
    str | None,
    Query(
        description="full-text search of sentences, quotes, names and titles: words (all must "
        'appear), "a phrase", prefix*, -excluded, a OR b',
        max_length=2000,
    ),
]
Since = Annotated[
    str | None, Query(description="from this date (YYYY-MM-DD) or span back: 36h, 7d, 2w")
]
Until = Annotated[
    str | None, Query(description="up to this date, inclusive (YYYY-MM-DD or a span back)")
]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="skip this many (paging)")]


@dataclass(frozen=True)
class EventParams:
    q: str | None
    since: str | None
    until: str | None
    types: list[str] | None
    modes: list[str] | None
    country: str | None
    source: str | None
    target: str | None
    actor: str | None
    min_confidence: float | None


def event_params(
    q: Q = None,
    since: Since = None,
    until: Until = None,
    type: Annotated[
        list[str] | None,
        Query(description="PLOVER types: type=ACCUSE&type=REJECT or ACCUSE,REJECT"),
    ] = None,
    mode: Annotated[list[str] | None, Query(description="modes, e.g. offer,sanctions")] = None,
    country: Annotated[str | None, Query(description="either side (ISO alpha-3), e.g. RUS")] = None,
    source: Annotated[str | None, Query(description="the acting side, e.g. USA")] = None,
    target: Annotated[str | None, Query(description="the side acted on, e.g. RUS")] = None,
    actor: Annotated[
        str | None, Query(description="part of a source, target, speaker or reporter name")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
) -> EventParams:
    return EventParams(q, since, until, type, mode, country, source, target, actor, min_confidence)


@dataclass(frozen=True)
class StatementParams:
    q: str | None
    since: str | None
    until: str | None
    country: str | None
    speaker: str | None
    direct: bool | None


def statement_params(
    q: Q = None,
    since: Since = None,
    until: Until = None,
    country: Annotated[str | None, Query(description="the speaker's side, e.g. RUS")] = None,
    speaker: Annotated[str | None, Query(description="part of the speaker's name")] = None,
    direct: Annotated[
        bool | None, Query(description="true: direct quotes only; false: paraphrases only")
    ] = None,
) -> StatementParams:
    return StatementParams(q, since, until, country, speaker, direct)


def check_events(context: AppContext, session: Any, params: EventParams) -> EventFilter:
    values = asdict(params)
    return event_filter(**values, known=known_values(session, context.settings.sides))


def check_statements(context: AppContext, session: Any, params: StatementParams) -> StatementFilter:
    return statement_filter(**asdict(params), known=known_values(session, context.settings.sides))


def _invalid(parameter: str, message: str, value: Any = None) -> JSONResponse:
    """A 422 in the shape FastAPI gives for its own validation errors."""
    return JSONResponse(
        status_code=422,
        content={
            "detail": [
                {"type": "value_error", "loc": ["query", parameter], "msg": message, "input": value}
            ]
        },
    )


# A long export is written in parts of this many records, each read in its own short
# transaction: the first part goes out while the rest is still being read.
EXPORT_PART = 200


def _csv(
    page: Page,
    fields: list[str],
    name: str,
    rest: list[int] | None = None,
    read: Callable[[list[int]], list[dict[str, Any]]] | None = None,
) -> Response:
    """The page's records as CSV, then (streamed) those of `rest`, read by `read`."""

    def parts() -> Iterator[str]:
        buffer = io.StringIO()
        write_csv(page.items, fields, buffer)
        yield buffer.getvalue()
        for start in range(0, len(rest or []), EXPORT_PART):
            assert rest is not None and read is not None
            buffer = io.StringIO()
            write_csv(read(rest[start : start + EXPORT_PART]), fields, buffer, header=False)
            yield buffer.getvalue()

    return StreamingResponse(
        parts(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="diplowatch-{name}.csv"',
            "X-Total-Count": str(page.total),
            "X-Total-Exact": "true" if page.total_exact else "false",
        },
    )


def create_app(
    settings: SettingsSource | None = None,
    *,
    host_auth: Authenticator | None = None,
    always_auth: bool = False,
) -> FastAPI:
    """The diplowatch API and page. `settings` may be a Settings, a function returning one
    (called on the first request), or None for `load_settings()` from the environment.
    `host_auth` lets a host application vouch for a request (the Airflow plugin: a logged-in
    Airflow user); `always_auth` asks for it even when no DIPLOWATCH_API_TOKEN is set."""
    from pipeline.web import pages

    context = AppContext(settings, host_auth=host_auth, always_auth=always_auth)

    async def no_nul(request: Request) -> None:
        for key, value in request.query_params.multi_items():
            if "\x00" in key or "\x00" in value:
                raise QueryError(key.replace("\x00", ""), "contains a NUL character")

    async def authorized(request: Request, _: Annotated[Any, Depends(_bearer)] = None) -> None:
        if not await context.guard().allows(request):
            raise HTTPException(
                status_code=401,
                detail="a valid bearer token is required: send 'Authorization: Bearer <token>'",
                headers={"WWW-Authenticate": "Bearer"},
            )

    app = FastAPI(
        title="diplowatch",
        description=(
            "US-Russia diplomatic events and statements detected in the news. Lists are pages: "
            "`total` counts everything the filter matches (a text search up to 1,000: beyond, "
            "`total_exact` is false and `total` means 'at least'), `offset` and `limit` choose "
            "the slice. Unknown filter values are refused with 422 listing the valid ones. When "
            "DIPLOWATCH_API_TOKEN is set every request needs `Authorization: Bearer <token>`."
        ),
        version="0.2.0",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(no_nul)],
    )
    app.state.context = context

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        shown = page_error(request, exc)
        if shown is not None:
            return shown
        return _invalid(exc.parameter, exc.problem, request.query_params.get(exc.parameter))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> JSONResponse:
        LOGGER.warning("database error answering %s: %s", request.url.path, exc)
        return JSONResponse(status_code=503, content={"detail": "database unavailable"})

    @app.exception_handler(DiplowatchError)
    async def diplowatch_error(request: Request, exc: DiplowatchError) -> JSONResponse:
        LOGGER.warning("answering %s: %s", request.url.path, exc)
        return JSONResponse(status_code=503, content={"detail": f"database unavailable: {exc}"})

    guarded = [Depends(authorized)]
    errors: dict[int | str, dict[str, Any]] = {
        401: {"model": models.Problem, "description": "no or a wrong bearer token"},
    }

    @app.get("/events", dependencies=guarded, responses=errors, tags=["events"])
    def events(
        params: Annotated[EventParams, Depends(event_params)],
        offset: Offset = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> models.EventPage:
        """Merged events matching the filter, newest event date first."""
        with context.session() as session:
            page = list_events(
                session, check_events(context, session, params), offset=offset, limit=limit
            )
        return models.EventPage.model_validate(page.to_dict())

    @app.get(
        "/events.csv",
        dependencies=guarded,
        responses=errors,
        tags=["events"],
        response_class=Response,
    )
    def events_csv(
        params: Annotated[EventParams, Depends(event_params)],
        offset: Offset = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = 1000,
    ) -> Response:
        """The same list as CSV: a fixed header of every column, nested values flattened."""
        with context.session() as session:
            page, rest = export_events(
                session,
                check_events(context, session, params),
                offset=offset,
                limit=limit,
                first=EXPORT_PART,
            )

        def read(ids: list[int]) -> list[dict[str, Any]]:
            with context.session() as session:
                return event_records(session, ids)

        return _csv(page, EVENT_FIELDS, "events", rest, read)

    @app.get(
        "/events/{event_id}",
        dependencies=guarded,
        tags=["events"],
        responses={**errors, 404: {"model": models.Problem}},
    )
    def event(event_id: int) -> models.EventDetail:
        """One event with every mention: sentence, quote, reporter and the article of each."""
        with context.session() as session:
            found = get_event(session, event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event with id {event_id}")
        return models.EventDetail.model_validate(found)

    @app.get("/statements", dependencies=guarded, responses=errors, tags=["statements"])
    def statements(
        params: Annotated[StatementParams, Depends(statement_params)],
        offset: Offset = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> models.StatementPage:
        """Merged statements matching the filter, newest first (undated ones last)."""
        with context.session() as session:
            filters = check_statements(context, session, params)
            page = list_statements(session, filters, offset=offset, limit=limit)
        return models.StatementPage.model_validate(page.to_dict())

    @app.get(
        "/statements.csv",
        dependencies=guarded,
        responses=errors,
        tags=["statements"],
        response_class=Response,
    )
    def statements_csv(
        params: Annotated[StatementParams, Depends(statement_params)],
        offset: Offset = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = 1000,
    ) -> Response:
        with context.session() as session:
            filters = check_statements(context, session, params)
            page = list_statements(session, filters, offset=offset, limit=limit)
        return _csv(page, STATEMENT_FIELDS, "statements")

    @app.get(
        "/statements/{statement_id}",
        dependencies=guarded,
        tags=["statements"],
        responses={**errors, 404: {"model": models.Problem}},
    )
    def statement(statement_id: int) -> models.StatementDetail:
        """One statement with every article that quoted it."""
        with context.session() as session:
            found = get_statement(session, statement_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no statement with id {statement_id}")
        return models.StatementDetail.model_validate(found)

    @app.get(
        "/articles/{article_id}",
        dependencies=guarded,
        tags=["articles"],
        responses={**errors, 404: {"model": models.Problem}},
    )
    def article(article_id: int) -> models.Article:
        """One stored article (its text, never its raw HTML) and the records it reports."""
        with context.session() as session:
            found = get_article(session, article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
        return models.Article.model_validate(found)

    @app.get(
        "/stats",
        dependencies=guarded,
        responses=errors,
        tags=["events"],
        response_model=models.Stats,
    )
    def stats(
        params: Annotated[EventParams, Depends(event_params)],
        bucket: Annotated[
            Literal["auto", "day", "week", "month"],
            Query(
                description="the period of the series; auto: days up to four months, "
                "weeks up to three years, months beyond"
            ),
        ] = "auto",
    ) -> Response:
        """Counts of the events matching the filter: in all, by type, by direction, and per
        period by type and direction (the page's timeline)."""
        with context.session() as session:
            counted = event_stats(session, check_events(context, session, params), bucket)
        return JSONResponse(counted)  # already in the documented shape; not validated again

    @app.get("/feeds", dependencies=guarded, responses=errors, tags=["operations"])
    def feeds() -> list[models.Feed]:
        """Every enabled feed and its health, failing ones first."""
        with context.session() as session:
            return [models.Feed.model_validate(f) for f in feed_health(session)]

    @app.get("/runs", dependencies=guarded, responses=errors, tags=["operations"])
    def runs(limit: Annotated[int, Query(ge=1, le=1000)] = 20) -> list[models.Run]:
        """The latest passes, newest first."""
        with context.session() as session:
            return [models.Run.model_validate(r) for r in recent_runs(session, limit)]

    @app.get("/health", dependencies=guarded, responses=errors, tags=["operations"])
    def health() -> dict[str, Any]:
        """Database reachable, schema revision, counts, the last pass."""
        try:
            url = context.url
            with db.session_scope(url) as session:
                counts = {
                    "events": session.scalar(select(func.count()).select_from(Event)),
                    "statements": session.scalar(select(func.count()).select_from(Statement)),
                    "articles": session.scalar(select(func.count()).select_from(Article)),
                }
                last = session.scalar(select(Run).order_by(Run.id.desc()).limit(1))
                last_run = (
                    {
                        "id": last.id,
                        "status": last.status,
                        "started_at": last.started_at.isoformat(),
                    }
                    if last
                    else None
                )
            revision = db.current_revision(url)
        except (DiplowatchError, SQLAlchemyError) as exc:
            LOGGER.warning("health check: database unavailable: %s", exc)
            raise HTTPException(status_code=503, detail=f"database unavailable: {exc}") from None
        return {
            "status": "ok",
            "schema_revision": revision,
            "schema_current": revision == db.head_revision(),
            "counts": counts,
            "last_run": last_run,
        }

    # --- the API's own documentation, from files in installed packages (no CDN) -----------

    @app.get("/openapi.json", include_in_schema=False, dependencies=guarded)
    def openapi() -> dict[str, Any]:
        return app.openapi()

    @app.get("/docs", include_in_schema=False, dependencies=guarded)
    def swagger() -> HTMLResponse:
        # relative URLs: the app may be mounted under a prefix (/diplowatch in Airflow)
        return get_swagger_ui_html(
            openapi_url="openapi.json",
            title="diplowatch API",
            swagger_js_url="docs-assets/swagger-ui-bundle.js",
            swagger_css_url="docs-assets/swagger-ui.css",
            swagger_favicon_url="docs-assets/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False, dependencies=guarded)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="openapi.json",
            title="diplowatch API",
            redoc_js_url="docs-assets/redoc.standalone.js",
            redoc_favicon_url="docs-assets/favicon.png",
            with_google_fonts=False,
        )

    app.mount("/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")
    page_error = pages.install(app, context)
    return app


__all__ = ["create_app"]

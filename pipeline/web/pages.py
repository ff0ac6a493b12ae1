"""The page's routes: the events and statements lists with their filter form, one event or
statement with every mention, feed health and recent passes, and signing in with the token.

Every link is relative (`base` leads back to the app's root), so the same pages work at /
under `diplowatch serve` and at /diplowatch/ inside Airflow. The filter's state lives in the
URL: a filtered view can be bookmarked, shared and exported as it is.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from pipeline.auth import COOKIE, cookie_path, safe_next, session_value
from pipeline.errors import QueryError
from pipeline.filters import lexicon_modes
from pipeline.models import EVENT_TYPES
from pipeline.query import (
    MAX_ID,
    event_stats,
    feed_health,
    get_event,
    get_statement,
    list_events,
    list_statements,
    overview,
    recent_runs,
)
from pipeline.web import timeline
from pipeline.web.context import AppContext

LOGGER = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
PAGE_SIZES = (25, 50, 100)
_WORD = re.compile(r"[^\W_]+")


class LoginRequired(Exception):
    """The page asks for the token (or the host's login) first."""


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters["mark"] = mark
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    env.filters["when"] = _when
    env.globals["TYPE_COLORS"] = timeline.TYPE_COLORS
    return env


def mark(text: str | None, words: list[str]) -> Markup:
    """The text, escaped, with the searched words (or words they prefix) in <mark>."""
    if not text:
        return Markup("")
    if not words:
        return escape(text)
    wanted = tuple(w.lower() for w in words)
    out, last = [], 0
    for match in _WORD.finditer(text):
        if match.group(0).lower().startswith(wanted):
            out.append(escape(text[last : match.start()]))
            out.append(Markup("<mark>") + escape(match.group(0)) + Markup("</mark>"))
            last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _when(value: str | None) -> str:
    """An ISO timestamp as people read it, in UTC."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return moment.strftime("%d %b %Y")
    return moment.astimezone(dt.UTC).strftime("%d %b %Y %H:%M UTC")


def _relative(request: Request) -> tuple[str, str]:
    """(base, path): the way back to the app's root from this page, and the page's own path
    under the root, e.g. ("../../", "view/events/5")."""
    root = str(request.scope.get("root_path") or "").rstrip("/")
    path = request.url.path
    if root and path.startswith(root):
        path = path[len(root) :]
    depth = max(path.count("/") - 1, 0)
    return ("../" * depth) or "./", path.lstrip("/")


def _api_query(pairs: list[tuple[str, Any]]) -> str:
    return urlencode([(k, v) for k, v in pairs if v not in (None, "", [])], doseq=True)


class Query:
    """The query string of a page, and links to the same page with some values changed."""

    def __init__(self, request: Request) -> None:
        self.values = {k: v for k, v in parse_qs(request.url.query).items()}

    def get(self, key: str) -> str | None:
        found = self.values.get(key)
        return found[0] if found else None

    def getlist(self, key: str) -> list[str]:
        return list(self.values.get(key, []))

    def with_(self, **changes: Any) -> str:
        values = dict(self.values)
        for key, value in changes.items():
            if value is None or value == "" or value == []:
                values.pop(key, None)
            else:
                values[key] = value if isinstance(value, list) else [str(value)]
        values.pop("page", None) if "page" not in changes else None
        pairs = [(k, v) for k, vs in values.items() for v in vs if v != ""]
        return urlencode(pairs)


def event_export(query: Query) -> str:
    """The page's filter as the API's query string (what the CSV and JSON links carry)."""
    return _api_query(
        [
            ("q", query.get("q")),
            ("since", query.get("since")),
            ("until", query.get("until")),
            ("type", query.getlist("type")),
            ("mode", query.getlist("mode")),
            *_sides(query).items(),
            ("actor", query.get("actor")),
            ("min_confidence", query.get("min_confidence")),
        ]
    )


def statement_export(query: Query) -> str:
    said = {"direct": "true", "paraphrase": "false"}.get(query.get("said") or "")
    return _api_query(
        [
            ("q", query.get("q")),
            ("since", query.get("since")),
            ("until", query.get("until")),
            ("country", (query.get("side") or "").split(">")[0]),
            ("speaker", query.get("speaker")),
            ("direct", said),
        ]
    )


def _page_number(query: Query) -> tuple[int, int]:
    try:
        page = int(query.get("page") or 1)
    except ValueError:
        page = 1
    try:
        per = int(query.get("per") or 50)
    except ValueError:
        per = 50
    per = per if per in PAGE_SIZES else 50
    return min(max(page, 1), MAX_ID // per), per


def _confidence(query: Query) -> float | None:
    value = query.get("min_confidence")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise QueryError("min_confidence", f"{value!r} is not a number from 0 to 1") from None
    if not (math.isfinite(number) and 0 <= number <= 1):
        raise QueryError("min_confidence", f"{value!r} is not a number from 0 to 1")
    return number


def _sides(query: Query) -> dict[str, str | None]:
    """The form's one `side` choice as the API's filters: `RUS` is either side, `USA>RUS` a
    direction."""
    side = (query.get("side") or "").strip().upper()
    if ">" in side:
        source, _, target = side.partition(">")
        return {"country": None, "source": source or None, "target": target or None}
    return {"country": side or None, "source": None, "target": None}


def _pages(page: int, per: int, total: int, exact: bool = True) -> list[int | None]:
    """Page numbers to offer: the first, the last and those near this one (None is a gap).
    When the total is only a floor there is no known last page: a gap ends the list."""
    last = max(1, math.ceil(total / per))
    if not exact:
        last = max(last, page + 2)
    wanted = sorted(
        {1, *range(max(1, page - 2), min(last, page + 2) + 1)} | ({last} if exact else set())
    )
    out: list[int | None] = []
    for number in wanted:
        if out and out[-1] is not None and number - out[-1] > 1:  # type: ignore[operator]
            out.append(None)
        out.append(number)
    if not exact:
        out.append(None)
    return out


def install(
    app: FastAPI, context: AppContext
) -> Callable[[Request, QueryError], HTMLResponse | None]:
    """Add the page's routes, its static files and the sign-in to `app`."""
    from pipeline.api import EventParams, StatementParams, check_events, check_statements

    env = _environment()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def render(request: Request, name: str, code: int = 200, **values: Any) -> HTMLResponse:
        base, path = _relative(request)
        values.setdefault("status", None)
        html = env.get_template(name).render(
            base=base,
            path=path,
            sides=context.settings.sides,
            signed_in=context.guard().cookie_matches(request),
            **values,
        )
        return HTMLResponse(html, status_code=code)

    def page_error(request: Request, exc: QueryError) -> HTMLResponse | None:
        """A bad value in a page's own query string, shown on a page (None: not a page)."""
        _, path = _relative(request)
        if path and not path.startswith("view/"):
            return None
        return render(request, "problem.html", 422, error=exc)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        _, path = _relative(request)
        target = "./" + path + (f"?{request.url.query}" if request.url.query else "")
        return render(
            request, "login.html", 401, next=target, host_login=context.host_auth is not None
        )

    async def page_access(request: Request) -> None:
        if not await context.guard().allows(request):
            raise LoginRequired()

    guarded = [Depends(page_access)]

    @app.get("/", include_in_schema=False, dependencies=guarded)
    def events_page(request: Request) -> HTMLResponse:
        query = Query(request)
        page, per = _page_number(query)
        error = None
        with context.session() as session:
            status = overview(session)
            try:
                params = EventParams(
                    q=query.get("q"),
                    since=query.get("since"),
                    until=query.get("until"),
                    types=query.getlist("type") or None,
                    modes=query.getlist("mode") or None,
                    actor=query.get("actor"),
                    min_confidence=_confidence(query),
                    **_sides(query),
                )
                filters = check_events(context, session, params)
                stats = event_stats(session, filters)
                listed = list_events(
                    session, filters, offset=(page - 1) * per, limit=per, total=stats["total"]
                )
            except QueryError as exc:
                error, filters, listed, stats = exc, None, None, None
        words = filters.query.words if filters is not None and filters.query else []
        sides = context.settings.sides
        order = {kind: i for i, kind in enumerate(EVENT_TYPES)}
        legend = sorted(stats["by_type"], key=lambda t: order.get(t["type"], 99)) if stats else []
        directions = (
            sorted(stats["by_direction"], key=lambda d: (d["source"] != sides[0], d["source"]))
            if stats
            else []
        )
        svg, size = Markup(""), "day"
        if stats and stats["series"]:
            svg, size = timeline.render(
                stats["series"],
                context.settings.sides,
                lambda start, end: (
                    "./?" + query.with_(since=start.isoformat(), until=end.isoformat())
                ),
                since=filters.since if filters else None,
                until=filters.until if filters else None,
                size=stats["bucket"],
            )
        return render(
            request,
            "events.html",
            422 if error else 200,
            status=status,
            query=query,
            error=error,
            filters=filters,
            listed=listed,
            stats=stats,
            words=words,
            svg=svg,
            bucket=size,
            page=page,
            per=per,
            pages=_pages(page, per, listed.total, listed.total_exact) if listed else [],
            legend=legend,
            directions=directions,
            types=EVENT_TYPES,
            modes=sorted(lexicon_modes()),
            export=event_export(query),
        )

    @app.get("/view/statements", include_in_schema=False, dependencies=guarded)
    def statements_page(request: Request) -> HTMLResponse:
        query = Query(request)
        page, per = _page_number(query)
        error, filters, listed = None, None, None
        direct = {"direct": True, "paraphrase": False}.get(query.get("said") or "")
        with context.session() as session:
            status = overview(session)
            try:
                params = StatementParams(
                    q=query.get("q"),
                    since=query.get("since"),
                    until=query.get("until"),
                    country=(query.get("side") or "").split(">")[0] or None,
                    speaker=query.get("speaker"),
                    direct=direct,
                )
                filters = check_statements(context, session, params)
                listed = list_statements(session, filters, offset=(page - 1) * per, limit=per)
            except QueryError as exc:
                error = exc
        return render(
            request,
            "statements.html",
            422 if error else 200,
            status=status,
            query=query,
            error=error,
            filters=filters,
            listed=listed,
            words=filters.query.words if filters is not None and filters.query else [],
            page=page,
            per=per,
            pages=_pages(page, per, listed.total, listed.total_exact) if listed else [],
            export=statement_export(query),
        )

    @app.get("/view/events/{event_id}", include_in_schema=False, dependencies=guarded)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        with context.session() as session:
            status = overview(session)
            found = get_event(session, int(event_id)) if event_id.isdigit() else None
        if found is None:
            return render(request, "missing.html", 404, status=status, what="event", id=event_id)
        return render(request, "event.html", status=status, event=found)

    @app.get("/view/statements/{statement_id}", include_in_schema=False, dependencies=guarded)
    def statement_page(request: Request, statement_id: str) -> HTMLResponse:
        with context.session() as session:
            status = overview(session)
            found = get_statement(session, int(statement_id)) if statement_id.isdigit() else None
        if found is None:
            return render(
                request, "missing.html", 404, status=status, what="statement", id=statement_id
            )
        return render(request, "statement.html", status=status, statement=found)

    @app.get("/view/feeds", include_in_schema=False, dependencies=guarded)
    def feeds_page(request: Request) -> HTMLResponse:
        with context.session() as session:
            status = overview(session)
            feeds = feed_health(session)
            runs = recent_runs(session, 20)
        return render(request, "feeds.html", status=status, feeds=feeds, runs=runs)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        token = (form.get("token") or [""])[0].strip()
        target = safe_next((form.get("next") or [""])[0])
        guard = context.guard()
        if not guard.token_matches(token):
            return render(
                request,
                "login.html",
                401,
                next=target,
                host_login=context.host_auth is not None,
                failed=bool(guard.token),
            )
        base, _ = _relative(request)
        response = RedirectResponse(base + target.removeprefix("./"), status_code=303)
        response.set_cookie(
            COOKIE,
            session_value(guard.token or ""),
            path=cookie_path(request),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        base, _ = _relative(request)
        response = RedirectResponse(base, status_code=303)
        response.delete_cookie(COOKIE, path=cookie_path(request), httponly=True, samesite="strict")
        return response

    return page_error


__all__ = ["install", "mark"]

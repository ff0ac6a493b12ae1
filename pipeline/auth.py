"""Who may read the API and the page: a bearer token, a cookie the page keeps, or the host's
own login (Airflow's, when the app is mounted there).

With `DIPLOWATCH_API_TOKEN` set, every request must carry `Authorization: Bearer <token>`,
or the page's cookie, which holds a digest of the token (never the token itself) and is set
by signing in once on the page. A host application may add its own check (`Authenticator`):
the Airflow plugin accepts Airflow's logged-in users, and asks for one even without a token.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.requests import Request

LOGGER = logging.getLogger(__name__)

COOKIE = "diplowatch_session"
# A request the host vouches for (e.g. a logged-in Airflow user).
Authenticator = Callable[[Request], Awaitable[bool]]


def session_value(token: str) -> str:
    """What the page's cookie holds: a digest of the token, so the browser never stores it."""
    return hmac.new(
        token.encode("utf-8"), b"diplowatch page session v1", hashlib.sha256
    ).hexdigest()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        return None
    return credentials.strip()


@dataclass(frozen=True)
class Guard:
    """The app's access rule: a token (when configured), else open, unless `always` asks for
    the host's authenticator."""

    token: str | None
    host: Authenticator | None = None
    always: bool = False

    @property
    def required(self) -> bool:
        return bool(self.token) or self.always

    def token_matches(self, given: str | None) -> bool:
        return bool(self.token and given and _same(given, self.token))

    def cookie_matches(self, request: Request) -> bool:
        value = request.cookies.get(COOKIE)
        return bool(self.token and value and _same(value, session_value(self.token)))

    async def allows(self, request: Request) -> bool:
        if not self.required:
            return True
        if self.token_matches(bearer(request)) or self.cookie_matches(request):
            return True
        if self.host is not None:
            try:
                return await self.host(request)
            except Exception as exc:  # a host's check failing is a refusal, never a 500
                LOGGER.warning("the host's authentication check failed: %s", exc)
        return False


def cookie_path(request: Request) -> str:
    """The app's own path, so the cookie goes to this app only (/ or /diplowatch/)."""
    root = str(request.scope.get("root_path") or "")
    return root.rstrip("/") + "/"


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a relative path of this app, never another site."""
    if not value or not value.startswith("./") or "//" in value or "\\" in value:
        return "./"
    return value


__all__ = [
    "COOKIE",
    "Authenticator",
    "Guard",
    "bearer",
    "cookie_path",
    "safe_next",
    "session_value",
]

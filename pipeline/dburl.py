"""Database URLs: the spellings accepted, and what makes one unusable, checked before connecting.

Kept apart from `pipeline.db` (engines, sessions, migrations) so that settings can check a
URL at load without loading database code (the DAG files build settings at parse time).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

SQLITE_DRIVERS = frozenset({"sqlite", "sqlite+pysqlite"})
EXAMPLES = "sqlite:///path/to/diplowatch.db or postgresql://user:password@host:5432/dbname"


def normalize_url(url: str) -> str:
    """Accept the usual spellings of a database URL and pick our drivers."""
    url = url.strip()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if url and "://" not in url:  # a bare path means an SQLite file
        url = f"sqlite:///{url}"
    return url


def url_problem(url: str) -> str | None:
    """What is wrong with a database URL before connecting, or None.

    Refused: an empty URL, an unknown scheme or driver, an SQLite URL without a file (an
    in-memory database would keep nothing and re-send every alert), and a PostgreSQL URL
    without a database name (it would write into the server's default database).
    """
    if not url.strip():
        return f"must not be empty; set it to {EXAMPLES}, or unset it for ./diplowatch.db"
    try:
        parsed = make_url(normalize_url(url))
        port = parsed.port
    except (ArgumentError, ValueError):
        return f"is not a database URL; write {EXAMPLES}"
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.drivername not in SQLITE_DRIVERS:
            return f"names the SQLite driver {parsed.drivername!r}, which is not installed; write sqlite:///path.db"
        database = parsed.database or ""
        if not database or database == ":memory:" or "mode=memory" in database:
            return (
                "names no SQLite file, which would mean an in-memory database that keeps "
                "nothing; write sqlite:///path/to/diplowatch.db"
            )
        return None
    if backend == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            return (
                f"asks for the driver {parsed.drivername!r}; diplowatch uses psycopg 3: "
                "write postgresql://user@host:5432/dbname"
            )
        if not parsed.database:
            return (
                "names no database, so it would write into the server's default database; "
                "add it: postgresql://user@host:5432/dbname"
            )
        if port is not None and not 0 < port < 65536:
            return f"has the port {port}, which is not a TCP port (1-65535)"
        return None
    return (
        f"uses the scheme {parsed.drivername!r}; diplowatch stores its records in SQLite or "
        f"PostgreSQL: write {EXAMPLES}"
    )


def safe_url(url: str) -> str:
    """The URL as it may be shown: the password hidden."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(an unreadable database URL)"


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (None for PostgreSQL)."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database).expanduser()


__all__ = ["EXAMPLES", "normalize_url", "safe_url", "sqlite_path", "url_problem"]

"""Engines, sessions, migrations and the one upsert helper, for SQLite and Postgres alike."""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from pipeline.dburl import normalize_url, safe_url, sqlite_path, url_problem
from pipeline.errors import ConfigError, DatabaseError
from pipeline.locks import file_lock

LOGGER = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# Seconds to wait for a PostgreSQL server to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 10
# Key of the advisory lock that serialises schema upgrades (any fixed 64-bit number).
_SCHEMA_LOCK_KEY = 0x64_77_73_63_68_65_6D_61  # "dwschema"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets readers (the API, a second CLI) work while a pass writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@lru_cache(maxsize=16)
def get_engine(url: str) -> Engine:
    """One engine per database URL per process. ConfigError for a URL that cannot work."""
    problem = url_problem(url)
    if problem is not None:
        raise ConfigError(
            f"the database URL {safe_url(url)!r} {problem}", source="DIPLOWATCH_DB_URL"
        )
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        assert path is not None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the directory {path.parent} for the SQLite database "
                f"({exc.strerror}); choose a writable path in DIPLOWATCH_DB_URL"
            ) from None
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _on_sqlite_connect)
    else:
        _cache_long_queries()
        engine = create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT}
        )
    _ENGINES.add(engine)
    return engine


_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


def dispose_engines() -> None:
    """Close the pooled connections of every engine this process made (before it exits
    without the interpreter's clean-up: `pipeline.cli.entry`)."""
    for engine in list(_ENGINES):
        engine.dispose()


def _cache_long_queries() -> None:
    """psycopg converts a query's placeholders again at every execution when the query is
    longer than 4 KB or has more than 50 parameters; the merge look-ups have 23 to 44 KB and
    up to 281 (4.5 to 9.5 ms of CPU each time, on the coordinator's critical path). Convert
    each once (its converted form is then reused, like that of any short query)."""
    try:
        from psycopg import _queries
    except ImportError:  # another driver, or psycopg changed: only slower
        return
    if hasattr(_queries, "MAX_CACHED_STATEMENT_LENGTH"):
        _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, 65536)
    if hasattr(_queries, "MAX_CACHED_STATEMENT_PARAMS"):
        _queries.MAX_CACHED_STATEMENT_PARAMS = max(_queries.MAX_CACHED_STATEMENT_PARAMS, 1024)


def explain(url: str, exc: BaseException) -> DatabaseError:
    """A DatabaseError saying in plain words why the database at `url` failed, and what to do."""
    orig = getattr(exc, "orig", None) or exc
    # PostgreSQL adds the failing statement ("LINE 1: INSERT INTO ..."): no help to the
    # reader, and it can be long; the message ends before it.
    reason = " ".join(str(orig).split("\nLINE ", 1)[0].split()) or type(orig).__name__
    shown = safe_url(url)
    parsed = make_url(normalize_url(url))
    low = reason.lower()
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if "unable to open" in low or "readonly" in low or "read-only" in low:
            return DatabaseError(
                f"cannot open or write the SQLite database {path} ({reason}); check that the "
                "file and its directory exist and are writable by this user, or choose another "
                "path in DIPLOWATCH_DB_URL"
            )
        if "locked" in low:
            return DatabaseError(
                f"the SQLite database {path} stayed locked by another process ({reason}); "
                "retry when the other diplowatch command has finished"
            )
        return DatabaseError(f"the SQLite database {path} failed: {reason}")
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    if "role" in low and "does not exist" in low:
        hint = (
            f"create the role (createuser {parsed.username}) or fix the user in DIPLOWATCH_DB_URL"
        )
    elif "database" in low and "does not exist" in low:
        hint = (
            f"create it (createdb -O {parsed.username or 'OWNER'} {parsed.database}) or fix "
            "the database name in DIPLOWATCH_DB_URL"
        )
    elif "password" in low or "authentication" in low:
        hint = "check the user and password in DIPLOWATCH_DB_URL (or the diplowatch_db connection)"
    elif "refused" in low or "no route" in low or "timeout" in low or "timed out" in low:
        hint = (
            f"nothing answers at {where}: check the host and port in DIPLOWATCH_DB_URL and that "
            "PostgreSQL is running there"
        )
    elif "translate host" in low or "name or service" in low or "resolve" in low:
        hint = f"the host {parsed.host!r} is unknown: check the host in DIPLOWATCH_DB_URL"
    elif _connection_lost(exc):
        hint = (
            "the connection was lost; what was committed before is kept and the next pass "
            "resumes from there: check that the server is running"
        )
    else:
        hint = "check DIPLOWATCH_DB_URL and that the server is running"
    return DatabaseError(f"database {shown}: {reason}; {hint}")


def _connection_lost(exc: BaseException) -> bool:
    if getattr(exc, "connection_invalidated", False):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return any(
        words in text
        for words in (
            "server closed the connection",
            "terminating connection",
            "connection is closed",
            "consuming input failed",
            "connection already closed",
        )
    )


def session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on error.

    A database that cannot be reached, or a connection lost inside the transaction, raises
    DatabaseError with the reason; nothing of the failed transaction is kept.
    """
    try:
        with session_factory(url).begin() as session:
            yield session
    except (OperationalError, InterfaceError) as exc:
        raise explain(url, exc) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise explain(url, exc) from exc
        raise


@contextmanager
def connect(url: str) -> Iterator[Connection]:
    """A connection in one transaction, with the same errors as `session_scope`."""
    try:
        with get_engine(url).begin() as connection:
            yield connection
    except (OperationalError, InterfaceError) as exc:
        raise explain(url, exc) from exc


def _alembic_config(url: str) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    return config


@contextmanager
def _schema_connection(url: str) -> Iterator[Connection]:
    """A connection on which to upgrade the schema, held by one process at a time: two
    passes starting together on a new database must not both create the tables.

    PostgreSQL: a transaction-level advisory lock, taken first in the upgrade's transaction.
    SQLite, whose DDL is not one transaction here: a lock file beside the database, taken
    before the connection is opened, so the later process reads the schema the earlier one
    committed (a connection opened first may keep reading the file as it was).
    """
    get_engine(url)  # a URL that cannot work fails here, by name
    path = sqlite_path(url)
    if path is None:
        with connect(url) as connection:
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY}
            )
            yield connection
        return
    with file_lock(path.with_name(path.name + ".schema-lock"), wait=True), connect(url) as conn:
        yield conn


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database schema to `revision` (creating the database's tables if new).

    Safe when several processes do it at once: they take turns, and the later ones find
    the work done.
    """
    from alembic import command

    config = _alembic_config(url)
    with _schema_connection(url) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with connect(url) as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


_REVISION_LINE = re.compile(
    r"^(down_revision|revision)\s*=\s*(?:None|[\"']([^\"']+)[\"'])\s*$", re.M
)


@lru_cache(maxsize=1)
def _head_from_files() -> str | None:
    """The head revision read straight from the migration files (a single chain), without
    importing Alembic (a third of an unchanged pass's start-up); None when unsure."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict(
            (key, value or None)
            for key, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8"))
        )
        if not found.get("revision"):
            return None
        revisions.add(found["revision"])  # type: ignore[arg-type]
        if found.get("down_revision"):
            parents.add(found["down_revision"])  # type: ignore[arg-type]
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_head(url: str) -> bool:
    """Whether the database's recorded revision is the head, in one query (False when the
    version table is missing or the head is unclear: then Alembic decides)."""
    head = _head_from_files()
    if head is None:
        return False
    with connect(url) as connection:
        if not connection.dialect.has_table(connection, "alembic_version"):
            return False
        stored = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return [row[0] for row in stored] == [head]


def ensure_schema(url: str) -> None:
    """Upgrade a new or older database to the latest schema; cheap when already current."""
    if _at_head(url):
        return
    if current_revision(url) != head_revision():
        LOGGER.info("upgrading database schema at %s", safe_url(url))
        upgrade(url)


def table_names(url: str) -> list[str]:
    return sorted(inspect(get_engine(url)).get_table_names())


def insert_ignore(
    session: Session, table: Any, rows: Iterable[dict[str, Any]], conflict: list[str]
) -> int:
    """Insert rows, skipping those whose natural key (`conflict` columns) already exists.

    Returns how many rows were inserted. One helper for both dialects, so that every
    natural-key insert in the project behaves the same on SQLite and Postgres.
    """
    rows = list(rows)
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert_fn = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert_fn(table).values(rows).on_conflict_do_nothing(index_elements=conflict)
    result = session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)


def schema_sql(dialect: str = "postgresql") -> str:
    """The schema as the migrations write it, as SQL text (what sql/schema.sql holds)."""
    import io

    from alembic import command
    from alembic.config import Config

    buffer = io.StringIO()
    config = Config(output_buffer=buffer)
    config.set_main_option("script_location", str(MIGRATIONS))
    url = "postgresql+psycopg://" if dialect == "postgresql" else "sqlite://"
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head", sql=True)
    header = (
        "-- diplowatch schema, as the Alembic migrations create it "
        f"({dialect}).\n-- Generated by `diplowatch db sql --dialect {dialect}`; "
        "tests/test_schema.py keeps it in sync.\n\n"
    )
    return header + buffer.getvalue()

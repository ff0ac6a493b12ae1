"""Engines, sessions, migrations and the one upsert helper, for SQLite and Postgres alike."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from pipeline.errors import ConfigError

LOGGER = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def normalize_url(url: str) -> str:
    """Accept the usual spellings of a database URL and pick our drivers."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if "://" not in url:  # a bare path means an SQLite file
        url = f"sqlite:///{url}"
    return url


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets readers (the API, a second CLI) work while a pass writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@lru_cache(maxsize=16)
def get_engine(url: str) -> Engine:
    """One engine per database URL per process."""
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(
            f"the database URL {url!r} is not valid; use sqlite:///path.db or "
            "postgresql+psycopg://user@host:5432/dbname",
            source="DIPLOWATCH_DB_URL",
        ) from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _on_sqlite_connect)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on error."""
    with session_factory(url).begin() as session:
        yield session


def _alembic_config(url: str) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database schema to `revision` (creating the database's tables if new)."""
    from alembic import command

    config = _alembic_config(url)
    engine = get_engine(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except OperationalError as exc:
        raise ConfigError(
            f"cannot reach the database {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}; check DIPLOWATCH_DB_URL and that the server is running",
            source="DIPLOWATCH_DB_URL",
        ) from None


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def ensure_schema(url: str) -> None:
    """Upgrade a new or older database to the latest schema; cheap when already current."""
    if current_revision(url) != head_revision():
        LOGGER.info("upgrading database schema at %s", make_url(normalize_url(url)))
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

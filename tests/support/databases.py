"""Test databases: a fresh SQLite file, or a fresh Postgres database made and dropped per test.

Postgres comes from DIPLOWATCH_TEST_PG_URL (a server URL whose database is used only to
create and drop the scratch ones). When it is unset the Postgres half is skipped locally;
CI sets it and sets DIPLOWATCH_REQUIRE_PG=1, which turns a missing server into a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline import db


def pg_server_url() -> str | None:
    return os.environ.get("DIPLOWATCH_TEST_PG_URL") or None


@contextmanager
def postgres_database() -> Iterator[str]:
    server = pg_server_url()
    if not server:
        if os.environ.get("DIPLOWATCH_REQUIRE_PG"):
            pytest.fail("DIPLOWATCH_REQUIRE_PG is set but DIPLOWATCH_TEST_PG_URL is not")
        pytest.skip("set DIPLOWATCH_TEST_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres")
    admin_url = sa.engine.make_url(db.normalize_url(server))
    name = f"dw_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.fail(
            f"Postgres at {admin_url} is unreachable ({exc.orig}); start it or unset "
            "DIPLOWATCH_TEST_PG_URL"
        )
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        engine = db.get_engine(url)
        engine.dispose()
        db.get_engine.cache_clear()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def sqlite_database(directory: Path) -> Iterator[str]:
    url = f"sqlite:///{directory / 'diplowatch-test.db'}"
    try:
        yield url
    finally:
        db.get_engine(url).dispose()

"""The schema: migrations match the models on both databases, and sql/schema.sql stays true."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pipeline import db
from pipeline.schema import Base
from pipeline.search import include_object

ROOT = Path(__file__).resolve().parents[1]


def test_migrations_create_exactly_the_models(db_url):
    assert not db._at_head(db_url)  # a new database: the quick check sends it to Alembic
    db.ensure_schema(db_url)
    assert db.current_revision(db_url) == db.head_revision()
    # The quick check (no Alembic import) reads the same head from the migration files.
    assert db._head_from_files() == db.head_revision() and db._at_head(db_url)
    with db.get_engine(db_url).begin() as connection:  # as if older: Alembic decides
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0001'"))
    assert not db._at_head(db_url)
    with db.get_engine(db_url).begin() as connection:
        connection.execute(
            sa.text("UPDATE alembic_version SET version_num = :head"), {"head": db.head_revision()}
        )
    with db.get_engine(db_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    # the analysts' views exist and can be queried on an empty database
    with db.get_engine(db_url).connect() as connection:
        for view in ("v_events", "v_statements", "v_feed_health"):
            assert connection.execute(sa.text(f"SELECT COUNT(*) FROM {view}")).scalar() == 0


def test_upgrading_twice_changes_nothing(db_url):
    db.ensure_schema(db_url)
    before = db.table_names(db_url)
    db.upgrade(db_url)
    db.ensure_schema(db_url)
    assert db.table_names(db_url) == before


def test_sql_schema_file_is_what_the_migrations_produce():
    committed = (ROOT / "sql" / "schema.sql").read_text(encoding="utf-8")
    assert committed == db.schema_sql("postgresql"), (
        "sql/schema.sql is stale: regenerate it with "
        "`diplowatch db sql --dialect postgresql > sql/schema.sql`"
    )


def test_sql_schema_file_runs_on_postgres():
    """The committed SQL is real: it builds a working schema on a scratch Postgres."""
    from tests.support.databases import postgres_database

    with postgres_database() as url:
        engine = db.get_engine(url)
        script = (ROOT / "sql" / "schema.sql").read_text(encoding="utf-8")
        with engine.connect() as connection:
            connection.exec_driver_sql(script)
            connection.commit()
        assert "events" in db.table_names(url)
        assert db.current_revision(url) == db.head_revision()


def test_upgrading_an_older_database_keeps_its_rows(db_url):
    db.upgrade(db_url, "0001")
    with db.get_engine(db_url).begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO runs (trigger, started_at, status, feeds_ok, feeds_not_modified,"
                " feeds_failed, feeds_skipped, articles_new, articles_failed, articles_detected,"
                " events_new, statements_new, mentions_new, deliveries_sent, errors)"
                " VALUES ('cli', CURRENT_TIMESTAMP, 'ok', 3, 0, 0, 0, 5, 0, 5, 2, 1, 4, 0, '[]')"
            )
        )
    db.ensure_schema(db_url)
    with db.get_engine(db_url).connect() as connection:
        row = connection.execute(sa.text("SELECT feeds_ok, deliveries_failed FROM runs")).one()
    assert tuple(row) == (3, 0)

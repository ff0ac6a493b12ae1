"""the date, type and sides of each event beside its search vectors (PostgreSQL)

A text search narrowed by type, dates or sides (the page's timeline of a search) joined
every event of the type to its search row, one wide row at a time. With the event's date,
type and sides in `events_search` and an index on them, PostgreSQL intersects the two
indexes first and reads only the rows that match both. The refresh function writes them;
the update trigger also fires when they change. SQLite's FTS5 tables are unchanged.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BESIDE = ("event_date", "type", "source_country", "target_country")
SEARCHED = "source_name, target_name, quote_speaker, reported_by, sentence, quote"


def _refresh(with_beside: bool) -> str:
    extra = "".join(f", {c}" for c in BESIDE) if with_beside else ""
    values = "".join(f", r.{c}" for c in BESIDE) if with_beside else ""
    updates = "".join(f", {c} = EXCLUDED.{c}" for c in BESIDE) if with_beside else ""
    return f"""
CREATE OR REPLACE FUNCTION diplowatch_refresh_events_search(ids integer[]) RETURNS void
LANGUAGE sql AS $fn$
  INSERT INTO events_search (event_id, search, names{extra})
  SELECT r.id, diplowatch_search_vector(diplowatch_event_document(r)),
         diplowatch_search_vector(diplowatch_event_names(r)){values}
    FROM events r WHERE r.id = ANY(ids)
  ON CONFLICT (event_id) DO UPDATE SET search = EXCLUDED.search, names = EXCLUDED.names{updates}
$fn$"""


def _update_trigger(columns: str) -> str:
    return (
        f"CREATE TRIGGER events_search_au AFTER UPDATE OF {columns} ON events "
        "FOR EACH ROW EXECUTE FUNCTION diplowatch_events_search()"
    )


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE events_search ADD COLUMN event_date date, ADD COLUMN type varchar(20), "
        "ADD COLUMN source_country varchar(3), ADD COLUMN target_country varchar(3)"
    )
    op.execute(
        "UPDATE events_search s SET "
        + ", ".join(f"{c} = e.{c}" for c in BESIDE)
        + " FROM events e WHERE e.id = s.event_id"
    )
    op.execute(_refresh(with_beside=True))
    op.execute("DROP TRIGGER events_search_au ON events")
    op.execute(_update_trigger(SEARCHED + ", " + ", ".join(BESIDE)))
    op.execute("CREATE INDEX ix_events_search_type ON events_search (type, event_date)")
    op.execute("CREATE INDEX ix_events_search_date ON events_search (event_date)")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_events_search_date")
    op.execute("DROP INDEX ix_events_search_type")
    op.execute("DROP TRIGGER events_search_au ON events")
    op.execute(_update_trigger(SEARCHED))
    op.execute(_refresh(with_beside=False))
    op.execute("ALTER TABLE events_search " + ", ".join(f"DROP COLUMN {c}" for c in BESIDE))

"""event counts per day, week and month, kept in step by triggers

The timeline and the totals of the common filters (dates, types, sides) counted every event
each time: at 100,000 events that is the slowest part of the page. `event_counts` holds how
many events there are per day, per week (from Monday) and per month, by type and direction;
triggers on `events` add and take away as rows are inserted, deleted or moved, whoever
writes, and the view `event_counts_all` says what the table must hold (the backfill here,
and the rebuild after a bulk load with the triggers suspended).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KEY = "period, start, type, source_country, target_country"
COLUMNS = ("event_date", "type", "source_country", "target_country")

# The first day of the week (Monday) and of the month of a date, in each database's SQL.
PG_WEEK = "({d} - (extract(isodow FROM {d})::integer - 1))"
PG_MONTH = "CAST(date_trunc('month', CAST({d} AS timestamp)) AS date)"
SQLITE_WEEK = "date({d}, printf('-%d days', (CAST(strftime('%w', {d}) AS INTEGER) + 6) % 7))"
SQLITE_MONTH = "date({d}, 'start of month')"


def _view(week: str, month: str) -> str:
    parts = [
        f"SELECT '{period}' AS period, {start} AS start, type, source_country, "
        f"target_country, count(*) AS n FROM events "
        f"GROUP BY {start}, type, source_country, target_country"
        for period, start in (
            ("d", "event_date"),
            ("w", week.format(d="event_date")),
            ("m", month.format(d="event_date")),
        )
    ]
    return "CREATE VIEW event_counts_all AS\n" + "\nUNION ALL\n".join(parts)


def _rows(row: str, sign: int, week: str, month: str) -> str:
    """VALUES for the three periods of the event `row` (NEW or OLD), counted `sign`."""
    d = f"{row}.event_date"
    rest = f"{row}.type, {row}.source_country, {row}.target_country, {sign}"
    return (
        f"('d', {d}, {rest}), ('w', {week.format(d=d)}, {rest}), ('m', {month.format(d=d)}, {rest})"
    )


def _upgrade_postgresql() -> None:
    op.execute(
        f"""
CREATE FUNCTION diplowatch_events_counts() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO event_counts ({KEY}, n) VALUES {_rows("OLD", -1, PG_WEEK, PG_MONTH)}
    ON CONFLICT ({KEY}) DO UPDATE SET n = event_counts.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO event_counts ({KEY}, n) VALUES {_rows("NEW", 1, PG_WEEK, PG_MONTH)}
    ON CONFLICT ({KEY}) DO UPDATE SET n = event_counts.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$fn$"""
    )
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in COLUMNS)
    for suffix, when in (
        ("ai", "INSERT"),
        ("ad", "DELETE"),
        ("au", f"UPDATE OF {', '.join(COLUMNS)}"),
    ):
        condition = f"WHEN ({changed}) " if suffix == "au" else ""
        op.execute(
            f"CREATE TRIGGER events_counts_{suffix} AFTER {when} ON events "
            f"FOR EACH ROW {condition}EXECUTE FUNCTION diplowatch_events_counts()"
        )
    op.execute(_view(PG_WEEK, PG_MONTH))


def _upgrade_sqlite() -> None:
    upsert = f"ON CONFLICT ({KEY}) DO UPDATE SET n = n + excluded.n;"

    def insert(row: str, sign: int) -> str:
        return (
            f"INSERT INTO event_counts ({KEY}, n) VALUES "
            f"{_rows(row, sign, SQLITE_WEEK, SQLITE_MONTH)} {upsert}"
        )

    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COLUMNS)
    op.execute(
        f"CREATE TRIGGER events_counts_ai AFTER INSERT ON events BEGIN {insert('NEW', 1)} END"
    )
    op.execute(
        f"CREATE TRIGGER events_counts_ad AFTER DELETE ON events BEGIN {insert('OLD', -1)} END"
    )
    op.execute(
        f"CREATE TRIGGER events_counts_au AFTER UPDATE OF {', '.join(COLUMNS)} ON events "
        f"WHEN {changed} BEGIN {insert('OLD', -1)} {insert('NEW', 1)} END"
    )
    op.execute(_view(SQLITE_WEEK, SQLITE_MONTH))


def upgrade() -> None:
    op.create_table(
        "event_counts",
        sa.Column("period", sa.String(length=1), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("source_country", sa.String(length=3), nullable=False),
        sa.Column("target_country", sa.String(length=3), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "period", "start", "type", "source_country", "target_country", name="pk_event_counts"
        ),
    )
    if op.get_context().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()
    op.execute(f"INSERT INTO event_counts ({KEY}, n) SELECT {KEY}, n FROM event_counts_all")


def downgrade() -> None:
    op.execute("DROP VIEW event_counts_all")
    for suffix in ("ai", "ad", "au"):
        if op.get_context().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER events_counts_{suffix} ON events")
        else:
            op.execute(f"DROP TRIGGER events_counts_{suffix}")
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP FUNCTION diplowatch_events_counts()")
    op.drop_table("event_counts")

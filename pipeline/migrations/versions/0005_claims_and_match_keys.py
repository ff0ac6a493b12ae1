"""article leases (claims) and merge match keys

Articles get a lease (owner, expiry) so workers claim batches without repeating each other's
work. Events and statements get their actors' match keys (normalised name, surname), filled
in for existing rows, and the merge look-ups an index that ends with the date.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fill_match_keys() -> None:
    """Compute the keys of rows stored before this revision (none when printing SQL)."""
    if op.get_context().as_sql:
        return
    from pipeline.merge import actor_keys

    bind = op.get_bind()
    events = sa.table(
        "events",
        *(sa.column(c) for c in ("id", "source_name", "source_role", "target_name", "target_role")),
        *(sa.column(c) for c in ("source_norm", "source_surname", "target_norm", "target_surname")),
    )
    rows = bind.execute(
        sa.select(
            events.c.id,
            events.c.source_name,
            events.c.source_role,
            events.c.target_name,
            events.c.target_role,
        )
    ).all()
    for row in rows:
        source, target = actor_keys(row[1], row[2]), actor_keys(row[3], row[4])
        bind.execute(
            events.update()
            .where(events.c.id == row[0])
            .values(
                source_norm=source[0],
                source_surname=source[1],
                target_norm=target[0],
                target_surname=target[1],
            )
        )
    statements = sa.table(
        "statements",
        *(sa.column(c) for c in ("id", "speaker_name", "speaker_role")),
        *(sa.column(c) for c in ("speaker_norm", "speaker_surname")),
    )
    for said in bind.execute(
        sa.select(statements.c.id, statements.c.speaker_name, statements.c.speaker_role)
    ).all():
        norm, surname = actor_keys(said[1], said[2])
        bind.execute(
            statements.update()
            .where(statements.c.id == said[0])
            .values(speaker_norm=norm, speaker_surname=surname)
        )


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(sa.Column("lease_owner", sa.String(length=100), nullable=True))
        batch_op.add_column(
            sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("events") as batch_op:
        for name in ("source_norm", "source_surname", "target_norm", "target_surname"):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch_op.drop_index("ix_events_match")
        batch_op.create_index(
            "ix_events_match",
            ["type", "source_country", "target_country", "event_date"],
            unique=False,
        )
    with op.batch_alter_table("statements") as batch_op:
        batch_op.add_column(sa.Column("speaker_norm", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("speaker_surname", sa.Text(), nullable=True))
        batch_op.create_index(
            "ix_statements_match", ["speaker_country", "statement_date"], unique=False
        )
    _fill_match_keys()


def downgrade() -> None:
    with op.batch_alter_table("statements") as batch_op:
        batch_op.drop_index("ix_statements_match")
        batch_op.drop_column("speaker_surname")
        batch_op.drop_column("speaker_norm")
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_match")
        batch_op.create_index(
            "ix_events_match", ["type", "source_country", "target_country"], unique=False
        )
        for name in ("target_surname", "target_norm", "source_surname", "source_norm"):
            batch_op.drop_column(name)
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_column("lease_expires_at")
        batch_op.drop_column("lease_owner")

"""events listed newest first from one index, ids included; articles' URLs by id

A list's page is chosen from `(event_date, id)` alone (an index-only scan, however deep the
page) before its rows are read; the index on `event_date` alone is subsumed by it. The
source URLs of a list's events come from `(id, url)` on articles, not their wide rows.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_event_date")
        batch_op.create_index("ix_events_recent", ["event_date", "id"], unique=False)
    with op.batch_alter_table("articles") as batch_op:
        batch_op.create_index("ix_articles_id_url", ["id", "url"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_index("ix_articles_id_url")
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_recent")
        batch_op.create_index("ix_events_event_date", ["event_date"], unique=False)

"""search index beside the records, and a names index for the actor and speaker filters

0003 kept each record's search vector in its own row, which tripled the width of `events`
and `statements` on PostgreSQL and made every scan that counts a filter's total read it.
Here the vectors move to `events_search` / `statements_search` (one row per record, GIN
indexes), the name of SQLite's FTS5 tables too, and each record gains a second document of
names only (its actors, speaker, reporter and quote speaker, in every mention), so that the
actor and speaker filters are index look-ups on both databases instead of LIKE scans.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

MAX_DOCUMENT_CHARS = 200000
EVENT_COLUMNS = "source_name, target_name, quote_speaker, reported_by, sentence, quote"
STATEMENT_COLUMNS = "speaker_name, sentence, quote"
KINDS = (
    # table, kind, mentions table, key, the record's columns in its documents
    ("events", "event", "event_mentions", "event_id", EVENT_COLUMNS),
    ("statements", "statement", "statement_mentions", "statement_id", STATEMENT_COLUMNS),
)

# --- PostgreSQL ---------------------------------------------------------------------------

PG_NAME_FUNCTIONS = [
    """
CREATE FUNCTION diplowatch_event_names(e events) RETURNS text
LANGUAGE sql STABLE AS $fn$
  SELECT concat_ws(' ', e.source_name, e.target_name, e.quote_speaker, e.reported_by,
                   (SELECT string_agg(concat_ws(' ', m.source ->> 'name', m.target ->> 'name',
                                                m.reported_by ->> 'name',
                                                m.quote_speaker ->> 'name'),
                                      ' ' ORDER BY m.id)
                      FROM event_mentions m WHERE m.event_id = e.id))
$fn$""",
    """
CREATE FUNCTION diplowatch_statement_names(s statements) RETURNS text
LANGUAGE sql STABLE AS $fn$
  SELECT concat_ws(' ', s.speaker_name,
                   (SELECT string_agg(m.speaker ->> 'name', ' ' ORDER BY m.id)
                      FROM statement_mentions m WHERE m.statement_id = s.id))
$fn$""",
]


def _pg_refresh_function(table: str, kind: str) -> str:
    """Recompute the search rows of the given records (an upsert; a deleted record's row
    goes with it through the foreign key)."""
    key = f"{kind}_id"
    return f"""
CREATE FUNCTION diplowatch_refresh_{table}_search(ids integer[]) RETURNS void
LANGUAGE sql AS $fn$
  INSERT INTO {table}_search ({key}, search, names)
  SELECT r.id, diplowatch_search_vector(diplowatch_{kind}_document(r)),
         diplowatch_search_vector(diplowatch_{kind}_names(r))
    FROM {table} r WHERE r.id = ANY(ids)
  ON CONFLICT ({key}) DO UPDATE SET search = EXCLUDED.search, names = EXCLUDED.names
$fn$"""


def _pg_triggers(table: str, kind: str, mentions: str, key: str, columns: str) -> list[str]:
    refresh = f"PERFORM diplowatch_refresh_{table}_search"
    statements = [
        f"""
CREATE FUNCTION diplowatch_{table}_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {refresh}(ARRAY(SELECT id FROM new_rows));
  ELSE
    {refresh}(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END
$fn$""",
        f"""
CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table}
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION diplowatch_{table}_search()""",
        f"""
CREATE TRIGGER {table}_search_au AFTER UPDATE OF {columns} ON {table}
FOR EACH ROW EXECUTE FUNCTION diplowatch_{table}_search()""",
        f"""
CREATE FUNCTION diplowatch_{mentions}_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {refresh}(ARRAY(SELECT DISTINCT {key} FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    {refresh}(ARRAY(SELECT DISTINCT {key} FROM old_rows));
  ELSE
    {refresh}(ARRAY(SELECT {key} FROM old_rows UNION SELECT {key} FROM new_rows));
  END IF;
  RETURN NULL;
END
$fn$""",
    ]
    for op_name, suffix, tables in (
        ("INSERT", "ai", "NEW TABLE AS new_rows"),
        ("DELETE", "ad", "OLD TABLE AS old_rows"),
        ("UPDATE", "au", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ):
        statements.append(
            f"""
CREATE TRIGGER {mentions}_search_{suffix} AFTER {op_name} ON {mentions}
REFERENCING {tables}
FOR EACH STATEMENT EXECUTE FUNCTION diplowatch_{mentions}_search()"""
        )
    return statements


PG_ARTICLE_FUNCTION = """
CREATE OR REPLACE FUNCTION diplowatch_articles_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM diplowatch_refresh_events_search(
    ARRAY(SELECT DISTINCT event_id FROM event_mentions WHERE article_id = NEW.id));
  PERFORM diplowatch_refresh_statements_search(
    ARRAY(SELECT DISTINCT statement_id FROM statement_mentions WHERE article_id = NEW.id));
  RETURN NULL;
END
$fn$"""


def _drop_0003_postgresql() -> None:
    for table, _, mentions, _, _ in KINDS:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER {mentions}_search_{suffix} ON {mentions}")
        op.execute(f"DROP TRIGGER {table}_search ON {table}")
        op.execute(f"DROP FUNCTION diplowatch_{mentions}_search()")
        op.execute(f"DROP FUNCTION diplowatch_{table}_search()")
        op.execute(f"DROP INDEX ix_{table}_search")
        op.execute(f"ALTER TABLE {table} DROP COLUMN search")


def _upgrade_postgresql() -> None:
    # the trigger on articles stays; its function is replaced below
    _drop_0003_postgresql()
    for statement in PG_NAME_FUNCTIONS:
        op.execute(statement)
    for table, kind, mentions, key, columns in KINDS:
        op.execute(
            f"CREATE TABLE {table}_search ("
            f"{key} integer PRIMARY KEY REFERENCES {table} (id) ON DELETE CASCADE, "
            "search tsvector NOT NULL, names tsvector NOT NULL)"
        )
        op.execute(_pg_refresh_function(table, kind))
        for statement in _pg_triggers(table, kind, mentions, key, columns):
            op.execute(statement)
        op.execute(f"SELECT diplowatch_refresh_{table}_search(ARRAY(SELECT id FROM {table}))")
        op.execute(f"CREATE INDEX ix_{table}_search ON {table}_search USING gin (search)")
        op.execute(f"CREATE INDEX ix_{table}_search_names ON {table}_search USING gin (names)")
    op.execute(PG_ARTICLE_FUNCTION)


def _downgrade_postgresql() -> None:
    raise NotImplementedError("0004 is not reversible on PostgreSQL; restore a backup instead")


# --- SQLite -------------------------------------------------------------------------------

# The documents of 0003, unchanged, now beside the names.
SQLITE_DOCUMENTS = {
    "events": """coalesce(e.source_name, '') || ' ' || coalesce(e.target_name, '') || ' ' ||
  coalesce(e.quote_speaker, '') || ' ' || coalesce(e.reported_by, '') || ' ' ||
  coalesce(e.sentence, '') || ' ' || coalesce(e.quote, '') || ' ' ||
  coalesce((SELECT group_concat(
              coalesce(m.sentence, '') || ' ' || coalesce(m.quote, '') || ' ' ||
              coalesce(json_extract(m.source, '$.name'), '') || ' ' ||
              coalesce(json_extract(m.target, '$.name'), '') || ' ' ||
              coalesce(json_extract(m.reported_by, '$.name'), '') || ' ' ||
              coalesce(json_extract(m.quote_speaker, '$.name'), '') || ' ' ||
              coalesce(a.title, ''), ' ')
              FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id
             WHERE m.event_id = e.id), '')""",
    "statements": """coalesce(s.speaker_name, '') || ' ' || coalesce(s.sentence, '') || ' ' ||
  coalesce(s.quote, '') || ' ' ||
  coalesce((SELECT group_concat(
              coalesce(m.sentence, '') || ' ' || coalesce(m.quote, '') || ' ' ||
              coalesce(json_extract(m.speaker, '$.name'), '') || ' ' ||
              coalesce(a.title, ''), ' ')
              FROM statement_mentions m LEFT JOIN articles a ON a.id = m.article_id
             WHERE m.statement_id = s.id), '')""",
}
SQLITE_NAMES = {
    "events": """coalesce(e.source_name, '') || ' ' || coalesce(e.target_name, '') || ' ' ||
  coalesce(e.quote_speaker, '') || ' ' || coalesce(e.reported_by, '') || ' ' ||
  coalesce((SELECT group_concat(
              coalesce(json_extract(m.source, '$.name'), '') || ' ' ||
              coalesce(json_extract(m.target, '$.name'), '') || ' ' ||
              coalesce(json_extract(m.reported_by, '$.name'), '') || ' ' ||
              coalesce(json_extract(m.quote_speaker, '$.name'), ''), ' ')
              FROM event_mentions m WHERE m.event_id = e.id), '')""",
    "statements": """coalesce(s.speaker_name, '') || ' ' ||
  coalesce((SELECT group_concat(coalesce(json_extract(m.speaker, '$.name'), ''), ' ')
              FROM statement_mentions m WHERE m.statement_id = s.id), '')""",
}


def _refresh(table: str, ids: str) -> str:
    return (
        f"DELETE FROM {table}_search WHERE rowid IN ({ids}); "
        f"INSERT INTO {table}_search (rowid, doc, names) "
        f"SELECT id, doc, names FROM {table}_search_doc WHERE id IN ({ids});"
    )


def _sqlite_triggers(table: str, mentions: str, key: str, columns: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN "
        f"{_refresh(table, 'NEW.id')} END",
        f"CREATE TRIGGER {table}_search_au AFTER UPDATE OF {columns} ON {table} BEGIN "
        f"{_refresh(table, 'NEW.id')} END",
        f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {table}_search WHERE rowid = OLD.id; END",
        f"CREATE TRIGGER {mentions}_search_ai AFTER INSERT ON {mentions} BEGIN "
        f"{_refresh(table, f'NEW.{key}')} END",
        f"CREATE TRIGGER {mentions}_search_ad AFTER DELETE ON {mentions} BEGIN "
        f"{_refresh(table, f'OLD.{key}')} END",
        f"CREATE TRIGGER {mentions}_search_au AFTER UPDATE ON {mentions} BEGIN "
        f"{_refresh(table, f'OLD.{key}, NEW.{key}')} END",
    ]


SQLITE_ARTICLE_TRIGGER = (
    "CREATE TRIGGER articles_search_au AFTER UPDATE OF title ON articles "
    "WHEN OLD.title IS NOT NEW.title BEGIN "
    + _refresh("events", "SELECT event_id FROM event_mentions WHERE article_id = NEW.id")
    + " "
    + _refresh(
        "statements", "SELECT statement_id FROM statement_mentions WHERE article_id = NEW.id"
    )
    + " END"
)


def _upgrade_sqlite() -> None:
    op.execute("DROP TRIGGER articles_search_au")
    for table, _kind, mentions, key, columns in KINDS:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER {table}_search_{suffix}")
            op.execute(f"DROP TRIGGER {mentions}_search_{suffix}")
        alias = table[0]
        select = (
            f"SELECT {alias}.id AS id, "
            f"substr({SQLITE_DOCUMENTS[table]}, 1, {MAX_DOCUMENT_CHARS}) AS doc, "
            f"substr({SQLITE_NAMES[table]}, 1, {MAX_DOCUMENT_CHARS}) AS names "
            f"FROM {table} {alias}"
        )
        op.execute(f"DROP VIEW {table}_search_doc")
        op.execute(f"DROP TABLE {table}_search")
        op.execute(f"CREATE VIEW {table}_search_doc AS {select}")
        op.execute(
            f"CREATE VIRTUAL TABLE {table}_search USING fts5("
            "doc, names, tokenize = 'unicode61 remove_diacritics 0')"
        )
        for statement in _sqlite_triggers(table, mentions, key, columns):
            op.execute(statement)
        op.execute(
            f"INSERT INTO {table}_search (rowid, doc, names) "
            f"SELECT id, doc, names FROM {table}_search_doc"
        )
    op.execute(SQLITE_ARTICLE_TRIGGER)


def _indexes() -> None:
    """For the lists and the timeline: counts per day, type and direction read one index;
    statements newest first with undated ones last, in an order both databases can index."""
    op.create_index(
        "ix_events_timeline", "events", ["event_date", "type", "source_country", "target_country"]
    )
    op.execute(
        "CREATE INDEX ix_statements_recent ON statements "
        "(coalesce(statement_date, '0001-01-01') DESC, id DESC)"
    )


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()
    _indexes()


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        _downgrade_postgresql()
    else:
        raise NotImplementedError("0004 is not reversible on SQLite; restore a backup instead")

"""full-text search: a tsvector column and GIN index (PostgreSQL), FTS5 tables (SQLite)

Each event and statement gets one search document: its own names, sentence and quote, then
every mention's sentence, quote, actor names and article title. Triggers keep it current on
every insert, update and delete of events, statements, their mentions and article titles, so
every writer (the CLI, Airflow tasks, a batch loader) keeps the index without knowing of it.
Words are runs of letters and digits, case-folded, unstemmed, on both databases
(`pipeline/search.py` writes the queries).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MAX_DOCUMENT_CHARS = 200000
EVENT_COLUMNS = "source_name, target_name, quote_speaker, reported_by, sentence, quote"
STATEMENT_COLUMNS = "speaker_name, sentence, quote"

# --- PostgreSQL ---------------------------------------------------------------------------

PG_FUNCTIONS = [
    # Every non-alphanumeric run becomes a space before parsing, so PostgreSQL's parser sees
    # the same words as SQLite's unicode61 tokenizer (no hosts, URLs or hyphenated compounds).
    f"""
CREATE FUNCTION diplowatch_search_vector(doc text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT to_tsvector('simple'::regconfig,
                     regexp_replace(left(coalesce(doc, ''), {MAX_DOCUMENT_CHARS}),
                                    '[^[:alnum:]]+', ' ', 'g'))
$fn$""",
    """
CREATE FUNCTION diplowatch_event_document(e events) RETURNS text
LANGUAGE sql STABLE AS $fn$
  SELECT concat_ws(' ', e.source_name, e.target_name, e.quote_speaker, e.reported_by,
                   e.sentence, e.quote,
                   (SELECT string_agg(concat_ws(' ', m.sentence, m.quote, m.source ->> 'name',
                                                m.target ->> 'name', m.reported_by ->> 'name',
                                                m.quote_speaker ->> 'name', a.title),
                                      ' ' ORDER BY m.id)
                      FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id
                     WHERE m.event_id = e.id))
$fn$""",
    """
CREATE FUNCTION diplowatch_statement_document(s statements) RETURNS text
LANGUAGE sql STABLE AS $fn$
  SELECT concat_ws(' ', s.speaker_name, s.sentence, s.quote,
                   (SELECT string_agg(concat_ws(' ', m.sentence, m.quote, m.speaker ->> 'name',
                                                a.title),
                                      ' ' ORDER BY m.id)
                      FROM statement_mentions m LEFT JOIN articles a ON a.id = m.article_id
                     WHERE m.statement_id = s.id))
$fn$""",
]


def _pg_record_trigger(table: str, kind: str, columns: str) -> list[str]:
    return [
        f"""
CREATE FUNCTION diplowatch_{table}_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.search := diplowatch_search_vector(diplowatch_{kind}_document(NEW));
  RETURN NEW;
END
$fn$""",
        f"""
CREATE TRIGGER {table}_search BEFORE INSERT OR UPDATE OF {columns} ON {table}
FOR EACH ROW EXECUTE FUNCTION diplowatch_{table}_search()""",
    ]


def _pg_mention_triggers(table: str, mentions: str, kind: str, key: str) -> list[str]:
    """Statement-level triggers: one batch insert of many mentions refreshes each record once."""
    refresh = (
        f"UPDATE {table} r SET search = diplowatch_search_vector(diplowatch_{kind}_document(r))"
        f" WHERE r.id IN (SELECT {key} FROM %s)"
    )
    statements = [
        f"""
CREATE FUNCTION diplowatch_{mentions}_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {refresh % "new_rows"};
  ELSIF TG_OP = 'DELETE' THEN
    {refresh % "old_rows"};
  ELSE
    {refresh % f"(SELECT {key} FROM old_rows UNION SELECT {key} FROM new_rows) AS changed"};
  END IF;
  RETURN NULL;
END
$fn$"""
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


PG_ARTICLE_TRIGGER = [
    """
CREATE FUNCTION diplowatch_articles_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE events r SET search = diplowatch_search_vector(diplowatch_event_document(r))
   WHERE r.id IN (SELECT event_id FROM event_mentions WHERE article_id = NEW.id);
  UPDATE statements r SET search = diplowatch_search_vector(diplowatch_statement_document(r))
   WHERE r.id IN (SELECT statement_id FROM statement_mentions WHERE article_id = NEW.id);
  RETURN NULL;
END
$fn$""",
    """
CREATE TRIGGER articles_search AFTER UPDATE OF title ON articles
FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
EXECUTE FUNCTION diplowatch_articles_search()""",
]


def _upgrade_postgresql() -> None:
    for table in ("events", "statements"):
        op.execute(f"ALTER TABLE {table} ADD COLUMN search tsvector")
    for statement in PG_FUNCTIONS:
        op.execute(statement)
    for statement in (
        _pg_record_trigger("events", "event", EVENT_COLUMNS)
        + _pg_record_trigger("statements", "statement", STATEMENT_COLUMNS)
        + _pg_mention_triggers("events", "event_mentions", "event", "event_id")
        + _pg_mention_triggers("statements", "statement_mentions", "statement", "statement_id")
        + PG_ARTICLE_TRIGGER
    ):
        op.execute(statement)
    op.execute(
        "UPDATE events r SET search = diplowatch_search_vector(diplowatch_event_document(r))"
    )
    op.execute(
        "UPDATE statements r"
        " SET search = diplowatch_search_vector(diplowatch_statement_document(r))"
    )
    op.execute("CREATE INDEX ix_events_search ON events USING gin (search)")
    op.execute("CREATE INDEX ix_statements_search ON statements USING gin (search)")


def _downgrade_postgresql() -> None:
    for table in ("event_mentions", "statement_mentions"):
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{suffix} ON {table}")
    for table in ("events", "statements", "articles"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_search ON {table}")
    for name in ("events", "statements", "event_mentions", "statement_mentions", "articles"):
        op.execute(f"DROP FUNCTION IF EXISTS diplowatch_{name}_search()")
    op.execute("DROP FUNCTION IF EXISTS diplowatch_event_document(events)")
    op.execute("DROP FUNCTION IF EXISTS diplowatch_statement_document(statements)")
    op.execute("DROP FUNCTION IF EXISTS diplowatch_search_vector(text)")
    for table in ("events", "statements"):
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search")


# --- SQLite -------------------------------------------------------------------------------

SQLITE_VIEWS = {
    "events_search_doc": f"""
SELECT e.id AS id, substr(
  coalesce(e.source_name, '') || ' ' || coalesce(e.target_name, '') || ' ' ||
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
             WHERE m.event_id = e.id), ''),
  1, {MAX_DOCUMENT_CHARS}) AS doc
FROM events e""",
    "statements_search_doc": f"""
SELECT s.id AS id, substr(
  coalesce(s.speaker_name, '') || ' ' || coalesce(s.sentence, '') || ' ' ||
  coalesce(s.quote, '') || ' ' ||
  coalesce((SELECT group_concat(
              coalesce(m.sentence, '') || ' ' || coalesce(m.quote, '') || ' ' ||
              coalesce(json_extract(m.speaker, '$.name'), '') || ' ' ||
              coalesce(a.title, ''), ' ')
              FROM statement_mentions m LEFT JOIN articles a ON a.id = m.article_id
             WHERE m.statement_id = s.id), ''),
  1, {MAX_DOCUMENT_CHARS}) AS doc
FROM statements s""",
}


def _refresh(table: str, ids: str) -> str:
    return (
        f"DELETE FROM {table}_search WHERE rowid IN ({ids}); "
        f"INSERT INTO {table}_search (rowid, doc) "
        f"SELECT id, doc FROM {table}_search_doc WHERE id IN ({ids});"
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
    for table in ("events", "statements"):
        op.execute(
            f"CREATE VIRTUAL TABLE {table}_search USING fts5("
            "doc, tokenize = 'unicode61 remove_diacritics 0')"
        )
    for name, body in SQLITE_VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {body}")
    for statement in (
        _sqlite_triggers("events", "event_mentions", "event_id", EVENT_COLUMNS)
        + _sqlite_triggers("statements", "statement_mentions", "statement_id", STATEMENT_COLUMNS)
        + [SQLITE_ARTICLE_TRIGGER]
    ):
        op.execute(statement)
    for table in ("events", "statements"):
        op.execute(
            f"INSERT INTO {table}_search (rowid, doc) SELECT id, doc FROM {table}_search_doc"
        )


def _downgrade_sqlite() -> None:
    for table, mentions in (("events", "event_mentions"), ("statements", "statement_mentions")):
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{suffix}")
            op.execute(f"DROP TRIGGER IF EXISTS {mentions}_search_{suffix}")
        op.execute(f"DROP VIEW IF EXISTS {table}_search_doc")
        op.execute(f"DROP TABLE IF EXISTS {table}_search")
    op.execute("DROP TRIGGER IF EXISTS articles_search_au")


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        _downgrade_postgresql()
    else:
        _downgrade_sqlite()

"""Full-text search over events and statements: the query language and its SQL on both databases.

Each event and statement has one search document: its evidence sentences, quotes, the names
of its actors, speakers and reporters, and the titles of the articles that report it (every
mention included), and a second of names only (actors, speakers, reporters), which the actor
and speaker filters search. Triggers written by migrations 0003 and 0004 keep both in step
with every insert, update and delete, whoever writes: `tsvector` columns with GIN indexes in
a table beside the records on PostgreSQL (`events_search`, `statements_search`), FTS5 tables
of the same names on SQLite. Both see a document as the same words: runs of letters
and digits, case-folded, no stemming and no stop words, so both databases give the same
answers to the same query.

The query language (`parse`): words must all appear (`lavrov sanctions`); `"a phrase"`
matches words in order; a trailing `*` matches a prefix (`sanction*`); `-word` excludes;
`OR` between terms gives alternatives (`killer OR thug`). A word written with punctuation
(`U.S.`, `US-Russia`) is the phrase of its parts, as it is in the documents.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Integer,
    Select,
    bindparam,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table

LOGGER = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
# Both databases index at most this many characters of one record's document.
MAX_DOCUMENT_CHARS = 200_000

_WORD = re.compile(r"[^\W_]+")


class SearchSyntaxError(ValueError):
    """A search the query language cannot run; the message says what to change."""


@dataclass(frozen=True)
class Term:
    """Words that must appear in this order (one word, or a phrase); `prefix` widens the last."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Group:
    """Terms that must all match (`include`) while none of `exclude` does."""

    include: tuple[Term, ...]
    exclude: tuple[Term, ...] = ()


@dataclass(frozen=True)
class SearchQuery:
    """Alternatives: a record matches when any group does."""

    groups: tuple[Group, ...]
    text: str = field(default="", compare=False)

    @property
    def words(self) -> list[str]:
        """Every word the query looks for (not the excluded ones), for highlighting."""
        found: list[str] = []
        for group in self.groups:
            for term in group.include:
                found.extend(term.words)
        return found


def _pieces(q: str) -> Iterator[tuple[str, bool, bool, bool]]:
    """(text, quoted, excluded, prefix) for each piece of the query, `OR` as ("OR", False, ...)."""
    i, n = 0, len(q)
    while i < n:
        if q[i].isspace():
            i += 1
            continue
        excluded = q[i] == "-" and i + 1 < n and not q[i + 1].isspace()
        if excluded:
            i += 1
        if q[i] == '"':
            end = q.find('"', i + 1)
            end = n if end < 0 else end
            piece, quoted = q[i + 1 : end], True
            i = end + 1
        else:
            end = i
            while end < n and not q[end].isspace() and q[end] != '"':
                end += 1
            piece, quoted = q[i:end], False
            i = end
        prefix = i < n and q[i] == "*" if quoted else piece.endswith("*")
        if quoted and prefix:
            i += 1
        yield piece, quoted, excluded, prefix


def parse(q: str) -> SearchQuery:
    """Read a search written in the query language (module docstring)."""
    if len(q) > MAX_QUERY_CHARS:
        raise SearchSyntaxError(f"is {len(q)} characters long; at most {MAX_QUERY_CHARS}")
    groups: list[Group] = []
    include: list[Term] = []
    exclude: list[Term] = []
    count = 0

    def close() -> None:
        if include:
            groups.append(Group(tuple(include), tuple(exclude)))
        elif exclude:
            raise SearchSyntaxError(
                "only excludes words; add at least one word to find (e.g. 'sanctions -oil')"
            )
        include.clear()
        exclude.clear()

    for piece, quoted, excluded, prefix in _pieces(q):
        if piece == "OR" and not quoted and not excluded:
            close()
            continue
        words = tuple(w.lower() for w in _WORD.findall(piece))
        if not words:
            continue
        count += 1
        (exclude if excluded else include).append(Term(words, prefix))
    close()
    if count > MAX_TERMS:
        raise SearchSyntaxError(f"has {count} words or phrases; at most {MAX_TERMS}")
    if not groups:
        raise SearchSyntaxError("has no word to search for (letters or digits)")
    return SearchQuery(tuple(groups), q)


# --- the query in each database's language ------------------------------------------------


def _fts5_term(term: Term) -> str:
    return '"' + " ".join(term.words) + '"' + (" *" if term.prefix else "")


def to_fts5(query: SearchQuery) -> str:
    """The query as an SQLite FTS5 MATCH expression."""
    alternatives = []
    for group in query.groups:
        expression = "(" + " AND ".join(_fts5_term(t) for t in group.include) + ")"
        for term in group.exclude:
            expression = f"({expression} NOT {_fts5_term(term)})"
        alternatives.append(expression)
    return " OR ".join(alternatives)


def _tsquery_term(term: Term) -> str:
    words = [f"'{w}'" for w in term.words]
    if term.prefix:
        words[-1] += ":*"
    return "(" + " <-> ".join(words) + ")"


def to_tsquery(query: SearchQuery) -> str:
    """The query as PostgreSQL `to_tsquery('simple', ...)` text."""
    alternatives = []
    for group in query.groups:
        parts = [_tsquery_term(t) for t in group.include]
        parts += ["!" + _tsquery_term(t) for t in group.exclude]
        alternatives.append("(" + " & ".join(parts) + ")")
    return " | ".join(alternatives)


_KEYS = {"events": "event_id", "statements": "statement_id"}


# Columns of the record kept beside its vectors (migration 0008), for counting a search.
BESIDE = {"events": ("event_date", "type", "source_country", "target_country"), "statements": ()}


def _side_table(table: str) -> Any:
    """PostgreSQL's table of search vectors beside `table` (migrations 0004 and 0008)."""
    return sql_table(
        f"{table}_search",
        sql_column(_KEYS[table]),
        sql_column("search"),
        sql_column("names"),
        *(sql_column(name) for name in BESIDE[table]),
    )


def side_table(table: str) -> Any:
    """The table of search vectors beside `table` on PostgreSQL, with the columns the
    record keeps there (events: event_date, type, source_country, target_country)."""
    return _side_table(table)


def vector_matches(side: Any, query: SearchQuery | None, name: str | None) -> list[Any]:
    """Conditions on `side_table(...)` itself: the document matches `query`, a name has the
    words of `name` (as `matches` and `names_match` say, without the record's table)."""
    config: ColumnElement[Any] = literal_column("'simple'")
    conditions = []
    if query is not None:
        conditions.append(side.c.search.op("@@")(func.to_tsquery(config, to_tsquery(query))))
    if name is not None:
        term = Term(name_words(name), prefix=True)
        if not term.words:
            raise SearchSyntaxError("has no letters or digits to look for")
        names = to_tsquery(SearchQuery((Group((term,)),)))
        conditions.append(side.c.names.op("@@")(func.to_tsquery(config, names)))
    return conditions


def _condition(
    table: str, id_column: Any, dialect: str, pg_column: str, tsq: str, fts5: str
) -> ColumnElement[bool]:
    if table not in _KEYS:
        raise ValueError(f"no search index on {table!r}")
    if dialect == "postgresql":
        side = _side_table(table)
        vector = side.c[pg_column]
        config: ColumnElement[Any] = literal_column("'simple'")
        found: Select[Any] = select(side.c[_KEYS[table]]).where(
            vector.op("@@")(func.to_tsquery(config, tsq))
        )
        return id_column.in_(found)
    found = (
        select(literal_column("rowid"))
        .select_from(text(f"{table}_search"))
        .where(literal_column(f"{table}_search").op("MATCH")(fts5))
    )
    return id_column.in_(found)


def matches(table: str, id_column: Any, query: SearchQuery, dialect: str) -> ColumnElement[bool]:
    """A WHERE condition: the record (`table` is "events" or "statements") matches the query."""
    return _condition(
        table, id_column, dialect, "search", to_tsquery(query), "{doc} : (" + to_fts5(query) + ")"
    )


def matching_ids(session: Any, table: str, ids: list[int], query: SearchQuery) -> set[int]:
    """Which of these records match the query, each one's document tested in turn (no index
    scan: for a few thousand candidates that is cheaper than every match of a common word).
    PostgreSQL only."""
    if not ids:
        return set()
    side = _side_table(table)
    key = side.c[_KEYS[table]]
    tsquery = func.to_tsquery(literal_column("'simple'"), to_tsquery(query))
    rows = session.execute(
        select(key, side.c.search.op("@@")(tsquery)).where(
            key == func.any(bindparam("ids", ids, type_=ARRAY(Integer)))
        )
    )
    return {record_id for record_id, matched in rows if matched}


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name as the index sees them."""
    return tuple(w.lower() for w in _WORD.findall(name))


def names_match(table: str, id_column: Any, name: str, dialect: str) -> ColumnElement[bool]:
    """A WHERE condition: a name of the record (actor, speaker, reporter, quote speaker, in
    any mention) has these words in this order, the last one perhaps only begun ("lavr")."""
    term = Term(name_words(name), prefix=True)
    if not term.words:
        raise SearchSyntaxError("has no letters or digits to look for")
    query = SearchQuery((Group((term,)),))
    return _condition(
        table, id_column, dialect, "names", to_tsquery(query), "{names} : (" + to_fts5(query) + ")"
    )


# --- the schema objects the search owns -----------------------------------------------------


def schema_object(name: str | None, type_: str, parent: str | None = None) -> bool:
    """Whether a database object belongs to the search index (created by migration 0003
    outside the models): schema comparison and autogenerate leave these alone."""
    if name is None:
        return False
    if type_ == "table":
        return name.startswith(("events_search", "statements_search"))
    if type_ == "index":
        return name is not None and name.startswith(("ix_events_search", "ix_statements_search"))
    return False


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic's include_object hook: everything but the search index's own objects."""
    parent = getattr(getattr(obj, "table", None), "name", None)
    return not schema_object(name, type_, parent)


# --- rebuilding (a new index, a bulk load) -------------------------------------------------

_TRIGGERS = {
    "postgresql": ["events", "event_mentions", "statements", "statement_mentions", "articles"],
}


def rebuild(connection: Connection) -> None:
    """Recompute every search document from the tables (after a bulk load, or to repair)."""
    for table in _KEYS:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text(f"SELECT diplowatch_refresh_{table}_search(ARRAY(SELECT id FROM {table}))")
            )
            continue
        connection.execute(text(f"DELETE FROM {table}_search"))
        connection.execute(
            text(
                f"INSERT INTO {table}_search (rowid, doc, names) "
                f"SELECT id, doc, names FROM {table}_search_doc"
            )
        )


@contextmanager
def triggers_suspended(connection: Connection) -> Iterator[None]:
    """Bulk loading without per-row index upkeep: the triggers are off inside the block and
    every document (and the event counts) is rebuilt at its end. Only for a database
    nothing else writes to."""
    from pipeline import query_counts  # it reads filters, which read this module

    if connection.dialect.name == "postgresql":
        for table in _TRIGGERS["postgresql"]:
            connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        try:
            yield
        finally:
            for table in _TRIGGERS["postgresql"]:
                connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
        rebuild(connection)
        query_counts.rebuild(connection)
        return
    saved = connection.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND (name LIKE '%search%' OR name LIKE 'events_counts%')"
        )
    ).all()
    for name, _ in saved:
        connection.execute(text(f'DROP TRIGGER "{name}"'))
    try:
        yield
    finally:
        for _, sql in saved:
            connection.exec_driver_sql(sql)
    rebuild(connection)
    query_counts.rebuild(connection)


__all__ = [
    "SearchQuery",
    "include_object",
    "name_words",
    "names_match",
    "SearchSyntaxError",
    "matches",
    "matching_ids",
    "side_table",
    "vector_matches",
    "parse",
    "rebuild",
    "to_fts5",
    "to_tsquery",
    "triggers_suspended",
]

"""Records written out for people (a table) or programs (JSON, CSV), by the CLI and the API.

CSV has a fixed header of every column whatever the rows hold (a record without a reporter
still has the `reported_by_*` columns), nested values flattened to `parent_child` columns and
lists joined by spaces, so a spreadsheet or a script reads every export the same way.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import urlsplit

LOGGER = logging.getLogger(__name__)

_ACTOR = ("name", "country", "role")


def _actor(prefix: str) -> list[str]:
    return [f"{prefix}_{part}" for part in _ACTOR]


EVENT_FIELDS = [
    "id",
    "event_date",
    "type",
    "mode",
    *_actor("source"),
    *_actor("target"),
    *_actor("reported_by"),
    "sentence",
    "quote",
    *_actor("quote_speaker"),
    "confidence",
    "mention_count",
    "outlets",
    "sources",
    "first_seen_at",
]
STATEMENT_FIELDS = [
    "id",
    *_actor("speaker"),
    "statement_date",
    "direct",
    "quote",
    "sentence",
    "about",
    "mention_count",
    "outlets",
    "sources",
    "first_seen_at",
]
FEED_FIELDS = [
    "name",
    "url",
    "enabled",
    "status",
    "http_status",
    "failures",
    "error",
    "last_fetched_at",
    "last_success_at",
    "next_due_at",
    "articles",
]

EVENT_COLUMNS = [
    ("event_date", "date"),
    ("type", "type"),
    ("mode", "mode"),
    ("source_name", "source"),
    ("source_country", ""),
    ("target_name", "target"),
    ("target_country", ""),
    ("confidence", "conf"),
    ("mention_count", "mentions"),
    ("sentence", "evidence"),
    ("outlets", "reported by"),
]
STATEMENT_COLUMNS = [
    ("statement_date", "date"),
    ("speaker_name", "speaker"),
    ("speaker_country", ""),
    ("said", "said"),
    ("mention_count", "mentions"),
    ("outlets", "reported by"),
]


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """`{"source": {"name": ...}}` as `{"source_name": ...}`; lists joined by spaces."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "_"))
        elif isinstance(value, list):
            flat[name] = " ".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat


def _fields(flat: list[dict[str, Any]], columns: list[tuple[str, str]]) -> list[str]:
    """Every key any row has, in the order first seen (the table's columns when empty)."""
    if not flat:
        return [key for key, _ in columns]
    return list(dict.fromkeys(key for row in flat for key in row))


def write_csv(
    records: Iterable[dict[str, Any]], fields: list[str], out: TextIO, *, header: bool = True
) -> None:
    """Records as CSV under exactly `fields`; keys outside them are left out. Without
    `header`, only the rows (a later part of a streamed export)."""
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", restval="")
    if header:
        writer.writeheader()
    for record in records:
        writer.writerow(flatten(record))


def _said(record: dict[str, Any]) -> str:
    """A direct quote in quotation marks; a paraphrase as the words of the report, unquoted."""
    quote = str(record.get("quote") or "")
    if record.get("direct", True):
        return f"\u201c{quote.strip(chr(34) + chr(0x201C) + chr(0x201D))}\u201d"
    return f"(paraphrase) {quote}"


def write_records(
    records: list[dict[str, Any]],
    fmt: str,
    columns: list[tuple[str, str]],
    out: TextIO,
    *,
    fields: list[str] | None = None,
    total: int | None = None,
    total_exact: bool = True,
) -> None:
    """Print records as a table for people, or JSON / CSV for programs.

    `fields` fixes the CSV header (every column, whatever the rows hold); without it the
    header is every key of every row. `total`, when known, is what the table's footer
    counts the shown records against ("showing 10 of 18"; "of 1000+" when `total_exact`
    is False: a text search counted up to its cap).
    """
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
        return
    flat = [flatten(r) for r in records]
    if fmt == "csv":
        write_csv(records, fields or _fields(flat, columns), out)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, expand=False)
    for _, title in columns:
        table.add_column(title, overflow="fold")
    for record, row in zip(records, flat, strict=True):
        # people read outlets, not URLs: the JSON and CSV keep every source URL
        if "outlets" not in record:
            hosts = [urlsplit(url).hostname or url for url in record.get("sources") or []]
            row["outlets"] = ", ".join(dict.fromkeys(hosts))
        else:
            row["outlets"] = ", ".join(record["outlets"])
        if "quote" in record and "direct" in record:
            row["said"] = _said(record)
        table.add_row(*[_cell(row.get(key)) for key, _ in columns])
    Console(file=out, width=160 if not out.isatty() else None).print(table)
    shown = len(records)
    if total is None:
        out.write(f"{shown} record(s)\n")
    elif not total_exact:
        out.write(f"showing {shown} of {total}+ (--offset and --limit show others)\n")
    elif total > shown:
        out.write(f"showing {shown} of {total} (--offset and --limit show others)\n")
    else:
        out.write(f"showing {shown} of {total}\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    text = str(value)
    return text if len(text) <= 140 else text[:137] + "..."


__all__ = [
    "EVENT_COLUMNS",
    "EVENT_FIELDS",
    "FEED_FIELDS",
    "STATEMENT_COLUMNS",
    "STATEMENT_FIELDS",
    "flatten",
    "write_csv",
    "write_records",
]

"""The `diplowatch` command: run a pass, query records, run the detector in batch, manage the DB."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO
from urllib.parse import urlsplit

from pipeline.alerts import cli as alerts_cli
from pipeline.errors import DiplowatchError
from pipeline.settings import Settings, load_settings

LOGGER = logging.getLogger(__name__)


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(
        db_url=getattr(args, "db", None),
        feeds_file=getattr(args, "feeds", None),
        alerts_file=getattr(args, "alerts", None),
        workers=getattr(args, "workers", None),
    )


# --- output ----------------------------------------------------------------------------


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "_"))
        elif isinstance(value, list):
            flat[name] = " ".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat


def write_records(
    records: list[dict[str, Any]], fmt: str, columns: list[tuple[str, str]], out: TextIO
) -> None:
    """Print records as a table for people, or JSON / CSV for programs."""
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    flat = [_flatten(r) for r in records]
    if fmt == "csv":
        names = list(flat[0]) if flat else [c for c, _ in columns]
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(flat)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, expand=False)
    for _, title in columns:
        table.add_column(title, overflow="fold")
    for record, row in zip(records, flat, strict=True):
        # people read outlets, not URLs: the JSON and CSV keep every source URL
        hosts = [urlsplit(url).hostname or url for url in record.get("sources") or []]
        row["outlets"] = ", ".join(dict.fromkeys(hosts))
        table.add_row(*[_cell(row.get(key)) for key, _ in columns])
    Console(file=out, width=160 if not out.isatty() else None).print(table)
    out.write(f"{len(records)} record(s)\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    text = str(value)
    return text if len(text) <= 140 else text[:137] + "..."


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
    ("quote", "quote"),
    ("mention_count", "mentions"),
    ("outlets", "reported by"),
]


# --- commands --------------------------------------------------------------------------


class _Bar:
    """A rich progress bar fed by the runner's progress(stage, done, total) calls."""

    def __init__(self) -> None:
        from rich.progress import Progress

        self.progress = Progress(transient=True)
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> _Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.query import list_events, list_statements
    from pipeline.runner import run_pass

    settings = _settings(args)
    show_bar = settings.progress if settings.progress is not None else sys.stderr.isatty()
    if show_bar and not args.json:
        with _Bar() as bar:
            summary = run_pass(settings, force=args.force, progress=bar)
    else:
        summary = run_pass(settings, force=args.force)
    if args.json:
        json.dump(summary.to_dict(), sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write(
        f"diplowatch pass {summary.run_id} finished in {summary.seconds:.1f}s ({settings.db_url})\n"
    )
    out.write(
        f"feeds: {summary.count('ok')} ok, {summary.count('not_modified')} not modified, "
        f"{summary.count('failed') + summary.count('blocked')} failed, "
        f"{summary.count('skipped')} backing off\n"
    )
    for feed in summary.feeds:
        if feed.status in ("failed", "blocked"):
            out.write(f"  ! {feed.name} ({feed.status}): {feed.error}\n")
    if summary.count("skipped"):
        out.write(
            "  (feeds that failed wait out a growing backoff; `diplowatch feeds` shows why and "
            "until when, `diplowatch run --force` fetches them now)\n"
        )
    out.write(
        f"articles: {summary.articles_new} new, {summary.articles_extracted} extracted, "
        f"{len(summary.articles_failed)} failed, {summary.articles_detected} analysed, "
        f"{summary.articles_relevant} relevant\n"
    )
    for url, error in summary.articles_failed[:20]:
        out.write(f"  ! {url}: {error}\n")
    out.write(
        f"events: {summary.events_new} new; statements: {summary.statements_new} new; "
        f"mentions: {summary.mentions_new} new\n"
    )
    if settings.alerts_file:
        out.write(
            f"alerts: {summary.deliveries_sent} sent, {summary.deliveries_failed} failed "
            "(failed ones are retried; see diplowatch alerts list)\n"
        )
    with db.session_scope(settings.db_url) as session:
        events = list_events(session, limit=10)
        statements = list_statements(session, limit=10)
    if events:
        out.write("\nLatest events:\n")
        write_records(events, "table", EVENT_COLUMNS, out)
    if statements:
        out.write("\nLatest statements:\n")
        write_records(statements, "table", STATEMENT_COLUMNS, out)
    if not events and not statements:
        out.write("No events or statements stored yet.\n")
    return 0


def cmd_work(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.runner import alerts_hook
    from pipeline.work import process_articles

    settings = _settings(args)
    _, hook = alerts_hook(settings)
    db.ensure_schema(settings.db_url)
    outcome = process_articles(settings, on_new=hook)
    result = {
        "extracted": outcome.extracted,
        "failed": len(outcome.failures),
        "detected": outcome.detected,
        "relevant": outcome.relevant,
        "events_new": outcome.counts.events_new,
        "statements_new": outcome.counts.statements_new,
        "mentions_new": outcome.counts.event_mentions + outcome.counts.statement_mentions,
    }
    if args.json:
        json.dump(result, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(
            f"worker done: {result['extracted']} extracted, {result['failed']} failed, "
            f"{result['detected']} analysed ({result['relevant']} relevant); "
            f"events: {result['events_new']} new; statements: {result['statements_new']} new"
        )
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.query import list_events, parse_since

    settings = _settings(args)
    db.ensure_schema(settings.db_url)
    types = [t for value in args.type or [] for t in value.split(",") if t]
    with db.session_scope(settings.db_url) as session:
        records = list_events(
            session,
            since=parse_since(args.since),
            until=parse_since(args.until),
            types=types or None,
            country=args.country,
            min_confidence=args.min_confidence,
            limit=args.limit,
        )
    write_records(records, args.format, EVENT_COLUMNS, sys.stdout)
    return 0


def cmd_statements(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.query import list_statements, parse_since

    settings = _settings(args)
    db.ensure_schema(settings.db_url)
    with db.session_scope(settings.db_url) as session:
        records = list_statements(
            session,
            since=parse_since(args.since),
            until=parse_since(args.until),
            speaker=args.speaker,
            country=args.country,
            limit=args.limit,
        )
    write_records(records, args.format, STATEMENT_COLUMNS, sys.stdout)
    return 0


def cmd_detect(args: argparse.Namespace) -> int:
    from contextlib import ExitStack

    from pipeline.detect.batch import open_input, run_batch

    settings = _settings(args)
    with ExitStack() as stack:
        if args.input == "-":
            source = open_input(sys.stdin.buffer)
        else:
            try:
                source = stack.enter_context(open_input(open(args.input, "rb")))  # noqa: SIM115
            except OSError as exc:
                raise DiplowatchError(f"--input {args.input}: {exc.strerror}") from None
        target: TextIO = sys.stdout
        if args.output and args.output != "-":
            target = stack.enter_context(open(args.output, "w", encoding="utf-8"))
        stats = run_batch(source, target, settings)
    if target is not sys.stdout:
        print(json.dumps(stats, default=str), file=sys.stderr)
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from pipeline import db

    settings = _settings(args)
    if args.db_command == "upgrade":
        db.upgrade(settings.db_url, args.revision)
        print(f"database at revision {db.current_revision(settings.db_url)}")
    elif args.db_command == "current":
        print(db.current_revision(settings.db_url) or "(empty database)")
    elif args.db_command == "sql":
        sys.stdout.write(db.schema_sql(args.dialect))
    return 0


def cmd_feeds(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from pipeline import db
    from pipeline.runner import prepare
    from pipeline.schema import Feed

    settings = _settings(args)
    prepare(settings)
    with db.session_scope(settings.db_url) as session:
        rows = [
            {
                "name": f.name,
                "status": f.status,
                "failures": f.consecutive_failures,
                "last_success_at": f.last_success_at,
                "next_due_at": f.next_due_at,
                "error": f.last_error,
                "url": f.url,
            }
            for f in session.scalars(select(Feed).where(Feed.enabled).order_by(Feed.name))
        ]
    cols = [
        (k, k) for k in ("name", "status", "failures", "last_success_at", "next_due_at", "error")
    ]
    write_records(rows, args.format, cols, sys.stdout)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from pipeline.api import create_app

    uvicorn.run(create_app(_settings(args)), host=args.host, port=args.port, log_level="info")
    return 0


# --- parser ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplowatch", description="US-Russia diplomatic events and statements from news feeds."
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    sub = parser.add_subparsers(dest="command", required=True)
    alerts_cli.register(sub)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="database URL (default: $DIPLOWATCH_DB_URL or sqlite)")

    p = sub.add_parser("run", help="one pass: fetch feeds and pages, detect, store, alert")
    common(p)
    p.add_argument("--feeds", help="feeds YAML file (default: $DIPLOWATCH_FEEDS or packaged)")
    p.add_argument("--alerts", help="alerts YAML file (default: $DIPLOWATCH_ALERTS)")
    p.add_argument("--force", action="store_true", help="also fetch feeds that are backing off")
    p.add_argument("--json", action="store_true", help="print the pass summary as JSON")
    p.add_argument("--workers", type=int, help="CPU worker processes (default: the cores)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "work",
        help="work beside a pass: fetch, extract, detect and store the waiting articles this "
        "process can claim, then exit (start several to use more cores or machines)",
    )
    common(p)
    p.add_argument("--alerts", help="alerts YAML file (default: $DIPLOWATCH_ALERTS)")
    p.add_argument("--workers", type=int, help="CPU worker processes (default: the cores)")
    p.add_argument("--json", action="store_true", help="print what was done as JSON")
    p.set_defaults(func=cmd_work)

    fmt = {"choices": ["table", "json", "csv"], "default": "table"}
    p = sub.add_parser("events", help="list stored events (merged, newest first)")
    common(p)
    p.add_argument("--since", help="event date from: YYYY-MM-DD, or a span like 24h, 7d")
    p.add_argument("--until", help="event date up to (inclusive): YYYY-MM-DD, or a span back")
    p.add_argument("--type", action="append", help="PLOVER type(s), e.g. SANCTION,THREATEN")
    p.add_argument("--country", help="only events with this side as source or target")
    p.add_argument("--min-confidence", type=float)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("statements", help="list stored statements (merged, newest first)")
    common(p)
    p.add_argument("--since", help="statement date from: YYYY-MM-DD, or a span like 7d")
    p.add_argument("--until", help="statement date up to (inclusive): YYYY-MM-DD")
    p.add_argument("--speaker", help="part of the speaker's name, e.g. Peskov")
    p.add_argument("--country", help="speaker's side, e.g. RUS")
    p.add_argument("--type", action="append", help=argparse.SUPPRESS)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_statements)

    p = sub.add_parser("detect", help="run the detector over a JSONL batch (see EVENTS.md)")
    p.add_argument("--input", required=True, help="items.jsonl, or - for stdin")
    p.add_argument("--output", help="result.jsonl (default: stdout)")
    p.set_defaults(func=cmd_detect)

    p = sub.add_parser("feeds", help="the feeds and their health")
    common(p)
    p.add_argument("--feeds", help="feeds YAML file")
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_feeds)

    p = sub.add_parser("db", help="database schema")
    common(p)
    dbsub = p.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="migrate the database to the latest schema")
    up.add_argument("revision", nargs="?", default="head")
    dbsub.add_parser("current", help="print the schema revision")
    sql = dbsub.add_parser("sql", help="print the schema as SQL (what sql/schema.sql holds)")
    sql.add_argument("--dialect", default="postgresql", choices=["postgresql", "sqlite"])
    p.set_defaults(func=cmd_db)

    p = sub.add_parser("serve", help="serve the web page and JSON API (events, statements)")
    common(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # The run summary already lists every failing feed and page: by default only errors are
    # logged, -v adds warnings, -vv progress, -vvv everything.
    level = (logging.ERROR, logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 3)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except DiplowatchError as exc:
        print(f"diplowatch: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (`diplowatch events | head`): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(
            "diplowatch: interrupted; stored work is kept and the next run resumes it",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["main", "build_parser", "write_records"]

"""The `diplowatch` command: run a pass, query records, run the detector in batch, manage the DB."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from pipeline.alerts import cli as alerts_cli
from pipeline.errors import DiplowatchError, PassRunning, QueryError
from pipeline.output import EVENT_COLUMNS, STATEMENT_COLUMNS, write_records
from pipeline.settings import Settings, load_settings

LOGGER = logging.getLogger(__name__)


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(
        db_url=getattr(args, "db", None),
        feeds_file=getattr(args, "feeds", None),
        alerts_file=getattr(args, "alerts", None),
        workers=getattr(args, "workers", None),
    )


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
    # Only the table needs the query modules (a tenth of the start-up of a pass with --json).
    from pipeline import db
    from pipeline.query import list_events, list_statements

    with db.session_scope(settings.db_url) as session:
        events = list_events(session, limit=10)
        statements = list_statements(session, limit=10)
    if events.items:
        out.write("\nLatest events:\n")
        write_records(events.items, "table", EVENT_COLUMNS, out, total=events.total)
    if statements.items:
        out.write("\nLatest statements:\n")
        write_records(statements.items, "table", STATEMENT_COLUMNS, out, total=statements.total)
    if not events.items and not statements.items:
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
        "write_seconds": round(outcome.write_seconds, 3),
        "store_seconds": round(outcome.store_seconds, 3),
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


# The CLI's flag for each API parameter named in a QueryError.
FLAGS = {"q": "--query", "type": "--type", "mode": "--mode", "min_confidence": "--min-confidence"}


def _flag_error(exc: QueryError) -> DiplowatchError:
    flag = FLAGS.get(exc.parameter, "--" + exc.parameter.replace("_", "-"))
    return DiplowatchError(f"{flag}: {exc.problem}")


def cmd_events(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.filters import event_filter
    from pipeline.output import EVENT_FIELDS
    from pipeline.query import known_values, list_events

    settings = _settings(args)
    db.ensure_schema(settings.db_url)
    with db.session_scope(settings.db_url) as session:
        try:
            filters = event_filter(
                q=args.query,
                since=args.since,
                until=args.until,
                types=args.type,
                modes=args.mode,
                country=args.country,
                source=args.source,
                target=args.target,
                actor=args.actor,
                min_confidence=args.min_confidence,
                known=known_values(session, settings.sides),
            )
        except QueryError as exc:
            raise _flag_error(exc) from None
        page = list_events(session, filters, offset=args.offset, limit=args.limit)
    write_records(
        page.items,
        args.format,
        EVENT_COLUMNS,
        sys.stdout,
        fields=EVENT_FIELDS,
        total=page.total,
        total_exact=page.total_exact,
    )
    return 0


def cmd_statements(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.filters import statement_filter
    from pipeline.output import STATEMENT_FIELDS
    from pipeline.query import known_values, list_statements

    settings = _settings(args)
    db.ensure_schema(settings.db_url)
    with db.session_scope(settings.db_url) as session:
        try:
            filters = statement_filter(
                q=args.query,
                since=args.since,
                until=args.until,
                country=args.country,
                speaker=args.speaker,
                direct=args.direct,
                known=known_values(session, settings.sides),
            )
        except QueryError as exc:
            raise _flag_error(exc) from None
        page = list_statements(session, filters, offset=args.offset, limit=args.limit)
    write_records(
        page.items,
        args.format,
        STATEMENT_COLUMNS,
        sys.stdout,
        fields=STATEMENT_FIELDS,
        total=page.total,
        total_exact=page.total_exact,
    )
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
    """Read-only: the feeds file's feeds with their stored health; writes nothing anywhere."""
    from pipeline.output import FEED_FIELDS
    from pipeline.query import feeds_with_health

    settings = _settings(args)
    rows = feeds_with_health(settings)
    cols = [
        (k, k) for k in ("name", "status", "failures", "last_success_at", "next_due_at", "error")
    ]
    write_records(rows, args.format, cols, sys.stdout, fields=FEED_FIELDS)
    return 0


def _loopback(host: str) -> bool:
    import ipaddress

    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name may resolve anywhere


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from pipeline.api import create_app

    settings = _settings(args)
    if not settings.api_token and not _loopback(args.host):
        raise DiplowatchError(
            f"--host {args.host}: refusing to serve beyond this machine without a token; "
            "set DIPLOWATCH_API_TOKEN to a long random secret (clients then send "
            "'Authorization: Bearer <token>'), or listen on 127.0.0.1"
        )
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
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

    def listing(p: argparse.ArgumentParser, what: str) -> None:
        p.add_argument(
            "--query",
            "-q",
            help='full-text search: words, "a phrase", prefix*, -exclude, a OR b',
        )
        p.add_argument("--since", help=f"{what} date from: YYYY-MM-DD, or a span like 24h, 7d")
        p.add_argument("--until", help=f"{what} date up to (inclusive): YYYY-MM-DD, or a span")
        p.add_argument("--offset", type=int, default=0, help="skip this many (paging)")
        p.add_argument("--limit", type=int, default=100, help="show at most this many")
        p.add_argument("--format", **fmt)  # type: ignore[arg-type]

    p = sub.add_parser("events", help="list stored events (merged, newest first)")
    common(p)
    listing(p, "event")
    p.add_argument("--type", action="append", help="PLOVER type(s), e.g. SANCTION,THREATEN")
    p.add_argument("--mode", action="append", help="mode(s), e.g. offer,sanctions")
    p.add_argument("--country", help="only events with this side as source or target")
    p.add_argument("--source", help="only events whose source is this side, e.g. USA")
    p.add_argument("--target", help="only events whose target is this side, e.g. RUS")
    p.add_argument("--actor", help="part of a source, target, speaker or reporter name")
    p.add_argument("--min-confidence", type=float)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("statements", help="list stored statements (merged, newest first)")
    common(p)
    listing(p, "statement")
    p.add_argument("--speaker", help="part of the speaker's name, e.g. Peskov")
    p.add_argument("--country", help="speaker's side, e.g. RUS")
    said = p.add_mutually_exclusive_group()
    said.add_argument("--direct", action="store_true", default=None, help="only direct quotes")
    said.add_argument(
        "--indirect",
        dest="direct",
        action="store_false",
        help="only paraphrases (attributed indirect speech)",
    )
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
    except PassRunning as exc:  # not a failure: the running pass does the work
        print(f"diplowatch: {exc}", file=sys.stderr)
        return 0
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


def entry() -> None:
    """The `diplowatch` program: `main`, then an exit that skips the interpreter's clean-up.

    Tearing down the modules of a pass (SQLAlchemy's above all) took 0.1 to 0.25 s of CPU
    at the end of every pass, a fifth of an unchanged one. Everything is done by then: the
    pools and their threads are shut down, the transactions committed; what is left is
    flushed and closed here first (output, logs, the database connections)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away; nothing more to say
        pass
    if "pipeline.db" in sys.modules:
        sys.modules["pipeline.db"].dispose_engines()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    entry()


__all__ = ["main", "build_parser", "entry"]

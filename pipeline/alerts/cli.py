"""`diplowatch alerts ...`: send what is due, retry now, list the outbox, test a channel."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

LOGGER = logging.getLogger(__name__)

LIST_COLUMNS = [
    ("created_at", "queued"),
    ("status", "status"),
    ("channel", "channel"),
    ("rule", "rule"),
    ("kind", "kind"),
    ("record_id", "record"),
    ("attempts", "tries"),
    ("next_attempt_at", "next try"),
    ("last_error", "error"),
    ("id", "delivery id"),
]


def _settings(args: argparse.Namespace) -> Any:
    from pipeline.settings import load_settings

    return load_settings(db_url=args.db, alerts_file=args.alerts)


def _print_summary(summary: Any, as_json: bool) -> int:
    if as_json:
        json.dump(summary.to_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(
            f"alerts: {summary.sent} sent, {summary.failed} failed "
            f"({summary.gave_up} gave up after the last attempt), {summary.deferred} deferred\n"
        )
        for error in summary.errors[:20]:
            sys.stdout.write(f"  ! {error}\n")
    # Failures are recorded and retried; only giving up is worth a non-zero exit.
    return 1 if summary.gave_up else 0


def cmd_send(args: argparse.Namespace) -> int:
    from pipeline.alerts import send_due

    return _print_summary(send_due(_settings(args)), args.json)


def cmd_retry(args: argparse.Namespace) -> int:
    from pipeline.alerts import send_due

    return _print_summary(send_due(_settings(args), ignore_backoff=True), args.json)


def cmd_list(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.alerts import list_deliveries
    from pipeline.output import write_records

    settings = _settings(args)
    db.ensure_schema(settings.db_url)
    with db.session_scope(settings.db_url) as session:
        rows = list_deliveries(session, status=args.status, limit=args.limit)
    write_records(rows, args.format, LIST_COLUMNS, sys.stdout)
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    from pipeline.alerts import send_test
    from pipeline.errors import DeliveryError

    try:
        delivery = send_test(_settings(args), args.channel)
    except DeliveryError as exc:
        print(f"diplowatch: test message failed: {exc}", file=sys.stderr)
        return 1
    print(f"test message sent through {args.channel} (delivery id {delivery})")
    return 0


def register(subparsers: Any) -> None:
    """Add `diplowatch alerts` and its subcommands to the main parser."""
    parser = subparsers.add_parser("alerts", help="alert deliveries: send, retry, list, test")
    sub = parser.add_subparsers(dest="alerts_command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="database URL (default: $DIPLOWATCH_DB_URL or sqlite)")
        p.add_argument("--alerts", help="alerts YAML file (default: $DIPLOWATCH_ALERTS)")

    p = sub.add_parser("send", help="deliver the alerts that are due")
    common(p)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_send)

    p = sub.add_parser("retry", help="deliver every pending alert now, ignoring backoff")
    common(p)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_retry)

    p = sub.add_parser("list", help="list the outbox, newest first")
    common(p)
    p.add_argument("--status", choices=["pending", "sent", "failed"])
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("test", help="send a test message through one channel")
    common(p)
    p.add_argument("channel", help="the channel's name in the alerts file")
    p.set_defaults(func=cmd_test)


__all__ = ["register"]

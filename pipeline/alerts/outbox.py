"""The alert outbox: delivery rows written with the records, and the sender that works them off.

Writing: `enqueue_hook(config)` is the `on_new` hook of `store.store_detection`; it adds one
`deliveries` row per channel a new event or statement is routed to, in the transaction that
creates the record, so an alert exists if and only if its record does. Later mentions of
the same record create no row (merging finds the record; the hook is not called).

Sending: `send_due` claims due rows (a short lease in `next_attempt_at`, so two senders,
e.g. the CLI and the Airflow DAG, do not both send a row), sends each outside any
transaction, then marks it sent in a transaction of its own. A crash between sending and
marking leaves the row pending: it is sent again with the same id once the lease expires
(at-least-once; receivers drop repeats by `X-Diplowatch-Delivery`). A failure counts an
attempt and waits out an exponential backoff; after `delivery_max_attempts` the row is
marked failed with the reason, never dropped. Channels are worked one after another and
each failure is contained to its channel.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, selectinload

from pipeline import db
from pipeline.alerts import channels
from pipeline.alerts.config import AlertsConfig, ChannelConfig, load_alerts
from pipeline.alerts.render import NAMESPACE, Message, alert_payload, digest_id
from pipeline.db import insert_ignore
from pipeline.errors import ConfigError, DeliveryError
from pipeline.schema import Delivery, Event, EventMention, Statement, StatementMention, utcnow
from pipeline.settings import Settings
from pipeline.store import OnNewRecord

LOGGER = logging.getLogger(__name__)

# How long a claimed row is reserved for the sender that claimed it. Longer than any one
# send can take (timeouts bound them); a sender that died frees its rows when it expires.
LEASE = dt.timedelta(minutes=10)
MAX_BACKOFF = dt.timedelta(hours=6)
# After this many failures in a row on one channel, the rest of its rows wait for the next
# call instead of each costing another timeout now.
CHANNEL_FAILURE_LIMIT = 3


def delivery_id(channel: str, kind: str, record: Event | Statement) -> str:
    """The deterministic id of one alert: the same channel, record kind, record id and first
    sighting always give the same id (first_seen_at guards against a reused SQLite id)."""
    seen = record.first_seen_at.isoformat() if record.first_seen_at else ""
    return str(uuid.uuid5(NAMESPACE, f"{channel}/{kind}/{record.id}/{seen}"))


def enqueue_hook(config: AlertsConfig) -> OnNewRecord:
    """The `on_new` hook that writes outbox rows for a new record, in its transaction."""

    def enqueue(session: Session, kind: str, record: Event | Statement) -> None:
        now = utcnow()
        rows = [
            {
                "id": delivery_id(channel.name, kind, record),
                "channel": channel.name,
                "rule": rule.name,
                "kind": kind,
                "record_id": record.id,
                "status": "pending",
                "attempts": 0,
                # A digest channel sends what is due at the end of its hour or day.
                "next_attempt_at": channel.window_end(now),
                "created_at": now,
            }
            for channel, rule in config.routes(kind, record)
        ]
        if rows:
            insert_ignore(session, Delivery.__table__, rows, ["channel", "kind", "record_id"])
            LOGGER.debug("%s %s: %d alert(s) queued", kind, record.id, len(rows))

    return enqueue


@dataclass
class SendSummary:
    """What one `send_due` call did."""

    sent: int = 0  # deliveries marked sent
    failed: int = 0  # failed attempts (retried later unless gave_up)
    gave_up: int = 0  # of those, marked failed for good after the last attempt
    deferred: int = 0  # left for a later call (channel kept failing, or unknown channel)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _backoff(settings: Settings, attempts: int) -> dt.timedelta:
    seconds = settings.delivery_backoff_seconds * 2 ** max(attempts - 1, 0)
    return min(dt.timedelta(seconds=seconds), MAX_BACKOFF)


def _due(settings: Settings, now: dt.datetime, ignore_backoff: bool) -> list[Delivery]:
    query = select(Delivery).where(Delivery.status == "pending", Delivery.kind != "test")
    if not ignore_backoff:
        query = query.where(
            or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now)
        )
    with db.session_scope(settings.db_url) as session:
        return list(session.scalars(query.order_by(Delivery.created_at, Delivery.id)))


def _claim(settings: Settings, rows: list[Delivery], now: dt.datetime) -> list[Delivery]:
    """Reserve rows for this sender: a row whose `next_attempt_at` changed since we read it
    was claimed (or handled) by another sender, and is left to it."""
    claimed = []
    until = now + LEASE
    with db.session_scope(settings.db_url) as session:
        for row in rows:
            seen = row.next_attempt_at
            condition = (
                Delivery.next_attempt_at.is_(None)
                if seen is None
                else Delivery.next_attempt_at == seen
            )
            result = session.execute(
                update(Delivery)
                .where(Delivery.id == row.id, Delivery.status == "pending", condition)
                .values(next_attempt_at=until)
            )
            if getattr(result, "rowcount", 0) == 1:
                claimed.append(row)
    return claimed


def mark_sent(settings: Settings, ids: list[str], now: dt.datetime) -> None:
    """Record a successful send (its own transaction, after the receiver said yes)."""
    with db.session_scope(settings.db_url) as session:
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids), Delivery.status == "pending")
            .values(
                status="sent",
                sent_at=now,
                attempts=Delivery.attempts + 1,
                last_error=None,
                next_attempt_at=None,
            )
        )


def _mark_failed(
    settings: Settings, ids: Iterable[str], reason: str, now: dt.datetime, *, final: bool = False
) -> int:
    """Count a failed attempt; after the last allowed one the row is failed for good.
    Returns how many rows gave up."""
    gave_up = 0
    with db.session_scope(settings.db_url) as session:
        for row in session.scalars(select(Delivery).where(Delivery.id.in_(list(ids)))):
            if row.status != "pending":
                continue
            row.attempts += 1
            row.last_error = reason[:2000]
            if final or row.attempts >= settings.delivery_max_attempts:
                row.status, row.next_attempt_at = "failed", None
                gave_up += 1
                LOGGER.error(
                    "delivery %s (%s %s to %s) failed after %d attempt(s): %s",
                    row.id, row.kind, row.record_id, row.channel, row.attempts, reason,
                )  # fmt: skip
            else:
                row.next_attempt_at = now + _backoff(settings, row.attempts)
    return gave_up


def _release(settings: Settings, ids: list[str], when: dt.datetime) -> None:
    """Give claimed rows back without counting an attempt."""
    with db.session_scope(settings.db_url) as session:
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids), Delivery.status == "pending")
            .values(next_attempt_at=when)
        )


def _payloads(
    settings: Settings, rows: list[Delivery]
) -> tuple[dict[str, dict[str, Any]], list[Delivery]]:
    """The alert payload of each row (by delivery id), and the rows whose record is gone."""
    payloads: dict[str, dict[str, Any]] = {}
    with db.session_scope(settings.db_url) as session:
        events = {
            e.id: e
            for e in session.scalars(
                select(Event)
                .where(Event.id.in_([r.record_id for r in rows if r.kind == "event"]))
                .options(selectinload(Event.mentions).selectinload(EventMention.article))
            )
        }
        statements = {
            s.id: s
            for s in session.scalars(
                select(Statement)
                .where(Statement.id.in_([r.record_id for r in rows if r.kind == "statement"]))
                .options(selectinload(Statement.mentions).selectinload(StatementMention.article))
            )
        }
        missing = []
        for row in rows:
            record = (events if row.kind == "event" else statements).get(row.record_id)
            if record is None:
                missing.append(row)
                continue
            payloads[row.id] = alert_payload(row.kind, record, delivery_id=row.id, rule=row.rule)
    return payloads, missing


def _send_channel(
    settings: Settings,
    channel: ChannelConfig,
    rows: list[Delivery],
    now: dt.datetime,
    summary: SendSummary,
) -> None:
    payloads, missing = _payloads(settings, rows)
    if missing:
        reason = "its record no longer exists (an article's re-detection removed it)"
        summary.gave_up += _mark_failed(settings, [r.id for r in missing], reason, now, final=True)
    rows = [r for r in rows if r.id in payloads]
    # A digest channel sends everything due as one message; the others one message per alert.
    batches = ([rows] if rows else []) if channel.digest else [[r] for r in rows]
    failures = 0
    for index, batch in enumerate(batches):
        ids = [r.id for r in batch]
        alerts = [payloads[i] for i in ids]
        message_id = digest_id(ids) if channel.digest else ids[0]
        message = Message(delivery_id=message_id, alerts=alerts, digest=channel.digest)
        try:
            channels.send(channel, message, settings)
        except Exception as exc:  # a bug in one channel must not stop the others
            reason = str(exc) if isinstance(exc, DeliveryError) else f"unexpected error: {exc!r}"
            if not isinstance(exc, DeliveryError):
                LOGGER.exception("channel %s: unexpected error", channel.name)
            else:
                LOGGER.warning("%s", reason)
            summary.failed += len(ids)
            summary.gave_up += _mark_failed(settings, ids, reason, now)
            summary.errors.append(reason)
            failures += 1
            if failures >= CHANNEL_FAILURE_LIMIT:
                rest = [r.id for b in batches[index + 1 :] for r in b]
                if rest:
                    _release(settings, rest, now + _backoff(settings, 1))
                    summary.deferred += len(rest)
                break
            continue
        failures = 0
        mark_sent(settings, ids, utcnow())
        summary.sent += len(ids)


def _config(settings: Settings, config: AlertsConfig | None) -> AlertsConfig:
    if config is not None:
        return config
    if not settings.alerts_file:
        raise ConfigError(
            "no alerts file: set DIPLOWATCH_ALERTS or pass --alerts", source="DIPLOWATCH_ALERTS"
        )
    return load_alerts(settings.alerts_file)


def send_due(
    settings: Settings,
    *,
    ignore_backoff: bool = False,
    config: AlertsConfig | None = None,
    now: dt.datetime | None = None,
) -> SendSummary:
    """Send every pending delivery that is due (all pending ones with `ignore_backoff`)."""
    config = _config(settings, config)
    db.ensure_schema(settings.db_url)
    now = now or utcnow()
    summary = SendSummary()
    by_channel: dict[str, list[Delivery]] = {}
    for row in _due(settings, now, ignore_backoff):
        by_channel.setdefault(row.channel, []).append(row)
    for name, rows in by_channel.items():
        channel = config.channels.get(name)
        if channel is None:
            # Kept pending, not failed: putting the channel back in the file resumes them.
            LOGGER.warning(
                "%d pending alert(s) for channel %r, which %s no longer defines",
                len(rows), name, config.path,
            )  # fmt: skip
            summary.deferred += len(rows)
            continue
        claimed = _claim(settings, rows, now)
        if claimed:
            _send_channel(settings, channel, claimed, now, summary)
    if summary.sent or summary.failed:
        LOGGER.info(
            "alerts: %d sent, %d failed (%d gave up)", summary.sent, summary.failed, summary.gave_up
        )
    return summary


def send_test(settings: Settings, channel_name: str, *, config: AlertsConfig | None = None) -> str:
    """Send a test message through one channel now (not through the outbox); returns its id.
    Raises DeliveryError saying why when the channel fails."""
    channel = _config(settings, config).channel(channel_name)
    message = Message(delivery_id=str(uuid.uuid4()), test=True)
    channels.send(channel, message, settings)
    return message.delivery_id


def list_deliveries(
    session: Session, *, status: str | None = None, limit: int | None = 100
) -> list[dict[str, Any]]:
    """Outbox rows, newest first, for `diplowatch alerts list`."""
    query = select(Delivery)
    if status:
        query = query.where(Delivery.status == status)
    query = query.order_by(Delivery.created_at.desc(), Delivery.id)
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": d.id,
            "channel": d.channel,
            "rule": d.rule,
            "kind": d.kind,
            "record_id": d.record_id,
            "status": d.status,
            "attempts": d.attempts,
            "next_attempt_at": d.next_attempt_at.isoformat() if d.next_attempt_at else None,
            "sent_at": d.sent_at.isoformat() if d.sent_at else None,
            "last_error": d.last_error,
            "created_at": d.created_at.isoformat(),
        }
        for d in session.scalars(query)
    ]


__all__ = [
    "SendSummary",
    "delivery_id",
    "enqueue_hook",
    "list_deliveries",
    "mark_sent",
    "send_due",
    "send_test",
]

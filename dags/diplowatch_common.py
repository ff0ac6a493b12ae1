"""Wiring shared by the diplowatch DAGs: settings inside tasks, the events asset, task defaults.

Nothing here touches the network or a database at import time: the DAG processor imports
this module on every parse. Settings are built inside tasks, from the same DIPLOWATCH_*
variables the CLI reads, and the Airflow connection `diplowatch_db`, when defined, gives
the database URL (so a production password lives in Airflow's secrets, not in a file).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from airflow.sdk import Asset, get_current_context, task
from airflow.sdk.exceptions import AirflowNotFoundException, AirflowSkipException

if TYPE_CHECKING:
    from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

DB_CONN_ID = "diplowatch_db"
# Published when a run stores new events or statements; the alerts DAG is scheduled on it.
EVENTS_ASSET = Asset(uri="diplowatch://events", name="diplowatch_events", group="diplowatch")
DEFAULT_SCHEDULE = "*/15 * * * *"
START_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
FEEDS_PER_TASK = 20  # one mapped fetch task per this many feeds
ARTICLES_PER_TASK = 25  # one mapped extraction task per this many articles (default)


def articles_per_task() -> int:
    """Articles per mapped extraction task: DIPLOWATCH_ARTICLES_PER_TASK, default 25. Each
    task costs a second or two of start-up; at high volume raise it (docs/scaling.md)."""
    try:
        return max(1, int(os.environ.get("DIPLOWATCH_ARTICLES_PER_TASK", ARTICLES_PER_TASK)))
    except ValueError:
        LOGGER.warning("DIPLOWATCH_ARTICLES_PER_TASK is not a number; using %s", ARTICLES_PER_TASK)
        return ARTICLES_PER_TASK


def detect_articles_per_task() -> int:
    """Articles per mapped detection task: DIPLOWATCH_DETECT_ARTICLES_PER_TASK, default 100.
    Larger than an extraction batch because each detection task loads spaCy first (a few
    seconds): 100 articles keep that under half of the task's time (docs/scaling.md)."""
    try:
        return max(1, int(os.environ.get("DIPLOWATCH_DETECT_ARTICLES_PER_TASK", "100")))
    except ValueError:
        LOGGER.warning("DIPLOWATCH_DETECT_ARTICLES_PER_TASK is not a number; using 100")
        return 100


def parallel_tasks() -> int:
    """Mapped tasks of one kind running at once in a DAG run: DIPLOWATCH_PARALLEL_TASKS
    (default 4); raise it with the executor's slots (docs/scaling.md). Read at parse time
    from the environment only: cheap, no settings file, no database."""
    try:
        return max(1, int(os.environ.get("DIPLOWATCH_PARALLEL_TASKS", "4")))
    except ValueError:
        LOGGER.warning("DIPLOWATCH_PARALLEL_TASKS is not a number; using 4")
        return 4


def default_args() -> dict[str, Any]:
    """Task defaults: retries with exponential backoff (1, 2, 4... minutes, at most 30).

    DIPLOWATCH_TASK_RETRIES overrides the number of retries (tests set 0 to fail fast).
    """
    return {
        "owner": "diplowatch",
        "retries": int(os.environ.get("DIPLOWATCH_TASK_RETRIES", "3")),
        "retry_delay": dt.timedelta(minutes=1),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": dt.timedelta(minutes=30),
        "execution_timeout": dt.timedelta(minutes=30),
    }


def dag_schedule() -> str:
    """The ingest schedule: DIPLOWATCH_SCHEDULE, else the settings file's, else every 15 min."""
    from_env = os.environ.get("DIPLOWATCH_SCHEDULE", "").strip()
    if from_env:
        return from_env
    from pipeline.errors import ConfigError
    from pipeline.settings import load_settings

    try:
        return load_settings().schedule or DEFAULT_SCHEDULE
    except ConfigError as exc:  # a bad settings file fails the tasks, with the same message
        LOGGER.warning(
            "diplowatch settings unreadable at parse time (%s); using %s", exc, DEFAULT_SCHEDULE
        )
        return DEFAULT_SCHEDULE


def db_url_from_connection(conn: Any) -> str:
    """A database URL from an Airflow connection: its `url` extra, else its fields."""
    extra = conn.extra_dejson or {}
    if extra.get("url"):
        return str(extra["url"])
    kind = (conn.conn_type or "").lower()
    if kind in ("postgres", "postgresql"):
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username=conn.login or None,
            password=conn.password or None,
            host=conn.host or None,
            port=conn.port or None,
            database=conn.schema or None,
        ).render_as_string(hide_password=False)
    if kind == "sqlite":
        return f"sqlite:///{conn.host}"
    return str(conn.get_uri())


def task_settings() -> Settings:
    """The settings a task runs with; call it inside a task, never at parse time.

    The database is brought to the current schema here, so any DAG's first run on a new
    database (alerts or maintenance before any ingest) finds its tables.
    """
    from airflow.sdk import BaseHook

    from pipeline import db
    from pipeline.settings import load_settings

    settings = load_settings()
    try:
        conn = BaseHook.get_connection(DB_CONN_ID)
    except AirflowNotFoundException:
        pass
    else:
        LOGGER.info("database URL from the Airflow connection %r", DB_CONN_ID)
        settings = settings.with_overrides(db_url=db_url_from_connection(conn))
    db.ensure_schema(settings.db_url)
    return settings


@contextmanager
def feeds_lock(settings: Settings, *, shared: bool = False) -> Iterator[None]:
    """The database's pass lock around a task that reads feeds (`pipeline.locks.pass_lock`):
    while a `diplowatch run` holds it the task is skipped, saying so, and reads nothing.
    The mapped feed tasks of one DAG run share it (`shared`); the runs of this DAG never
    overlap (max_active_runs=1)."""
    from pipeline.errors import PassRunning
    from pipeline.locks import pass_lock

    try:
        with pass_lock(settings.db_url, shared=shared):
            yield
    except PassRunning as exc:
        raise AirflowSkipException(str(exc)) from None


def alert_hook(settings: Settings) -> Any:
    """The outbox hook that queues alerts with each new record, as `diplowatch run` does;
    None when no alerts file is configured. A bad alerts file fails the task, by name."""
    from pipeline.runner import alerts_hook

    return alerts_hook(settings)[1]


def chunked(ids: Sequence[int], size: int) -> list[list[int]]:
    """Split ids into batches: one mapped task instance per batch."""
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def detect_summary(outcome: Any) -> dict[str, Any]:
    """What a detection step hands over XCom: counts and ids, never article text."""
    return {
        "articles_detected": outcome.detected,
        "articles_relevant": outcome.relevant,
        "events_new": outcome.counts.events_new,
        "statements_new": outcome.counts.statements_new,
        "mentions_new": outcome.counts.event_mentions + outcome.counts.statement_mentions,
        "event_ids": list(outcome.event_ids),
        "statement_ids": list(outcome.statement_ids),
    }


def sum_detections(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """Several detection steps' summaries (mapped batches) as one."""
    total: dict[str, Any] = {
        "articles_detected": 0,
        "articles_relevant": 0,
        "events_new": 0,
        "statements_new": 0,
        "mentions_new": 0,
        "event_ids": [],
        "statement_ids": [],
    }
    for summary in summaries:
        for key, value in summary.items():
            if key in total:
                total[key] = total[key] + (list(value) if isinstance(value, list) else int(value))
    return total


@task(outlets=[EVENTS_ASSET], execution_timeout=dt.timedelta(minutes=5))
def publish_new_records(summary: dict[str, Any]) -> dict[str, Any]:
    """Emit an event on the events asset when something new was stored, else skip (a skipped
    task emits no asset event, so the alerts DAG is not woken for nothing)."""
    new = int(summary.get("events_new", 0)) + int(summary.get("statements_new", 0))
    if not new:
        raise AirflowSkipException("no new events or statements")
    extra = {
        "events_new": int(summary["events_new"]),
        "statements_new": int(summary["statements_new"]),
        "event_ids": list(summary.get("event_ids", []))[:500],
        "statement_ids": list(summary.get("statement_ids", []))[:500],
    }
    get_current_context()["outlet_events"][EVENTS_ASSET].extra = extra
    LOGGER.info(
        "published %s: %s new event(s), %s new statement(s)",
        EVENTS_ASSET.uri,
        extra["events_new"],
        extra["statements_new"],
    )
    return {"events_new": extra["events_new"], "statements_new": extra["statements_new"]}

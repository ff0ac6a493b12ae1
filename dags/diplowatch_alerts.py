"""diplowatch alerts: deliver the alert outbox when the ingest DAG publishes new records.

Scheduled on the events asset (`diplowatch://events`), and also hourly: a delivery that
failed waits out its backoff and is retried by a later run even when nothing new arrives.
Delivery is `pipeline.alerts.send_due`, the same function the CLI's pass calls; the outbox
rows were written in the same transaction as the records they announce, so nothing is
lost between the two DAGs and nothing is sent twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

from airflow.sdk import AssetOrTimeSchedule, CronTriggerTimetable, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowSkipException
from diplowatch_common import EVENTS_ASSET, START_DATE, default_args, task_settings

LOGGER = logging.getLogger(__name__)


def _triggering_counts() -> dict[str, int]:
    """What the asset events that woke this run announced (nothing on an hourly sweep)."""
    totals = {"events_new": 0, "statements_new": 0}
    triggering = get_current_context().get("triggering_asset_events") or {}
    for events in triggering.values():
        for event in events:
            for key in totals:
                totals[key] += int((event.extra or {}).get(key, 0))
    return totals


def _as_dict(summary: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(summary) and not isinstance(summary, type):
        return dataclasses.asdict(summary)
    if isinstance(summary, dict):
        return summary
    return {"summary": str(summary)}


@dag(
    dag_id="diplowatch_alerts",
    schedule=AssetOrTimeSchedule(
        timetable=CronTriggerTimetable("0 * * * *", timezone="UTC"), assets=[EVENTS_ASSET]
    ),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    tags=["diplowatch"],
    doc_md=__doc__,
)
def diplowatch_alerts() -> None:
    @task(execution_timeout=dt.timedelta(minutes=15))
    def deliver_alerts() -> dict[str, Any]:
        """Send the deliveries that are due; log what is pending."""
        announced = _triggering_counts()
        LOGGER.info(
            "woken for %s new event(s) and %s new statement(s)",
            announced["events_new"],
            announced["statements_new"],
        )
        settings = task_settings()
        if not settings.alerts_file:
            from pipeline.maintenance import pending_deliveries

            pending = pending_deliveries(settings)
            for delivery in pending:
                LOGGER.info("pending delivery: %s", delivery)
            raise AirflowSkipException(
                f"no alerts file (set DIPLOWATCH_ALERTS); {len(pending)} delivery(ies) pending"
            )
        from pipeline.alerts import send_due

        summary = _as_dict(send_due(settings))
        LOGGER.info("alerts: %s", summary)
        return {**summary, **announced}

    deliver_alerts()


diplowatch_alerts()

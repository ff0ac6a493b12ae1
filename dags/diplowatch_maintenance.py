"""diplowatch maintenance, daily: feed health, re-detection, raw-HTML retention.

- feed_health_report: every enabled feed's status and backoff, failing feeds first.
- redetect_articles: articles detected by an older detector version are detected again
  (`runner.detect_articles(redetect=True)`); records that gain a mention are merged, new
  ones are published on the events asset like the ingest DAG's.
- purge_raw_html: the downloaded HTML of articles older than `raw_html_retention_days`
  is dropped; their text and detections stay.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from airflow.sdk import dag, task
from diplowatch_common import (
    START_DATE,
    alert_hook,
    default_args,
    detect_summary,
    publish_new_records,
    task_settings,
)

LOGGER = logging.getLogger(__name__)


@dag(
    dag_id="diplowatch_maintenance",
    schedule="@daily",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    tags=["diplowatch"],
    doc_md=__doc__,
)
def diplowatch_maintenance() -> None:
    @task(execution_timeout=dt.timedelta(minutes=5))
    def feed_health_report() -> list[dict[str, Any]]:
        """Log the feeds' health and return it (failing feeds first)."""
        from pipeline.maintenance import feed_health, format_feed_health

        report = feed_health(task_settings())
        LOGGER.info("feed health:\n%s", format_feed_health(report))
        return [h.to_dict() for h in report]

    @task(execution_timeout=dt.timedelta(hours=2))
    def redetect_articles() -> dict[str, Any]:
        """Detect again what an older detector version analysed."""
        from pipeline import runner
        from pipeline.detect import DETECTOR_VERSION

        settings = task_settings()
        # In the task's own process unless DIPLOWATCH_WORKERS asks for worker processes.
        settings = settings.with_overrides(workers=settings.workers or 1)
        outcome = runner.detect_articles(settings, redetect=True, on_new=alert_hook(settings))
        summary = detect_summary(outcome)
        LOGGER.info(
            "re-detected %s article(s) with detector %s: %s new event(s), %s new statement(s)",
            summary["articles_detected"],
            DETECTOR_VERSION,
            summary["events_new"],
            summary["statements_new"],
        )
        return summary

    @task(execution_timeout=dt.timedelta(minutes=30))
    def purge_raw_html() -> int:
        """Drop raw HTML past the retention age; returns how many articles were cleared."""
        from pipeline.maintenance import purge_raw_html as purge

        return purge(task_settings())

    feed_health_report()
    publish_new_records(redetect_articles())
    purge_raw_html()


diplowatch_maintenance()

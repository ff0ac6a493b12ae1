"""diplowatch ingest: the pipeline's pass as Airflow tasks, every 15 minutes by default.

prepare and pick the due feeds -> fetch feeds (mapped over feed batches) -> pick the
articles waiting for their page, new or left half-processed -> fetch and extract them
(mapped over article batches) -> pick the extracted articles -> detect and store them
(mapped over batches of 100) -> sum up, finishing anything left -> publish the events asset.

Every task calls the same `pipeline.runner` steps as `diplowatch run`. Mapped tasks run in
parallel (LocalExecutor slots or Celery workers) and each does its CPU work in its own
process (workers=1): the mapped tasks are the parallelism. Articles are claimed with a
lease (`pipeline.claims`), so two tasks, a retried task or a CLI worker beside them never
do one article twice. Tasks hand over ids and counts only. Each step writes keyed on natural keys (feed name, canonical URL,
mention key), so retrying a task, or re-running the whole run, stores nothing twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from airflow.sdk import TriggerRule, dag, get_current_context, task
from diplowatch_common import (
    FEEDS_PER_TASK,
    START_DATE,
    alert_hook,
    articles_per_task,
    chunked,
    dag_schedule,
    default_args,
    detect_articles_per_task,
    detect_summary,
    feeds_lock,
    parallel_tasks,
    publish_new_records,
    sum_detections,
    task_settings,
)

LOGGER = logging.getLogger(__name__)


@dag(
    dag_id="diplowatch_ingest",
    schedule=dag_schedule(),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    tags=["diplowatch"],
    doc_md=__doc__,
)
def diplowatch_ingest() -> None:
    @task(execution_timeout=dt.timedelta(minutes=5))
    def select_due_feeds() -> list[list[int]]:
        """Upgrade the schema, sync the feeds file, and batch the ids of the feeds due now."""
        from pipeline import runner

        settings = task_settings()
        with feeds_lock(settings):  # skipped while a `diplowatch run` reads the feeds
            runner.prepare(settings)
            feed_ids, backing_off = runner.select_feeds(settings, due_only=True)
        LOGGER.info(
            "%s feed(s) due; %s backing off: %s", len(feed_ids), len(backing_off), backing_off
        )
        return chunked(feed_ids, FEEDS_PER_TASK)

    @task(execution_timeout=dt.timedelta(minutes=15), max_active_tis_per_dagrun=parallel_tasks())
    def fetch_feed_batch(feed_ids: list[int]) -> dict[str, int]:
        """Fetch a batch of feeds; store their entries as new articles."""
        from pipeline import runner

        settings = task_settings()
        with feeds_lock(settings, shared=True):
            outcomes, new_ids = runner.fetch_feeds(settings, feed_ids)
        for outcome in outcomes:
            LOGGER.info(
                "feed %s: %s, %s new article(s)%s",
                outcome.name,
                outcome.status,
                outcome.new_articles,
                f" ({outcome.error})" if outcome.error else "",
            )
        return {
            "feeds": len(outcomes),
            "failed": sum(o.status in ("failed", "blocked") for o in outcomes),
            "articles_new": len(new_ids),
            # small per-feed records (no bodies) for the pass's row in `runs`
            "outcomes": [{"name": o.name, "status": o.status, "error": o.error} for o in outcomes],
        }

    @task(trigger_rule=TriggerRule.NONE_FAILED, execution_timeout=dt.timedelta(minutes=5))
    def select_waiting_articles() -> list[list[int]]:
        """Batch every article waiting for its page: this run's new ones and any left behind."""
        from pipeline import maintenance

        waiting = maintenance.article_ids_to_fetch(task_settings())
        LOGGER.info("%s article(s) waiting for their page", len(waiting))
        return chunked(waiting, articles_per_task())

    @task(execution_timeout=dt.timedelta(minutes=30), max_active_tis_per_dagrun=parallel_tasks())
    def fetch_article_batch(article_ids: list[int]) -> dict[str, int]:
        """Fetch and extract a batch of articles; a failing page is recorded, not raised."""
        from pipeline import runner

        settings = task_settings().with_overrides(workers=1)
        extracted, failures = runner.fetch_articles(settings, article_ids)
        for url, error in failures:
            LOGGER.warning("article %s: %s", url, error)
        return {
            "extracted": extracted,
            "failed": len(failures),
            "failures": [[url, error[:500]] for url, error in failures[:50]],
        }

    @task(trigger_rule=TriggerRule.NONE_FAILED, execution_timeout=dt.timedelta(minutes=5))
    def select_extracted_articles() -> list[list[int]]:
        """Batch every article waiting for detection."""
        from pipeline import maintenance

        waiting = maintenance.article_ids_to_detect(task_settings())
        LOGGER.info("%s article(s) waiting for detection", len(waiting))
        return chunked(waiting, detect_articles_per_task())

    @task(execution_timeout=dt.timedelta(minutes=30), max_active_tis_per_dagrun=parallel_tasks())
    def detect_article_batch(article_ids: list[int]) -> dict[str, Any]:
        """Detect events and statements in a batch of articles and store them, merged."""
        from pipeline import runner

        settings = task_settings().with_overrides(workers=1)
        outcome = runner.detect_articles(settings, article_ids, on_new=alert_hook(settings))
        return detect_summary(outcome)

    @task(trigger_rule=TriggerRule.NONE_FAILED, execution_timeout=dt.timedelta(minutes=45))
    def detect_and_store(batches: list[dict[str, Any]]) -> dict[str, Any]:
        """Sum up the detection batches, and detect whatever is still waiting (an article
        extracted after the batches were picked, or given back by a failed batch)."""
        from pipeline import runner

        settings = task_settings().with_overrides(workers=1)
        rest = detect_summary(runner.detect_articles(settings, on_new=alert_hook(settings)))
        summary = sum_detections([*(batches or []), rest])
        LOGGER.info(
            "%s article(s) analysed, %s relevant; %s new event(s), %s new statement(s)",
            summary["articles_detected"],
            summary["articles_relevant"],
            summary["events_new"],
            summary["statements_new"],
        )
        return summary

    @task(trigger_rule=TriggerRule.NONE_FAILED, execution_timeout=dt.timedelta(minutes=5))
    def record_pass(
        feed_stats: list[dict[str, Any]],
        article_stats: list[dict[str, Any]],
        stored: dict[str, Any],
    ) -> int:
        """Record what this DAG run did in `runs`, as `diplowatch run` does for a CLI pass."""
        from pipeline import runner

        summary = runner.PassSummary(
            feeds=[
                runner.FeedOutcome(o["name"], o["status"], error=o.get("error"))
                for batch in feed_stats or []
                for o in batch.get("outcomes", [])
            ],
            articles_new=sum(int(b.get("articles_new", 0)) for b in feed_stats or []),
            articles_extracted=sum(int(b.get("extracted", 0)) for b in article_stats or []),
            articles_failed=[
                (url, error) for b in article_stats or [] for url, error in b.get("failures", [])
            ],
            articles_detected=int(stored["articles_detected"]),
            articles_relevant=int(stored["articles_relevant"]),
            events_new=int(stored["events_new"]),
            statements_new=int(stored["statements_new"]),
            mentions_new=int(stored["mentions_new"]),
        )
        context = get_current_context()
        dag_run = context.get("dag_run")
        started = getattr(dag_run, "start_date", None)
        return runner.record_run(task_settings(), summary, trigger="airflow", started_at=started)

    feed_batches = select_due_feeds()
    fetched_feeds = fetch_feed_batch.expand(feed_ids=feed_batches)
    article_batches = select_waiting_articles()
    fetched_feeds >> article_batches
    fetched_articles = fetch_article_batch.expand(article_ids=article_batches)
    detect_batches = select_extracted_articles()
    fetched_articles >> detect_batches
    stored = detect_and_store(detect_article_batch.expand(article_ids=detect_batches))
    publish_new_records(stored)
    record_pass(fetched_feeds, fetched_articles, stored)


diplowatch_ingest()

"""One pass of the pipeline, as steps that the CLI runs in a row and Airflow runs as tasks.

Each step opens its own short transactions and hands over only ids, so any step can be
retried or interrupted: what was stored stays stored, and the next pass picks up articles
left half-processed (state `new` or `extracted`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline import claims, db, store
from pipeline.locks import pass_lock
from pipeline.models import FeedResult, FeedSpec
from pipeline.pool import CpuPool
from pipeline.schema import Feed, Run, utcnow
from pipeline.settings import Settings
from pipeline.work import WorkOutcome, process_articles

LOGGER = logging.getLogger(__name__)

# progress(stage, done, total): the CLI draws a bar from it; Airflow passes nothing.
Progress = Callable[[str, int, int], None]


@dataclass
class FeedOutcome:
    name: str
    status: str  # ok | not_modified | failed | blocked | skipped
    new_articles: int = 0
    error: str | None = None


@dataclass
class PassSummary:
    """What one pass did; printed by the CLI, stored in `runs`, returned by the DAG tasks."""

    run_id: int | None = None
    feeds: list[FeedOutcome] = field(default_factory=list)
    articles_new: int = 0
    articles_extracted: int = 0
    articles_failed: list[tuple[str, str]] = field(default_factory=list)
    articles_detected: int = 0
    articles_relevant: int = 0
    events_new: int = 0
    statements_new: int = 0
    mentions_new: int = 0
    deliveries_sent: int = 0
    deliveries_failed: int = 0
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for f in self.feeds if f.status == status)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prepare(settings: Settings) -> list[FeedSpec]:
    """Upgrade the database if needed, close what killed passes left, and make its feeds
    match the feeds file. Call it under the pass lock (`locks.pass_lock`)."""
    from pipeline.feeds import load_feeds

    specs = load_feeds(settings.feeds_file)  # a bad feeds file stops the pass here
    db.ensure_schema(settings.db_url)
    with db.session_scope(settings.db_url) as session:
        close_stale_runs(session)
        claims.free_abandoned(session)
        store.sync_feeds(session, specs)
    return specs


STALE_RUN = (
    "interrupted: the pass's process ended before the pass finished (killed, or the machine "
    "stopped); what it stored is kept and a later pass finished its work"
)


def close_stale_runs(session: Session) -> int:
    """Mark `interrupted` every pass still `running`. Only under the pass lock: then no
    other pass is running, so such a row was left by a pass that was killed."""
    stale = list(session.scalars(select(Run).where(Run.status == "running")))
    for run in stale:
        run.status = "interrupted"
        run.finished_at = utcnow()
        run.errors = [*(run.errors or []), STALE_RUN]
        LOGGER.warning("pass %s (started %s) was interrupted; closed", run.id, run.started_at)
    return len(stale)


def select_feeds(
    settings: Settings, *, due_only: bool, force: bool = False
) -> tuple[list[int], list[str]]:
    """Ids of the feeds to fetch now, and the names of those waiting out a backoff."""
    with db.session_scope(settings.db_url) as session:
        fetch, skipped = store.feeds_to_fetch(session, utcnow(), due_only=due_only, force=force)
        return [f.id for f in fetch], [f.name for f in skipped]


# Feed results written per transaction: one commit per feed made a pass over hundreds of
# unchanged feeds wait on the disk.
FEED_RESULTS_PER_WRITE = 50


def fetch_feeds(
    settings: Settings, feed_ids: Iterable[int], progress: Progress | None = None
) -> tuple[list[FeedOutcome], list[int]]:
    """Fetch feeds concurrently; store the results as they arrive (a few dozen per
    transaction), in feed order: the new articles get the same ids, and are then processed
    (and merged) in the same order, whichever feed answered first. Returns outcomes and the
    ids of articles new to the database."""
    from pipeline.feeds import fetch_feed

    with db.session_scope(settings.db_url) as session:
        feeds = list(
            session.scalars(select(Feed).where(Feed.id.in_(list(feed_ids))).order_by(Feed.id))
        )
    jobs = {
        f.id: (FeedSpec(f.name, f.url, tuple(f.tags or ())), f.etag, f.last_modified) for f in feeds
    }
    outcomes: list[FeedOutcome] = []
    new_ids: list[int] = []
    arrived: list[tuple[int, FeedResult]] = []  # the next feeds in order, to be written
    waiting: dict[int, FeedResult] = {}  # arrived before a feed ahead of them
    order = iter(list(jobs))
    next_id = next(order, None)

    def write() -> None:
        with db.session_scope(settings.db_url) as session:
            stored = {
                f.id: f
                for f in session.scalars(
                    select(Feed).where(Feed.id.in_([feed_id for feed_id, _ in arrived]))
                )
            }
            for feed_id, result in arrived:
                ids = store.record_feed_result(session, stored[feed_id], result, settings, utcnow())
                new_ids.extend(ids)
                outcomes.append(
                    FeedOutcome(result.feed.name, result.status, len(ids), result.error)
                )
        arrived.clear()

    with ThreadPoolExecutor(max_workers=max(1, settings.fetch_concurrency)) as pool:
        futures = {
            pool.submit(fetch_feed, spec, settings, etag=etag, last_modified=lm): fid
            for fid, (spec, etag, lm) in jobs.items()
        }
        for done, future in enumerate(as_completed(futures), 1):
            feed_id = futures[future]
            spec = jobs[feed_id][0]
            try:
                result = future.result()
            except Exception as exc:  # a bug in one feed's handling must not stop the others
                LOGGER.exception("feed %s: unexpected error", spec.name)
                result = FeedResult(feed=spec, status="failed", error=f"unexpected error: {exc}")
            waiting[feed_id] = result
            while next_id in waiting:
                arrived.append((next_id, waiting.pop(next_id)))
                next_id = next(order, None)
            if len(arrived) >= FEED_RESULTS_PER_WRITE or done == len(futures):
                write()
            if progress:
                progress("feeds", done, len(futures))
    return outcomes, sorted(new_ids)


def fetch_articles(
    settings: Settings,
    article_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    *,
    pool: CpuPool | None = None,
) -> tuple[int, list[tuple[str, str]]]:
    """Fetch and extract waiting articles (only `article_ids` when given), claiming them in
    batches so other workers take the rest. Returns (extracted, failures)."""
    outcome = process_articles(
        settings, pool, fetch=True, detect=False, fetch_ids=article_ids, progress=progress
    )
    return outcome.extracted, outcome.failures


@dataclass
class DetectOutcome:
    detected: int = 0
    relevant: int = 0
    counts: store.StoreCounts = field(default_factory=store.StoreCounts)
    event_ids: list[int] = field(default_factory=list)
    statement_ids: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, work: WorkOutcome) -> DetectOutcome:
        return cls(work.detected, work.relevant, work.counts, work.event_ids, work.statement_ids)


def detect_articles(
    settings: Settings,
    article_ids: Iterable[int] | None = None,
    *,
    redetect: bool = False,
    limit: int | None = None,
    on_new: store.OnNewRecord | None = None,
    progress: Progress | None = None,
    pool: CpuPool | None = None,
) -> DetectOutcome:
    """Run the detector over extracted articles and store what it finds, a batch per
    transaction (an interruption keeps every batch stored so far). With `redetect`, also
    articles an older detector version analysed."""
    work = process_articles(
        settings,
        pool,
        fetch=False,
        detect=True,
        detect_ids=article_ids,
        redetect=redetect,
        limit=limit,
        on_new=on_new,
        progress=progress,
    )
    return DetectOutcome.of(work)


def alerts_hook(settings: Settings) -> tuple[Any, store.OnNewRecord | None]:
    """The alerts configuration and the outbox hook that queues alerts with each new record;
    (None, None) without an alerts file. A bad alerts file raises ConfigError naming it."""
    if not settings.alerts_file:
        return None, None
    from pipeline.alerts import enqueue_hook, load_alerts

    config = load_alerts(settings.alerts_file)
    return config, enqueue_hook(config)


def run_pass(
    settings: Settings,
    *,
    trigger: str = "cli",
    due_only: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    on_new: store.OnNewRecord | None = None,
) -> PassSummary:
    """The whole pipeline once: feeds, pages, detection, storage, alerts; recorded in `runs`.

    With `settings.alerts_file`, new records queue alerts in their own transaction and the
    pass ends by sending what is due (`pipeline.alerts.send_due`).
    """
    started = time.perf_counter()
    alerts, hook = alerts_hook(settings)  # a bad alerts file stops the pass here
    on_new = on_new or hook
    with pass_lock(settings.db_url):  # PassRunning when another pass has it: nothing done
        prepare(settings)
        summary = PassSummary()
        with db.session_scope(settings.db_url) as session:
            run = Run(trigger=trigger, started_at=utcnow(), status="running", errors=[])
            session.add(run)
            session.flush()
            summary.run_id = run.id
            # Workers load the model while the feeds are fetched, when there is work for them.
            waiting = claims.count_waiting(session, "fetch", settings) + claims.count_waiting(
                session, "detect", settings
            )
        failure: BaseException | None = None
        with CpuPool(settings) as pool:
            if waiting:
                pool.fit(waiting)
                pool.start()
            try:
                _steps(settings, summary, pool, alerts, on_new, due_only, force, progress)
            except BaseException as exc:
                failure = exc
                raise
            finally:
                summary.seconds = round(time.perf_counter() - started, 3)
                _finish_run(settings, summary, failure)
    return summary


def _steps(
    settings: Settings,
    summary: PassSummary,
    pool: CpuPool,
    alerts: Any,
    on_new: store.OnNewRecord | None,
    due_only: bool,
    force: bool,
    progress: Progress | None,
) -> None:
    feed_ids, skipped = select_feeds(settings, due_only=due_only, force=force)
    summary.feeds, new_ids = fetch_feeds(settings, feed_ids, progress)
    summary.feeds += [
        FeedOutcome(name, "skipped", error="backing off after failures") for name in skipped
    ]
    summary.articles_new = len(new_ids)
    # Not only the new ids: articles an interrupted pass left behind are finished too.
    work = process_articles(settings, pool, on_new=on_new, progress=progress)
    summary.articles_extracted, summary.articles_failed = work.extracted, work.failures
    summary.articles_detected = work.detected
    summary.articles_relevant = work.relevant
    summary.events_new = work.counts.events_new
    summary.statements_new = work.counts.statements_new
    summary.mentions_new = work.counts.event_mentions + work.counts.statement_mentions
    if alerts is not None:
        from pipeline.alerts import send_due

        sent = send_due(settings, config=alerts)
        summary.deliveries_sent, summary.deliveries_failed = sent.sent, sent.failed


def _finish_run(
    settings: Settings, summary: PassSummary, failure: BaseException | None = None
) -> None:
    """Record the pass's end: `ok`, or `failed` with the reason. When even that cannot be
    written (the database is gone), the row stays `running` and the next pass closes it."""
    status = "ok" if failure is None else "failed"
    try:
        with db.session_scope(settings.db_url) as session:
            run = session.get(Run, summary.run_id)
            if run is not None:
                _fill_run(run, summary, status)
                if failure is not None:
                    reason = str(failure) or type(failure).__name__
                    run.errors = [*run.errors, f"pass failed: {reason}"]
    except Exception:  # noqa: BLE001 - the pass's own error, if any, is what to report
        if failure is None:
            raise
        LOGGER.warning("could not record the end of pass %s", summary.run_id, exc_info=True)


def record_run(
    settings: Settings,
    summary: PassSummary,
    *,
    trigger: str,
    status: str = "ok",
    started_at: dt.datetime | None = None,
) -> int:
    """Record a pass that was run step by step (the Airflow DAG) in `runs`; returns its id."""
    with db.session_scope(settings.db_url) as session:
        run = Run(trigger=trigger, started_at=started_at or utcnow(), status=status, errors=[])
        session.add(run)
        _fill_run(run, summary, status)
        session.flush()
        return run.id


def _fill_run(run: Run, summary: PassSummary, status: str) -> None:
    run.finished_at = utcnow()
    run.status = status
    run.feeds_ok = summary.count("ok")
    run.feeds_not_modified = summary.count("not_modified")
    run.feeds_failed = summary.count("failed") + summary.count("blocked")
    run.feeds_skipped = summary.count("skipped")
    run.articles_new = summary.articles_new
    run.articles_failed = len(summary.articles_failed)
    run.articles_detected = summary.articles_detected
    run.events_new = summary.events_new
    run.statements_new = summary.statements_new
    run.mentions_new = summary.mentions_new
    run.deliveries_sent = summary.deliveries_sent
    run.deliveries_failed = summary.deliveries_failed
    run.errors = [
        f"feed {f.name}: {f.error}" for f in summary.feeds if f.error and f.status != "skipped"
    ]
    run.errors += [f"article {url}: {err}" for url, err in summary.articles_failed]

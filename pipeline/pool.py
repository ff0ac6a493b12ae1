"""The processes that do a pass's CPU work: extraction (trafilatura) and detection (spaCy).

`CpuPool(settings)` starts `settings.workers` worker processes (default: the cores this
process may use, but no more than there are batches of work). Where processes can be forked
(Linux), the calling process imports trafilatura and loads the detector once, then forks the
workers: they start at once and share the model's memory pages with it (copy-on-write; the
loaded objects are frozen out of the garbage collector, which would otherwise write into,
and so copy, them). Elsewhere each worker is spawned and loads its own. The coordinator keeps the
network and the database and hands the workers pages and texts. With one
worker the jobs run on a thread of the calling process instead (Airflow tasks, where the
mapped tasks are the parallelism). Jobs and results are plain picklable records; a job never
raises for a bad page, it returns the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from pipeline.errors import DiplowatchError
from pipeline.http import HttpResponse
from pipeline.models import Detection, ExtractedArticle, FeedEntry
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

DetectItem = tuple[str, str | None, dt.date | None]  # text, title, publication date
IN_PROCESS_SWITCH_INTERVAL = 0.0005  # seconds
PR_SET_PDEATHSIG = 1  # prctl(2)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worker_count(settings: Settings) -> int:
    return max(1, settings.workers or available_cores())


@dataclass
class Extraction:
    """What extracting one article gave: the article, or the reason it failed. `note` is
    the page's error when, on the last attempt, the feed entry's content stood in."""

    article: ExtractedArticle | None
    raw_html: str | None = None
    final_url: str | None = None
    error: str | None = None
    note: str | None = None


def extract_job(
    page: HttpResponse | None,
    fetch_error: str | None,
    entry: FeedEntry,
    *,
    keep_raw_html: bool,
    last_attempt: bool,
    max_attempts: int,
) -> Extraction:
    """Extract one fetched page.

    A page that could not be fetched, or that extraction refuses, is a failed attempt: it is
    recorded and the page is tried again later. Only on the last allowed attempt does the
    feed entry's own content stand in for the page, and the page's error stays on the article.
    """
    from pipeline.extract import extract_article

    try:
        if page is None:
            return _stand_in(
                fetch_error or "no page was fetched", entry, last_attempt, max_attempts
            )
        article = extract_article(page, entry, page_errors="raise")
    except DiplowatchError as exc:
        return _stand_in(str(exc) or type(exc).__name__, entry, last_attempt, max_attempts)
    except Exception as exc:  # noqa: BLE001 - one hostile page must not stop the run
        LOGGER.exception("extraction of %s crashed", entry.url)
        return Extraction(None, error=str(exc) or type(exc).__name__)
    html = page.text() if keep_raw_html else None
    return Extraction(article, html, page.url)


def _stand_in(error: str, entry: FeedEntry, last_attempt: bool, max_attempts: int) -> Extraction:
    """The failure, or on the last attempt the feed entry's content with the error noted."""
    from pipeline.extract import extract_article

    if not last_attempt or not (entry.summary or "").strip():
        return Extraction(None, error=error)
    note = (
        f"{error} (after {max_attempts} attempt(s); the feed entry's own content is stored "
        "instead of the page)"
    )
    try:
        return Extraction(extract_article(None, entry), note=note)
    except DiplowatchError as exc:
        return Extraction(None, error=str(exc) or type(exc).__name__)


# Texts spaCy parses together in a worker. Its working memory grows with the batch (measured
# on the throughput corpus: +105 MB per process at 16, +24 MB at 4, +5 MB at 1), its speed
# hardly at all past a few texts.
PARSE_BATCH = 4


def detect_job(settings: Settings, items: list[DetectItem]) -> list[Detection]:
    """Detect over a batch of articles with this process's detector."""
    from pipeline.detect import get_detector

    return list(get_detector(settings).detect_many(items, batch_size=PARSE_BATCH))


def _start_worker(settings: Settings, log_level: int) -> None:
    """Each spawned worker process: logging like the parent's, the detector loaded before
    any job."""
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    _load(settings)


def _load(settings: Settings) -> None:
    """What a worker needs before its first job: trafilatura imported, the detector loaded."""
    import pipeline.extract  # noqa: F401  (trafilatura and lxml)
    from pipeline.detect import get_detector

    get_detector(settings)


def can_fork() -> bool:
    """Whether workers are forked (Linux; elsewhere forking a process that has loaded
    native libraries is not safe, and they are spawned)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _start_forked_worker(coordinator: int) -> None:
    """Each forked worker dies with its coordinator: a pass killed with SIGKILL leaves no
    worker behind holding what it inherited (the pass lock's file or connection)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux after all
        LOGGER.debug("worker %d will not end with its coordinator", os.getpid())
    if os.getppid() != coordinator:  # it died before the line above
        os._exit(1)


class CpuPool:
    """Extraction and detection jobs on `workers` processes (or one in-process thread)."""

    def __init__(self, settings: Settings, workers: int | None = None) -> None:
        self.settings = settings
        self.size = workers or worker_count(settings)
        self._executor: Executor | None = None
        self._switch_interval: float | None = None

    def fit(self, articles: int) -> None:
        """Before starting: no more processes than there are batches of work for them (a
        pass over a handful of articles does not pay for loading the model twice)."""
        if self._executor is None:
            batches = -(-articles // max(1, self.settings.batch_size))
            self.size = max(1, min(self.size, batches))

    @property
    def in_process(self) -> bool:
        return self.size == 1

    def start(self) -> CpuPool:
        """Start the workers now (they load the model while the caller fetches)."""
        if self._executor is None:
            if self.in_process:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cpu")
                # spaCy holds the GIL for the whole switch interval (5 ms by default); the
                # coordinator, which waits on the database between statements, gets it
                # back sooner this way (storage is on the critical path).
                self._switch_interval = sys.getswitchinterval()
                sys.setswitchinterval(IN_PROCESS_SWITCH_INTERVAL)
            elif can_fork():
                self._executor = self._forked()
            else:
                LOGGER.info("starting %d worker processes", self.size)
                self._executor = ProcessPoolExecutor(
                    max_workers=self.size,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self.settings, logging.getLogger().getEffectiveLevel()),
                )
                # The executor starts its processes on the first jobs: one warm-up each.
                for _ in range(self.size):
                    self._executor.submit(os.getpid)
        return self

    def _forked(self) -> ProcessPoolExecutor:
        """Load here, then fork the workers (all at once, on the first submit).

        Call it before this process starts threads of its own (the coordinator starts the
        pool before its fetching threads). No database connection is carried into the
        children: the pooled ones are closed first (the next session opens a new one)."""
        from pipeline import db

        started = time.perf_counter()
        _load(self.settings)
        if self.settings.db_url:
            db.get_engine(self.settings.db_url).dispose()
        # What is alive now (the model's objects) is left out of every later collection, in
        # the workers and here alike: a collection writes into each object it traverses,
        # which would copy the shared pages into each process. (Not unfrozen: the
        # coordinator's collections would copy them as well.)
        gc.collect()
        gc.freeze()
        executor = ProcessPoolExecutor(
            max_workers=self.size,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_forked_worker,
            initargs=(os.getpid(),),
        )
        executor.submit(os.getpid).result()  # forks every worker now
        LOGGER.info(
            "%d worker processes forked after loading the detector (%.1f s)",
            self.size,
            time.perf_counter() - started,
        )
        return executor

    def submit(self, job: Callable[..., Any], *args: Any) -> Future[Any]:
        return self.start()._submit(job, *args)

    def _submit(self, job: Callable[..., Any], *args: Any) -> Future[Any]:
        assert self._executor is not None
        return self._executor.submit(job, *args)

    def extract(
        self, page: HttpResponse | None, fetch_error: str | None, entry: FeedEntry, last: bool
    ) -> Future[Extraction]:
        return self.submit(
            functools.partial(
                extract_job,
                keep_raw_html=self.settings.keep_raw_html,
                last_attempt=last,
                max_attempts=self.settings.article_max_attempts,
            ),
            page,
            fetch_error,
            entry,
        )

    def detect(self, items: list[DetectItem]) -> Future[list[Detection]]:
        return self.submit(detect_job, self.settings, items)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def __enter__(self) -> CpuPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = [
    "CpuPool",
    "Extraction",
    "available_cores",
    "can_fork",
    "detect_job",
    "extract_job",
    "worker_count",
]

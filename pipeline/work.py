"""Articles streamed through their steps: claim a batch, fetch its pages, extract, detect, store.

One coordinator per process: it claims bounded batches of articles (`pipeline.claims`),
fetches their pages on threads (network I/O), hands pages and texts to the CPU workers
(`pipeline.pool`: extraction and detection on every core), and has each finished batch
written in one transaction by its writer thread, in the order the batches were claimed
(article id order: merging depends on order, so the same articles give the same records
every run), while it goes on handing out work (the database's round trips are off the
critical path). Fetching, extraction and detection of different batches overlap, and
at most a few batches are held at a time, so memory does not grow with the pass. Raw HTML
is never read back: detection reads only the text.

Any number of coordinators (a pass, `diplowatch work` processes, Airflow tasks) share one
database: each article's step is done by whoever claimed it, once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from pipeline import claims, db, store
from pipeline.errors import DiplowatchError
from pipeline.http import HttpResponse
from pipeline.models import Detection, FeedEntry
from pipeline.pool import CpuPool, DetectItem, Extraction
from pipeline.schema import Article, utcnow
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
# Batches of pages held at once (each `batch_size` articles), fetching or waiting to be
# written: the bound on memory.
FETCH_BATCHES_IN_FLIGHT = 3
# Finished batches of pages wait for those claimed before them, so that articles are written,
# detected and stored in id order and the same pass gives the same records (merging depends on
# order); but for this long at most, so that one slow server cannot stall the pass until its
# page's deadline (the batches behind it, and the CPU workers, would wait too).
ORDER_WAIT_SECONDS = 2.0


@dataclass
class WorkOutcome:
    """What a coordinator did: articles extracted (and failures), detected, records stored."""

    extracted: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    detected: int = 0
    relevant: int = 0
    counts: store.StoreCounts = field(default_factory=store.StoreCounts)
    event_ids: list[int] = field(default_factory=list)
    statement_ids: list[int] = field(default_factory=list)
    # Seconds the coordinator spent writing (where the database sits on the critical path).
    write_seconds: float = 0.0
    store_seconds: float = 0.0


@dataclass
class _FetchBatch:
    entries: dict[int, FeedEntry]  # article id -> its feed entry (the URL included)
    last_attempt: set[int]  # the articles whose page gets its last chance now
    results: dict[int, Extraction] = field(default_factory=dict)
    finished_at: float | None = None  # monotonic time its last page was done

    @property
    def complete(self) -> bool:
        return len(self.results) == len(self.entries)


@dataclass
class _DetectBatch:
    ids: list[int]
    published: list[Any]
    detections: list[Detection] | None = None  # set when the worker is done


def _fetch(url: str, settings: Settings) -> tuple[HttpResponse | None, str | None, bool]:
    """One page over the network (a thread): (page, error, whether the error is final)."""
    from pipeline.http import fetch_page

    try:
        return fetch_page(url, settings), None, False
    except DiplowatchError as exc:  # the feed's own content may still carry the story
        return None, str(exc) or type(exc).__name__, False
    except Exception as exc:  # noqa: BLE001 - one hostile page must not stop the run
        LOGGER.exception("fetching %s crashed", url)
        return None, str(exc) or type(exc).__name__, True


def _entry_of(row: Any) -> FeedEntry:
    return FeedEntry(
        url=row.url,
        title=row.entry_title,
        summary=row.entry_summary,
        published=row.entry_published_at,
        guid=row.guid,
    )


class Coordinator:
    """Claims, fetches, hands out and writes, until no work it may take is left."""

    def __init__(
        self,
        settings: Settings,
        pool: CpuPool,
        *,
        fetch: bool = True,
        detect: bool = True,
        fetch_ids: Iterable[int] | None = None,
        detect_ids: Iterable[int] | None = None,
        redetect: bool = False,
        limit: int | None = None,
        on_new: store.OnNewRecord | None = None,
        progress: Progress | None = None,
        owner: str | None = None,
    ) -> None:
        self.settings = settings
        self.pool = pool
        self.owner = owner or claims.worker_name()
        self.fetch_ids = list(fetch_ids) if fetch_ids is not None else None
        self.detect_ids = list(detect_ids) if detect_ids is not None else None
        self.fetching, self.detecting = fetch, detect
        self.detect_may_have_work = detect
        self.redetect = redetect
        self.limit = limit
        self.on_new = on_new
        self.progress = progress
        self.version: str | None = None
        if redetect:  # the detector's version is needed to pick what it has not read
            from pipeline.detect import DETECTOR_VERSION

            self.version = DETECTOR_VERSION
        self.outcome = WorkOutcome()
        self.pending: dict[Future[Any], tuple[str, Any]] = {}
        self.fetch_batches: list[_FetchBatch] = []
        self.detecting_now: list[_DetectBatch] = []
        # Written or being written by the writer thread (one at a time, in order).
        self.writing: list[_FetchBatch | _DetectBatch] = []
        self.totals = {"articles": 0, "detect": 0}
        self.done = {"articles": 0, "detect": 0}

    # -- the loop ------------------------------------------------------------------------

    def run(self) -> WorkOutcome:
        self._count_work()
        net = ThreadPoolExecutor(max_workers=max(1, self.settings.fetch_concurrency))
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="writer")
        try:
            while True:
                self._top_up(net)
                if not self.pending:
                    break
                finished, _ = wait(
                    self.pending, timeout=self._order_timeout(), return_when=FIRST_COMPLETED
                )
                for future in finished:
                    kind, payload = self.pending.pop(future)
                    getattr(self, f"_on_{kind}")(future, *payload)
                if not finished:
                    self._batch_progress()
        finally:
            net.shutdown(wait=True, cancel_futures=True)
            self.writer.shutdown(wait=True, cancel_futures=True)
            self._give_back()
        LOGGER.info(
            "%d extracted (written in %.1f s), %d detected (stored in %.1f s)",
            self.outcome.extracted,
            self.outcome.write_seconds,
            self.outcome.detected,
            self.outcome.store_seconds,
        )
        return self.outcome

    def _count_work(self) -> None:
        with db.session_scope(self.settings.db_url) as session:
            if self.fetching:
                self.totals["articles"] = (
                    len(self.fetch_ids)
                    if self.fetch_ids is not None
                    else claims.count_waiting(session, "fetch", self.settings)
                )
            if self.detecting:
                self.totals["detect"] = (
                    len(self.detect_ids)
                    if self.detect_ids is not None
                    else claims.count_waiting(session, "detect", self.settings)
                    + self.totals["articles"]
                )
        work = max(self.totals["articles"], self.totals["detect"])
        self.pool.fit(work)
        if work:  # before the fetching threads: the workers may be forked from this process
            self.pool.start()

    def _tick(self, stage: str, count: int) -> None:
        self.done[stage] += count
        self.totals[stage] = max(self.totals[stage], self.done[stage])
        if self.progress:
            self.progress(stage, self.done[stage], self.totals[stage])

    def _top_up(self, net: ThreadPoolExecutor) -> None:
        while self.fetching and self._pages_held() < FETCH_BATCHES_IN_FLIGHT:
            batch = self._claim_fetch()
            if batch is None:
                self.fetching = False
                break
            self.fetch_batches.append(batch)
            for article_id, entry in batch.entries.items():
                future = net.submit(_fetch, entry.url, self.settings)
                self.pending[future] = ("page", (batch, article_id))
        while (
            self.detect_may_have_work
            and sum(b.detections is None for b in self.detecting_now) <= self.pool.size
            and len(self.detecting_now) <= 2 * self.pool.size + 1
            and not self._limit_reached()
        ):
            job = self._claim_detect()
            if job is None:
                # Nothing extracted is free now; a fetch batch written later may add some.
                self.detect_may_have_work = False
                break
            self.detecting_now.append(job[0])
            self.pending[self.pool.detect(job[1])] = ("detected", (job[0],))

    def _pages_held(self) -> int:
        return len(self.fetch_batches) + sum(isinstance(b, _FetchBatch) for b in self.writing)

    def _limit_reached(self) -> bool:
        if self.limit is None:
            return False
        return self._detect_claimed() >= self.limit

    def _detect_claimed(self) -> int:
        """Articles claimed for detection so far: stored, being stored or being detected."""
        held = self.detecting_now + [b for b in self.writing if isinstance(b, _DetectBatch)]
        return self.outcome.detected + sum(len(b.ids) for b in held)

    # -- claims --------------------------------------------------------------------------

    def _claim_fetch(self) -> _FetchBatch | None:
        with db.session_scope(self.settings.db_url) as session:
            ids = claims.claim(
                session,
                "fetch",
                self.owner,
                self.settings,
                limit=self.settings.batch_size,
                ids=self.fetch_ids,
            )
            if not ids:
                return None
            rows = session.execute(
                select(
                    Article.id,
                    Article.url,
                    Article.entry_title,
                    Article.entry_summary,
                    Article.entry_published_at,
                    Article.guid,
                    Article.attempts,
                ).where(Article.id.in_(ids))
            ).all()
        last = self.settings.article_max_attempts
        return _FetchBatch(
            {row.id: _entry_of(row) for row in rows},
            {row.id for row in rows if row.attempts + 1 >= last},
        )

    def _claim_detect(self) -> tuple[_DetectBatch, list[DetectItem]] | None:
        size = self.settings.batch_size
        if self.limit is not None:
            size = min(size, self.limit - self._detect_claimed())
        with db.session_scope(self.settings.db_url) as session:
            ids = claims.claim(
                session,
                "detect",
                self.owner,
                self.settings,
                limit=size,
                ids=self.detect_ids,
                detector_version=self.version,
                redetect=self.redetect,
            )
            if not ids:
                return None
            rows = session.execute(
                select(Article.id, Article.text, Article.title, Article.published_at)
                .where(Article.id.in_(ids))
                .order_by(Article.id)
            ).all()
        published = [row.published_at.date() if row.published_at else None for row in rows]
        items = [(row.text or "", row.title, day) for row, day in zip(rows, published, strict=True)]
        return _DetectBatch([row.id for row in rows], published), items

    def _give_back(self) -> None:
        """Release what this coordinator still holds (an error ended the loop early)."""
        held = [i for b in self.fetch_batches for i in b.entries]
        held += [i for b in self.detecting_now for i in b.ids]
        held += [i for b in self.writing for i in _ids(b)]
        if not held:
            return
        try:
            with db.session_scope(self.settings.db_url) as session:
                claims.release(session, self.owner, held)
        except Exception:  # noqa: BLE001 - the leases expire anyway
            LOGGER.warning("could not give back %d claimed article(s)", len(held), exc_info=True)

    # -- results -------------------------------------------------------------------------

    def _on_page(self, future: Future[Any], batch: _FetchBatch, article_id: int) -> None:
        page, error, final = future.result()
        if final:
            batch.results[article_id] = Extraction(None, error=error)
            self._batch_progress()
            return
        extraction = self.pool.extract(
            page, error, batch.entries[article_id], article_id in batch.last_attempt
        )
        self.pending[extraction] = ("extracted", (batch, article_id))

    def _on_extracted(self, future: Future[Any], batch: _FetchBatch, article_id: int) -> None:
        try:
            batch.results[article_id] = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker died on this page
            LOGGER.warning("article %s: %s", batch.entries[article_id].url, exc)
            batch.results[article_id] = Extraction(None, error=str(exc) or type(exc).__name__)
        self._batch_progress()

    def _batch_progress(self) -> None:
        """Hand finished batches of pages to the writer in the order claimed (article id
        order), whichever finished first; one held back by an earlier, slower batch for
        ORDER_WAIT_SECONDS goes ahead anyway."""
        now = time.monotonic()
        for batch in self.fetch_batches:
            if batch.finished_at is None and batch.complete:
                batch.finished_at = now
        while self.fetch_batches and self.fetch_batches[0].complete:
            self._write(self.fetch_batches.pop(0), self._write_extractions)
        for batch in list(self.fetch_batches):
            if batch.finished_at is not None and now - batch.finished_at >= ORDER_WAIT_SECONDS:
                self.fetch_batches.remove(batch)
                self._write(batch, self._write_extractions)

    def _order_timeout(self) -> float | None:
        """How long the loop may wait for a result before a held-back batch must go ahead."""
        held = [b.finished_at for b in self.fetch_batches if b.finished_at is not None]
        if not held:
            return None
        return max(0.0, min(held) + ORDER_WAIT_SECONDS - time.monotonic())

    def _write(self, batch: _FetchBatch | _DetectBatch, writing: Callable[[Any], None]) -> None:
        """Have the writer thread write a finished batch (after those handed to it before)."""
        self.writing.append(batch)
        self.pending[self.writer.submit(writing, batch)] = ("written", (batch,))

    def _on_written(self, future: Future[None], batch: _FetchBatch | _DetectBatch) -> None:
        future.result()  # a failed write ends the loop (what is not written is given back)
        self.writing.remove(batch)
        self.detect_may_have_work = self.detecting
        self._tick(
            *(
                ("articles", len(batch.entries))
                if isinstance(batch, _FetchBatch)
                else ("detect", len(batch.ids))
            )
        )

    def _write_extractions(self, batch: _FetchBatch) -> None:
        started = time.perf_counter()
        now = utcnow()
        with db.session_scope(self.settings.db_url) as session:
            mine = claims.held(session, self.owner, batch.entries)
            done, failed = [], []
            for article_id, result in sorted(batch.results.items()):
                if article_id not in mine:
                    continue
                url = batch.entries[article_id].url
                if result.article is not None:
                    done.append((article_id, batch.entries[article_id], result))
                    if result.note:  # stored from the feed entry: a failure all the same
                        LOGGER.warning("article %s: %s", url, result.note)
                        self.outcome.failures.append((url, result.note))
                else:
                    message = result.error or "no article text"
                    LOGGER.warning("article %s: %s", batch.entries[article_id].url, message)
                    failed.append((article_id, message))
                    self.outcome.failures.append((batch.entries[article_id].url, message))
            store.record_extractions(session, done, now=now)
            store.record_article_failures(session, failed, self.settings)
            claims.release(session, self.owner, batch.entries)
        self.outcome.extracted += sum(1 for *_, result in done if not result.note)
        self.outcome.write_seconds += time.perf_counter() - started

    def _on_detected(self, future: Future[list[Detection]], batch: _DetectBatch) -> None:
        batch.detections = future.result()
        # Stored in the order claimed (article id order), whichever worker finished first:
        # merging depends on order, and one coordinator's result is the same every time.
        while self.detecting_now and self.detecting_now[0].detections is not None:
            self._write(self.detecting_now.pop(0), self._store)

    def _store(self, batch: _DetectBatch) -> None:
        assert batch.detections is not None
        items = [
            store.ArticleDetection(article_id, published, detection)
            for article_id, published, detection in zip(
                batch.ids, batch.published, batch.detections, strict=True
            )
        ]

        def collect(session: Any, kind: str, record: Any) -> None:
            ids = self.outcome.event_ids if kind == "event" else self.outcome.statement_ids
            ids.append(record.id)
            if self.on_new:
                self.on_new(session, kind, record)

        started = time.perf_counter()
        with db.session_scope(self.settings.db_url) as session:
            mine = claims.held(session, self.owner, batch.ids)
            items = [item for item in items if item.article_id in mine]
            counts = store.store_detections(session, items, on_new=collect)
            claims.release(session, self.owner, batch.ids)
        self.outcome.store_seconds += time.perf_counter() - started
        self.outcome.counts.add(counts)
        self.outcome.detected += len(items)
        self.outcome.relevant += sum(item.detection.relevant for item in items)


def _ids(batch: _FetchBatch | _DetectBatch) -> list[int]:
    return list(batch.entries) if isinstance(batch, _FetchBatch) else batch.ids


def process_articles(
    settings: Settings, pool: CpuPool | None = None, **options: Any
) -> WorkOutcome:
    """Fetch, extract, detect and store every waiting article this worker can claim (see
    `Coordinator` for the options); with no pool given, one is started for the call."""
    if pool is not None:
        return Coordinator(settings, pool, **options).run()
    with CpuPool(settings) as own:
        return Coordinator(settings, own, **options).run()


__all__ = ["Coordinator", "WorkOutcome", "process_articles"]

"""Article work claimed in bounded batches, so any number of workers share one database.

A worker (a pass's coordinator, a `diplowatch work` process, an Airflow task) takes a batch
of articles waiting for a step by writing its name and an expiry into their lease columns,
in one statement: on PostgreSQL the rows are picked with `FOR UPDATE SKIP LOCKED`, so two
workers never wait for or take the same rows; on SQLite the statement holds the database's
single write lock from its first read. A finished step clears the lease; a lease past its
expiry is free again, so the batch of a worker that crashed is taken up by the next one.
Results are written only while the writer still holds the lease (`held`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Iterable
from typing import Literal

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from pipeline.schema import Article, utcnow
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

Stage = Literal["fetch", "detect"]


def worker_name() -> str:
    """A name for this worker, unique across hosts and processes: host:pid:random."""
    return f"{_host()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _host() -> str:
    return socket.gethostname()[:40]


def _gone(owner: str) -> bool:
    """Whether `owner` (a worker_name) was a process of this host that no longer exists."""
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != _host() or not parts[1].isdigit():
        return False
    pid = parts[1]
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, as another user's process
        return False
    return False


def free_abandoned(session: Session) -> int:
    """Free at once the leases of workers of this host whose process has ended (killed with
    SIGKILL, crashed), instead of at their expiry; returns how many articles were freed.
    Leases of other hosts' workers, and of live ones, are left to expire."""
    owners = session.scalars(
        select(Article.lease_owner).where(Article.lease_owner.like(f"{_host()}:%")).distinct()
    )
    gone = [owner for owner in owners if owner and _gone(owner)]
    if not gone:
        return 0
    result = session.execute(
        update(Article)
        .where(Article.lease_owner.in_(gone))
        .values(lease_owner=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    freed = int(getattr(result, "rowcount", 0) or 0)
    LOGGER.warning("freed %d article(s) leased to %d ended worker(s)", freed, len(gone))
    return freed


def _waiting(
    stage: Stage, settings: Settings, detector_version: str | None, redetect: bool
) -> ColumnElement[bool]:
    """Articles waiting for a stage: their page (new, attempts left) or detection."""
    if stage == "fetch":
        return (Article.state == "new") & (Article.attempts < settings.article_max_attempts)
    condition: ColumnElement[bool] = Article.state == "extracted"
    if redetect:
        condition = or_(
            condition,
            (Article.state == "detected") & (Article.detector_version != detector_version),
        )
    return condition


def _free(now: dt.datetime) -> ColumnElement[bool]:
    return or_(Article.lease_expires_at.is_(None), Article.lease_expires_at < now)


def claim(
    session: Session,
    stage: Stage,
    owner: str,
    settings: Settings,
    *,
    limit: int,
    ids: Iterable[int] | None = None,
    detector_version: str | None = None,
    redetect: bool = False,
    now: dt.datetime | None = None,
) -> list[int]:
    """Lease up to `limit` articles waiting for `stage` (oldest first, only among `ids` when
    given) to `owner` for `settings.lease_seconds`; returns their ids.

    Call it first in its transaction and commit right after, so the lease is visible to the
    others at once (and, on SQLite, so the write lock is taken before anything is read).
    """
    now = now or utcnow()
    pick = (
        select(Article.id)
        .where(_waiting(stage, settings, detector_version, redetect), _free(now))
        .order_by(Article.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if ids is not None:
        pick = pick.where(Article.id.in_(list(ids)))
    expires = now + dt.timedelta(seconds=settings.lease_seconds)
    claimed = session.scalars(
        update(Article)
        .where(Article.id.in_(pick.scalar_subquery()))
        .values(lease_owner=owner, lease_expires_at=expires)
        .returning(Article.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(claimed)


def held(session: Session, owner: str, ids: Iterable[int]) -> set[int]:
    """Which of these articles `owner` still holds, locked until the transaction ends (on
    PostgreSQL), so nobody takes them over while their results are written."""
    ids = list(ids)
    if not ids:
        return set()
    rows = session.scalars(
        select(Article.id)
        .where(Article.id.in_(ids), Article.lease_owner == owner)
        .with_for_update()
    )
    kept = set(rows)
    if len(kept) < len(ids):
        LOGGER.warning(
            "%d article(s) of this batch were taken over by another worker after the lease "
            "expired; their results here are dropped",
            len(ids) - len(kept),
        )
    return kept


def release(session: Session, owner: str, ids: Iterable[int]) -> None:
    """Give up the lease on these articles (their step is done, or given back)."""
    ids = list(ids)
    if ids:
        session.execute(
            update(Article)
            .where(Article.id.in_(ids), Article.lease_owner == owner)
            .values(lease_owner=None, lease_expires_at=None)
            .execution_options(synchronize_session=False)
        )


def count_waiting(session: Session, stage: Stage, settings: Settings) -> int:
    """How many articles wait for a stage (leased or not): the size of the work ahead."""
    from sqlalchemy import func

    return int(
        session.scalar(
            select(func.count()).select_from(Article).where(_waiting(stage, settings, None, False))
        )
        or 0
    )


__all__ = [
    "Stage",
    "claim",
    "count_waiting",
    "free_abandoned",
    "held",
    "release",
    "worker_name",
]

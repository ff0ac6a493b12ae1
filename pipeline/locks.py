"""Locks between processes: the pass lock of a database, and file locks beside SQLite ones.

One pass at a time reads the feeds of one database (`pass_lock`): on PostgreSQL a session
advisory lock held on a connection of its own for the whole pass, on SQLite a lock on the
file `<database>.pass-lock` beside it. The server releases an advisory lock when its
connection ends and the kernel releases a file lock when its process ends, however they end
(kill -9 included), so a crashed pass never leaves its lock behind.

What is exclusive and what is not (docs/architecture.md, "One pass at a time"): the pass
(`diplowatch run`; the ingest DAG's feed-reading tasks) takes the lock; article work claimed
in batches (`diplowatch work`, the DAG's mapped article tasks, a pass's own coordinator) and
the alert sender (rows claimed one by one) need none and run beside anything.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pipeline.dburl import normalize_url, safe_url, sqlite_path
from pipeline.errors import DatabaseError, PassRunning

LOGGER = logging.getLogger(__name__)

# Key of the PostgreSQL advisory lock held for a pass (any fixed 64-bit number; advisory
# locks are per database, so passes over two databases of one server never meet).
PASS_LOCK_KEY = 0x64_77_70_61_73_73  # "dwpass"


@contextmanager
def file_lock(path: Path, *, wait: bool, shared: bool = False) -> Iterator[bool]:
    """Hold a lock on `path` (created if missing) for the block: exclusive, or shared with
    other shared holders when `shared`.

    With wait=True the block runs once the lock is ours (yields True); with wait=False it
    runs at once and yields whether the lock was free. DatabaseError when the file cannot be
    created (the database's directory is not writable).
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise DatabaseError(
            f"cannot create the lock file {path} ({exc.strerror}); the SQLite database's "
            "directory must be writable by this user"
        ) from None
    try:
        try:
            mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
            fcntl.flock(fd, mode if wait else mode | fcntl.LOCK_NB)
            acquired = True
        except BlockingIOError:
            acquired = False
        try:
            yield acquired
        finally:
            if acquired:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _already_running(url: str) -> PassRunning:
    return PassRunning(
        f"a pass is already running on {safe_url(url)}; this one did nothing. The running "
        "pass finishes the work (and the next one takes up anything it leaves)"
    )


@contextmanager
def pass_lock(url: str, *, shared: bool = False) -> Iterator[None]:
    """Hold the pass lock of the database at `url` for the block, or raise PassRunning at
    once when another pass holds it (never waits).

    `shared`: held beside other shared holders but never beside an exclusive one: the
    ingest DAG's mapped feed tasks of one run share it; a `diplowatch run` takes it whole.
    A database that cannot be reached raises DatabaseError, as everywhere else.
    """
    from pipeline import db

    db.get_engine(url)  # a URL that cannot work fails here, by name; the SQLite dir exists
    path = sqlite_path(url)
    if path is not None:
        with file_lock(path.with_name(path.name + ".pass-lock"), wait=False, shared=shared) as ok:
            if not ok:
                raise _already_running(url)
            yield
        return
    # A connection of its own, outside the pool: the lock lives exactly as long as it does.
    engine = create_engine(
        normalize_url(url),
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": db.CONNECT_TIMEOUT, "application_name": "diplowatch pass"},
    )
    try:
        try:
            connection = engine.connect()
            function = "pg_try_advisory_lock_shared" if shared else "pg_try_advisory_lock"
            got = connection.scalar(text(f"SELECT {function}(:key)"), {"key": PASS_LOCK_KEY})
        except Exception as exc:  # noqa: BLE001 - said in plain words by explain()
            raise db.explain(url, exc) from exc
        try:
            if not got:
                raise _already_running(url)
            yield
        finally:
            try:
                connection.close()  # ends the session, and with it the lock
            except Exception:  # noqa: BLE001 - a lost connection has released it already
                LOGGER.debug("closing the pass lock's connection failed", exc_info=True)
    finally:
        engine.dispose()


__all__ = ["PASS_LOCK_KEY", "file_lock", "pass_lock"]

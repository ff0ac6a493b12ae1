"""Locks between processes on one machine: an exclusive lock on a file beside an SQLite database.

The kernel releases a file lock when its process ends, however it ends (kill -9 included),
so a lock can never be left behind by a crashed process. PostgreSQL has advisory locks for
the same purpose; SQLite databases, which live on one machine, use these.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import DatabaseError

LOGGER = logging.getLogger(__name__)


@contextmanager
def file_lock(path: Path, *, wait: bool) -> Iterator[bool]:
    """Hold an exclusive lock on `path` (created if missing) for the block.

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
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
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


__all__ = ["file_lock"]

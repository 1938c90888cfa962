"""Who may write a session file: an OS file lock on a `<file>.lock` sidecar.

The kernel releases the lock when the holding program ends, however it ends, so a
lock left by a crash is simply taken over by the next program. Who holds the lock
(host, process id, since when) is written to `<file>.lock.info`, so that a second
program can tell the user who has the file open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from pact_tui.i18n import t
from pact_tui.store.atomic import write_atomic
from pact_tui.store.links import read_plain_file

# Who holds a lock fits in a hundred bytes; a bigger "lock info" is not ours.
_INFO_LIMIT = 4096


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def info_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock.info")


class SessionLock:
    """The write lock of one session file; `acquire()` never waits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(lock_path(path), thread_local=False)
        self._made_lock_file = False

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; say whether we have it.

        An OSError means nobody holds it but it cannot be taken here; its `strerror`
        names the cause in words (a folder that cannot be written, ...).
        """
        existed = os.path.lexists(lock_path(self.path))
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        except OSError as error:
            raise OSError(error.errno, lock_problem(self.path, error)) from None
        self._made_lock_file = not existed
        holder = {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):
            write_atomic(info_path(self.path), [json.dumps(holder).encode("utf-8")])
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                info_path(self.path).unlink()
            self._lock.release()

    def abandon(self) -> None:
        """Release the lock of a file that turned out not to open; remove a lock file made for it.

        A file that is refused (not a session, a newer schema) is never written, so it
        should not leave a lock file behind in a shared folder either.
        """
        if self._lock.is_locked and self._made_lock_file:
            with contextlib.suppress(OSError):
                lock_path(self.path).unlink()
        self.release()


_NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def lock_problem(path: Path, error: OSError) -> str:
    """Why the lock of `path` could not be made, as a phrase: the folder, or the system's words."""
    problem = error.strerror or str(error)
    if error.errno in _NOT_WRITABLE:
        return t("store.folder_read_only", folder=str(path.parent), problem=problem)
    return t("store.lock_failed", problem=problem)


def is_held(path: Path) -> bool:
    """Whether another program (or another open file here) holds the lock of `path` right now.

    Checked by taking the lock for an instant; a folder where no lock can be made
    counts as not held (the cause is then the folder, not a program).
    """
    probe = FileLock(lock_path(path), thread_local=False)
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False
    probe.release()
    return False


def holder(path: Path) -> str:
    """Who holds the lock of `path`, as a phrase for a message."""
    try:
        info = json.loads(read_plain_file(info_path(path), _INFO_LIMIT).decode("utf-8"))
        return t("store.holder", host=info["host"], pid=info["pid"], since=info["since"])
    except (OSError, ValueError, KeyError, TypeError):
        return t("store.holder_unknown")


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[bool]:
    """Hold the lock of an existing `path` for one whole-file write; yield whether we got it."""
    if not path.exists():
        yield True
        return
    lock = FileLock(lock_path(path), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()

"""Watching a session file (and its follow sidecar) from a thread, for the room view.

A stat every 5 ms costs next to nothing and needs no dependency; only a
changed file (another inode, size or time) is read, with the store's public reader.
Saves are atomic, so a read sees a whole file or the one before it. A file that
cannot be read is tried again when it changes, and once a second meanwhile.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from pact_tui.i18n import t
from pact_tui.model import Session, UserError
from pact_tui.store import read_session
from pact_tui.tui.follow import FollowState, read_follow, sidecar_path

POLL_SECONDS = 0.005
RETRY_SECONDS = 1.0

Signature = tuple[int, int, int] | None


def signature(path: Path) -> Signature:
    """What tells one version of a file from the next: inode, size, modification time."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


class Watcher:
    """Calls `on_session`, `on_problem` or `on_follow` (from its own thread) on news."""

    def __init__(self, path: Path, *, on_session: Callable[[Session], object],
                 on_problem: Callable[[str], object],
                 on_follow: Callable[[FollowState | None], object]) -> None:
        self.path = path
        self._on_session = on_session
        self._on_problem = on_problem
        self._on_follow = on_follow
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name=f"room watch {path.name}")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        session_seen: Signature | str = "unread"
        follow_seen: Signature | str = "unread"
        failed_at = 0.0
        follow_path = sidecar_path(self.path)
        while not self._stop.is_set():
            now = signature(self.path)
            retry = failed_at and time.monotonic() - failed_at >= RETRY_SECONDS
            if now != session_seen or retry:
                session_seen = now
                failed_at = 0.0 if self._read() else time.monotonic()
            sidecar = signature(follow_path)
            if sidecar != follow_seen:
                follow_seen = sidecar
                self._on_follow(read_follow(self.path))
            self._stop.wait(POLL_SECONDS)

    def _read(self) -> bool:
        try:
            session = read_session(self.path)
        except UserError as error:
            self._on_problem(str(error))
            return False
        except OSError as error:
            self._on_problem(t("tui.room.unreadable", file=str(self.path),
                               problem=error.strerror or str(error)))
            return False
        self._on_session(session)
        return True

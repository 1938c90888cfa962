"""Watching a session file (and its follow sidecar) from a thread, for the room view.

A stat every 5 ms costs next to nothing and needs no dependency; only a
changed file (another inode, size or time) is read, with the store's public reader.
The app's own saves are atomic, but a sync engine may write the file in place: a file
that does not read is still arriving (`tui/arriving.py`), tried again until it reads
whole, and called unreadable only once it stays so.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from pact_tui.i18n import t
from pact_tui.model import Session, UserError
from pact_tui.store import read_session, refused_whole
from pact_tui.tui.arriving import Arrival, Signature, signature
from pact_tui.tui.follow import FollowState, read_follow, sidecar_path

POLL_SECONDS = 0.005


class Watcher:
    """Calls `on_session`, `on_arriving`, `on_problem` or `on_follow` (from its own thread)
    on news."""

    def __init__(self, path: Path, *, on_session: Callable[[Session], object],
                 on_arriving: Callable[[], object], on_problem: Callable[[str], object],
                 on_follow: Callable[[FollowState | None], object]) -> None:
        self.path = path
        self._on_session = on_session
        self._on_arriving = on_arriving
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
        arrival = Arrival()
        follow_seen: Signature | str = "unread"
        follow_path = sidecar_path(self.path)
        while not self._stop.is_set():
            now = time.monotonic()
            if arrival.due(signature(self.path), now):
                self._read(arrival, now)
            if arrival.settled(now):
                self._on_problem(arrival.problem)
            sidecar = signature(follow_path)
            if sidecar != follow_seen:
                follow_seen = sidecar
                self._on_follow(read_follow(self.path))
            self._stop.wait(POLL_SECONDS)

    def _read(self, arrival: Arrival, now: float) -> None:
        try:
            session = read_session(self.path)
        except UserError as error:
            problem, whole = str(error), refused_whole(error)
        except OSError as error:
            problem = t("tui.room.unreadable", file=str(self.path),
                        problem=error.strerror or str(error))
            whole = False
        else:
            arrival.read_whole(now)
            self._on_session(session)
            return
        if arrival.read_failed(problem, now, whole=whole) and not whole:
            self._on_arriving()

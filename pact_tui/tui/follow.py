"""Where the facilitator is, in a small sidecar file the room view follows.

The app reports every move (the phase shown; on Acties the theme filter and the
current row) with one call. The state is kept in memory and written a moment later
from a timer thread, so a burst of moves costs one small write and the keystroke
that caused it never waits for the disk. The sidecar, `.<name>.follow` next to the
session file (JSON), is written atomically (a reader never sees half of it); a hidden
name without `.json` keeps it out of the sessions list and out of `sessions/*.json`.
Sessions folders are shared, so the sidecar is never written or read through a symbolic
link, and the room view reads at most `READ_LIMIT` bytes of it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from pact_tui.model import Item, now_utc
from pact_tui.store import SessionFile
from pact_tui.store.atomic import write_atomic
from pact_tui.store.links import read_plain_file, resolve_link

WRITE_DELAY = 0.05
"""Seconds a move waits before it is written, so that the moves of a burst share one write."""

READ_LIMIT = 4096
"""Bytes of sidecar the room view reads at most: the state is a hundred or so."""

_UNSET = object()


class FollowState(BaseModel):
    """What the facilitator's screen shows: phase, theme filter, current item."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    phase: str | None = None
    theme: str | None = None
    item: str | None = None
    voting: bool = False
    """Voting mode is open: the room shows the top of the page, where the tally grows."""
    at: dt.datetime | None = None


def sidecar_path(session_path: Path) -> Path:
    """`sessions/.werksessie.follow` for `sessions/werksessie.json`.

    Beside the real file when `session_path` is a link, as the app opens the real file.
    """
    real = resolve_link(session_path)
    return real.with_name(f".{real.stem}.follow")


def read_follow(session_path: Path) -> FollowState | None:
    """The facilitator's last reported place; None when there is none or it cannot be read."""
    try:
        return FollowState.model_validate_json(
            read_plain_file(sidecar_path(session_path), READ_LIMIT))
    except (OSError, ValidationError):
        return None


class _Writer:
    """The follow state of one session file and its pending write."""

    def __init__(self, path: Path) -> None:
        self.path = sidecar_path(path)
        self.state = FollowState()
        self._lock = threading.Lock()
        self._pending: threading.Timer | None = None

    def update(self, changes: dict[str, object]) -> None:
        with self._lock:
            self.state = self.state.model_copy(update={**changes, "at": now_utc()})
            if self._pending is None:
                self._pending = threading.Timer(WRITE_DELAY, self._write)
                self._pending.daemon = True
                self._pending.start()

    def _write(self) -> None:
        with self._lock:
            self._pending = None
            data = self.state.model_dump_json().encode("utf-8")
        # A lost sidecar only makes the room view lag one move: no fsync, never an error.
        with contextlib.suppress(OSError):
            write_atomic(self.path, [data], durable=False)


_writers: dict[Path, _Writer] = {}
_writers_lock = threading.Lock()


def report(file: SessionFile, *, phase: object = _UNSET, theme: object = _UNSET,
           item: object = _UNSET, voting: object = _UNSET) -> None:
    """Record a move of the facilitator in `file`'s sidecar; a read-only copy reports nothing.

    Only what is given changes: a phase, a theme key (None: all themes), the current
    Item (None: no current item), whether voting mode is open.
    """
    if file.read_only:
        return
    changes: dict[str, object] = {}
    if phase is not _UNSET:
        changes["phase"] = phase
    if theme is not _UNSET:
        changes["theme"] = theme
    if item is not _UNSET:
        changes["item"] = item.id if isinstance(item, Item) else None
    if voting is not _UNSET:
        changes["voting"] = bool(voting)
    with _writers_lock:
        writer = _writers.get(file.path)
        if writer is None:
            writer = _writers[file.path] = _Writer(file.path)
    writer.update(changes)

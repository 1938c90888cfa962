"""A watched file that a sync engine may still be writing.

Some sync engines (OneDrive, a network share) write a file in place, piece by piece, so
a watcher can see it half-written. A file that does not read is therefore first "still
arriving": its last good version stays on screen and it is read again every
`RETRY_SECONDS`. Only when it stays unreadable and unchanged for `UNREADABLE_AFTER`
seconds is it called unreadable; any change starts the waiting again. A file that reads
whole as JSON but is refused for what it holds (a text too long, a field that does not
fit) was not cut short: it is called so at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pact_tui.store.folder import ARRIVING_SECONDS

RETRY_SECONDS = 0.2
UNREADABLE_AFTER = ARRIVING_SECONDS
"""As long as the home screen waits for a file to arrive before it calls it unreadable."""

Signature = tuple[int, int, int] | None


def signature(path: Path) -> Signature:
    """What tells one version of a file from the next: inode, size, modification time."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


@dataclass
class Arrival:
    """What a watcher knows of one file between its looks."""

    seen: Signature | str = "unread"
    failing_since: float | None = None
    tried_at: float = 0.0
    error: str = ""
    whole: bool = False
    """The last read that failed found the file whole: refused for what it holds."""
    problem: str = ""
    """Why the file does not read, once it has stayed so, unchanged, for a while."""

    @property
    def arriving(self) -> bool:
        """The file does not read (yet), and has not been called unreadable."""
        return self.failing_since is not None and not self.problem

    def due(self, current: Signature, now: float) -> bool:
        """Whether to read the file now: it changed since the last look (which starts any
        waiting again), or it is still arriving and due for another try."""
        if current != self.seen:
            self.seen = current
            self.failing_since, self.problem = None, ""
            return True
        return self.arriving and now - self.tried_at >= RETRY_SECONDS

    def read_whole(self, now: float) -> None:
        self.tried_at = now
        self.failing_since, self.problem = None, ""

    def read_failed(self, error: str, now: float, *, whole: bool = False) -> bool:
        """Note a read that failed for `error` (`whole`: on a file that was not cut short);
        whether the file just started failing."""
        self.tried_at = now
        self.error = error
        self.whole = whole
        first = self.failing_since is None
        if first:
            self.failing_since = now
        return first

    def settled(self, now: float) -> bool:
        """Whether a file still arriving has now stayed unreadable long enough to be called
        so (its `problem` is then set)."""
        if self.failing_since is None or self.problem \
                or (not self.whole and now - self.failing_since < UNREADABLE_AFTER):
            return False
        self.problem = self.error
        return True


"""The phase timer: a timebox countdown the facilitator starts, pauses and resets.

`PhaseClock` is the state (plain Python, one per phase, kept by the app so it
survives switching screens); `PhaseTimer` is the widget in the header that shows
it, counting down and turning red with a minus sign once the timebox is over.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.text import Text
from textual.widgets import Static

from pact_tui.i18n import t

Clock = Callable[[], float]


@dataclass
class PhaseClock:
    """Elapsed time of one phase against its timebox; `clock` is injectable for tests."""

    timebox: int = 0
    clock: Clock = field(default=time.monotonic, repr=False)
    _elapsed: float = 0.0
    _started_at: float | None = None

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def elapsed(self) -> float:
        running_for = self.clock() - self._started_at if self._started_at is not None else 0.0
        return self._elapsed + running_for

    @property
    def remaining(self) -> float:
        """Seconds left of the timebox; negative once over time."""
        return self.timebox - self.elapsed

    @property
    def over_time(self) -> bool:
        return self.timebox > 0 and self.remaining < 0

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self.clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._elapsed += self.clock() - self._started_at
            self._started_at = None

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self._elapsed = 0.0
        self._started_at = None


def format_seconds(seconds: float) -> str:
    """`mm:ss` (or `h:mm:ss` from an hour on); a negative value gets a minus sign."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def timer_text(clock: PhaseClock) -> str:
    """What the header shows: the time left (or elapsed without a timebox) and the state."""
    if clock.timebox:
        # Rounded up like a kitchen timer: 14:59.4 left shows 15:00, and the first
        # fraction of a second over time already shows -00:01.
        remaining = clock.remaining
        value = format_seconds(math.ceil(remaining) if remaining >= 0 else -math.ceil(-remaining))
    else:
        value = format_seconds(clock.elapsed)
    state = t("tui.timer.running") if clock.running else t("tui.timer.paused")
    return f"{state} {value}"


class PhaseTimer(Static):
    """Shows one PhaseClock; the app calls `show` every second and on every key."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._clock: PhaseClock | None = None

    def show(self, clock: PhaseClock | None) -> None:
        self._clock = clock
        if clock is None:
            self.update("")
            self.set_classes("")
            return
        self.update(Text(timer_text(clock)))
        self.set_class(clock.running, "-running")
        self.set_class(clock.over_time, "-over")
        self.set_class(not clock.timebox, "-untimed")

"""The header bar of an open session: region · session title · phase, the phase timer, last saved.

One line, so that the grid keeps its rows at 80x24; a long session title is cut
with an ellipsis so the phase, the timer and the saved time always show.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from pact_tui.i18n import t
from pact_tui.tui.widgets.phase_timer import PhaseClock, PhaseTimer


class SessionHeader(Horizontal):
    """What is open, which phase, how much time is left, and whether it is saved."""

    def compose(self) -> ComposeResult:
        yield Static("", id="header-region", markup=False)
        yield Static("", id="header-title", markup=False)
        yield Static("", id="header-phase", markup=False)
        yield PhaseTimer(id="header-timer")
        yield Static("", id="header-saved", markup=False)

    def show_session(self, region: str, title: str, phase: str, *, read_only: bool) -> None:
        self.query_one("#header-region", Static).update(Text(f"{region} ·"))
        self.query_one("#header-title", Static).update(Text(title))
        if read_only:
            phase = f"{phase} · {t('tui.header.read_only')}"
        self.query_one("#header-phase", Static).update(Text(f"· {phase}"))

    def show_clock(self, clock: PhaseClock | None) -> None:
        self.query_one(PhaseTimer).show(clock)

    def show_saved(self, saved: dt.datetime | None) -> None:
        """`saved` is when the file was last written; shown in local time."""
        label = self.query_one("#header-saved", Static)
        if saved is None:
            label.update(Text(t("tui.header.not_saved")))
        else:
            local = saved.astimezone() if saved.tzinfo else saved
            label.update(Text(t("tui.header.saved", time=local.strftime("%H:%M:%S"))))

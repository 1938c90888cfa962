"""The header bar of an open session: region · session title · phase, the phase timer, last saved.

One line, so that the grid keeps its rows at 80x24; a long session title is cut
with an ellipsis so the phase, the timer and the saved time always show.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from pact_tui.i18n import t
from pact_tui.tui.text import visible
from pact_tui.tui.widgets.phase_timer import PhaseClock, PhaseTimer


class HeaderTitle(Widget):
    """Region · title · phase in the room left beside the timer; only the title is ever cut."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.region_name = self.session_title = self.phase_name = ""

    def render(self) -> Text:
        tail = f" · {self.phase_name}"
        room = self.content_size.width - len(self.region_name) - len(" · ") - len(tail)
        title = self.session_title
        if len(title) > room:
            title = title[: max(room - 1, 0)] + "…"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{self.region_name} · ", style="dim")
        text.append(title, style="bold")
        text.append(tail)
        return text


class SessionHeader(Horizontal):
    """What is open, which phase, how much time is left, and whether it is saved.

    Its parts are kept as attributes rather than queried: the app's one-second tick
    updates the header, and while the app shuts down Textual removes the children
    before the tick stops, so a query could find nothing (NoMatches under load).
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = HeaderTitle(id="header-title")
        self._timer = PhaseTimer(id="header-timer")
        self._saved = Static("", id="header-saved", markup=False)

    def compose(self) -> ComposeResult:
        yield self._title
        yield self._timer
        yield self._saved

    def show_session(self, region: str, title: str, phase: str, *, read_only: bool) -> None:
        header = self._title
        if read_only:
            phase = f"{phase} · {t('tui.header.read_only')}"
        header.region_name, header.session_title = visible(region), visible(title)
        header.phase_name = phase
        header.refresh()

    def show_clock(self, clock: PhaseClock | None) -> None:
        self._timer.show(clock)

    def show_saved(self, saved: dt.datetime | None, *, failing: bool = False) -> None:
        """`saved` is when the file was last written (local time); `failing`: saving fails now."""
        label = self._saved
        label.set_class(failing, "-failing")
        if failing:
            label.update(Text(t("tui.header.save_failing")))
        elif saved is None:
            label.update(Text(t("tui.header.not_saved")))
        else:
            local = saved.astimezone() if saved.tzinfo else saved
            label.update(Text(t("tui.header.saved", time=local.strftime("%H:%M:%S"))))

"""The row of phases under the header: F1 Sessie · F2 Stakeholders ... with the current one lit.

It doubles as the legend of the F-keys, so the footer can keep its room for the
keys of the screen itself. Clicking a phase switches to it too.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from pact_tui.i18n import t
from pact_tui.model import PHASES


def phase_label(phase: str) -> str:
    return t(f"tui.phase.{phase}")


def phase_key(phase: str) -> str:
    """The F-key that shows `phase`: F1 for the first phase, and so on."""
    return f"f{PHASES.index(phase) + 1}"


class PhaseBar(Static):
    """The phases of a session as a one-line legend of their F-keys."""

    class Chosen(Message):
        """The user clicked a phase."""

        def __init__(self, phase: str) -> None:
            super().__init__()
            self.phase = phase

    def __init__(self, current: str, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.current = current
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.update(self._render_phases())

    def _render_phases(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for index, phase in enumerate(PHASES):
            if index:
                text.append("  ")
            start = len(text)
            style = "reverse bold" if phase == self.current else ""
            text.append(phase_key(phase).upper(), style=f"{style} bold".strip())
            text.append(f" {phase_label(phase)}", style=style)
            self._spans.append((start, len(text), phase))
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, phase in self._spans:
            if start <= event.x < end:
                self.post_message(self.Chosen(phase))
                return

"""The row of phases under the header: F1 Sessie · F2 Stakeholders ... with the current one lit.

It doubles as the legend of the F-keys, so the footer can keep its room for the
keys of the screen itself. Clicking a phase switches to it too.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from pact_tui.i18n import t
from pact_tui.model import PHASES


def phase_label(phase: str) -> str:
    return t(f"tui.phase.{phase}")


def phase_key(phase: str) -> str:
    """The F-key that shows `phase`: F1 for the first phase, and so on."""
    return f"f{PHASES.index(phase) + 1}"


class PhaseBar(Widget):
    """The phases of a session as a one-line legend of their F-keys."""

    class Chosen(Message):
        """The user clicked a phase."""

        def __init__(self, phase: str) -> None:
            super().__init__()
            self.phase = phase

    def __init__(self, current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current = current
        self._spans: list[tuple[int, int, str]] = []

    def render(self) -> Text:
        parts = [(phase, f"{phase_key(phase).upper()} {phase_label(phase)}") for phase in PHASES]
        # Two spaces between phases read best; one when the terminal is too narrow for two.
        width = sum(len(label) for _, label in parts)
        gap = "  " if width + 2 * (len(parts) - 1) <= self.content_size.width else " "
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for index, (phase, label) in enumerate(parts):
            if index:
                text.append(gap)
            start = len(text)
            style = "reverse bold" if phase == self.current else ""
            key, _, name = label.partition(" ")
            text.append(key, style=f"{style} bold".strip())
            text.append(f" {name}", style=style)
            self._spans.append((start, len(text), phase))
        return text

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, phase in self._spans:
            if start <= offset.x < end:
                self.post_message(self.Chosen(phase))
                return

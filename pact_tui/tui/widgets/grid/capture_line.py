"""The capture line above a grid: one line to type a new row's first cell into.

It never takes focus. The grid keeps the focus and types into it, so a key typed
right after Enter lands in the next capture line, not in the row just made; see
`EditGrid.start_capture`. This widget only shows the prompt, or the text with its caret.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from pact_tui.tui.widgets.grid.cell_editor import CellEdit


class CaptureLine(Widget):
    """A prompt (when idle and empty) or the text being typed with its caret."""

    DEFAULT_CSS = """
    CaptureLine {
        height: 1;
        color: $text-muted;
    }
    CaptureLine.-active {
        background: $warning 30%;
        color: $text;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.prompt = ""
        self.text = ""
        self.edit: CellEdit | None = None

    def set_prompt(self, prompt: str) -> None:
        self.prompt = prompt
        self.refresh()

    def show(self, *, text: str | None = None, edit: CellEdit | None = None) -> None:
        """Show the text kept, and the edit while the user types here."""
        if text is not None:
            self.text = text
        self.edit = edit
        self.set_class(edit is not None, "-active")
        self.refresh()

    def render(self) -> Text:
        edit = self.edit
        if edit is None:
            return Text(self.text or self.prompt, no_wrap=True, overflow="ellipsis")
        text, cursor = edit.text, edit.cursor
        line = Text("› ", no_wrap=True, overflow="ellipsis")
        if not text:
            line.append(" ", style="reverse")
            line.append(" " + self.prompt, style="dim")
            return line
        line.append(text[:cursor])
        line.append(text[cursor:cursor + 1] or " ", style="reverse")
        line.append(text[cursor + 1:])
        return line

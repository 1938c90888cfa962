"""The theme-by-theme matrix: how many challenges touch both themes of each pair.

Rows and columns are the profile's themes, numbered; a cell off the diagonal counts
the cross-theme challenges of that pair, the diagonal the challenges of the theme.
Arrows move a cursor over the cells; the widget posts which pair is under it, so the
screen can list those challenges beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from pact_tui.i18n import t
from pact_tui.tui.text import visible_rich

LABEL_WIDTH = 22
CELL_WIDTH = 4


class ThemeMatrix(Widget, can_focus=True):
    """Counts per theme pair; `counts[(a, b)]` with a, b theme keys in any order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1, 0)", t("tui.matrix.up"), show=False, id="matrix.up"),
        Binding("down", "move(1, 0)", t("tui.matrix.down"), show=False, id="matrix.down"),
        Binding("left", "move(0, -1)", t("tui.matrix.left"), show=False, id="matrix.left"),
        Binding("right", "move(0, 1)", t("tui.matrix.right"), show=False, id="matrix.right"),
    ]

    cursor: reactive[tuple[int, int]] = reactive((0, 1))

    class PairChosen(Message):
        """The cursor is on the pair (first, second) of theme keys (equal on the diagonal)."""

        def __init__(self, matrix: ThemeMatrix, first: str, second: str) -> None:
            super().__init__()
            self.matrix = matrix
            self.first = first
            self.second = second

        @property
        def control(self) -> ThemeMatrix:
            return self.matrix

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.themes: list[tuple[str, str]] = []
        self.counts: dict[tuple[str, str], int] = {}

    def show(
        self, themes: Sequence[tuple[str, str]], counts: Mapping[tuple[str, str], int]
    ) -> None:
        """`themes` as (key, label) in profile order; `counts` per sorted pair of keys."""
        self.themes = list(themes)
        self.counts = dict(counts)
        row, column = self.cursor
        last = max(len(self.themes) - 1, 0)
        self.cursor = (min(row, last), min(column, last))
        self.refresh(layout=True)

    def count(self, first: str, second: str) -> int:
        pair = (first, second) if first <= second else (second, first)
        return self.counts.get(pair, 0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.themes) + 1

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return LABEL_WIDTH + CELL_WIDTH * len(self.themes)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" " * LABEL_WIDTH)
        for index in range(len(self.themes)):
            text.append(f"{index + 1:>{CELL_WIDTH}}", style="bold")
        cursor_row, cursor_column = self.cursor
        for row, (row_key, label) in enumerate(self.themes):
            text.append("\n")
            name = f"{row + 1} {label}"
            if len(name) > LABEL_WIDTH - 1:
                name = name[: LABEL_WIDTH - 2] + "…"
            text.append(f"{name:<{LABEL_WIDTH}}", style="bold" if row == cursor_row else "")
            for column, (column_key, _) in enumerate(self.themes):
                value = self.count(row_key, column_key)
                shown = "·" if not value else str(value)
                style = ""
                if row != column and value:
                    style = "bold"
                if row == column:
                    style = "dim"
                if (row, column) == (cursor_row, cursor_column):
                    style = "reverse bold" if self.has_focus else "underline"
                text.append(" " * (CELL_WIDTH - len(shown)))
                text.append(shown, style=style)
        return visible_rich(text)

    def action_move(self, rows: int, columns: int) -> None:
        if not self.themes:
            return
        last = len(self.themes) - 1
        row, column = self.cursor
        self.cursor = (max(0, min(last, row + rows)), max(0, min(last, column + columns)))

    def watch_cursor(self, cursor: tuple[int, int]) -> None:
        if self.themes:
            row, column = cursor
            self.post_message(self.PairChosen(self, self.themes[row][0], self.themes[column][0]))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

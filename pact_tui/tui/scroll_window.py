"""Which rows of a long list fit a panel, the cursor's row always among them.

A panel that shows only some of its rows says so: a line "▲ nog N" above and
"▼ nog N" below takes the place of a row, so the count the title gives and what the
reader sees add up.
"""

from __future__ import annotations

from typing import NamedTuple


class Window(NamedTuple):
    """Rows `first` up to (not including) `last` are shown; `above` and `below` are not."""

    first: int
    last: int

    def above(self) -> int:
        return self.first

    def below(self, total: int) -> int:
        return total - self.last


def window(total: int, cursor: int, height: int) -> Window:
    """The rows to show of `total` in `height` lines, markers included, around `cursor`."""
    if total <= height:
        return Window(0, total)
    if height < 3:  # no room for a marker: the cursor's row alone
        here = max(0, min(cursor, total - 1))
        return Window(here, min(total, here + max(height, 1)))
    first = cursor - (height - 2) // 2
    if first <= 0:
        return Window(0, height - 1)  # one line for "▼ nog N"
    if first + height - 1 >= total:
        return Window(total - (height - 1), total)  # one line for "▲ nog N"
    return Window(first, first + height - 2)

"""What a grid column is: its title, how wide, what kind of cell, how to read and write a row.

The grid knows nothing of actions or stakeholders; a screen describes its columns with
`Column` specs and the grid draws and edits cells through them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pact_tui.tui.text import visible


class CellKind(Enum):
    """How a cell is edited."""

    TEXT = "text"
    LONG_TEXT = "long-text"  # also opens a multi-line editor
    CHOICE = "choice"  # one of a fixed list: a digit or fuzzy type-ahead
    # A digit picks an option at once (the grid posts that `Option`); typed text is free
    # and the screen reads it, e.g. a planning "2 2022–2025 jaarlijks".
    CHOICE_TEXT = "choice-text"
    PARTIES = "parties"  # several names, `;`-separated, each completed
    PARTY = "party"  # one name, completed


@dataclass(frozen=True)
class Option:
    """A choice a cell offers: `key` is what is stored, `label` what people read and type."""

    key: str
    label: str


def _no_options(row: Any) -> Sequence[Option]:
    return ()


@dataclass(frozen=True)
class Column:
    """One column of the grid.

    `display(row)` is the cell's text; `edit_text(row)` the text an editor starts from
    (defaults to `display`); `options(row)` the choices or names a cell completes from.
    The grid posts what the user committed; turning it into a change is the screen's job.
    """

    key: str
    title: str
    display: Callable[[Any], str]
    kind: CellKind = CellKind.TEXT
    min_width: int = 6
    ratio: float = 0.0
    edit_text: Callable[[Any], str] | None = None
    options: Callable[[Any], Sequence[Option]] = field(default=_no_options)
    editable: bool = True
    short_title: str = ""
    """Shown in the header when the title does not fit the column."""

    def text_for_editing(self, row: Any) -> str:
        return (self.edit_text or self.display)(row)

    def shown(self, row: Any) -> str:
        """The cell's text as the screen shows it: control characters as visible symbols."""
        return visible(self.display(row), lines=True)


PARTY_SEPARATOR = ";"


def split_parties(text: str) -> list[str]:
    """The names in a parties cell, stripped, empties dropped, each once."""
    names = (part.strip() for part in text.split(PARTY_SEPARATOR))
    return list(dict.fromkeys(name for name in names if name))


def join_parties(names: Sequence[str]) -> str:
    return f"{PARTY_SEPARATOR} ".join(names)


def layout(columns: Sequence[Column], width: int, gap: int = 1) -> list[int]:
    """Column widths that fill `width` exactly: each its minimum, the rest shared by ratio.

    When even the minimums do not fit, every column shrinks alike (never below 3).
    """
    if not columns:
        return []
    room = max(width - gap * (len(columns) - 1), 0)
    widths = [column.min_width for column in columns]
    spare = room - sum(widths)
    if spare < 0:
        scale = room / max(sum(widths), 1)
        widths = [max(3, int(w * scale)) for w in widths]
        widths[-1] += room - sum(widths)
        return [max(1, w) for w in widths]
    total_ratio = sum(column.ratio for column in columns)
    if total_ratio <= 0:
        widths[-1] += spare
        return widths
    shares = [int(spare * column.ratio / total_ratio) for column in columns]
    leftover = spare - sum(shares)
    widest = max(range(len(columns)), key=lambda i: columns[i].ratio)
    shares[widest] += leftover
    return [w + s for w, s in zip(widths, shares, strict=True)]

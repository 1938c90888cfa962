"""Text from the file as the room shows it: control characters as symbols, never too long."""

from __future__ import annotations

from pact_tui.model.visible_text import visible

LONGEST_SHOWN = 5_000
"""The most characters of one text the room shows: more than a projector screen holds
(200 columns by 25 lines), and a block taller than the view is cut anyway. A longer text
ends in … and is never laid out whole, however long the file's field is."""


def shown(text: str, *, lines: bool = False) -> str:
    """`text` made `visible` and cut after LONGEST_SHOWN characters.

    With `lines`, newlines and tabs keep their meaning (a value that wraps under its label).
    """
    if len(text) > LONGEST_SHOWN:
        text = text[:LONGEST_SHOWN] + "…"
    return visible(text, lines=lines)

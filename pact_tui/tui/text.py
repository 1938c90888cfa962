"""Stored text made safe to show in the app's widgets (see `pact_tui.model.visible_text`).

`visible` is the one sanitiser of the model, named here too so that a widget finds both
helpers in one place; `visible_rich` applies it to a Rich `Text` whose styles are kept.
"""

from __future__ import annotations

from rich.text import Text

from pact_tui.model.visible_text import visible

__all__ = ["visible", "visible_rich"]


def visible_rich(text: Text, *, lines: bool = True) -> Text:
    """A copy of a Rich `Text` whose characters are made `visible`, styles kept in place.

    Every replacement is one character for one, so the spans still fit.
    """
    shown = text.copy()
    shown.plain = visible(text.plain, lines=lines)
    return shown

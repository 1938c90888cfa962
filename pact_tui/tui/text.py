"""Stored text made safe to show: control characters become visible symbols.

A session file is data from anywhere (another laptop, a merge, a hand edit). Text in
it must never reach the terminal as a command: `\\x1b]2;…\\x07` would set the window
title, `\\x1b[8m` hide what follows. Every widget that shows stored text passes it
through `visible`, which puts the Unicode control pictures (U+2400 block: ␛, ␇, …) in
place of the C0 controls and DEL, and ␦ in place of the C1 controls (0x80–0x9F, which
some terminals also obey). Format characters that belong to normal text, such as the
zero-width joiner in 👩‍👩‍👧 or the zero-width non-joiner in Persian, are left alone.
The file keeps the text as it was; only what is shown changes.
"""

from __future__ import annotations

from rich.text import Text

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"  # ␡
_PICTURES.update({code: "\u2426" for code in range(0x80, 0xA0)})  # ␦

_ONE_LINE = str.maketrans(_PICTURES)
_LINES = str.maketrans({code: picture for code, picture in _PICTURES.items()
                        if chr(code) not in "\n\t"})


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control character shown as a symbol.

    With `lines`, newlines and tabs stay what they are (a detail pane, a long-text
    view that wraps); without, a newline shows as ␊ so one line stays one line.
    """
    if text.isprintable():  # the common case, checked in C without building a new string
        return text
    return text.translate(_LINES if lines else _ONE_LINE)


def visible_rich(text: Text, *, lines: bool = True) -> Text:
    """A copy of a Rich `Text` whose characters are made `visible`, styles kept in place.

    Every replacement is one character for one, so the spans still fit.
    """
    shown = text.copy()
    shown.plain = visible(text.plain, lines=lines)
    return shown

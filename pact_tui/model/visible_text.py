"""Stored text made safe to show: control characters become visible symbols.

A session file is data from anywhere (another laptop, a merge, a hand edit). Text in
it must never reach a terminal or a text report as a command: `\\x1b]2;…\\x07` would
set the window title, `\\x1b[8m` hide what follows. Every place that shows stored text
(the app's widgets, the CLI's output, the merge report) passes it through `visible`,
which puts the Unicode control pictures (U+2400 block: ␛, ␇, …) in place of the C0
controls and DEL, and ␦ in place of the C1 controls (0x80–0x9F, which some terminals
also obey) and of the bidi embeddings, overrides and isolates (which make a text read
in another order than it is stored). Format characters that belong to normal text,
such as the zero-width joiner in 👩‍👩‍👧, the zero-width non-joiner in Persian or the
right-to-left mark, are left alone. The file keeps the text as it was; only what is
shown changes.

It lives in the model, the lowest layer, so the CLI, the merge report and the TUI all
use this one function.
"""

from __future__ import annotations

_SUBSTITUTE = "\u2426"  # ␦
_BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"  # ␡
_PICTURES.update({code: _SUBSTITUTE for code in (*range(0x80, 0xA0), *_BIDI_CONTROLS)})

_ONE_LINE = str.maketrans(_PICTURES)
_LINES = str.maketrans({code: picture for code, picture in _PICTURES.items()
                        if chr(code) not in "\n\t"})


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control character shown as a symbol.

    With `lines`, newlines and tabs stay what they are (a detail pane, a report, a
    long-text view that wraps); without, a newline shows as ␊ so one line stays one line.
    Every replacement is one character for one, so positions in the text still fit.
    """
    if text.isprintable():  # the common case, checked in C without building a new string
        return text
    return text.translate(_LINES if lines else _ONE_LINE)

"""Text at the export boundary: whatever a user typed becomes text Word can hold, literally.

XML 1.0 cannot hold most control characters (python-docx raises on them) nor lone
surrogates; those are dropped. Tabs and line breaks are kept and become Word's own
tab and break elements. Markup-like text (`<`, `&`, `[bold]`) needs nothing: lxml
escapes it, so it reads back exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_NOT_IN_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BR, _TAB, _T, _SPACE = qn("w:br"), qn("w:tab"), qn("w:t"), qn("xml:space")


def clean(text: str) -> str:
    """`text` without the characters XML cannot hold; line endings become `\\n`."""
    return _NOT_IN_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def run_pieces(text: str) -> list[str]:
    """What `text` becomes in a run, in order: "\\n" for a line break, "\\t" for a tab, any
    other string a piece of text (never empty)."""
    pieces = []
    for line_number, line in enumerate(clean(text).split("\n")):
        if line_number:
            pieces.append("\n")
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                pieces.append("\t")
            if piece:
                pieces.append(piece)
    return pieces


def fill_run(run: BaseOxmlElement, text: str) -> None:
    """Append `text` to a `w:r` element: `w:t` pieces with `w:tab` and `w:br` between them."""
    append_pieces(run, run_pieces(text))


def append_pieces(run: BaseOxmlElement, pieces: Iterable[str]) -> None:
    """Append `pieces` (as `run_pieces` gives them) to a `w:r` element."""
    # makeelement keeps python-docx's element classes and is several times faster than OxmlElement.
    for piece in pieces:
        if piece == "\n":
            run.append(run.makeelement(_BR, {}))
        elif piece == "\t":
            run.append(run.makeelement(_TAB, {}))
        else:
            element = run.makeelement(_T, {_SPACE: "preserve"})
            element.text = piece
            run.append(element)

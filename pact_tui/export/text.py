"""Text at the export boundary: whatever a user typed becomes text Word can hold, literally.

XML 1.0 cannot hold most control characters (python-docx raises on them) nor lone
surrogates; those are dropped. Tabs and line breaks are kept and become Word's own
tab and break elements. Markup-like text (`<`, `&`, `[bold]`) needs nothing: lxml
escapes it, so it reads back exactly as typed.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_NOT_IN_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BR, _TAB, _T, _SPACE = qn("w:br"), qn("w:tab"), qn("w:t"), qn("xml:space")


def clean(text: str) -> str:
    """`text` without the characters XML cannot hold; line endings become `\\n`."""
    return _NOT_IN_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def fill_run(run: BaseOxmlElement, text: str) -> None:
    """Append `text` to a `w:r` element: `w:t` pieces with `w:tab` and `w:br` between them."""
    # makeelement keeps python-docx's element classes and is several times faster than OxmlElement.
    for line_number, line in enumerate(clean(text).split("\n")):
        if line_number:
            run.append(run.makeelement(_BR, {}))
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                run.append(run.makeelement(_TAB, {}))
            if piece:
                element = run.makeelement(_T, {_SPACE: "preserve"})
                element.text = piece
                run.append(element)

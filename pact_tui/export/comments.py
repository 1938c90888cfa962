"""Open points as Word comments, anchored on the first cell of the affected table row.

A municipal official sees them in Word's margin and resolves them while editing.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.run import Run

from pact_tui.export.text import clean


def comment_on(document: Document, run: BaseOxmlElement, text: str, author: str) -> None:
    """Attach a comment with `text` to `run` (a `w:r` element already in the body)."""
    initials = "".join(word[0] for word in author.split()[:3]).upper()
    document.add_comment(Run(run, document), text=clean(text), author=clean(author),
                         initials=clean(initials))

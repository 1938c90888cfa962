"""Open points as Word comments, anchored on the first cell of the affected table row.

A municipal official sees them in Word's margin and resolves them while editing.
Comment ids come from a counter: python-docx's own `add_comment` looks at every
existing comment to find the next id, which makes a long programme quadratic.
"""

from __future__ import annotations

import copy

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

from pact_tui.export.text import clean, fill_run

_COMMENT = (
    f'<w:comment {nsdecls("w")} w:id="0" w:author="" w:initials="">'
    '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
    "<w:r/></w:p></w:comment>"
)


class Comments:
    """The comments of one document, numbered in the order they are added."""

    def __init__(self, document: Document, author: str) -> None:
        self._element = document.comments._comments_elm
        used = [int(value) for value in self._element.xpath("./w:comment/@w:id")]
        self._next = max(used, default=-1) + 1
        self._template = parse_xml(_COMMENT)
        self._template.set(qn("w:author"), clean(author))
        initials = "".join(word[0] for word in author.split()[:3]).upper()
        self._template.set(qn("w:initials"), clean(initials))

    def add(self, run: BaseOxmlElement, text: str) -> None:
        """Attach a comment with `text` to `run` (a `w:r` element already in the body)."""
        comment = copy.deepcopy(self._template)
        comment_id = self._next
        self._next += 1
        comment.set(qn("w:id"), str(comment_id))
        fill_run(comment.findall(f'{qn("w:p")}/{qn("w:r")}')[-1], text)
        self._element.append(comment)
        run.insert_comment_range_start_above(comment_id)
        run.insert_comment_range_end_and_reference_below(comment_id)

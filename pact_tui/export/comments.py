"""Open points as Word comments, anchored on the first cell of the affected table row.

A municipal official sees them in Word's margin and resolves them while editing.
Comment ids come from a counter: python-docx's own `add_comment` looks at every
existing comment to find the next id, which makes a long programme quadratic. The
marks around the commented run are copied from prepared XML too: python-docx's
`insert_comment_range_*` build them through its generic child insertion, which took
twice as long as all the rest of a comment.
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
# The run after the commented text that shows the comment's mark (python-docx's own shape).
_REFERENCE = (
    f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
    '<w:commentReference w:id="0"/></w:r>'
)
_ID, _RANGE_START, _RANGE_END = qn("w:id"), qn("w:commentRangeStart"), qn("w:commentRangeEnd")


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
        self._reference = parse_xml(_REFERENCE)

    def add(self, run: BaseOxmlElement, text: str) -> None:
        """Attach a comment with `text` to `run` (a `w:r` element already in the body)."""
        comment_id = str(self._next)
        self._next += 1
        comment = copy.deepcopy(self._template)
        comment.set(_ID, comment_id)
        fill_run(comment.findall(f'{qn("w:p")}/{qn("w:r")}')[-1], text)
        self._element.append(comment)
        reference = copy.deepcopy(self._reference)
        reference[-1].set(_ID, comment_id)
        run.addprevious(run.makeelement(_RANGE_START, {_ID: comment_id}))
        run.addnext(reference)
        run.addnext(run.makeelement(_RANGE_END, {_ID: comment_id}))

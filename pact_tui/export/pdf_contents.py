"""The table of contents as LibreOffice numbers it: page references instead of a TOC field.

LibreOffice shows a table of contents as the draft stores it and does not update it when
it converts, so the draft's contents (headings without page numbers) would reach the PDF
as they are. A page reference to a heading's bookmark (`PAGEREF`) outside a TOC field is
computed while the pages are laid out, so the copy LibreOffice converts has the field
taken away and a dotted tab and a page reference added to every entry.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips

from pact_tui.export.document import text_width
from pact_tui.export.fields import field_runs

_TOC_START = './w:p/w:r/w:instrText[starts-with(normalize-space(.), "TOC")]'


def number_contents(document: Document) -> None:
    """Turn the TOC field of `document` into entries that end in their heading's page number."""
    found = document.element.body.xpath(_TOC_START)
    if not found:
        return
    paragraph: BaseOxmlElement | None = found[0].getparent().getparent()
    width = Twips(text_width(document.sections[0]))
    depth = 0
    while paragraph is not None and paragraph.tag == qn("w:p"):
        depth = _drop_field_marks(paragraph, depth)
        for link in paragraph.findall(qn("w:hyperlink")):
            bookmark = link.get(qn("w:anchor"))
            if bookmark:
                _add_page_reference(paragraph, link, bookmark, width)
        if depth == 0:
            return
        paragraph = paragraph.getnext()


def _drop_field_marks(paragraph: BaseOxmlElement, depth: int) -> int:
    """Remove the TOC field's own runs (begin, instruction, separator, end); the depth after."""
    for run in paragraph.findall(qn("w:r")):
        mark = run.find(qn("w:fldChar"))
        kind = None if mark is None else mark.get(qn("w:fldCharType"))
        if kind == "begin":
            depth += 1
        if depth == 1 and (mark is not None or run.find(qn("w:instrText")) is not None):
            paragraph.remove(run)
        if kind == "end":
            depth -= 1
    return depth


def _add_page_reference(paragraph: BaseOxmlElement, link: BaseOxmlElement, bookmark: str,
                        width: Twips) -> None:
    tabs = paragraph.get_or_add_pPr().get_or_add_tabs()
    tabs.insert_tab_in_order(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    tab = OxmlElement("w:r")
    tab.append(OxmlElement("w:tab"))
    link.append(tab)
    link.extend(field_runs(f" PAGEREF {bookmark} \\h "))

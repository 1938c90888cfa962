"""The table of contents as LibreOffice numbers it: page references instead of a TOC field.

LibreOffice shows a table of contents as the draft stores it and does not update it when
it converts, so the draft's contents (headings without page numbers) would reach the PDF
as they are. A page reference to a heading's bookmark (`PAGEREF`) outside a TOC field is
computed while the pages are laid out, so the copy LibreOffice converts has the field
taken away and a dotted tab and a page reference added to every entry. The numbers it
computes can be read back (`page_numbers`) and given to the draft's own TOC field as its
current result (`fill_page_numbers`), as Word itself writes a table of contents.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

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
    width = Twips(text_width(document.sections[0]))
    for paragraph, link, bookmark in _entries(document, drop_field=True):
        _add_page_reference(paragraph, link, bookmark, width)


def page_numbers(document: Document) -> dict[str, str]:
    """The page number LibreOffice gave each page reference of a numbered copy, by bookmark."""
    pages: dict[str, str] = {}
    bookmark = None
    # A reference's result is the first number after its instruction; the entry's own
    # text comes before the instruction.
    for element in document.element.body.iter(qn("w:instrText"), qn("w:t")):
        text = (element.text or "").strip()
        if element.tag == qn("w:instrText"):
            words = text.split()
            bookmark = words[1] if len(words) > 1 and words[0] == "PAGEREF" else bookmark
        elif bookmark is not None and text.isdigit():
            pages.setdefault(bookmark, text)
            bookmark = None
    return pages


def fill_page_numbers(document: Document, pages: Mapping[str, str]) -> None:
    """Give each entry of the TOC field its page number, as the current result of a page
    reference: the contents show numbers before anyone updates a field."""
    width = Twips(text_width(document.sections[0]))
    for paragraph, link, bookmark in _entries(document, drop_field=False):
        if bookmark in pages:
            _add_page_reference(paragraph, link, bookmark, width, pages[bookmark])


def _entries(document: Document, *,
             drop_field: bool) -> Iterator[tuple[BaseOxmlElement, BaseOxmlElement, str]]:
    """Each entry of the TOC field: its paragraph, its link and the heading's bookmark;
    with `drop_field`, the field's own runs are taken away on the way."""
    found = document.element.body.xpath(_TOC_START)
    if not found:
        return
    paragraph: BaseOxmlElement | None = found[0].getparent().getparent()
    depth = 0
    while paragraph is not None and paragraph.tag == qn("w:p"):
        depth = _field_depth(paragraph, depth, drop_field)
        for link in paragraph.findall(qn("w:hyperlink")):
            bookmark = link.get(qn("w:anchor"))
            if bookmark:
                yield paragraph, link, bookmark
        if depth == 0:
            return
        paragraph = paragraph.getnext()


def _field_depth(paragraph: BaseOxmlElement, depth: int, drop: bool) -> int:
    """The field depth after `paragraph`; with `drop`, the TOC field's own runs (begin,
    instruction, separator, end) are removed."""
    for run in paragraph.findall(qn("w:r")):
        mark = run.find(qn("w:fldChar"))
        kind = None if mark is None else mark.get(qn("w:fldCharType"))
        if kind == "begin":
            depth += 1
        if drop and depth == 1 and (mark is not None or run.find(qn("w:instrText")) is not None):
            paragraph.remove(run)
        if kind == "end":
            depth -= 1
    return depth


def _add_page_reference(paragraph: BaseOxmlElement, link: BaseOxmlElement, bookmark: str,
                        width: Twips, page: str = "") -> None:
    if link.xpath('.//w:instrText[contains(., "PAGEREF")]'):
        return  # numbered already (a draft whose contents LibreOffice filled in)
    tabs = paragraph.get_or_add_pPr().get_or_add_tabs()
    tabs.insert_tab_in_order(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    tab = OxmlElement("w:r")
    tab.append(OxmlElement("w:tab"))
    link.append(tab)
    link.extend(field_runs(f" PAGEREF {bookmark} \\h ", page))

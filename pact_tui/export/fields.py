"""Word fields python-docx has no API for: the table of contents and the page number.

A field is a run sequence begin / instruction / separate / cached result / end.
Word recomputes the fields on opening because `w:updateFields` is set; the cached
table of contents already lists the headings (without page numbers, which only a
layout engine knows), so readers that never update fields still show the contents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from pact_tui.export.text import fill_run

TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '
PAGE_INSTRUCTION = " PAGE "

# Word checks the order of w:settings' children: updateFields comes before all of these.
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)


@dataclass(frozen=True)
class Heading:
    """A heading of the draft as the table of contents lists it."""

    level: int
    text: str
    bookmark: str


def field_runs(instruction: str, cached: str = "") -> list[BaseOxmlElement]:
    """The runs of a complex field with `cached` as its current result."""
    runs = [_char_run("begin"), _instruction_run(instruction), _char_run("separate")]
    if cached:
        result = OxmlElement("w:r")
        fill_run(result, cached)
        runs.append(result)
    runs.append(_char_run("end"))
    return runs


def add_page_number(paragraph: Paragraph) -> None:
    for run in field_runs(PAGE_INSTRUCTION, "1"):
        paragraph._p.append(run)


def has_page_number(paragraphs: Sequence[Paragraph]) -> bool:
    return any(
        "PAGE" in (text or "").split()
        for paragraph in paragraphs
        for text in paragraph._p.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr")
    )


def update_fields_on_open(document: Document) -> None:
    """Ask Word to refresh every field (the table of contents above all) when it opens the file."""
    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        later = [child for child in settings
                 if child.tag in {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}]
        if later:
            later[0].addprevious(existing)
        else:
            settings.append(existing)
    existing.set(qn("w:val"), "true")


def add_bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Wrap the paragraph's content in a bookmark, the target of a table-of-contents link."""
    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>')
    p = paragraph._p
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p.insert(0, start)
    else:
        p_pr.addnext(start)
    p.append(end)


def fill_table_of_contents(anchor: Paragraph, headings: Sequence[Heading],
                           styles: Sequence[str]) -> None:
    """Turn `anchor` and the paragraphs after it into a TOC field listing `headings`.

    `styles` holds the style id of the entries for each level (toc 1, toc 2, ...).
    """
    entries = [h for h in headings if h.level <= len(styles)]
    paragraphs: list[BaseOxmlElement] = []
    for index, heading in enumerate(entries):
        p = anchor._p if index == 0 else OxmlElement("w:p")
        p_pr = p.get_or_add_pPr()
        p_pr.get_or_add_pStyle().set(qn("w:val"), styles[heading.level - 1])
        if index == 0:
            p.extend(field_runs(TOC_INSTRUCTION)[:3])
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), heading.bookmark)
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        fill_run(run, heading.text)
        link.append(run)
        p.append(link)
        if index:
            paragraphs[-1].addnext(p)
        paragraphs.append(p)
    last = paragraphs[-1] if paragraphs else anchor._p
    if not paragraphs:
        last.extend(field_runs(TOC_INSTRUCTION)[:3])
    last.append(_char_run("end"))


def _char_run(kind: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _instruction_run(instruction: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    run.append(text)
    return run

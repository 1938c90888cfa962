"""Setting up the draft: page size, text language, document properties, footer, sections.

Without a template the draft is A4 with page numbers in the footer and none on the
cover. With a template its page setup, headers and footers stay; a footer without a
page number gets one.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Twips

from pact_tui.export import fields, styles
from pact_tui.export.text import clean

A4_WIDTH = Twips(11906)
A4_HEIGHT = Twips(16838)
MARGIN = Cm(2.5)


def set_up_page(document: Document) -> None:
    """A4 portrait with even margins, for a draft that has no template to follow."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1.25)


def set_language(document: Document, language: str) -> None:
    """Make `language` (e.g. nl-NL) the language of all text, for spelling and hyphenation."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    if r_pr.find(qn("w:lang")) is None:
        r_pr.append(OxmlElement("w:lang"))
    # Styles that name a language of their own would otherwise keep it.
    for lang in styles_element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:val"), language)


def set_properties(document: Document, *, title: str, subject: str, author: str,
                   keywords: str, category: str, comments: str, language: str,
                   created: dt.datetime, modified: dt.datetime) -> None:
    props = document.core_properties
    props.title = clean(title)
    props.subject = clean(subject)
    props.author = clean(author)
    props.last_modified_by = clean(author)
    props.keywords = clean(keywords)
    props.category = clean(category)
    props.comments = clean(comments)
    props.language = language
    props.created = created
    props.modified = modified
    props.revision = 1


def set_up_footer(document: Document, text: str, *, own_layout: bool) -> None:
    """Page numbers in the footer; in our own layout the cover page has none."""
    section = document.sections[0]
    footer = section.footer
    if own_layout:
        section.different_first_page_header_footer = True
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles[styles.FOOTER]
        paragraph.add_run(clean(text))
        fields.add_page_number(paragraph)
    elif not fields.has_page_number(footer.paragraphs):
        paragraph = footer.add_paragraph(style=document.styles[styles.FOOTER])
        paragraph.add_run(clean(text))
        fields.add_page_number(paragraph)


def text_width(section: Section) -> int:
    """The width between the margins, in twips."""
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    return int(((section.page_width or A4_WIDTH) - margins) / 635)


def new_section(document: Document, *, landscape: bool) -> Section:
    """Start a section on a new page, landscape or portrait, with the same margins and footer."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    # The cover's "different first page" must not carry over: it would hide the page number.
    title_page = section._sectPr.find(qn("w:titlePg"))
    if title_page is not None:
        section._sectPr.remove(title_page)
    width, height = section.page_width, section.page_height
    if landscape != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    return section

"""Setting up the draft: page size, language, document properties, footer, sections.

Without a template the draft is A4 with page numbers in the footer and none on the
cover. With a template its page setup, headers and footers stay; a footer without a
page number gets one. The package says what made it (docProps/app.xml) and carries
no thumbnail of someone else's document.
"""

from __future__ import annotations

import copy
import datetime as dt
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION_START
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
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


def set_number_format(document: Document, decimal: str, list_separator: str) -> None:
    """Word's decimal symbol and list separator, and spelling not marked as already checked."""
    settings = document.settings.element
    # Both are the last elements of the standard w:settings, in this order; only Word's
    # later extensions (w14:, w15:, ... in Microsoft's namespaces) may follow them.
    extension = next((child for child in settings
                      if "schemas.microsoft.com/office/word" in str(child.tag)), None)
    for tag, value in (("w:decimalSymbol", decimal), ("w:listSeparator", list_separator)):
        element = settings.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            if extension is not None:
                extension.addprevious(element)
            else:
                settings.append(element)
        element.set(qn("w:val"), value)
    # "clean" tells Word the text was already checked: it would not mark any spelling error.
    for proof in settings.findall(qn("w:proofState")):
        settings.remove(proof)


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def set_application(document: Document, application: str) -> None:
    """app.xml names this program; page and word counts are left out rather than made up.

    A template's thumbnail (a picture of the template's first page) is dropped too.
    """
    package = document.part.package
    blob = _APP_XML.replace("{application}", escape(clean(application))).encode()
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = blob
    for r_id, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)


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
        paragraph._p.style = styles.style_id(document, styles.FOOTER)
        paragraph.add_run(clean(text))
        fields.add_page_number(paragraph)
    elif not fields.has_page_number(footer.paragraphs):
        paragraph = footer.add_paragraph()
        paragraph._p.style = styles.style_id(document, styles.FOOTER)
        paragraph.add_run(clean(text))
        fields.add_page_number(paragraph)


def text_width(section: Section) -> int:
    """The width between the margins, in twips."""
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    return int(((section.page_width or A4_WIDTH) - margins) / 635)


# No space around it and a 1 pt paragraph mark. Prepared XML: python-docx's paragraph_format
# places each property by searching the schema's order, a good part of a table's own cost.
_SPACER_PROPERTIES = (
    f'<w:pPr {nsdecls("w")}><w:spacing w:before="0" w:after="0"/>'
    '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr>'
)


def add_spacer(document: Document) -> None:
    """An empty paragraph after a table: small, so it never pushes itself onto a page alone."""
    document.add_paragraph()._p.append(parse_xml(_SPACER_PROPERTIES))


def new_section(document: Document, *, landscape: bool) -> Section:
    """Start a section on a new page, landscape or portrait, with the same margins and footer.

    The section break goes into the empty paragraph that ends the body when there is
    one (the spacer after a table), instead of a paragraph of its own that could
    spill onto a page of its own.
    """
    body = document.element.body
    sentinel = body.get_or_add_sectPr()
    last = sentinel.getprevious()
    if last is None or last.tag != qn("w:p") or last.xpath("w:r | w:pPr/w:sectPr"):
        add_spacer(document)
        last = sentinel.getprevious()
    previous = copy.deepcopy(sentinel)
    properties = last.get_or_add_pPr()
    mark = properties.find(qn("w:rPr"))
    if mark is not None:
        mark.addnext(previous)
    else:
        properties.append(previous)
    for reference in sentinel.xpath("w:headerReference | w:footerReference"):
        sentinel.remove(reference)
    section = document.sections[-1]
    # The cover's "different first page" must not carry over: it would hide the page number.
    title_page = sentinel.find(qn("w:titlePg"))
    if title_page is not None:
        sentinel.remove(title_page)
    section.start_type = WD_SECTION_START.NEW_PAGE
    width, height = section.page_width or A4_WIDTH, section.page_height or A4_HEIGHT
    if landscape != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    return section

"""The styles the draft uses, made sure to exist in whatever document it starts from.

Every paragraph, run and table in the draft gets a named style and no direct
formatting, so a house-style template restyles all of it. A template lacking a
style gets it added: Word's built-in ones are copied from python-docx's default
template, the draft's own (`Pact ...`) are defined here.
"""

from __future__ import annotations

from functools import cache

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING = ("Heading 1", "Heading 2", "Heading 3")
LIST_BULLET = "List Bullet"
STRONG = "Strong"
FOOTER = "Footer"
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("toc 1", "toc 2", "toc 3")
COVER = "Pact Cover"
COVER_STATUS = "Pact Cover Status"
TABLE = "Pact Table"
TABLE_TEXT = "Pact Table Text"
TABLE_HEADING = "Pact Table Heading"
OWN_FONT = "Calibri"

# Built-in styles taken from python-docx's default template when a template lacks them.
_BUILT_IN = (TITLE, SUBTITLE, *HEADING, LIST_BULLET, STRONG, FOOTER, TOC_HEADING)

_W = nsdecls("w")

# The draft's own styles; `{Normal}` and the like are filled with the document's style ids.
_OWN_STYLES: dict[str, str] = {
    "toc 1": (
        f'<w:style {_W} w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>'
        '<w:basedOn w:val="{Normal}"/><w:next w:val="{Normal}"/><w:uiPriority w:val="39"/>'
        '<w:unhideWhenUsed/><w:pPr><w:spacing w:before="120" w:after="40"/></w:pPr>'
        "<w:rPr><w:b/></w:rPr></w:style>"
    ),
    "toc 2": (
        f'<w:style {_W} w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/>'
        '<w:basedOn w:val="{Normal}"/><w:next w:val="{Normal}"/><w:uiPriority w:val="39"/>'
        '<w:unhideWhenUsed/><w:pPr><w:spacing w:after="40"/><w:ind w:left="220"/></w:pPr>'
        "</w:style>"
    ),
    "toc 3": (
        f'<w:style {_W} w:type="paragraph" w:styleId="TOC3"><w:name w:val="toc 3"/>'
        '<w:basedOn w:val="{Normal}"/><w:next w:val="{Normal}"/><w:uiPriority w:val="39"/>'
        '<w:unhideWhenUsed/><w:pPr><w:spacing w:after="40"/><w:ind w:left="440"/></w:pPr>'
        "</w:style>"
    ),
    COVER: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactCover">'
        f'<w:name w:val="{COVER}"/><w:basedOn w:val="{{Normal}}"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>'
    ),
    COVER_STATUS: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactCoverStatus">'
        f'<w:name w:val="{COVER_STATUS}"/><w:basedOn w:val="{{Normal}}"/>'
        '<w:next w:val="PactCover"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="1200" w:after="240"/></w:pPr>'
        '<w:rPr><w:b/><w:caps/><w:color w:val="C0504D" w:themeColor="accent2"/>'
        '<w:spacing w:val="40"/><w:sz w:val="32"/></w:rPr></w:style>'
    ),
    TABLE_TEXT: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactTableText">'
        f'<w:name w:val="{TABLE_TEXT}"/><w:basedOn w:val="{{Normal}}"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    ),
    TABLE_HEADING: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactTableHeading">'
        f'<w:name w:val="{TABLE_HEADING}"/><w:basedOn w:val="PactTableText"/><w:qFormat/>'
        '<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>'
    ),
    TABLE: (
        f'<w:style {_W} w:type="table" w:customStyle="1" w:styleId="PactTable">'
        f'<w:name w:val="{TABLE}"/><w:basedOn w:val="{{Normal Table}}"/><w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
        '<w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="D9D9D9"/>'
        '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/>'
        '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
        '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DBE5F1" w:themeFill="accent1"'
        ' w:themeFillTint="33"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto"'
        ' w:fill="F2F2F2"/></w:tcPr></w:tblStylePr></w:style>'
    ),
}

# Bullets for a List Bullet style copied into a template that has no numbering for it.
_BULLET_ABSTRACT = (
    f'<w:abstractNum {_W} w:abstractNumId="{{abstract}}"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
    "</w:abstractNum>"
)
_BULLET_NUM = f'<w:num {_W} w:numId="{{num}}"><w:abstractNumId w:val="{{abstract}}"/></w:num>'


def ensure_styles(document: Document) -> None:
    """Add every style the draft uses that `document` lacks; existing styles are left alone."""
    for name in _BUILT_IN:
        if name not in document.styles:
            _copy_default_style(document, name)
            if name == LIST_BULLET:
                _give_bullets(document)
    for name, xml in _OWN_STYLES.items():
        if name not in document.styles:
            ids = {key: _style_id(document, key) for key in ("Normal", "Normal Table")}
            document.styles.element.append(parse_xml(xml.replace("{Normal}", ids["Normal"])
                                                      .replace("{Normal Table}",
                                                               ids["Normal Table"])))


def use_own_fonts(document: Document) -> None:
    """Calibri for all text when no template brings a house font (the default is Cambria)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f'{qn("w:rPrDefault")}/{qn("w:rPr")}/{qn("w:rFonts")}')
    for attribute in ("asciiTheme", "hAnsiTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attribute}"), OWN_FONT)
    for heading in (*HEADING, TITLE):
        style_fonts = document.styles[heading].element.find(f'{qn("w:rPr")}/{qn("w:rFonts")}')
        if style_fonts is not None:
            style_fonts.getparent().remove(style_fonts)


def style_id(document: Document, name: str) -> str:
    """The id under which `document` knows the style `name` (ids differ per language of Word)."""
    return str(document.styles[name].style_id)


def _style_id(document: Document, name: str) -> str:
    if name in document.styles:
        return style_id(document, name)
    _copy_default_style(document, name)
    return style_id(document, name)


@cache
def _default_styles() -> BaseOxmlElement:
    return docx.Document().styles.element


def _copy_default_style(document: Document, name: str) -> None:
    """Copy `name` from the default template, pointing its references at this document's ids."""
    source = _default_styles()
    internal = {"Heading 1": "heading 1", "Heading 2": "heading 2", "Heading 3": "heading 3",
                "Footer": "footer"}.get(name, name)
    found = source.xpath(f'w:style[w:name/@w:val="{internal}"]')
    if not found:
        return
    copied = parse_xml(found[0].xml)
    for reference in ("w:basedOn", "w:next", "w:link"):
        element = copied.find(qn(reference))
        if element is None:
            continue
        target = source.xpath(f'w:style[@w:styleId="{element.get(qn("w:val"))}"]')
        if not target:
            copied.remove(element)
            continue
        target_name = target[0].find(qn("w:name")).get(qn("w:val"))
        if target_name == internal:
            continue
        if target_name not in document.styles:
            _copy_default_style(document, target_name)
        if target_name in document.styles:
            element.set(qn("w:val"), style_id(document, target_name))
        else:
            copied.remove(element)
    document.styles.element.append(copied)


def _give_bullets(document: Document) -> None:
    """Point a freshly copied List Bullet style at a bullet list of this document's own."""
    numbering = document.part.numbering_part.element
    abstract = 1 + max((int(v) for v in numbering.xpath("w:abstractNum/@w:abstractNumId")),
                       default=0)
    num = 1 + max((int(v) for v in numbering.xpath("w:num/@w:numId")), default=0)
    first_num = numbering.find(qn("w:num"))
    abstract_element = parse_xml(_BULLET_ABSTRACT.replace("{abstract}", str(abstract)))
    if first_num is not None:
        first_num.addprevious(abstract_element)
    else:
        numbering.append(abstract_element)
    numbering.append(parse_xml(_BULLET_NUM.replace("{num}", str(num))
                               .replace("{abstract}", str(abstract))))
    style = document.styles[LIST_BULLET].element
    for num_id in style.xpath("w:pPr/w:numPr/w:numId"):
        num_id.set(qn("w:val"), str(num))

"""The styles the draft uses, found in whatever document it starts from or added to it.

Every paragraph, run and table in the draft gets a named style and no direct
formatting, so a house-style template restyles all of it. A style is found by its
built-in identity, not by the name a user sees: Word writes `heading 1` whatever
its language (Dutch Word gives it the id `Kop1`), LibreOffice writes `Heading 1`,
other tools write the Dutch display name `Kop 1`. A style the template lacks is
copied from python-docx's default template together with the styles it points at
(its linked character style, the style it is based on), each copied once, without
their fonts so the house font applies. The draft's own styles are defined here,
under Dutch names from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.numbering import NumberingPart

from pact_tui.i18n import t


@dataclass(frozen=True)
class BuiltIn:
    """A style Word knows by itself: its internal name, its ids and the names others give it."""

    name: str
    kind: str
    ids: tuple[str, ...]
    aliases: tuple[str, ...] = ()


def _heading(level: int) -> BuiltIn:
    return BuiltIn(f"heading {level}", "paragraph", (f"Heading{level}", f"Kop{level}"),
                   (f"Kop {level}",))


def _toc(level: int) -> BuiltIn:
    return BuiltIn(f"toc {level}", "paragraph", (f"TOC{level}", f"Inhopg{level}"),
                   (f"Inhopg {level}", f"Contents {level}"))


NORMAL = BuiltIn("Normal", "paragraph", ("Normal", "Standaard"), ("Standaard", "Default Style"))
NORMAL_TABLE = BuiltIn("Normal Table", "table", ("TableNormal", "Standaardtabel", "NormalTable"),
                       ("Standaardtabel",))
DEFAULT_FONT = BuiltIn("Default Paragraph Font", "character",
                       ("DefaultParagraphFont", "Standaardalinea-lettertype"),
                       ("Standaardalinea-lettertype",))
TITLE = BuiltIn("Title", "paragraph", ("Title", "Titel"), ("Titel",))
SUBTITLE = BuiltIn("Subtitle", "paragraph", ("Subtitle", "Ondertitel"), ("Ondertitel",))
HEADING = (_heading(1), _heading(2), _heading(3))
LIST_BULLET = BuiltIn("List Bullet", "paragraph", ("ListBullet", "Lijstopsomteken"),
                      ("Lijstopsommingsteken", "Lijstopsomteken"))
STRONG = BuiltIn("Strong", "character", ("Strong", "Zwaar"), ("Zwaar", "Strong Emphasis"))
FOOTER = BuiltIn("footer", "paragraph", ("Footer", "Voettekst"), ("Voettekst",))
TOC_HEADING = BuiltIn("TOC Heading", "paragraph", ("TOCHeading", "Kopvaninhoudsopgave"),
                      ("Kop van inhoudsopgave", "Contents Heading"))
TOC_LEVELS = (_toc(1), _toc(2), _toc(3))

# Built-in styles a template may lack, in an order where a style's base comes first.
_COPIED = (NORMAL, NORMAL_TABLE, TITLE, SUBTITLE, *HEADING, LIST_BULLET, STRONG,
           FOOTER, TOC_HEADING)
_KNOWN = (*_COPIED, DEFAULT_FONT, *TOC_LEVELS)


@dataclass(frozen=True)
class Own:
    """A style of the draft's own: a fixed id and a name from the catalogue."""

    id: str
    kind: str
    name_key: str


COVER = Own("PactCover", "paragraph", "export.style.cover")
COVER_STATUS = Own("PactCoverStatus", "paragraph", "export.style.cover_status")
TABLE = Own("PactTable", "table", "export.style.table")
TABLE_TEXT = Own("PactTableText", "paragraph", "export.style.table_text")
TABLE_HEADING = Own("PactTableHeading", "paragraph", "export.style.table_heading")
MISSING = Own("PactMissing", "character", "export.style.missing")

Style = BuiltIn | Own
OWN_FONT = "Calibri"

_W = nsdecls("w")

# Built-in styles python-docx's default template lacks; `{Normal}` becomes the document's id.
_TOC_XML = (
    f'<w:style {_W} w:type="paragraph" w:styleId="TOC{{level}}"><w:name w:val="toc {{level}}"/>'
    '<w:basedOn w:val="{Normal}"/><w:next w:val="{Normal}"/><w:uiPriority w:val="39"/>'
    '<w:unhideWhenUsed/><w:pPr>'
    '<w:spacing w:before="{before}" w:after="40"/><w:ind w:left="{indent}"/></w:pPr>'
    "{run}</w:style>"
)

# The draft's own styles; `{Normal}`, `{Normal Table}` and `{name}` are filled per document.
_OWN_XML: dict[Own, str] = {
    COVER: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactCover">'
        '<w:name w:val="{name}"/><w:basedOn w:val="{Normal}"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>'
    ),
    COVER_STATUS: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactCoverStatus">'
        '<w:name w:val="{name}"/><w:basedOn w:val="{Normal}"/>'
        '<w:next w:val="PactCover"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="1200" w:after="240"/></w:pPr>'
        '<w:rPr><w:b/><w:caps/><w:color w:val="C0504D" w:themeColor="accent2"/>'
        '<w:spacing w:val="40"/><w:sz w:val="32"/></w:rPr></w:style>'
    ),
    TABLE_TEXT: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactTableText">'
        '<w:name w:val="{name}"/><w:basedOn w:val="{Normal}"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    ),
    TABLE_HEADING: (
        f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="PactTableHeading">'
        '<w:name w:val="{name}"/><w:basedOn w:val="PactTableText"/><w:qFormat/>'
        '<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>'
    ),
    MISSING: (
        f'<w:style {_W} w:type="character" w:customStyle="1" w:styleId="PactMissing">'
        '<w:name w:val="{name}"/><w:uiPriority w:val="99"/><w:qFormat/>'
        '<w:rPr><w:i/><w:iCs/><w:color w:val="C0504D" w:themeColor="accent2"/></w:rPr></w:style>'
    ),
    TABLE: (
        f'<w:style {_W} w:type="table" w:customStyle="1" w:styleId="PactTable">'
        '<w:name w:val="{name}"/><w:basedOn w:val="{Normal Table}"/><w:uiPriority w:val="59"/>'
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


def find(styles: BaseOxmlElement, style: Style) -> BaseOxmlElement | None:
    """The `w:style` element that is `style` in this `w:styles` element, or None."""
    candidates = [element for element in styles.findall(qn("w:style"))
                  if element.get(qn("w:type")) == style.kind]
    if isinstance(style, Own):
        return next((e for e in candidates if e.get(qn("w:styleId")) == style.id), None)
    names = {style.name.casefold()}
    for element in candidates:
        if _name(element).casefold() in names:
            return element
    for element in candidates:
        if element.get(qn("w:styleId")) in style.ids:
            return element
    aliases = {alias.casefold() for alias in style.aliases}
    return next((e for e in candidates if _name(e).casefold() in aliases), None)


def style_id(document: Document, style: Style) -> str:
    """The id under which `document` knows `style` (ids differ per language of Word)."""
    element = find(document.styles.element, style)
    if element is None:
        raise KeyError(style)
    return str(element.get(qn("w:styleId")))


def ensure_styles(document: Document, own_layout: bool) -> None:
    """Add every style the draft uses that `document` lacks; existing styles are left alone.

    `own_layout` (no template): copied styles keep the default template's look.
    """
    styles = document.styles.element
    for style in _COPIED:
        if find(styles, style) is None:
            _copy_default_style(document, style, keep_fonts=own_layout)
            if style is LIST_BULLET:
                _give_bullets(document)
    ids = {"{Normal}": style_id(document, NORMAL),
           "{Normal Table}": style_id(document, NORMAL_TABLE)}
    for level, toc in enumerate(TOC_LEVELS, start=1):
        if find(styles, toc) is None:
            xml = (_TOC_XML.replace("{level}", str(level))
                   .replace("{before}", "120" if level == 1 else "0")
                   .replace("{indent}", str(220 * (level - 1)))
                   .replace("{run}", "<w:rPr><w:b/></w:rPr>" if level == 1 else ""))
            styles.append(parse_xml(_fill(xml, ids)))
    for own, xml in _OWN_XML.items():
        if find(styles, own) is None:
            name = escape(t(own.name_key), {'"': "&quot;"})
            styles.append(parse_xml(_fill(xml.replace("{name}", name), ids)))


def use_own_fonts(document: Document) -> None:
    """Calibri for all text when no template brings a house font (the default is Cambria)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    fonts = defaults.find(f'{qn("w:rPrDefault")}/{qn("w:rPr")}/{qn("w:rFonts")}')
    for attribute in ("asciiTheme", "hAnsiTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attribute}"), OWN_FONT)
    for style in (*HEADING, TITLE):
        element = find(styles, style)
        style_fonts = None if element is None else element.find(f'{qn("w:rPr")}/{qn("w:rFonts")}')
        if style_fonts is not None:
            style_fonts.getparent().remove(style_fonts)


def _fill(xml: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        xml = xml.replace(key, value)
    return xml


def _name(element: BaseOxmlElement) -> str:
    name = element.find(qn("w:name"))
    return "" if name is None else str(name.get(qn("w:val"), ""))


@cache
def _default_styles() -> BaseOxmlElement:
    return docx.Document().styles.element


def _copy_default_style(document: Document, style: BuiltIn, *, keep_fonts: bool) -> None:
    """Copy `style` from the default template with every style it points at that is missing.

    The styles to copy are collected first (each once, so a heading and its linked
    character style pointing at each other cannot loop), then their references are
    pointed at this document's ids.
    """
    source = _default_styles()
    target = document.styles.element
    by_id = {element.get(qn("w:styleId")): element for element in source.findall(qn("w:style"))}
    first = find(source, style)
    if first is None:
        return
    copies: dict[str, BaseOxmlElement] = {}
    existing: dict[str, str] = {}
    queue = [first]
    while queue:
        element = queue.pop()
        source_id = str(element.get(qn("w:styleId")))
        if source_id in copies:
            continue
        copies[source_id] = parse_xml(element.xml)
        for reference in _references(element):
            referred = by_id.get(reference.get(qn("w:val")))
            if referred is None or referred.get(qn("w:styleId")) in copies:
                continue
            present = _present(target, referred)
            if present is not None:
                existing[str(referred.get(qn("w:styleId")))] = present
            else:
                queue.append(referred)
    taken = {element.get(qn("w:styleId")) for element in target.findall(qn("w:style"))}
    new_ids: dict[str, str] = {}
    for source_id in copies:
        new_id, number = source_id, 1
        while new_id in taken:
            number += 1
            new_id = f"{source_id}{number}"
        taken.add(new_id)
        new_ids[source_id] = new_id
    for source_id, copied in copies.items():
        copied.set(qn("w:styleId"), new_ids[source_id])
        for reference in _references(copied):
            value = str(reference.get(qn("w:val")))
            if value in existing:
                reference.set(qn("w:val"), existing[value])
            elif value in new_ids:
                reference.set(qn("w:val"), new_ids[value])
            else:
                copied.remove(reference)
        if not keep_fonts:
            _drop_fonts(copied)
        target.append(copied)


def _references(element: BaseOxmlElement) -> list[BaseOxmlElement]:
    return [child for child in element if child.tag in _REFERENCE_TAGS]


_REFERENCE_TAGS = {qn("w:basedOn"), qn("w:next"), qn("w:link")}


def _present(target: BaseOxmlElement, source_style: BaseOxmlElement) -> str | None:
    """The id in `target` of the style that `source_style` (from the default template) is."""
    name = _name(source_style)
    kind = source_style.get(qn("w:type"))
    known = next((style for style in _KNOWN if style.name.casefold() == name.casefold()
                  and style.kind == kind), None)
    found = find(target, known) if known else find(target, BuiltIn(name, str(kind), ()))
    return None if found is None else str(found.get(qn("w:styleId")))


def _drop_fonts(style: BaseOxmlElement) -> None:
    """A copied style takes the template's fonts and colours, not the default template's."""
    for element in style.xpath("w:rPr/w:rFonts | w:rPr/w:color"):
        element.getparent().remove(element)
    # The title's rule under it, in the default template's blue: in the text's colour instead.
    for border in style.xpath("w:pPr/w:pBdr/*"):
        for name in ("color", "themeColor", "themeTint", "themeShade"):
            border.attrib.pop(qn(f"w:{name}"), None)


def _numbering(document: Document) -> BaseOxmlElement:
    """The document's list definitions; a part for them is added when it has none.

    LibreOffice saves a document without lists without one, and python-docx cannot make it.
    """
    part = document.part
    try:
        return cast(NumberingPart, part.part_related_by(RT.NUMBERING)).element
    except KeyError:
        element = parse_xml(f"<w:numbering {_W}/>")
        name = part.package.next_partname("/word/numbering%d.xml")
        part.relate_to(NumberingPart(name, CT.WML_NUMBERING, element, part.package), RT.NUMBERING)
        return element


def _give_bullets(document: Document) -> None:
    """Point a freshly copied List Bullet style at a bullet list of this document's own."""
    numbering = _numbering(document)
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
    style = find(document.styles.element, LIST_BULLET)
    if style is None:
        return
    for num_id in style.xpath("w:pPr/w:numPr/w:numId"):
        num_id.set(qn("w:val"), str(num))

"""The look a house-style template gives the draft: its colour, its table style, its spacing.

The draft's own styles bring a blue table header and a red "CONCEPT". Under a house
style they take the template's colour instead (the colour of its headings), and the
tables take the template's own table style where it has one. A template whose body
text has no spacing at all (LibreOffice keeps it in "Body Text", not in Normal) would
run every paragraph into the next, so Normal then gets the template's Body Text spacing.
The draft's own colours and spacing stay only where the template has none.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

from pact_tui.export import styles

# python-docx's default template spaces its paragraphs so; the draft's own layout has it too.
_OWN_SPACING = {"after": "200", "line": "276", "lineRule": "auto"}
# A header row in a tint of the house colour, as light as the draft's own (accent 1 at 20 %).
_TINT = 0.2
_BODY_TEXT = styles.BuiltIn("Body Text", "paragraph", ("BodyText", "TextBody", "Plattetekst"),
                            ("Plattetekst", "Text Body"))


def adopt_house_look(document: Document) -> None:
    """Give the draft's own styles the template's colour, and Normal spacing if it has none."""
    element = document.styles.element
    colour = house_colour(element)
    if colour is not None:
        _recolour(styles.find(element, styles.COVER_STATUS), colour)
        _recolour(styles.find(element, styles.TABLE), colour)
    normal = styles.find(element, styles.NORMAL)
    if normal is not None and not _has_spacing(element, normal):
        body = styles.find(element, _BODY_TEXT)
        found = None if body is None else body.find(f'{qn("w:pPr")}/{qn("w:spacing")}')
        spacing = normal.get_or_add_pPr().get_or_add_spacing()
        if found is not None:
            for name, value in found.attrib.items():
                spacing.set(name, value)
        else:
            for name, value in _OWN_SPACING.items():
                spacing.set(qn(f"w:{name}"), value)


def house_colour(element: BaseOxmlElement) -> str | None:
    """The colour (RRGGBB) of the template's headings, or of its title; None when black."""
    for style in (styles.HEADING[0], styles.TITLE):
        found = styles.find(element, style)
        colour = None if found is None else _inherited(element, found, "w:rPr/w:color/@w:val")
        if colour and colour.casefold() not in ("auto", "000000"):
            return colour.upper()
    return None


def house_table_style(element: BaseOxmlElement) -> str | None:
    """The id of the template's own table style: one it made itself, or made its default.

    Word's built-in table styles that every document carries are not a house style.
    """
    for table in element.findall(qn("w:style")):
        if table.get(qn("w:type")) != "table" or table.get(qn("w:styleId")) == styles.TABLE.id:
            continue
        custom = table.get(qn("w:customStyle")) in ("1", "true")
        default = table.get(qn("w:default")) in ("1", "true")
        if custom or (default and styles.find(element, styles.NORMAL_TABLE) is not table):
            return str(table.get(qn("w:styleId")))
    return None


def _inherited(element: BaseOxmlElement, style: BaseOxmlElement, path: str) -> str | None:
    """A value of `style` or of the styles it is based on."""
    by_id = {s.get(qn("w:styleId")): s for s in element.findall(qn("w:style"))}
    seen: set[str] = set()
    current: BaseOxmlElement | None = style
    while current is not None and current.get(qn("w:styleId")) not in seen:
        seen.add(str(current.get(qn("w:styleId"))))
        values = current.xpath(path)
        if values:
            return str(values[0])
        based = current.find(qn("w:basedOn"))
        current = None if based is None else by_id.get(based.get(qn("w:val")))
    return None


def _has_spacing(element: BaseOxmlElement, normal: BaseOxmlElement) -> bool:
    defaults = element.xpath("w:docDefaults/w:pPrDefault/w:pPr/w:spacing")
    return bool(defaults) or normal.find(f'{qn("w:pPr")}/{qn("w:spacing")}') is not None


def _recolour(style: BaseOxmlElement | None, colour: str) -> None:
    """Text in `colour`, shaded cells in a light tint of it; theme colours give way."""
    if style is None:
        return
    for text in style.iter(qn("w:color")):
        _replace(text, parse_xml(f'<w:color {nsdecls("w")} w:val="{colour}"/>'))
    # The header row only: the grey of every other row is no colour of the house.
    for shading in style.xpath('w:tblStylePr[@w:type="firstRow"]//w:shd'):
        _replace(shading, parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto"'
                                    f' w:fill="{_tint(colour)}"/>'))


def _replace(old: BaseOxmlElement, new: BaseOxmlElement) -> None:
    parent = old.getparent()
    parent.replace(old, new)


def _tint(colour: str) -> str:
    channels = [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(255 - (255 - c) * _TINT):02X}" for c in channels)

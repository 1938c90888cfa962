"""Tables built fast: every body row is a copy of a prepared row's XML.

python-docx's `table.cell()` rebuilds the cell grid on every call (quadratic) and
`add_row()` is slow too, so the header row and a template row are built once and the
template row's XML is copied per data row. Rows whose cells hold line breaks, tabs or
the missing-value placeholder (the parties cell of every action holds breaks) are
copies of a template of that shape, prepared once per table: copying elements is
several times faster than making them one by one. The header row repeats on every page
(`w:tblHeader`); body rows do not break across pages (`w:cantSplit`) unless a row
holds so much text that it could not fit on one page anyway.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table

from pact_tui.export.text import append_pieces, clean, fill_run, run_pieces
from pact_tui.i18n import t

# Above this many characters a row may be taller than a page: let it break rather than clip.
_UNSPLITTABLE_MAX_CHARS = 1500
# A table this small is not split over two pages.
_KEPT_TOGETHER_MAX_ROWS = 6
_KEPT_TOGETHER_MAX_CHARS = 480
_T, _TR_PR, _P_PR, _KEEP_NEXT = qn("w:t"), qn("w:trPr"), qn("w:pPr"), qn("w:keepNext")
_R = qn("w:r")

# A cell's shape: what its run holds, in order (`run_pieces` with each piece of text as ""),
# or _MISSING for the missing-value placeholder in its character style.
Shape = tuple[str, ...]
_ONE_TEXT: Shape = ("",)
_MISSING: Shape = ("missing",)
_MARKS = frozenset({"\n", "\t"})


@dataclass(frozen=True)
class TableStyles:
    """The style ids a table uses in this document."""

    table: str
    text: str
    heading: str
    missing: str


@dataclass(frozen=True)
class Column:
    """A column's heading and its share of the text width."""

    title: str
    share: float


def columns(*specs: tuple[str, float]) -> list[Column]:
    """Columns from (catalogue key of the heading, share of the width) pairs."""
    return [Column(t(key), share) for key, share in specs]


def add_table(document: Document, columns: Sequence[Column], rows: Iterable[Sequence[str]],
              text_width: int, style: TableStyles,
              caption: str = "") -> tuple[Table, list[BaseOxmlElement]]:
    """Append a table in the draft's table style; returns it and its body rows' `w:tr` elements.

    `text_width` is the width between the margins in twips; columns share it. An
    empty cell shows "nog in te vullen" in the missing-value style: a comment in the
    margin does not print, and a blank cell on paper says nothing. A `caption` is a
    header row across the table that repeats with the column headings on every page, so
    a page that continues a long table still says what it lists.
    """
    total = sum(column.share for column in columns)
    widths = [int(text_width * column.share / total) for column in columns]
    table = document.add_table(rows=0, cols=len(columns))
    tbl = table._tbl
    tbl.tblPr.style = style.table
    _fix_layout(tbl, widths)
    if caption:
        tbl.append(_caption_xml(widths, style.heading, caption))
    header = _row_xml(widths, style.heading, header=True)
    for run, column in zip(header.iter(qn("w:r")), columns, strict=True):
        fill_run(run, column.title)
    tbl.append(header)
    plain = _row_xml(widths, style.text, header=False, with_text=True)
    templates = {tuple(_ONE_TEXT for _ in columns): plain}
    missing = t("export.doc.missing")
    body_rows = []
    characters = 0
    for values in rows:
        shapes: list[Shape] = []
        texts: list[str] = []
        for value in values:
            shape, cell_texts = _cell(value, missing)
            shapes.append(shape)
            texts += cell_texts
        template = templates.get(tuple(shapes))
        if template is None:
            template = templates[tuple(shapes)] = _shaped_row(plain, shapes, style.missing)
        tr = copy.deepcopy(template)
        # The reason this is fast: one text set per piece of text.
        for element, text in zip(tr.iter(_T), texts, strict=True):
            element.text = text
        length = sum(map(len, values))
        characters += length
        if length > _UNSPLITTABLE_MAX_CHARS:
            tr.remove(tr.find(_TR_PR))
        tbl.append(tr)
        body_rows.append(tr)
    if len(body_rows) <= _KEPT_TOGETHER_MAX_ROWS and characters <= _KEPT_TOGETHER_MAX_CHARS:
        # A short table is kept on one page: each row's text keeps with the next row. Longer
        # ones may split (the header row repeats): moving them whole would leave half pages.
        for tr in body_rows[:-1]:
            for properties in tr.iter(_P_PR):
                properties.append(properties.makeelement(_KEEP_NEXT, {}))
    return table, body_rows


def _cell(value: str, missing: str) -> tuple[Shape, list[str]]:
    """A cell's shape and the texts of its pieces of text, in order."""
    if not value.strip():
        return _MISSING, [missing]
    if "\n" in value or "\t" in value:
        pieces = run_pieces(value)
        return (tuple(piece if piece in _MARKS else "" for piece in pieces),
                [piece for piece in pieces if piece not in _MARKS])
    # The common case: one piece of text.
    return _ONE_TEXT, [clean(value)]


def _shaped_row(plain: BaseOxmlElement, shapes: Sequence[Shape],
                missing_style: str) -> BaseOxmlElement:
    """A copy of the plain template row (one empty `w:t` per cell) with each cell's run
    holding the pieces of its shape, their texts still empty."""
    tr = copy.deepcopy(plain)
    for run, shape in zip(tr.iter(_R), shapes, strict=True):
        if shape == _ONE_TEXT:
            continue
        if shape == _MISSING:
            properties = run.makeelement(qn("w:rPr"), {})
            properties.append(run.makeelement(qn("w:rStyle"), {qn("w:val"): missing_style}))
            run.insert(0, properties)
            continue
        run.remove(run.find(_T))
        append_pieces(run, shape)
    return tr


def first_run(tr: BaseOxmlElement) -> BaseOxmlElement:
    """The run in a row's first cell (where an open point's comment is anchored)."""
    run: BaseOxmlElement = next(tr.iter(qn("w:r")))
    return run


def _fix_layout(tbl: BaseOxmlElement, widths: Sequence[int]) -> None:
    """Fixed column widths: Word and LibreOffice then lay the table out the same way."""
    tbl_pr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        old = tbl_pr.find(qn(tag))
        if old is not None:
            tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(width)
        look.addprevious(layout)
    else:
        tbl_pr.append(width)
        tbl_pr.append(layout)
    grid = tbl.find(qn("w:tblGrid"))
    for grid_col, value in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(value))


def _caption_xml(widths: Sequence[int], paragraph_style: str, caption: str) -> BaseOxmlElement:
    """One header cell spanning every column."""
    element: BaseOxmlElement = parse_xml(
        f'<w:tr {nsdecls("w")}><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:gridSpan w:val="{len(widths)}"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{paragraph_style}"/></w:pPr><w:r/></w:p></w:tc></w:tr>'
    )
    fill_run(next(element.iter(qn("w:r"))), caption)
    return element


def _row_xml(widths: Sequence[int], paragraph_style: str, *, header: bool,
             with_text: bool = False) -> BaseOxmlElement:
    row_properties = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
    run = '<w:r><w:t xml:space="preserve"/></w:r>' if with_text else "<w:r/>"
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{paragraph_style}"/></w:pPr>{run}</w:p></w:tc>'
        for width in widths
    )
    element: BaseOxmlElement = parse_xml(
        f'<w:tr {nsdecls("w")}><w:trPr>{row_properties}</w:trPr>{cells}</w:tr>'
    )
    return element

"""A house style's look wins over the draft's own: its colour, its table style, its spacing.

Templates: LibreOffice's conversion of a text file (no list definitions, no colour, body
spacing only in "Body Text"), Dutch Word with Dutch names and a table style of its own, and
python-docx's default (Word's built-in table styles only, no colour of its own).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from pact_tui.export import export_programme

TEMPLATES = Path(__file__).parents[1] / "fixtures" / "templates"
NAMES = ["libreoffice-plain.docx", "dutch-word-house.docx", "python-docx.docx"]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory, profile) -> dict[str, Document]:
    from tests.export.conftest import make_programme

    folder = tmp_path_factory.mktemp("house")
    return {name: docx.Document(str(export_programme(
        make_programme(profile), folder / name, template=TEMPLATES / name))) for name in NAMES}


def _style(document: Document, style_id: str) -> BaseOxmlElement:
    return document.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]')[0]


def _concept_colour(document: Document) -> str:
    concept = next(p for p in document.paragraphs if p.text == "Concept")
    return str(_style(document, str(concept._p.style)).xpath("w:rPr/w:color/@w:val")[0])


def _header_fill(document: Document, style_id: str) -> str:
    fills = _style(document, style_id).xpath('w:tblStylePr[@w:type="firstRow"]//w:shd/@w:fill')
    return str(fills[0])


def _table_styles(document: Document) -> set[str]:
    return {str(table._tbl.tblPr.style) for table in document.tables}


def test_a_libreoffice_template_without_list_definitions_gives_bullets(drafts) -> None:
    draft = drafts["libreoffice-plain.docx"]
    bullets = [p for p in draft.paragraphs if p.style is not None
               and p.style.name.casefold() == "list bullet"]
    assert bullets
    num_id = _style(draft, bullets[0]._p.style).xpath("w:pPr/w:numPr/w:numId/@w:val")[0]
    numbering = draft.part.numbering_part.element
    abstract = numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0]
    assert numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract}"]'
                           '/w:lvl/w:numFmt/@w:val') == ["bullet"]


def test_normal_takes_the_templates_body_text_spacing_when_it_has_none(drafts) -> None:
    normal = drafts["libreoffice-plain.docx"].styles["Normal"].element
    assert normal.xpath("w:pPr/w:spacing/@w:after") == ["140"]  # LibreOffice's "Body Text"
    # A template that spaces its paragraphs keeps its own spacing.
    assert not drafts["python-docx.docx"].styles["Normal"].element.xpath("w:pPr/w:spacing")


def test_the_house_colour_replaces_the_drafts_red_and_blue(drafts) -> None:
    draft = drafts["dutch-word-house.docx"]
    assert _concept_colour(draft) == "005B96"
    assert _header_fill(draft, "PactTable") == "CCDEEA"  # the house blue, as light as ours
    assert not _style(draft, "PactTable").xpath(".//w:shd/@w:themeFill")


def test_without_a_house_colour_the_draft_keeps_its_own(drafts) -> None:
    draft = drafts["libreoffice-plain.docx"]
    assert _concept_colour(draft) == "C0504D"
    assert _header_fill(draft, "PactTable") == "DBE5F1"
    assert _table_styles(draft) == {"PactTable"}


def test_tables_take_the_templates_own_table_style(drafts) -> None:
    assert _table_styles(drafts["dutch-word-house.docx"]) == {"Tabelhuisstijl"}
    # Word's built-in table styles, which every document carries, are no house style.
    assert _table_styles(drafts["python-docx.docx"]) == {"PactTable"}


def test_dutch_names_and_ids_find_the_headings(drafts) -> None:
    draft = drafts["dutch-word-house.docx"]
    used = {p._p.style for p in draft.paragraphs}
    assert {"Kop1", "Kop2", "Titel"} <= used
    assert _style(draft, "Kop1").xpath("w:name/@w:val") == ["Kop 1"]


def test_a_copied_title_brings_no_blue_of_python_docxs_template(drafts) -> None:
    draft = drafts["libreoffice-plain.docx"]  # it has no Title: the draft copies one
    title = next(p for p in draft.paragraphs if p.text.startswith("Uitvoeringsprogramma"))
    rule = _style(draft, str(title._p.style)).xpath("w:pPr/w:pBdr/w:bottom")[0]
    assert rule.get(qn("w:color")) is None and rule.get(qn("w:themeColor")) is None

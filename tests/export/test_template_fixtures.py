"""Real house-style templates: from python-docx, LibreOffice (.docx and .dotx), Dutch Word,
one lacking Heading 3 and its character style, one with a logo in the header.

Each exports, and the draft read back has the template's fonts, header and margins,
uses the template's own heading styles (whatever their ids) and adds what it lacks once.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from pact_tui.export import export_programme

TEMPLATES = Path(__file__).parents[1] / "fixtures" / "templates"
FIXTURES = ["python-docx.docx", "libreoffice.docx", "libreoffice.dotx", "dutch-word.docx",
            "no-heading-3.docx", "header-image.docx"]


def _style(document: Document, style_id: str) -> BaseOxmlElement:
    return document.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]')[0]


def _font(document: Document, style_id: str | None) -> str:
    """The font a paragraph in this style shows: its own, its bases', or the document default."""
    seen: set[str] = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        element = _style(document, style_id)
        fonts = element.find(f'{qn("w:rPr")}/{qn("w:rFonts")}')
        if fonts is not None and (fonts.get(qn("w:ascii")) or fonts.get(qn("w:asciiTheme"))):
            return str(fonts.get(qn("w:ascii")) or fonts.get(qn("w:asciiTheme")))
        based = element.find(qn("w:basedOn"))
        style_id = None if based is None else based.get(qn("w:val"))
    fonts = document.styles.element.find(
        f'{qn("w:docDefaults")}/{qn("w:rPrDefault")}/{qn("w:rPr")}/{qn("w:rFonts")}')
    return str(fonts.get(qn("w:ascii")) or fonts.get(qn("w:asciiTheme")))


def _heading_id(document: Document, level: int) -> str:
    element = next(style for style in document.styles.element.findall(qn("w:style"))
                   if style.find(qn("w:name")).get(qn("w:val")).casefold() == f"heading {level}")
    return str(element.get(qn("w:styleId")))


def _normal_id(document: Document) -> str:
    element = next(style for style in document.styles.element.findall(qn("w:style"))
                   if style.find(qn("w:name")).get(qn("w:val")) == "Normal")
    return str(element.get(qn("w:styleId")))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory, profile) -> dict[str, Path]:
    from tests.export.conftest import make_programme

    folder = tmp_path_factory.mktemp("templates")
    return {name: export_programme(make_programme(profile), folder / f"{name}.docx",
                                   template=TEMPLATES / name)
            for name in FIXTURES}


def _template(name: str) -> Document:
    from pact_tui.export.template import open_base

    return open_base(TEMPLATES / name)


@pytest.mark.parametrize("name", FIXTURES)
def test_the_draft_keeps_the_templates_fonts_header_and_margins(drafts, name: str) -> None:
    template, draft = _template(name), docx.Document(str(drafts[name]))
    assert _font(draft, _normal_id(draft)) == _font(template, _normal_id(template))
    assert _font(draft, _heading_id(draft, 1)) == _font(template, _heading_id(template, 1))
    ours, theirs = draft.sections[0], template.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin", "page_width",
                 "page_height"):
        assert getattr(ours, side) == getattr(theirs, side), side
    assert ([p.text for p in ours.header.paragraphs]
            == [p.text for p in theirs.header.paragraphs])


@pytest.mark.parametrize("name", FIXTURES)
def test_headings_use_the_templates_own_styles_and_nothing_is_added_twice(drafts,
                                                                          name: str) -> None:
    template, draft = _template(name), docx.Document(str(drafts[name]))
    names = [style.find(qn("w:name")).get(qn("w:val")).casefold()
             for style in draft.styles.element.findall(qn("w:style"))]
    assert len(names) == len(set(names))
    used = {p._p.style for p in draft.paragraphs}
    for level in (1, 2):
        assert _heading_id(draft, level) == _heading_id(template, level)
        assert _heading_id(draft, level) in used
    assert _heading_id(draft, 3) in used
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "Tekst uit het sjabloon" not in text and "Huisstijl Westfriesland" not in text


def test_dutch_word_ids_are_used_as_they_are(drafts) -> None:
    draft = docx.Document(str(drafts["dutch-word.docx"]))
    ids = {p._p.style for p in draft.paragraphs}
    assert {"Kop1", "Kop2", "Kop3", "Titel", "Lijstopsomteken"} <= ids
    assert not {"Heading1", "Heading2", "Heading3", "Title"} & ids
    assert _style(draft, "PactTableText").find(qn("w:basedOn")).get(qn("w:val")) == "Standaard"


@pytest.mark.parametrize("name", ["no-heading-3.docx", "libreoffice.docx"])
def test_a_missing_heading_3_comes_with_its_character_style_in_the_house_font(drafts,
                                                                              name: str) -> None:
    template, draft = _template(name), docx.Document(str(drafts[name]))
    heading = _style(draft, _heading_id(draft, 3))
    linked = heading.find(qn("w:link")).get(qn("w:val"))
    assert _style(draft, linked).find(qn("w:link")).get(qn("w:val")) == _heading_id(draft, 3)
    assert heading.xpath("w:pPr/w:outlineLvl/@w:val") == ["2"]
    assert _font(draft, _heading_id(draft, 3)) == _font(template, _normal_id(template))


def test_the_header_picture_is_kept(drafts) -> None:
    draft = docx.Document(str(drafts["header-image.docx"]))
    header = draft.sections[0].header
    assert header._element.xpath(".//w:drawing")
    assert any(part.partname.endswith(".png") for part in header.part.package.iter_parts())


def test_the_sample_template_of_the_readme_exports(make, tmp_path: Path) -> None:
    sample = Path(__file__).parents[2] / "docs" / "huisstijl.docx"
    draft = docx.Document(str(export_programme(make(), tmp_path / "p.docx", template=sample)))
    assert draft.sections[0].header._element.xpath(".//w:drawing")
    assert _font(draft, _normal_id(draft)) == "Liberation Sans"


@pytest.mark.parametrize("name", FIXTURES)
def test_the_package_has_one_set_of_properties_and_names_pact_tui(drafts, name: str) -> None:
    with zipfile.ZipFile(drafts[name]) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
    assert len(names) == len(set(names))
    assert "<Application>pact-tui " in app and "<Pages>" not in app and "<Words>" not in app
    assert not [n for n in names if "thumbnail" in n]
    assert docx.Document(str(drafts[name])).core_properties.author == "Anne de Vries"

"""A house-style template restyles the draft: its styles, page and headers win; its body goes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from pact_tui.export import TemplateError, export_programme


def _house_style(path: Path, *, drop: tuple[str, ...] = ()) -> Path:
    """A template with its own Heading 1, a header text, Letter-sized margins and body text."""
    document = docx.Document()
    heading = document.styles["Heading 1"]
    heading.font.name = "Arial Black"
    heading.font.color.rgb = RGBColor(0x00, 0x80, 0x3C)
    heading.font.size = Pt(20)
    section = document.sections[0]
    section.header.paragraphs[0].text = "Gemeente Hoorn — huisstijl"
    section.left_margin = Cm(3.3)
    document.add_paragraph("Tekst uit het sjabloon die moet verdwijnen.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Sjabloontabel"
    for name in drop:
        element = document.styles[name].element
        element.getparent().remove(element)
    document.save(str(path))
    return path


def test_template_styles_header_and_page_setup_are_used_and_its_body_replaced(
    make, tmp_path: Path, read
) -> None:
    template = _house_style(tmp_path / "huisstijl.docx")
    out = export_programme(make(), tmp_path / "p.docx", template=template)
    document = read(out).document
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Arial Black"
    assert heading.font.color.rgb == RGBColor(0x00, 0x80, 0x3C)
    assert next(p.text for p in document.paragraphs if p.style.name == "Heading 1") == "Inleiding"
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Gemeente Hoorn — huisstijl"
    assert round(section.left_margin.cm, 1) == 3.3
    assert round(section.page_width.inches, 1) == 8.5  # the template's Letter, not our A4
    text = read(out).all_text()
    assert "Tekst uit het sjabloon" not in text and "Sjabloontabel" not in text
    assert "Inleiding" in text
    # The template's footer had no page number: one is added.
    assert "PAGE" in "".join(section.footer._element.xpath(".//w:instrText/text()"))
    # Nothing in the body is formatted directly where the style should decide.
    for run in document.element.body.iter(qn("w:r")):
        r_pr = run.find(qn("w:rPr"))
        if r_pr is not None:
            assert {child.tag for child in r_pr} <= {qn("w:rStyle")}


def test_styles_a_template_lacks_are_added(make, tmp_path: Path, read) -> None:
    template = _house_style(tmp_path / "kaal.docx",
                            drop=("List Bullet", "Heading 3", "Title", "Strong"))
    out = export_programme(make(), tmp_path / "p.docx", template=template)
    document = read(out).document
    for name in ("List Bullet", "Heading 3", "Title", "Strong", "Programmatabel", "toc 1"):
        assert name in document.styles
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets and bullets[0].style.element.xpath("w:pPr/w:numPr/w:numId")
    num_id = bullets[0].style.element.xpath("w:pPr/w:numPr/w:numId/@w:val")[0]
    numbering = document.part.numbering_part.element
    assert numbering.xpath(f'w:num[@w:numId="{num_id}"]')
    outline = document.styles["Heading 3"].element.xpath("w:pPr/w:outlineLvl/@w:val")
    assert outline == ["2"]


def test_a_word_template_dotx_is_accepted(make, tmp_path: Path, read) -> None:
    docx_path = _house_style(tmp_path / "huisstijl.docx")
    dotx = tmp_path / "huisstijl.dotx"
    with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(dotx, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, data)
    out = export_programme(make(), tmp_path / "p.docx", template=dotx)
    assert read(out).document.sections[0].header.paragraphs[0].text == "Gemeente Hoorn — huisstijl"
    with zipfile.ZipFile(out) as written:
        assert b"document.main+xml" in written.read("[Content_Types].xml")


@pytest.mark.parametrize("content", [None, b"geen zip", b"PK\x03\x04 kapot"])
def test_a_bad_template_is_one_clear_sentence(make, tmp_path: Path, content: bytes | None) -> None:
    template = tmp_path / "huisstijl.docx"
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(TemplateError) as caught:
        export_programme(make(), tmp_path / "p.docx", template=template)
    message = str(caught.value)
    assert str(template) in message and message.count(".") >= 1 and "\n" not in message
    assert not (tmp_path / "p.docx").exists()


def test_a_zip_that_is_no_word_document_is_refused(make, tmp_path: Path) -> None:
    template = tmp_path / "archief.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "geen Word")
    template.write_bytes(buffer.getvalue())
    with pytest.raises(TemplateError, match="geen Word-document"):
        export_programme(make(), tmp_path / "p.docx", template=template)


def test_added_styles_point_at_the_templates_own_style_ids(make, tmp_path: Path, read) -> None:
    """Dutch Word names its style ids in Dutch ("Standaard"); copied styles must follow."""
    template = _house_style(tmp_path / "nl.docx", drop=("Heading 3",))
    document = docx.Document(str(template))
    styles_element = document.styles.element
    for element in styles_element.xpath('//w:style[@w:styleId="Normal"]'):
        element.set(qn("w:styleId"), "Standaard")
    references = '//w:basedOn[@w:val="Normal"] | //w:next[@w:val="Normal"]'
    for reference in styles_element.xpath(references):
        reference.set(qn("w:val"), "Standaard")
    document.save(str(template))
    out = export_programme(make(), tmp_path / "p.docx", template=template)
    heading = read(out).document.styles["Heading 3"].element
    assert heading.xpath("w:basedOn/@w:val") == ["Standaard"]
    own = read(out).document.styles["Programma tabeltekst"].element
    assert own.xpath("w:basedOn/@w:val") == ["Standaard"]


def test_the_templates_own_comments_do_not_come_along(make, tmp_path: Path, read) -> None:
    template = _house_style(tmp_path / "met-opmerking.docx")
    document = docx.Document(str(template))
    document.add_comment(document.paragraphs[0].runs[0], text="Sjabloonopmerking",
                         author="Huisstijlteam")
    document.save(str(template))
    out = export_programme(make(), tmp_path / "p.docx", template=template)
    comments = list(read(out).document.comments)
    assert comments and "Sjabloonopmerking" not in [comment.text for comment in comments]
    assert {comment.author for comment in comments} == {"Anne de Vries"}

"""Styles are found by what they are, not by the name a user sees, and copied without loops."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from pact_tui.export import export_programme, styles


def _rename(path: Path, changes: dict[str, tuple[str, str]], *, drop: tuple[str, ...] = ()) -> Path:
    """Save python-docx's default with styles given (id, name) pairs; references follow."""
    document = docx.Document()
    element = document.styles.element
    for name in drop:
        style = document.styles[name].element
        style.getparent().remove(style)
    for old_id, (new_id, new_name) in changes.items():
        style = element.xpath(f'w:style[@w:styleId="{old_id}"]')[0]
        style.set(qn("w:styleId"), new_id)
        style.find(qn("w:name")).set(qn("w:val"), new_name)
        for tag in ("basedOn", "next", "link"):
            for reference in element.xpath(f'//w:{tag}[@w:val="{old_id}"]'):
                reference.set(qn("w:val"), new_id)
    document.save(str(path))
    return path


def test_display_names_and_capitalised_names_are_the_built_in_styles(tmp_path: Path) -> None:
    template = _rename(tmp_path / "t.docx", {"Heading1": ("Kop1", "Kop 1"),
                                             "Heading2": ("H2", "Heading 2"),
                                             "Title": ("Titel", "Titel")})
    document = docx.Document(str(template))
    element = document.styles.element
    found = [styles.find(element, style)
             for style in (styles.HEADING[0], styles.HEADING[1], styles.TITLE)]
    assert [style.get(qn("w:styleId")) if style is not None else None
            for style in found] == ["Kop1", "H2", "Titel"]


def test_a_missing_heading_links_to_the_character_style_the_template_has(make,
                                                                       tmp_path: Path) -> None:
    template = _rename(tmp_path / "t.docx", {}, drop=("Heading 3",))
    out = docx.Document(str(export_programme(make(), tmp_path / "p.docx", template=template)))
    element = out.styles.element
    heading = styles.find(element, styles.HEADING[2])
    assert heading is not None
    assert heading.find(qn("w:link")).get(qn("w:val")) == "Heading3Char"
    assert len(element.xpath('w:style[w:name/@w:val="Heading 3 Char"]')) == 1


def test_a_style_id_taken_by_another_kind_of_style_gets_a_fresh_one(make,
                                                                   tmp_path: Path) -> None:
    # The template has no heading 3, and a character style of its own under the id "Heading3".
    template = _rename(tmp_path / "t.docx", {}, drop=("Heading 3",))
    document = docx.Document(str(template))
    own = document.styles["Heading 3 Char"].element
    own.set(qn("w:styleId"), "Heading3")
    own.find(qn("w:name")).set(qn("w:val"), "Huisstijl nadruk")
    own.remove(own.find(qn("w:link")))
    document.save(str(template))
    out = docx.Document(str(export_programme(make(), tmp_path / "p.docx", template=template)))
    element = out.styles.element
    heading = styles.find(element, styles.HEADING[2])
    assert heading is not None
    assert heading.get(qn("w:type")) == "paragraph"
    assert heading.get(qn("w:styleId")) == "Heading32"
    assert element.xpath('w:style[@w:styleId="Heading3"]/w:name/@w:val') == ["Huisstijl nadruk"]
    used = {p._p.style for p in out.paragraphs}
    assert "Heading32" in used and "Heading3" not in used

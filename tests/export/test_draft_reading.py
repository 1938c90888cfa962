"""What the official who receives the draft reads: natural Dutch, nothing missing unseen,
headings with their text, partners in a sensible order, a package set up for Dutch."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from pact_tui.export import export_programme
from pact_tui.export.wording import count, date_span, planning_text
from pact_tui.model import Commitment, Origin, PartyRef, Planning, Session, Stakeholder


@pytest.mark.parametrize(("first", "last", "text"), [
    (dt.date(2026, 11, 28), dt.date(2026, 11, 28), "op 28 november 2026"),
    (dt.date(2019, 10, 3), dt.date(2019, 10, 14), "van 3 tot en met 14 oktober 2019"),
    (dt.date(2019, 10, 3), dt.date(2019, 11, 14), "van 3 oktober tot en met 14 november 2019"),
    (dt.date(2019, 10, 3), dt.date(2020, 1, 23), "van 3 oktober 2019 tot en met 23 januari 2020"),
])
def test_periods_read_as_a_person_writes_them(first: dt.date, last: dt.date, text: str) -> None:
    assert date_span(first, last) == text


def test_counts_up_to_twenty_are_words() -> None:
    assert [count(n) for n in (1, 3, 6, 20, 21, 150)] == ["één", "drie", "zes", "twintig", "21",
                                                          "150"]


def test_from_is_said_once() -> None:
    assert planning_text(Planning(start_year=2020, timing="vanaf het tweede kwartaal")) == (
        "vanaf het tweede kwartaal van 2020")
    assert planning_text(Planning(start_year=2020)) == "vanaf 2020"
    assert planning_text(Planning(start_year=2020, end_year=2022, timing="jaarlijks")) == (
        "2020–2022\njaarlijks")


def _one_day(programme: Session) -> Session:
    day = dt.date(2026, 11, 28)
    sources = tuple(Origin(session_id=f"s{n}", title=f"Sessie {n}", date=day) for n in (1, 2))
    return programme.model_copy(update={"meta": programme.meta.model_copy(
        update={"sources": sources})})


def test_sessions_on_one_day_are_held_on_that_day(programme: Session, tmp_path: Path,
                                                   read) -> None:
    text = read(export_programme(_one_day(programme), tmp_path / "p.docx")).all_text()
    assert "twee werksessies, gehouden op 28 november 2026:" in text
    assert "tot en met 28 november 2026" not in text


def test_every_empty_cell_says_it_is_still_to_be_filled_in(exported: Path, read) -> None:
    document = read(exported).document
    for table in document.tables:
        for row in read.body(table):
            for cell in row:
                assert cell.strip(), "an empty cell prints as nothing"
    placeholders = [run for run in document.element.body.iter(qn("w:r"))
                    if "".join(run.xpath("w:t/text()")) == "nog in te vullen"]
    assert placeholders
    style = placeholders[0].xpath("w:rPr/w:rStyle/@w:val")[0]
    assert document.styles.element.xpath(f'w:style[@w:styleId="{style}"]/w:rPr/w:i')


def test_headings_and_table_introductions_stay_with_what_follows(exported: Path, read) -> None:
    body = list(read(exported).document.element.body)
    for index, element in enumerate(body):
        style = element.xpath("string(w:pPr/w:pStyle/@w:val)")
        if style.startswith("Heading"):
            assert element.xpath("w:pPr/w:keepNext"), "".join(element.xpath(".//w:t/text()"))
        if element.tag == qn("w:tbl") and body[index - 1].xpath("w:r"):
            before = body[index - 1]
            if not before.xpath("string(w:pPr/w:pStyle/@w:val)").startswith("Heading"):
                assert before.xpath("w:pPr/w:keepNext"), "".join(before.xpath(".//w:t/text()"))


def test_a_section_break_sits_in_the_spacer_after_a_table_not_on_a_line_of_its_own(
    exported: Path, read
) -> None:
    body = list(read(exported).document.element.body)
    breaks = [i for i, element in enumerate(body) if element.xpath("w:pPr/w:sectPr")]
    assert len(breaks) == 2
    for index in breaks:
        assert not body[index].xpath("w:r")
        assert body[index - 1].tag == qn("w:tbl")
        assert body[index].xpath("w:pPr/w:rPr/w:sz/@w:val") == ["2"]


def test_municipalities_come_first_with_a_sentence_and_no_partner_vanishes(
    make, tmp_path: Path, read
) -> None:
    programme = make()
    bank = Stakeholder(name="Rabobank", category="bedrijfsleven")
    enkhuizen = Stakeholder(name="Gemeente Enkhuizen", category="")
    action = programme.actions[0].model_copy(update={"parties": (
        *programme.actions[0].parties, PartyRef(name="Rabobank", stakeholder_id=bank.id),
        PartyRef(name="Gemeente Enkhuizen", stakeholder_id=enkhuizen.id))})
    extra = Commitment(action_id=action.id, party=PartyRef(name="Rabobank"), role="financier",
                       text="Financiert de tafel.")
    session = programme.model_copy(update={
        "stakeholders": (*programme.stakeholders, bank, enkhuizen),
        "actions": (action, *programme.actions[1:]),
        "commitments": (*programme.commitments, extra)})
    blocks = read(export_programme(session, tmp_path / "p.docx")).blocks()
    start = blocks.index(("heading", (1, "Samen optrekken")))
    end = blocks.index(("heading", (1, "Bijlagen")))
    chapter = blocks[start:end]
    groups = [value[1] for kind, value in chapter if kind == "heading" and value[0] == 2]
    assert groups == ["Gemeenten", "Bedrijfsleven", "Uitvoeringsorganisatie", "Woningcorporatie",
                      "Zorgaanbieder"]
    texts = [value.text for kind, value in chapter if kind == "paragraph"]
    assert "Eén gemeente zegt één bijdrage toe, bij één actie. Betrokken bij een actie, maar " \
           "nog zonder toezegging: Gemeente Enkhuizen." in texts
    assert "Eén partner zegt twee bijdragen toe, bij twee acties." in texts
    assert "Betrokken bij een actie, maar nog zonder toezegging: Omring." in texts


def test_the_package_is_set_up_for_a_dutch_reader(exported: Path, read) -> None:
    settings = read(exported).document.settings.element
    names = [child.tag.rsplit("}", 1)[-1] for child in settings
             if "schemas.microsoft.com" not in child.tag]
    assert names[-2:] == ["decimalSymbol", "listSeparator"]
    assert settings.find(qn("w:decimalSymbol")).get(qn("w:val")) == ","
    assert settings.find(qn("w:listSeparator")).get(qn("w:val")) == ";"
    assert settings.find(qn("w:proofState")) is None
    with zipfile.ZipFile(exported) as package:
        app = package.read("docProps/app.xml").decode()
        assert not [name for name in package.namelist() if "thumbnail" in name]
    assert "<Application>pact-tui 0." in app and "Microsoft" not in app and "<Pages>" not in app
    own = [style.name for style in read(exported).document.styles
           if style.style_id.startswith("Pact")]
    assert own and not [name for name in own if "Pact" in name or "Table" in name]


def test_author_comes_from_the_option_then_the_facilitator(make, tmp_path: Path, read) -> None:
    out = export_programme(make(), tmp_path / "p.docx", author="Joke Smit")
    document = read(out).document
    assert document.core_properties.author == "Joke Smit"
    assert {comment.author for comment in document.comments} == {"Joke Smit"}
    assert {comment.initials for comment in document.comments} == {"JS"}


def test_a_short_table_stays_on_one_page_and_a_long_one_may_split(make, tmp_path: Path,
                                                                  read) -> None:
    programme = make()
    many = tuple(programme.actions[0].model_copy(update={"id": f"a{n:03d}", "position": n,
                                                         "title": f"Actie {n}"})
                 for n in range(20))
    session = programme.model_copy(update={"actions": (*programme.actions, *many)})
    tables = read(export_programme(session, tmp_path / "p.docx")).tables_under()

    def kept(table: object) -> list[bool]:
        rows = [row._tr for row in table.rows][len(read.header_rows(table)):]  # type: ignore[attr-defined]
        return [bool(row.xpath(".//w:pPr/w:keepNext")) for row in rows]

    sessions = next(table for path, table in tables if path[1] == "Werksessies")
    assert kept(sessions) == [True, True, False]
    long = next(table for path, table in tables
                if path[:3] == ("Acties", "Wonen en Leefbaarheid", "Korte termijn (0–2 jaar)"))
    assert len(kept(long)) == 21 and not any(kept(long))

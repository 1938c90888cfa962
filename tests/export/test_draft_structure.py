"""The draft's structure read back with python-docx: chapters, tables, fields, sections."""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from pact_tui.export import export_programme
from pact_tui.model import Session
from pact_tui.model.rules import open_points

# What an empty cell shows on paper.
MISSING = "nog in te vullen"


def test_chapters_come_in_the_programme_order(exported: Path, read) -> None:
    headings = read(exported).headings()
    assert [text for level, text in headings if level == 1] == [
        "Inleiding", "Ambities en opgaven per thema", "Thema-overstijgende opgaven", "Acties",
        "Samen optrekken", "Bijlagen",
    ]
    assert headings[headings.index((1, "Acties")) + 1:][:6] == [
        (2, "Wonen en Leefbaarheid"), (3, "Korte termijn (0–2 jaar)"),
        (3, "Middellange termijn (2–5 jaar)"), (2, "Onderwijs en Arbeidsmarkt"),
        (3, "Nog zonder planning"), (2, "Zorg en Sociaal domein"),
    ]


def test_every_action_is_in_its_theme_and_horizon_table_with_each_value_in_its_column(
    programme: Session, exported: Path, read
) -> None:
    tables = read(exported).tables_under()
    action_tables = [(path, table) for path, table in tables if path[0] == "Acties"]
    seen = []
    for path, table in action_tables:
        assert read.heads(table) == ["Actie", "Doel", "Schaalniveau", "Planning",
                                     "Betrokken partijen", "Trekker"]
        # The theme and horizon stay readable on a page that continues the table.
        caption = read.header_rows(table)[0].cells[0].text
        assert caption == f"{path[1]} · {path[2]}"
        for row in read.body(table):
            seen.append((path[1], path[2], tuple(row)))
    profile = programme.profile
    expected = {
        "Regionale woningbouwtafel": ("Wonen en Leefbaarheid", "Korte termijn (0–2 jaar)",
                                      ("Regionale woningbouwtafel", "Plancapaciteit afstemmen",
                                       "Westfries", "2027–2028", "Gemeente Hoorn\nIntermaris",
                                       "Gemeente Hoorn")),
        "Flexwonen voor starters": ("Wonen en Leefbaarheid", "Middellange termijn (2–5 jaar)",
                                    ("Flexwonen voor starters", "300 flexwoningen", "Subregionaal",
                                     "jaarlijks", "Intermaris", "Intermaris")),
        "Wijkteams versterken": ("Zorg en Sociaal domein", "Korte termijn (0–2 jaar)",
                                 # Only a horizon: the cell says it rather than "missing".
                                 ("Wijkteams versterken", MISSING, "Lokaal", "0–2 jaar",
                                  "Omring", MISSING)),
        "Leerwerkplekken in de zorg": ("Onderwijs en Arbeidsmarkt", "Nog zonder planning",
                                       ("Leerwerkplekken in de zorg", "50 plekken per jaar",
                                        MISSING, MISSING, "WerkSaam Westfriesland",
                                        "WerkSaam Westfriesland")),
    }
    assert sorted(seen) == sorted(expected.values())
    assert {action.title for action in programme.actions} == set(expected)
    assert profile.theme_label("wonen") == "Wonen en Leefbaarheid"


def test_header_rows_repeat_and_body_rows_do_not_break(exported: Path, read) -> None:
    tables = read(exported).document.tables
    assert tables
    for table in tables:
        rows = table._tbl.findall(qn("w:tr"))
        heads = len(read.header_rows(table))
        assert heads in (1, 2)
        for row in rows[heads:]:
            assert row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
            assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        assert table.style.name == "Programmatabel"


def test_text_is_dutch_and_the_properties_are_filled(programme: Session, exported: Path,
                                                     read) -> None:
    document = read(exported).document
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "nl-NL"
    props = document.core_properties
    assert props.title == "Uitvoeringsprogramma Pact 7.1"
    assert props.subject == "Pact 7.1 — Uitvoeringsprogramma"
    assert props.author == "Anne de Vries"
    assert props.language == "nl-NL"
    assert props.created == programme.meta.created_at.replace(microsecond=0)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_contents_is_a_toc_field_that_word_updates_on_opening(exported: Path, read) -> None:
    document = read(exported).document
    instructions = [text.text for text in document.element.body.iter(qn("w:instrText"))]
    assert any(text.strip().startswith("TOC \\o") for text in instructions)
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    entries = [p.text for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert entries[:3] == ["Inleiding", "Leeswijzer", "Ambities en opgaven per thema"]


def test_footer_numbers_the_pages_except_on_the_cover(exported: Path, read) -> None:
    document = read(exported).document
    first = document.sections[0]
    assert first.different_first_page_header_footer
    footer_fields = first.footer._element.xpath(".//w:instrText/text()")
    assert [text.strip() for text in footer_fields] == ["PAGE"]
    assert all(not section.different_first_page_header_footer
               for section in document.sections[1:])


def test_actions_are_in_a_landscape_section_and_the_rest_portrait(exported: Path, read) -> None:
    reading = read(exported)
    sections = reading.document.sections
    assert [section.orientation for section in sections] == [
        WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert sections[1].page_width > sections[1].page_height
    # The section break that ends the landscape pages follows the last action table.
    body = list(reading.document.element.body.iterchildren())
    breaks = [index for index, child in enumerate(body) if child.find(
        f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    texts = ["".join(child.xpath(".//w:t/text()")) for child in body]
    # The last occurrence: the first is the entry in the table of contents.
    acties = max(i for i, text in enumerate(texts) if text == "Acties")
    samen = max(i for i, text in enumerate(texts) if text == "Samen optrekken")
    assert breaks[0] < acties < breaks[1] < samen


def test_open_points_are_comments_on_their_rows(programme: Session, exported: Path,
                                                read) -> None:
    document = read(exported).document
    open_titles = {action.title: open_points(action) for action in programme.actions
                   if open_points(action)}
    assert open_titles == {"Wijkteams versterken": ("goal", "lead"),
                           "Leerwerkplekken in de zorg": ("scale", "planning")}
    comments = list(document.comments)
    assert [comment.text for comment in comments] == [
        "Nog in te vullen: schaalniveau en planning.",
        "Nog in te vullen: doel en trekker."]
    assert {comment.author for comment in comments} == {"Anne de Vries"}
    assert [comment.comment_id for comment in comments] == [0, 1]
    anchored = []
    for row in document.element.body.iter(qn("w:tr")):
        if row.find(f".//{qn('w:commentRangeStart')}") is not None:
            anchored.append("".join(row.find(qn("w:tc")).xpath(".//w:t/text()")))
    assert anchored == ["Leerwerkplekken in de zorg", "Wijkteams versterken"]


def test_partners_commitments_and_appendices(exported: Path, read) -> None:
    tables = read(exported).tables_under()
    partners = {path[1:]: read.body(table)
                for path, table in tables if path[0] == "Samen optrekken"}
    assert partners == {
        ("Gemeenten", "Gemeente Hoorn"): [["Regionale woningbouwtafel", "Wonen en Leefbaarheid",
                                           "Trekker", "Zit de tafel voor."]],
        ("Woningcorporatie", "Intermaris"): [
            ["Regionale woningbouwtafel", "Wonen en Leefbaarheid", "Partner",
             "Levert bouwlocaties aan."],
            ["Flexwonen voor starters", "Wonen en Leefbaarheid", "Financier",
             "Financiert 100 woningen."]],
    }
    appendix = {path[1]: read.body(table)
                for path, table in tables if path[0] == "Bijlagen"}
    assert [row[0] for row in appendix["Stakeholders"]] == [
        "Gemeente Hoorn", "Intermaris", "Omring", "WerkSaam Westfriesland"]
    assert appendix["Werksessies"] == [
        ["14 september 2026", "Stakeholders en stand van zaken"],
        ["5 oktober 2026", "Thema-overstijgende opgaven"],
        ["2 november 2026", "Partnerbijeenkomst"]]
    assert appendix["Deelnemende organisaties"] == [
        ["Gemeente Hoorn", "wethouder\nbeleidsmedewerker"], ["Intermaris", "directeur"]]
    assert appendix["Openstaande punten"] == [
        ["Leerwerkplekken in de zorg", "Onderwijs en Arbeidsmarkt", "schaalniveau en planning"],
        ["Wijkteams versterken", "Zorg en Sociaal domein", "doel en trekker"]]
    assert [row[1] for row in appendix["Stakeholders"]] == [
        "Gemeente", "Woningcorporatie", "Zorgaanbieder", "Uitvoeringsorganisatie"]


def test_personal_names_appear_only_with_consent(make, tmp_path: Path, read) -> None:
    without = read(export_programme(make(), tmp_path / "a.docx")).all_text()
    with_consent = read(export_programme(make(names_consent=True), tmp_path / "b.docx")).all_text()
    for name in ("Piet Jansen", "Kees Bakker", "Els Smit"):
        assert name not in without
        assert name in with_consent
    assert "wethouder" in without


def test_empty_chapters_are_left_out(make, tmp_path: Path, read) -> None:
    bare = make().model_copy(update={"status": (), "ambitions": (), "challenges": (),
                                     "commitments": (), "stakeholders": ()})
    headings = read(export_programme(bare, tmp_path / "bare.docx")).headings(2)
    assert [text for level, text in headings if level == 1] == ["Inleiding", "Acties", "Bijlagen"]
    assert (2, "Stakeholders") not in headings
    nothing = bare.model_copy(update={"actions": ()})
    headings = read(export_programme(nothing, tmp_path / "empty.docx")).headings(1)
    assert headings == [(1, "Inleiding"), (1, "Bijlagen")]


def test_introduction_is_written_from_the_data(exported: Path, read) -> None:
    blocks = read(exported).blocks()
    start = blocks.index(("heading", (1, "Inleiding")))
    end = blocks.index(("heading", (2, "Leeswijzer")))
    text = "\n".join(value.text for kind, value in blocks[start + 1:end])
    assert "drie werksessies, gehouden van 14 september tot en met 2 november 2026:" in text
    assert "2 november 2026 – Partnerbijeenkomst" in text
    assert "namen twee organisaties deel" in text  # "Gemeente Hoorn" and "gemeente hoorn " are one
    assert "vier stakeholders" in text
    assert "Korte termijn (0–2 jaar): twee acties" in text
    assert "Nog zonder planning: één actie" in text


def test_progress_runs_from_zero_to_one(programme: Session, tmp_path: Path) -> None:
    steps: list[tuple[str, float]] = []
    export_programme(programme, tmp_path / "p.docx",
                     progress=lambda message, fraction: steps.append((message, fraction)))
    fractions = [fraction for _, fraction in steps]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(message for message, _ in steps)


def test_update_fields_sits_where_words_settings_schema_wants_it(exported: Path, read) -> None:
    settings = read(exported).document.settings.element
    names = [child.tag.rsplit("}", 1)[-1] for child in settings]
    assert names.index("updateFields") < names.index("compat")

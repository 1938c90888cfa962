"""Hand-made action lists (.xlsx, ;-separated cp1252 .csv, .ods) read into a new session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pact_tui.sheets import find_header, guess_mapping, read_actions, read_table
from pact_tui.sheets.columns import field_for_header
from pact_tui.sheets.matching import light_matcher, status_matcher
from pact_tui.store import load_profile, read_session
from tests.sheets.conftest import FIXTURES, RunCli

# Row numbers as each file shows them: the .xlsx has two merged title rows and a blank
# one above its header, the .ods and the old .xls one title row and a blank one, the .csv
# none.
EXPECTED = {
    "xlsx": {"header": 4, "warmte": 6, "ruimte": 9, "no_title": 10, "techniek": 11},
    "ods": {"header": 3, "warmte": 5, "ruimte": 8, "no_title": 9, "techniek": 10},
    "xls": {"header": 3, "warmte": 5, "ruimte": 8, "no_title": 9, "techniek": 10},
    "csv": {"header": 1, "warmte": 3, "ruimte": 6, "no_title": 7, "techniek": 8},
}


@pytest.mark.parametrize("suffix", sorted(EXPECTED))
def test_each_format_imports_with_the_expected_values(suffix: str) -> None:
    rows = EXPECTED[suffix]
    table = read_table(FIXTURES / f"actielijst-2024.{suffix}")
    header = find_header(table.rows)
    assert header is not None and table.rows[header].number == rows["header"]
    mapping = guess_mapping(table.rows[header].cells)
    result = read_actions(table.rows[header + 1:], mapping, load_profile(None))

    flex, warmte, zorg, techniek = (read.action for read in result.actions)
    assert flex.title.startswith("Regionale pool flexwoningen")
    assert (flex.theme, flex.scale, flex.light) == ("wonen", "westfries", "on-track")
    assert (flex.planning.horizon, flex.planning.start_year, flex.planning.end_year) == (
        "kort", 2025, 2026)
    assert [party.name for party in flex.parties] == ["Woonschap Oostwest", "Intermaris"]
    assert flex.lead is not None and flex.lead.name == "Gemeente Hoorn"
    assert (warmte.theme, warmte.light) == ("energie", "attention")
    assert warmte.progress_note == "Vertraging door netcongestie"
    assert zorg.theme == "zorg" and zorg.scale == "subregionaal"
    assert techniek.light == "problem" and techniek.scale is None
    assert "Planeet" in techniek.notes

    notes = {note.number: note for note in result.notes}
    assert notes[rows["ruimte"]].skipped and "Ruimtevaart" in str(notes[rows["ruimte"]])
    assert notes[rows["no_title"]].skipped
    assert not notes[rows["techniek"]].skipped
    assert str(notes[rows["ruimte"]]).startswith(f"rij {rows['ruimte']}:")
    [loose] = result.matches
    assert loose.number == rows["warmte"]
    assert "Energietransitie en klimaatadaptatie" in str(loose)


def test_the_csv_is_read_as_windows_1252() -> None:
    table = read_table(FIXTURES / "actielijst-2024.csv")
    assert any("café-overleg" in cell for row in table.rows for cell in row.cells)


@pytest.mark.parametrize(("header", "field"), [
    ("Maatregel", "title"), ("Project", "title"), ("Eigenaar", "lead"),
    ("Verantwoordelijke", "lead"), ("Wanneer", "planning"), ("Beoogd resultaat", "goal"),
    ("Programmalijn", "theme"), ("Betrokken partijen", "parties"), ("Partners", "parties"),
    ("Stoplicht", "light"), ("Toelichting", "progress_note"), ("Owner", "lead"),
    ("Betrokken partij", "parties"), ("Nr", None)])
def test_headers_are_known_by_their_dutch_and_english_names(header: str, field: str) -> None:
    assert field_for_header(header) == field


def test_the_cli_shows_the_mapping_and_writes_nothing_without_yes(
        cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "import.json"
    run = cli("import", FIXTURES / "actielijst-2024.xlsx", "-o", out)
    assert run.code == 0, run.err
    assert "Maatregel" in run.out and "-> Actie" in run.out
    assert "Nr" in run.out and "niet ingelezen" in run.out
    assert "rij 9: thema ‘Ruimtevaart’" in run.out
    assert "‘Energietransitie’ gelezen als ‘Energietransitie en klimaatadaptatie’" in run.out
    assert "4 nieuwe acties" in run.out
    assert not out.exists()


def test_the_cli_writes_a_session_and_remembers_a_changed_mapping(
        cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "import.json"
    run = cli("import", FIXTURES / "actielijst-2024.xlsx", "-o", out,
              "--map", "Opmerking=", "--map", "Nr=progress_date", "--yes")
    assert run.code == 0, run.err
    session = read_session(out)
    assert [action.title for action in session.actions][:2] == [
        "Regionale pool flexwoningen", "Warmtenet Hoorn-Noord"]
    assert all(action.progress_note == "" for action in session.actions)
    memory = tmp_path / "sessions" / "import-mappings.json"
    remembered = json.loads(memory.read_text(encoding="utf-8"))
    assert remembered["actielijst-2024.xlsx"]["columns"]["opmerking"] is None

    again = cli("import", FIXTURES / "actielijst-2024.xlsx", "-o", tmp_path / "again.json")
    assert "Opmerking" in again.out and "(niet ingelezen)" in again.out.split("Opmerking")[1]


def test_a_bad_map_and_a_missing_file_are_one_sentence(cli: RunCli, tmp_path: Path) -> None:
    bad = cli("import", FIXTURES / "actielijst-2024.xlsx", "--map", "Maatregel=smaak")
    assert bad.code == 2 and "--map Maatregel=smaak" in bad.err
    missing = cli("import", tmp_path / "weg.xlsx")
    assert missing.code == 2 and "bestaat niet" in missing.err
    text = tmp_path / "lijst.txt"
    text.write_text("x", encoding="utf-8")
    wrong = cli("import", text)
    assert wrong.code == 2 and ".xlsx" in wrong.err and "Traceback" not in wrong.err


@pytest.mark.parametrize(("text", "key"), [
    ("groen", "on-track"), ("● op schema", "on-track"), ("Oranje", "attention"),
    ("amber", "attention"), ("▲", "attention"), ("ROOD", "problem"), ("■ knelpunt", "problem"),
    ("problem", "problem")])
def test_a_light_is_known_by_word_colour_or_symbol(text: str, key: str) -> None:
    match = light_matcher()(text)
    assert match is not None and match.key == key


def test_a_status_is_known_in_dutch_and_english_and_nothing_else_is_guessed() -> None:
    matcher = status_matcher()
    assert matcher("Afgerond").key == "done"  # type: ignore[union-attr]
    assert matcher("in progress").key == "in-progress"  # type: ignore[union-attr]
    assert matcher("misschien") is None


@pytest.mark.parametrize("field", ["actie", "Actie", "title"])
def test_map_names_a_field_in_dutch_and_finds_a_header_below_a_title(
        cli: RunCli, tmp_path: Path, field: str) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("Actielijst 2025\r\n\r\nOmschrijving;Thema;Trekker\r\n"
                    "Regionale pool flexwoningen;Wonen;Gemeente Hoorn\r\n", encoding="utf-8")
    out = tmp_path / "lijst.json"
    run = cli("import", path, "--map", f"Omschrijving={field}", "-o", out, "--yes")
    assert run.code == 0, run.err
    assert "kopregel op rij 3" in run.out
    [action] = read_session(out).actions
    assert (action.title, action.theme) == ("Regionale pool flexwoningen", "wonen")


def test_a_remembered_mapping_follows_the_headings_when_a_column_is_added(
        cli: RunCli, tmp_path: Path, programme_file: Path) -> None:
    from openpyxl import load_workbook

    first = tmp_path / "kwartaal-1"
    first.mkdir()
    sheet = first / "voortgang.xlsx"
    assert cli("export", programme_file, "-o", sheet).code == 0
    run = cli("import", sheet, "--programme", programme_file, "--map", "Impact=",
              "-o", tmp_path / "k1.json", "--yes")
    assert run.code == 0, run.err

    second = tmp_path / "kwartaal-2"
    second.mkdir()
    book = load_workbook(sheet)
    actions = book.worksheets[0]
    actions.insert_cols(1)
    actions.cell(1, 1).value = "Nr"
    for row in range(2, actions.max_row + 1):
        actions.cell(row, 1).value = row - 1
    book.save(second / "voortgang.xlsx")
    again = cli("import", second / "voortgang.xlsx", "--programme", programme_file,
                "-o", tmp_path / "k2.json", "--yes")
    assert again.code == 0, again.err
    assert ("0 nieuwe acties, 0 bijgewerkte acties, 0 verwijderde acties, 0 rijen overgeslagen"
            in again.out)
    assert "Impact" in again.out and "(niet ingelezen)" in again.out.split("Impact")[1]


def test_status_words_are_read_and_an_unknown_one_is_said_as_what_happens(
        tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("Thema;Actie;Status\r\nWonen;Flexwoningen;loopt\r\nWonen;Starters;gereed\r\n"
                    "Wonen;Doorstroming;on hold\r\n", encoding="utf-8")
    table = read_table(path)
    result = read_actions(table.rows[1:], guess_mapping(table.rows[0].cells),
                          load_profile(None))
    assert [read.action.status for read in result.actions] == [
        "in-progress", "done", "not-started"]
    assert [str(note) for note in result.notes] == [
        "rij 4: Status ‘on hold’ niet herkend; op ‘niet gestart’ gezet en de tekst bewaard in "
        "de notities"]

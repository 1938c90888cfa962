"""A programme out as .xlsx and back: unchanged is no change, a changed status comes back as
exactly that change, and a change the programme made meanwhile is a conflict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from pact_tui.merge import merge_sessions
from pact_tui.model import Action, Session
from pact_tui.sheets import (
    Imported,
    find_header,
    guess_mapping,
    read_actions,
    read_table,
    update_session,
    write_xlsx,
)
from pact_tui.store import read_session, write_session
from tests.sheets.conftest import RunCli

TODAY = dt.date(2026, 6, 1)


def _import(path: Path, programme: Session) -> Imported:
    table = read_table(path)
    header = find_header(table.rows)
    assert header is not None
    mapping = guess_mapping(table.rows[header].cells)
    result = read_actions(table.rows[header + 1:], mapping, programme.profile,
                          programme.stakeholders)
    assert result.notes == []
    return update_session(result, programme, "Voortgang juni", TODAY)


def _set_cells(path: Path, out: Path, changes: dict[tuple[int, str], str]) -> None:
    """Change cells as a trekker would in Excel: (row, heading) -> new text."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    headings = [cell.value for cell in sheet[1]]
    for (row, heading), value in changes.items():
        sheet.cell(row, headings.index(heading) + 1).value = value
    book.save(out)


def test_export_then_import_unchanged_gives_no_change(
        tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    imported = _import(sheet, demo_programme)
    assert imported.added == () and imported.updates == ()
    merged = merge_sessions([demo_programme, imported.session])
    assert merged.conflicts == ()
    assert {a.id: a.fingerprint() for a in merged.programme.actions} == {
        a.id: a.fingerprint() for a in demo_programme.actions}


def test_unchanged_rows_are_no_change_even_without_the_check_column(
        tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    book = load_workbook(sheet)
    book.worksheets[0].delete_cols(14)
    book.save(tmp_path / "zonder.xlsx")
    assert _import(tmp_path / "zonder.xlsx", demo_programme).updates == ()


def test_a_status_changed_in_the_sheet_comes_back_as_exactly_that_change(
        tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    _set_cells(sheet, tmp_path / "terug.xlsx", {(2, "Status"): "afgerond"})
    imported = _import(tmp_path / "terug.xlsx", demo_programme)
    [update] = imported.updates
    assert update.fields == ("status", "progress_date")

    merged = merge_sessions([demo_programme, imported.session])
    assert merged.conflicts == ()
    before = {a.id: a for a in demo_programme.actions}
    changed = [a for a in merged.programme.actions if a.fingerprint() != before[a.id].fingerprint()]
    [action] = changed
    assert action.id == update.action.id
    assert (action.status, action.progress_date) == ("done", TODAY)
    assert action.model_dump(exclude={"status", "progress_date", "revision", "updated_at",
                                      "base", "origins", "supersedes"}) == before[
        action.id].model_dump(exclude={"status", "progress_date", "revision", "updated_at",
                                       "base", "origins", "supersedes"})


def test_a_change_the_programme_made_meanwhile_and_one_in_the_sheet_is_a_conflict(
        tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    _set_cells(sheet, tmp_path / "terug.xlsx", {(2, "Status"): "afgerond"})
    first = _import(tmp_path / "terug.xlsx", demo_programme).updates[0].action
    moved_on = demo_programme.model_copy(update={"actions": tuple(
        action.edited(status="dropped") if action.id == first.id else action
        for action in demo_programme.actions)})

    imported = _import(tmp_path / "terug.xlsx", moved_on)
    merged = merge_sessions([moved_on, imported.session])
    [conflict] = merged.conflicts
    assert conflict.item_id == first.id
    assert {version.item.status for version in conflict.versions
            if isinstance(version.item, Action)} == {"done", "dropped"}


def test_new_rows_in_a_returned_sheet_become_new_actions(
        tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    last = len(demo_programme.actions) + 2
    _set_cells(sheet, tmp_path / "terug.xlsx", {
        (last, "Thema"): "Wonen en Leefbaarheid", (last, "Actie"): "Nieuwe actie uit Excel"})
    imported = _import(tmp_path / "terug.xlsx", demo_programme)
    assert [read.action.title for read in imported.added] == ["Nieuwe actie uit Excel"]
    assert imported.updates == ()


def test_the_cli_round_trip_names_the_update_and_needs_the_programme(
        cli: RunCli, tmp_path: Path, programme_file: Path) -> None:
    out = tmp_path / "programma.xlsx"
    assert cli("export", programme_file, "-o", out).code == 0
    _set_cells(out, tmp_path / "terug.xlsx", {(3, "Stoplicht"): "rood",
                                              (3, "Toelichting voortgang"): "Geen grond"})
    without = cli("import", tmp_path / "terug.xlsx", "--yes")
    assert without.code == 2 and "--programme" in without.err

    session_path = tmp_path / "voortgang.json"
    run = cli("import", tmp_path / "terug.xlsx", "--programme", programme_file,
              "-o", session_path, "--yes")
    assert run.code == 0, run.err
    assert "rij 3:" in run.out and "Stoplicht, Toelichting voortgang" in run.out
    assert "0 nieuwe acties, 1 bijgewerkte actie," in run.out
    merged = cli("merge", programme_file, session_path, "-o", tmp_path / "nieuw.json")
    assert merged.code == 0, merged.err
    programme = read_session(tmp_path / "nieuw.json")
    [red] = [a for a in programme.actions if a.light == "problem"]
    assert red.progress_note == "Geen grond"


def test_rows_of_another_programme_are_added_and_said(
        cli: RunCli, tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    other = tmp_path / "ander.json"
    write_session(other, demo_programme.model_copy(update={"actions": (), "commitments": ()}))
    run = cli("import", sheet, "--programme", other, "-o", tmp_path / "s.json", "--yes")
    assert run.code == 0, run.err
    assert "heeft een id dat dit programma niet kent" in run.out
    assert f"{len(demo_programme.actions)} nieuwe acties" in run.out


def test_a_row_deleted_from_the_sheet_is_removed_by_the_merge_and_said(
        cli: RunCli, tmp_path: Path, programme_file: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    book = load_workbook(sheet)
    actions = book.worksheets[0]
    gone_title = actions.cell(3, 2).value
    actions.delete_rows(3)
    book.save(tmp_path / "terug.xlsx")
    update = tmp_path / "juni.json"
    run = cli("import", tmp_path / "terug.xlsx", "--programme", programme_file, "-o", update,
              "--yes")
    assert run.code == 0, run.err
    assert f"verwijderd: ‘{gone_title}’ staat niet meer in de spreadsheet" in run.out
    assert "0 nieuwe acties, 0 bijgewerkte acties, 1 verwijderde actie," in run.out

    merged = cli("merge", programme_file, update, "-o", tmp_path / "nieuw.json")
    assert merged.code == 0, merged.err
    programme = read_session(tmp_path / "nieuw.json")
    [gone] = [a for a in demo_programme.actions if a.title == gone_title]
    assert gone.id not in {action.id for action in programme.actions}
    assert f"Actie ‘{gone_title}’" in merged.out.split("Verwijderd:")[1]
    assert gone.id not in {c.action_id for c in programme.commitments}


def test_rows_put_in_another_order_are_no_change(
        tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    book = load_workbook(sheet)
    actions = book.worksheets[0]
    rows = [[cell.value for cell in row] for row in actions.iter_rows(min_row=2)]
    for number, values in enumerate(reversed(rows), start=2):
        for column, value in enumerate(values, start=1):
            actions.cell(number, column).value = value
    book.save(tmp_path / "omgekeerd.xlsx")
    imported = _import(tmp_path / "omgekeerd.xlsx", demo_programme)
    assert (imported.added, imported.updates, imported.removed) == ((), (), ())


def test_a_status_word_people_use_is_read_and_an_unknown_one_changes_nothing(
        tmp_path: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    _set_cells(sheet, tmp_path / "terug.xlsx", {(2, "Status"): "loopt", (3, "Status"): "gereed",
                                                (4, "Status"): "on hold"})
    table = read_table(tmp_path / "terug.xlsx")
    mapping = guess_mapping(table.rows[0].cells)
    result = read_actions(table.rows[1:], mapping, demo_programme.profile,
                          demo_programme.stakeholders)
    assert [str(note) for note in result.notes] == [
        "rij 4: Status ‘on hold’ niet herkend; dit veld van de actie blijft zoals het was"]
    started = {a.id: a for a in demo_programme.actions}
    started_moving = demo_programme.model_copy(update={"actions": tuple(
        a.edited(status="in-progress") for a in demo_programme.actions)})
    imported = update_session(result, started_moving, "Voortgang juni", TODAY)
    statuses = {update.number: update.action.status for update in imported.updates}
    assert statuses == {3: "done"}
    assert all(a.status == "in-progress" for a in imported.session.actions
               if a.id in started and a.id != imported.updates[0].action.id)


def test_an_imported_session_is_marked_and_the_draft_counts_workshops_only(
        cli: RunCli, tmp_path: Path, programme_file: Path, demo_programme: Session) -> None:
    import docx

    from tests.sheets.conftest import FIXTURES

    imported = tmp_path / "lijst.json"
    assert cli("import", FIXTURES / "actielijst-2024.xlsx", "-o", imported, "--yes").code == 0
    assert read_session(imported).meta.imported
    merged = tmp_path / "nieuw.json"
    assert cli("merge", programme_file, imported, "-o", merged).code == 0
    programme = read_session(merged)
    assert [o.title for o in programme.meta.sources if o.imported] == [
        "Import uit actielijst-2024.xlsx"]
    draft = tmp_path / "concept.docx"
    run = cli("export", merged, "-o", draft)
    assert run.code == 0, run.err
    text = "\n".join(p.text for p in docx.Document(str(draft)).paragraphs)
    assert len(demo_programme.meta.sources) == 3
    assert "resultaat van drie werksessies" in text
    assert "Import uit actielijst-2024.xlsx" not in text


def test_edits_new_rows_and_deleted_rows_on_the_commitments_sheet_come_back(
        cli: RunCli, tmp_path: Path, programme_file: Path, demo_programme: Session) -> None:
    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    book = load_workbook(sheet)
    commitments = book["Toezeggingen"]
    first_action, first_party = commitments.cell(2, 1).value, commitments.cell(2, 2).value
    commitments.cell(2, 4).value = "Levert twee projectleiders."
    commitments.cell(3, 3).value = "financier"
    third_action, third_party = commitments.cell(4, 1).value, commitments.cell(4, 2).value
    commitments.delete_rows(4)
    last = commitments.max_row + 1
    for column, value in enumerate((first_action, "Rabobank", "financier", "Lening"), start=1):
        commitments.cell(last, column).value = value
    book.save(tmp_path / "terug.xlsx")

    update = tmp_path / "juni.json"
    run = cli("import", tmp_path / "terug.xlsx", "--programme", programme_file, "-o", update,
              "--yes")
    assert run.code == 0, run.err
    assert f"rij 2: ‘{first_party}’ bij ‘{first_action}’ — Toezegging" in run.out
    assert "rij 3:" in run.out.split("Werkblad Toezeggingen:")[1]
    assert f"nieuwe toezegging van ‘Rabobank’ bij ‘{first_action}’" in run.out
    assert f"de toezegging van ‘{third_party}’ bij ‘{third_action}’ staat niet meer" in run.out

    merged = cli("merge", programme_file, update, "-o", tmp_path / "nieuw.json")
    assert merged.code == 0, merged.err
    programme = read_session(tmp_path / "nieuw.json")
    titles = {action.id: action.title for action in programme.actions}
    by_key = {(titles[c.action_id], c.party.name): c for c in programme.commitments}
    assert by_key[(first_action, first_party)].text == "Levert twee projectleiders."
    assert by_key[(first_action, "Rabobank")].role == "financier"
    assert (third_action, third_party) not in by_key
    assert len(programme.commitments) == len(demo_programme.commitments)
    second = demo_programme.commitments[1]
    assert next(c for c in programme.commitments if c.id == second.id).role == "financier"


def test_an_unchanged_commitments_sheet_changes_nothing(
        tmp_path: Path, demo_programme: Session) -> None:
    from pact_tui.sheets.commitments import commitments_sheet

    sheet = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    table = read_table(sheet)
    result = read_actions(table.rows[1:], guess_mapping(table.rows[0].cells),
                          demo_programme.profile, demo_programme.stakeholders)
    rows = commitments_sheet(sheet)
    assert rows is not None
    imported = update_session(result, demo_programme, "Voortgang juni", TODAY, rows)
    changes = imported.commitments
    assert (changes.edited, changes.added, changes.removed, changes.notes) == ((), (), (), ())


def test_a_draft_of_an_imported_list_names_no_workshop(cli: RunCli, tmp_path: Path) -> None:
    import docx

    from tests.sheets.conftest import FIXTURES

    imported = tmp_path / "lijst.json"
    assert cli("import", FIXTURES / "actielijst-2024.xlsx", "-o", imported, "--yes").code == 0
    draft = tmp_path / "concept.docx"
    run = cli("export", imported, "-o", draft)
    assert run.code == 0, run.err
    text = "\n".join(p.text for p in docx.Document(str(draft)).paragraphs)
    # The introduction names no workshop (the title page and appendices are the export's).
    assert "opgesteld in de werksessie" not in text and "werksessies, gehouden" not in text

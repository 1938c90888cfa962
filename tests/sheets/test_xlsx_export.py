"""The programme as .xlsx: Dutch headers, drop-downs, filters, frozen header, ids hidden,
commitments on a second sheet; written whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from pact_tui.model import Session
from pact_tui.sheets import SheetError, write_xlsx
from tests.sheets.conftest import RunCli


def test_the_sheet_reads_back_with_headers_values_and_commitments(
        tmp_path: Path, demo_programme: Session) -> None:
    path = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[:2] == ["Acties", "Toezeggingen"]
    rows = book.get_sheet_by_name("Acties").to_python()
    assert rows[0][:13] == ["Thema", "Actie", "Doel", "Schaalniveau", "Planning",
                            "Betrokken partijen", "Trekker", "Status", "Stoplicht",
                            "Toelichting voortgang", "Laatst bijgewerkt", "Impact", "Inspanning"]
    assert len(rows) == len(demo_programme.actions) + 1
    ids = {row[13] for row in rows[1:]}
    assert ids == {action.id for action in demo_programme.actions}
    assert {row[7] for row in rows[1:]} == {"niet gestart"}
    commitments = book.get_sheet_by_name("Toezeggingen").to_python()
    assert len(commitments) == len(demo_programme.commitments) + 1


def test_ids_are_hidden_and_choices_are_drop_down_lists(
        tmp_path: Path, demo_programme: Session) -> None:
    path = write_xlsx(demo_programme, tmp_path / "programma.xlsx")
    book = load_workbook(path)
    sheet = book["Acties"]
    assert sheet.column_dimensions["N"].hidden
    assert not sheet.column_dimensions["B"].hidden
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:M")
    validated = {str(validation.sqref).split(":")[0]: validation
                 for validation in sheet.data_validations.dataValidation}
    # theme, scale, planning, status, light, impact, effort
    assert set(validated) == {"A2", "D2", "E2", "H2", "I2", "L2", "M2"}
    assert all(validation.type == "list" for validation in validated.values())
    lists = book["Keuzelijsten"]
    assert lists.sheet_state == "hidden"
    light_column = [cell.value for cell in next(
        column for column in lists.iter_cols() if column[0].value == "Stoplicht")]
    assert [value for value in light_column[1:] if value] == [
        "● op schema", "▲ aandacht", "■ knelpunt"]


def test_the_file_is_written_whole_with_the_users_file_mode(
        tmp_path: Path, demo_programme: Session) -> None:
    out = tmp_path / "programma.xlsx"
    out.write_bytes(b"oud")
    write_xlsx(demo_programme, out)
    assert out.read_bytes()[:2] == b"PK"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["programma.xlsx"]
    with pytest.raises(SheetError, match="bestaat niet"):
        write_xlsx(demo_programme, tmp_path / "weg" / "x.xlsx")


def test_the_export_command_follows_the_suffix(
        cli: RunCli, tmp_path: Path, programme_file: Path) -> None:
    run = cli("export", programme_file, "-o", tmp_path / "lijst.xlsx")
    assert run.code == 0, run.err
    assert "Spreadsheet geschreven" in run.out
    assert (tmp_path / "lijst.xlsx").read_bytes()[:2] == b"PK"


def test_a_place_that_cannot_be_written_is_one_sentence_and_leaves_no_temporary(
        tmp_path: Path, demo_programme: Session) -> None:
    taken = tmp_path / "lijst.xlsx"
    taken.mkdir()
    (taken / "iets").write_text("x", encoding="utf-8")
    with pytest.raises(SheetError, match="kan niet worden geschreven"):
        write_xlsx(demo_programme, taken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lijst.xlsx"]

"""Files that would crash or swamp the import: each is refused with one Dutch sentence, the
process (and the app) stays up, and a csv is read as Excel writes it in any of its encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.sheets import SheetError, find_header, read_table
from pact_tui.sheets.workbook_child import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS
from pact_tui.tui.app import PactApp
from pact_tui.tui.modals.form import FormDialog
from tests.sheets.conftest import FIXTURES, RunCli

HEADER = "Thema;Actie;Trekker\r\n"
ROW = "Wonen;Regionale pool flexwoningen;Gemeente Hoorn\r\n"


def test_a_workbook_that_makes_calamine_abort_is_one_sentence(cli: RunCli) -> None:
    run = cli("import", FIXTURES / "range-bomb.xlsx")
    assert run.code == 2
    assert run.err.strip().endswith("pact-tui een spreadsheet geeft.")
    assert "range-bomb.xlsx kon niet worden gelezen" in run.err
    assert "Traceback" not in run.err and "panicked" not in run.err


async def test_the_app_survives_a_workbook_that_makes_calamine_abort(tmp_path: Path) -> None:
    app = PactApp(None, sessions_dir=tmp_path / "sessions", exports_dir=tmp_path / "exports")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#field-file").value = str(FIXTURES / "range-bomb.xlsx")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        error = str(app.screen.query_one("#form-error").render())
        assert "kon niet worden gelezen" in error
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code in (None, 0)


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "lijst.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_csv_with_more_rows_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER + ROW * MAX_ROWS)
    with pytest.raises(SheetError, match=f"meer dan {MAX_ROWS} rijen"):
        read_table(path)
    assert len(read_table(_csv(tmp_path, HEADER + ROW * (MAX_ROWS - 1))).rows) == MAX_ROWS


def test_a_csv_with_more_columns_than_the_limit_is_refused(tmp_path: Path) -> None:
    wide = ";".join(["x"] * (MAX_COLUMNS + 1)) + "\r\n"
    with pytest.raises(SheetError, match=f"op rij 2 meer dan {MAX_COLUMNS} kolommen"):
        read_table(_csv(tmp_path, HEADER + wide))
    # Empty cells at the end of a row (Excel pads rows to the widest) are no columns.
    padded = ROW.rstrip() + ";" * 5000 + "\r\n"
    assert read_table(_csv(tmp_path, HEADER + padded)).rows[1].cells[-1] == "Gemeente Hoorn"


def test_a_cell_longer_than_the_limit_is_refused_by_place(tmp_path: Path) -> None:
    long = "Wonen;" + "x" * (MAX_CELL_CHARS + 1) + ";Gemeente Hoorn\r\n"
    with pytest.raises(SheetError, match="op rij 3 in kolom 2 een cel met meer dan"):
        read_table(_csv(tmp_path, HEADER + ROW + long))


def test_a_file_larger_than_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "groot.csv"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(SheetError, match="groter dan 50 MB"):
        read_table(path)


def test_an_xlsx_beyond_the_limits_is_refused_in_dutch(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "breed.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Thema", "Actie"])
    sheet.write(1, MAX_COLUMNS + 5, "x")
    book.close()
    with pytest.raises(SheetError, match=f"meer dan {MAX_COLUMNS} kolommen"):
        read_table(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252", "utf-8"])
def test_a_csv_is_read_in_each_encoding_excel_writes(tmp_path: Path, encoding: str) -> None:
    separator = "\t" if encoding == "utf-16" else ";"
    text = (HEADER + "Wonen;Café-overleg starten;Gemeente Hoorn\r\n").replace(";", separator)
    table = read_table(_csv(tmp_path, text, encoding))
    header = find_header(table.rows)
    assert header == 0
    assert table.rows[1].cells == ("Wonen", "Café-overleg starten", "Gemeente Hoorn")


def test_a_damaged_workbook_is_a_dutch_sentence_without_library_text(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 dit is geen zip")
    with pytest.raises(SheetError) as raised:
        read_table(path)
    assert str(raised.value) == ("kapot.xlsx is niet te lezen als spreadsheet: het bestand is "
                                 "beschadigd of in een ander formaat dan de naam zegt.")

"""Reading a spreadsheet file into rows of text: .xlsx, .xls, .ods with calamine, .csv by hand.

Every cell comes back as text (a date as an ISO date, a whole number without ".0"), each
row with its row number as the spreadsheet shows it, so a problem can name the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from python_calamine import CalamineWorkbook

from pact_tui.i18n import t
from pact_tui.model import UserError

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = (*SPREADSHEET_SUFFIXES, ".csv")
# A csv from Excel on a Dutch Windows machine is cp1252; everything newer is UTF-8.
_CSV_ENCODINGS = ("utf-8-sig", "cp1252")
_DELIMITERS = (";", ",", "\t")


class SheetError(UserError):
    """A file that cannot be read as a table (missing, unknown format, no such sheet)."""


class Row(NamedTuple):
    """One row: its number as the spreadsheet shows it (1-based) and its cells as text."""

    number: int
    cells: tuple[str, ...]

    def is_blank(self) -> bool:
        return not any(self.cells)


@dataclass(frozen=True)
class Table:
    """The rows of one sheet, and which sheet it was."""

    sheet: str
    rows: tuple[Row, ...]


def cell_text(value: object) -> str:
    """A cell as text: dates as ISO dates, 12.0 as "12", text stripped."""
    if type(value) is str:  # nearly every cell: the quick way first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The rows of `path` (the first sheet, or the one named `sheet`)."""
    suffix = path.suffix.casefold()
    if suffix not in SUFFIXES:
        raise SheetError(t("sheets.unknown_format", file=path.name, suffixes=", ".join(SUFFIXES)))
    if not path.is_file():
        raise SheetError(t("sheets.no_file", file=str(path)))
    if suffix == ".csv":
        return Table(sheet=path.stem, rows=_numbered(_csv_rows(path)))
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own kinds for every broken file
        raise SheetError(t("sheets.unreadable", file=path.name, reason=str(error))) from error
    names = list(workbook.sheet_names)
    if sheet is None:
        if not names:
            raise SheetError(t("sheets.no_sheets", file=path.name))
        sheet = names[0]
    elif sheet not in names:
        raise SheetError(t("sheets.no_such_sheet", file=path.name, sheet=sheet,
                           sheets=", ".join(names)))
    values = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return Table(sheet=sheet, rows=_numbered([[cell_text(v) for v in row] for row in values]))


def _numbered(rows: Sequence[Sequence[str]]) -> tuple[Row, ...]:
    return tuple(Row(number, tuple(cells)) for number, cells in enumerate(rows, start=1))


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    for encoding in _CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 leaves only five bytes undefined
        raise SheetError(t("sheets.csv_encoding", file=path.name))
    # The header line decides: Excel writes ";" where the decimal mark is a comma, and a
    # header holds no numbers to confuse the count (csv.Sniffer guesses wrong on such files).
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(_DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [[cell.strip() for cell in row] for row in reader]

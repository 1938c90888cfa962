"""Reading a spreadsheet file into rows of text: .xlsx, .xls, .ods with calamine, .csv by hand.

Every cell comes back as text (a date as an ISO date, a whole number without ".0"), each
row with its row number as the spreadsheet shows it, so a problem can name the row. calamine
runs in a process of its own (`workbook_child`): a file that makes it abort ends that process,
not the app. Both ways keep the same limits on rows, columns and text, and say which one a file
goes beyond.
"""

from __future__ import annotations

import csv
import marshal
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from pact_tui.i18n import t
from pact_tui.model import UserError
from pact_tui.sheets import workbook_child
from pact_tui.sheets.workbook_child import MAX_FILE_BYTES, row_problem, trimmed

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = (*SPREADSHEET_SUFFIXES, ".csv")
# Excel writes csv as UTF-8 with a byte order mark ("CSV UTF-8"), as UTF-16 ("Unicode text"),
# or, on a Dutch Windows machine, as cp1252; a csv without a mark is tried as UTF-8 first.
_CSV_ENCODINGS = ("utf-8", "cp1252")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DELIMITERS = (";", ",", "\t")
# Reading a sheet of the largest allowed size takes seconds; two minutes means it never ends.
_CHILD_SECONDS = 120


class SheetError(UserError):
    """A file that cannot be read as a table (missing, unknown format, no such sheet)."""


class NoSuchSheetError(SheetError):
    """The workbook has no sheet of the name asked for."""


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


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The rows of `path` (the first sheet, or the one named `sheet`)."""
    suffix = path.suffix.casefold()
    if suffix not in SUFFIXES:
        raise SheetError(t("sheets.unknown_format", file=path.name, suffixes=", ".join(SUFFIXES)))
    if not path.is_file():
        raise SheetError(t("sheets.no_file", file=str(path)))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SheetError(t("sheets.file_too_large", file=path.name,
                           limit=MAX_FILE_BYTES // (1024 * 1024)))
    if suffix == ".csv":
        return Table(sheet=path.stem, rows=_numbered(_csv_rows(path)))
    outcome = _read_in_child(path, sheet)
    if outcome.get("error") == "no_such_sheet":
        raise NoSuchSheetError(_problem(path.name, outcome))
    if "error" in outcome:
        raise SheetError(_problem(path.name, outcome))
    return Table(sheet=str(outcome["sheet"]), rows=_numbered(outcome["rows"]))


def _read_in_child(path: Path, sheet: str | None) -> dict[str, Any]:
    """What `workbook_child` read from `path`, or the sentence for a reading that broke off."""
    command = [sys.executable, "-I", workbook_child.__file__, str(path.resolve())]
    if sheet is not None:
        command.append(sheet)
    try:
        done = subprocess.run(command, capture_output=True, timeout=_CHILD_SECONDS, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise SheetError(t("sheets.reader_stopped", file=path.name)) from None
    except OSError:
        raise SheetError(t("sheets.reader_not_started", file=path.name)) from None
    try:
        outcome = marshal.loads(done.stdout) if done.returncode == 0 else None
    except (EOFError, ValueError, TypeError):
        outcome = None
    if not isinstance(outcome, dict):
        raise SheetError(t("sheets.reader_stopped", file=path.name))
    return outcome


def _problem(file: str, problem: Mapping[str, Any]) -> str:
    """A problem `workbook_child.row_problem` or `read_sheet` found, as one sentence."""
    details = {key: value for key, value in problem.items() if key != "error"}
    if "sheets" in details:
        details["sheets"] = ", ".join(details["sheets"])
    return t(f"sheets.{problem['error']}", file=file, **details)


def _numbered(rows: Iterable[Iterable[str]]) -> tuple[Row, ...]:
    return tuple(Row(number, tuple(cells)) for number, cells in enumerate(rows, start=1))


def _csv_encodings(path: Path) -> tuple[str, ...]:
    with path.open("rb") as handle:
        head = handle.read(4)
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return (encoding,)
    return _CSV_ENCODINGS


def _csv_rows(path: Path) -> list[list[str]]:
    for encoding in _csv_encodings(path):
        try:
            with path.open(encoding=encoding, newline="") as handle:
                return _read_csv(handle, path.name)
        except UnicodeError:
            continue
    # cp1252 leaves only five bytes undefined: this is not text
    raise SheetError(t("sheets.csv_encoding", file=path.name))


def _read_csv(handle: TextIO, file: str) -> list[list[str]]:
    """The rows of an open csv, read one at a time and refused at the first that goes beyond
    the limits, so a huge file is never read whole."""
    # The header line decides: Excel writes ";" where the decimal mark is a comma, and a
    # header holds no numbers to confuse the count (csv.Sniffer guesses wrong on such files).
    first = next((line for line in handle if line.strip()), "")
    handle.seek(0)
    delimiter = max(_DELIMITERS, key=first.count)
    reader = csv.reader(handle, delimiter=delimiter)
    rows: list[list[str]] = []
    total = 0
    try:
        for number, row in enumerate(reader, start=1):
            cells = trimmed([cell.strip() for cell in row])
            problem = row_problem(number, cells, total)
            if problem is not None:
                raise SheetError(_problem(file, problem))
            total += sum(map(len, cells))
            rows.append(cells)
    except csv.Error:  # a field longer than csv's own limit, or a stray quote at the end
        raise SheetError(t("sheets.csv_broken", file=file, row=reader.line_num)) from None
    return rows

"""A sheet opened for import: its rows, the header found and the mapping to start from
(the one remembered for a file of that name, else the one its headings suggest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pact_tui.i18n import t
from pact_tui.sheets.columns import ColumnMap, find_header, guess_mapping, mapping_from, row_naming
from pact_tui.sheets.memory import remembered
from pact_tui.sheets.reading import Row, SheetError, Table, read_table


@dataclass(frozen=True)
class OpenedSheet:
    """A table with its header row (an index into `table.rows`) and a first mapping."""

    path: Path
    table: Table
    header_index: int
    mapping: ColumnMap

    @property
    def header(self) -> tuple[str, ...]:
        return self.table.rows[self.header_index].cells

    @property
    def data_rows(self) -> tuple[Row, ...]:
        return self.table.rows[self.header_index + 1:]


def open_sheet(path: Path, sheet: str | None, memory: Path, *,
               need_header: bool = True, columns: Sequence[str] = ()) -> OpenedSheet:
    """`path` read and its columns mapped; `memory` is where mappings are remembered.

    `columns` are headings the caller maps itself: the header is the row that names them
    when the headings alone do not show it. Without a header a SheetError says so, unless
    `need_header` is False: then the first row is taken as the header.
    """
    table = read_table(path, sheet)
    header = find_header(table.rows)
    if columns and (header is None or row_naming(table.rows[header:header + 1], columns) is None):
        named = row_naming(table.rows, columns)
        header = named if named is not None else header
    if header is None:
        if need_header or not table.rows:
            raise SheetError(t("sheets.no_header", file=path.name))
        header = 0
    cells = table.rows[header].cells
    known = remembered(memory, path.name)
    mapping = guess_mapping(cells) if known is None else mapping_from(cells, known)
    return OpenedSheet(path, table, header, mapping)

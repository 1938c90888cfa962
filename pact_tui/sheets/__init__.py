"""Spreadsheets in and out: an action list read into a session, a programme written as .xlsx.

    table = read_table(path)                              # rows of text (calamine in a child)
    header = find_header(table.rows)                      # index of the header row
    mapping = guess_mapping(table.rows[header].cells)     # column -> field
    result = read_actions(table.rows[header + 1:], mapping, profile, stakeholders)
    imported = new_session(result, profile, title)        # or, from a programme's sheet:
    imported = update_session(result, programme, title, commitment_rows=commitments_sheet(path))
    write_xlsx(programme, path)
"""

from pact_tui.sheets.columns import (
    FIELDS,
    ColumnMap,
    apply_overrides,
    field_for_header,
    find_header,
    guess_mapping,
)
from pact_tui.sheets.importing import Imported, Update, new_session, update_session
from pact_tui.sheets.memory import remember, remembered
from pact_tui.sheets.prepare import OpenedSheet, open_sheet
from pact_tui.sheets.reading import SUFFIXES, Row, SheetError, Table, read_table
from pact_tui.sheets.rows import MatchNote, ReadResult, RowNote, SheetAction, read_actions
from pact_tui.sheets.writing import write_xlsx

__all__ = [
    "FIELDS",
    "SUFFIXES",
    "ColumnMap",
    "Imported",
    "MatchNote",
    "OpenedSheet",
    "ReadResult",
    "Row",
    "RowNote",
    "SheetAction",
    "SheetError",
    "Table",
    "Update",
    "apply_overrides",
    "field_for_header",
    "find_header",
    "guess_mapping",
    "new_session",
    "open_sheet",
    "read_actions",
    "read_table",
    "remember",
    "remembered",
    "update_session",
    "write_xlsx",
]

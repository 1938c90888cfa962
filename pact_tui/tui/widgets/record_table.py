"""A read-only table of records (participants, notes, challenges, commitments) with keys to
add, edit and delete the row under the cursor.

The table only asks; the screen that owns the records does the change through the
editor. Keys live here, so the footer shows them exactly when such a table has focus.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from pact_tui.i18n import t
from pact_tui.tui.text import visible, visible_rich


class RecordTable(DataTable[Any]):
    """A DataTable of records whose row keys are record ids (or indexes)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "request('add')", t("tui.record.add"), id="record.add"),
        Binding("insert", "request('add')", t("tui.record.add"), show=False,
                id="record.add_insert"),
        # Enter edits as well; the footer keeps its room for the screen's own keys (ctrl+g).
        Binding("e", "request('edit')", t("tui.record.edit"), show=False, id="record.edit"),
        Binding("delete", "request('delete')", t("tui.record.delete"), id="record.delete"),
        Binding("d", "request('delete')", t("tui.record.delete"), show=False,
                id="record.delete_d"),
    ]

    class Requested(Message):
        """The user asked to add, edit or delete a record (`what`); `row` is the cursor's key."""

        def __init__(self, table: RecordTable, what: str, row: str | None) -> None:
            super().__init__()
            self.table = table
            self.what = what
            self.row = row

        @property
        def control(self) -> RecordTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.read_only_reason = ""
        """Set when the session cannot be changed: the requests are refused with this."""

    def current_key(self) -> str | None:
        """The key of the row under the cursor, or None in an empty table."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def action_request(self, what: str) -> None:
        row = self.current_key()
        if what != "add" and row is None:
            return
        if self.read_only_reason:
            self.notify(self.read_only_reason, severity="warning", markup=False)
            return
        self.post_message(self.Requested(self, what, row))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # Enter on a row edits it.
        event.stop()
        self.action_request("edit")

    def show_rows(self, rows: list[tuple[str, list[Any]]]) -> None:
        """Replace every row, keeping the cursor on the same record (or the same place)."""
        current = self.current_key()
        place = self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_row(*(_shown(cell) for cell in cells), key=key)
        keys = [key for key, _ in rows]
        if current in keys:
            self.move_cursor(row=keys.index(current))
        elif keys:
            self.move_cursor(row=min(place, len(keys) - 1))


def _shown(cell: Any) -> Any:
    """A cell of stored text as it may reach the terminal: control characters as symbols."""
    if isinstance(cell, Text):
        return visible_rich(cell, lines=False)
    return visible(cell) if isinstance(cell, str) else cell

"""The keyboard grid as a read-only list: the grid's moves and speed, Enter chooses the row.

Used where rows are picked rather than edited (the actions on Partners, the gaps on
Overzicht): thousands of rows stay instant, and the footer shows no edit keys that
would do nothing here.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from pact_tui.i18n import t
from pact_tui.tui.widgets.grid import EditGrid

_EDITING = frozenset({"edit", "long_edit", "clear_cell", "copy_above"})


def _moves() -> list[BindingType]:
    return [b for b in EditGrid.BINDINGS if isinstance(b, Binding) and b.action not in _EDITING]


class RowList(EditGrid, inherit_bindings=False):
    """Rows to move through; Enter posts Chosen with the row's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *_moves(),
        Binding("enter", "choose", t("tui.rowlist.choose"), id="rowlist.choose"),
    ]

    class Chosen(Message):
        """Enter on a row."""

        def __init__(self, row_list: RowList, row_id: str) -> None:
            super().__init__()
            self.row_list = row_list
            self.row_id = row_id

        @property
        def control(self) -> RowList:
            return self.row_list

    def action_choose(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Chosen(self, row.id))

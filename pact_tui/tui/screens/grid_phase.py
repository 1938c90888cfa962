"""A phase screen built around an EditGrid: a cell being typed in is never dropped.

The facilitator may press an F-key or quit while a cell is half typed; the text is
committed then, as if Enter had been pressed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from pact_tui.model import UserError
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.widgets.grid import EditGrid


class GridPhaseScreen(PhaseScreen):
    """Subclasses make `_grid` in their __init__ and say how an edited cell becomes a change.

    The grid is kept by reference: on unmount it has left the DOM but may hold a typed cell.
    """

    _grid: EditGrid

    @property
    def grid(self) -> EditGrid:
        return self._grid

    if TYPE_CHECKING:  # Declared for the type checker only: Textual would call a stub too.
        def on_edit_grid_cell_edited(self, message: EditGrid.CellEdited) -> None: ...

        def _cell_change(self, message: EditGrid.CellEdited) -> Callable[[], object]: ...

    def on_screen_suspend(self) -> None:
        # Leaving for another phase: what is being typed in a cell is kept, now.
        message = self.grid.finish_editing()
        if message is not None:
            self.on_edit_grid_cell_edited(message)

    def on_unmount(self) -> None:
        # The app closing mid-edit: kept too, with nothing left to redraw; a value the
        # session refuses cannot be shown any more.
        message = self.grid.finish_editing()
        if message is not None:
            with contextlib.suppress(UserError):
                self._cell_change(message)()

"""The reusable keyboard grid: the action template grid and the stakeholders grid."""

from pact_tui.tui.widgets.grid.capture_line import CaptureLine
from pact_tui.tui.widgets.grid.columns import CellKind, Column, Option, join_parties, split_parties
from pact_tui.tui.widgets.grid.grid import EditGrid

__all__ = ["CaptureLine", "CellKind", "Column", "EditGrid", "Option", "join_parties",
           "split_parties"]

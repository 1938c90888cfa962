"""The Overzicht screen's list of actions with gaps: Enter jumps to one in the Acties grid."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from pact_tui.i18n import t
from pact_tui.tui.widgets.row_list import RowList


class GapGrid(RowList):
    """The actions with gaps; Enter jumps to the action in the Acties grid."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", t("tui.overview.key_jump"), id="overview.jump"),
    ]

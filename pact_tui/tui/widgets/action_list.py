"""The Partners screen's list of actions: Enter goes to the commitments of one."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from pact_tui.i18n import t
from pact_tui.tui.widgets.row_list import RowList


class ActionList(RowList):
    """The actions; Enter goes to the commitments of the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", t("tui.partners.key_commitments"),
                id="partners.commitments"),
    ]

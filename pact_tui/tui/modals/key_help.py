"""The help screen (`?`): every key of the screen it was opened on, with what it does.

Built from that screen's active bindings when it opens, so it lists exactly the keys
that work there now, the ones the footer has no room for included.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from pact_tui.i18n import t
from pact_tui.tui.screen_keys import ScreenKey


class KeyHelpModal(ModalScreen[None]):
    """A table of keys and what they do; any of Esc, `?`, q or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,f1", "dismiss", t("tui.help.close"), id="help.close"),
    ]

    def __init__(self, keys: list[ScreenKey]) -> None:
        super().__init__(classes="key-help")
        self._keys = keys

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key in self._keys:
            table.add_row(Text(key.key), Text(key.description))
        with VerticalScroll(id="key-help-box"):
            yield Static(Text(t("tui.help.title"), style="bold"),
                         id="key-help-title")
            yield Static(table, id="key-help-keys")
            yield Static(Text(t("tui.help.hint"), style="italic"), id="key-help-hint")

    def on_mount(self) -> None:
        self.query_one("#key-help-box", VerticalScroll).focus()  # arrows scroll a long list

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

"""Asked when a session is opened that has a rescue copy newer than the file: restore it or not.

A rescue copy is what was typed while the file could not be saved (see store.rescue).
Dismisses with "restore" (the file gets the rescue copy's content), "open" (the file as
it is; the rescue copy stays where it is) or None (not now).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from pact_tui.i18n import t


class RescueModal(ModalScreen[str | None]):
    """A rescue copy was found for the session being opened."""

    DEFAULT_CSS = """
    RescueModal {
        align: center middle;
    }
    RescueModal > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        border: round $warning;
        background: $surface;
        padding: 0 1;
    }
    RescueModal #rescue-keys {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "choose('restore')", t("tui.rescue.key_restore"), id="rescue.restore"),
        Binding("o", "choose('open')", t("tui.rescue.key_open"), id="rescue.open"),
        Binding("escape", "choose('')", t("tui.unsaved.key_back"), id="rescue.back"),
    ]

    def __init__(self, path: Path, rescue: Path) -> None:
        super().__init__()
        self.path = path
        self.rescue = rescue

    def compose(self) -> ComposeResult:
        stamp = dt.datetime.fromtimestamp(self.rescue.stat().st_mtime).strftime("%d-%m %H:%M")
        with Vertical():
            yield Static(Text(t("tui.rescue.found", file=str(self.path), path=str(self.rescue),
                                time=stamp)), id="rescue-found")
            yield Static(Text(t("tui.rescue.keys")), id="rescue-keys")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

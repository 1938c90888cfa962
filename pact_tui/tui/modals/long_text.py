"""A modal editor for long cell text (Actie, Doel): several lines, saved with a key, Esc cancels."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from pact_tui.i18n import t
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.tui.text import visible


class LongTextModal(ModalScreen[str | None]):
    """Edit one text in a roomy TextArea; dismisses with the new text, or None when cancelled."""

    DEFAULT_CSS = """
    LongTextModal {
        align: center middle;
    }
    LongTextModal > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    LongTextModal #long-text-title {
        text-style: bold;
    }
    LongTextModal TextArea {
        height: 10;
        min-height: 4;
    }
    LongTextModal #long-text-keys {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", t("tui.grid.long_text_save"), id="long_text.save"),
        Binding("escape", "cancel", t("tui.grid.long_text_cancel"), id="long_text.cancel"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self._title = title
        self._text = text
        self._shown = visible(text, lines=True)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(visible(self._title)), id="long-text-title")
            yield TextArea(self._shown, soft_wrap=True, id="long-text-area")
            yield Static(Text(t("tui.grid.long_text_keys")), id="long-text-keys")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if len(text) > LONGEST_TEXT:
            # Closing would throw the typing away: the editor stays until the text fits.
            self.notify(t("tui.grid.long_text_too_long", count=len(text), limit=LONGEST_TEXT),
                        severity="warning", markup=False)
            return
        # Left as shown, the text is the stored one: its control characters, not their symbols.
        self.dismiss(self._text if text == self._shown else text)

    def action_cancel(self) -> None:
        self.dismiss(None)

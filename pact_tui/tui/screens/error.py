"""The screen shown instead of a traceback when a file cannot be opened.

It says in one sentence what is wrong and where (the store's message), names the
file, and names the last good backup when there is one, so the facilitator knows
nothing is lost and where to find it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from pact_tui.i18n import t
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.text import visible

if TYPE_CHECKING:
    from pact_tui.tui.app import PactApp


class ErrorScreen(Screen[None]):
    """A file that could not be opened: the problem, the file, the backup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape,h", "home", t("tui.error.key_home"), id="error.home"),
        Binding("q", "app.quit", t("tui.key.quit"), id="error.quit"),
    ]

    def __init__(self, path: Path, message: str, backup: Path | None) -> None:
        super().__init__(classes="error-screen")
        self.path = path
        self.message = message
        self.backup = backup

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Text(t("tui.error.title")), id="error-title")
            yield Static(Text(visible(self.message, lines=True)), id="error-message")
            yield Static(Text(t("tui.error.file", path=visible(str(self.path)))), id="error-file")
            if self.backup is not None:
                backup = t("tui.error.backup", path=visible(str(self.backup)))
            else:
                backup = t("tui.error.no_backup")
            yield Static(Text(backup), id="error-backup")
            yield Static(Text(t("tui.error.untouched")), id="error-untouched")
        yield Footer()

    def action_home(self) -> None:
        """Back to the list of sessions (made here when the file was opened directly)."""
        if any(isinstance(screen, HomeScreen) for screen in self.app.screen_stack):
            self.app.pop_screen()
        else:
            app: PactApp = self.app  # type: ignore[assignment]
            self.app.switch_screen(HomeScreen(app.sessions_dir))

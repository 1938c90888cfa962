"""The frame every phase screen shares: header bar, phase bar, read-only banner, body, footer.

A phase screen shows one part of the open session (`self.editor`, the
SessionEditor). It redraws its body in `show_session` whenever the session changed
since it last drew (`editor.version`), so an undo on another screen is visible the
moment you come back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Static

from pact_tui.editor import Change, SessionEditor
from pact_tui.i18n import t
from pact_tui.model import UserError
from pact_tui.tui.text import visible
from pact_tui.tui.widgets.phase_bar import PhaseBar, phase_label
from pact_tui.tui.widgets.record_table import RecordTable
from pact_tui.tui.widgets.session_header import SessionHeader

if TYPE_CHECKING:
    from pact_tui.tui.app import PactApp


class PhaseScreen(Screen[None]):
    """One phase of the session; subclasses set PHASE and fill `compose_body`/`show_session`."""

    PHASE: ClassVar[str]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(name=self.PHASE, classes="phase-screen")
        self.editor = editor
        self._shown_version = -1
        # Kept, not queried: see SessionHeader on why a query can miss it at shutdown.
        self._header = SessionHeader(id="session-header")

    @property
    def pact(self) -> PactApp:
        """The app, typed: the timer clocks and the session-wide commands live there."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield self._header
        yield PhaseBar(self.PHASE, id="phase-bar")
        if self.editor.read_only:
            yield Static(Text(self.read_only_text()), id="read-only-banner")
        yield from self.compose_body()
        yield Footer()

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls both).
        if self.editor.read_only:
            for table in self.query(RecordTable):
                table.read_only_reason = self.read_only_text()

    def read_only_text(self) -> str:
        """Why nothing can be changed here, in one sentence."""
        file = self.editor.file
        if file.locked_by:  # another program: it may let go, and this window follows
            return t("tui.banner.read_only_held", holder=visible(file.locked_by))
        # The folder or file system: no program to wait for, so no "close it there".
        reason = file.read_only_reason or t("tui.editing.someone")
        return t("tui.banner.read_only", reason=visible(reason))

    def compose_body(self) -> ComposeResult:
        """The phase's own widgets, between the bars and the footer."""
        yield from ()

    def show_session(self) -> None:
        """Redraw the body from `self.editor`; called when the session changed."""

    def reveal(self, change: Change) -> None:
        """Show what an undo or redo changed (a grid screen moves its cursor there)."""

    def on_screen_resume(self) -> None:
        self.refresh_header()
        self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._shown_version != self.editor.version:
            self._shown_version = self.editor.version
            try:
                self.show_session()
            except NoMatches:
                # Quitting with a cell open commits it while Textual takes the screen's
                # widgets down: the change is saved, and there is nothing left to show.
                return

    def refresh_header(self) -> None:
        if not self.is_mounted:
            return
        header = self._header
        meta = self.editor.meta
        header.show_session(
            meta.profile.name, meta.title, phase_label(self.PHASE), read_only=self.editor.read_only
        )
        header.show_clock(self.pact.clock(self.PHASE))
        header.show_saved(self.editor.last_saved, failing=self.editor.save_error is not None)

    def on_phase_bar_chosen(self, message: PhaseBar.Chosen) -> None:
        self.pact.show_phase(message.phase)

    def attempt(self, label: str, edit: Callable[[], object]) -> bool:
        """Run an edit; a user error (read-only, invalid value) becomes a notification."""
        try:
            edit()
        except UserError as error:
            self.notify(str(error), title=label, severity="error", markup=False)
            return False
        self.refresh_if_stale()
        return True

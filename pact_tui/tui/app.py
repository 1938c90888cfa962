"""The pact-tui application: the home screen, an open session's phase screens, and what spans them.

The app owns what outlives a screen: the open session (a SessionEditor), the phase
timers, the session-wide keys (F1–F6 phases, F7/F8 timer, undo/redo) and the
command palette. Each phase screen is made the first time it is shown and kept, so
switching back is instant and keeps the cursor where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from pact_tui.i18n import t
from pact_tui.model import PHASES, SessionMeta, UserError
from pact_tui.store import SessionFile
from pact_tui.tui import follow
from pact_tui.tui.editing import Changed, EditorEvent, Saved, SaveFailed, SessionEditor
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.screens.registry import phase_screen_class
from pact_tui.tui.widgets.phase_bar import phase_key, phase_label
from pact_tui.tui.widgets.phase_timer import Clock, PhaseClock

if TYPE_CHECKING:
    from pact_tui.tui.commands import PactCommands
    from pact_tui.tui.screens.home import HomeScreen


# The home screen, the error screen and the palette are imported when first needed:
# `pact-tui open FILE` and `pact-tui demo` never pay for them at start-up.
def _home_screen() -> type[HomeScreen]:
    from pact_tui.tui.screens.home import HomeScreen

    return HomeScreen


def _pact_commands() -> type[PactCommands]:
    from pact_tui.tui.commands import PactCommands

    return PactCommands


SESSION_ACTIONS = frozenset(
    {"show_phase", "timer_toggle", "timer_reset", "undo", "redo", "close_session"}
)


def _phase_bindings() -> list[Binding]:
    return [
        Binding(phase_key(phase), f"show_phase('{phase}')", phase_label(phase),
                show=False, id=f"phase.{phase}")
        for phase in PHASES
    ]


class PactApp(App[int]):
    """Live workshop sessions, typed by the facilitator while the room watches."""

    CSS_PATH = "pact.tcss"
    COMMANDS = App.COMMANDS | {_pact_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *_phase_bindings(),
        Binding("f7", "timer_toggle", t("tui.key.timer_toggle"), id="timer.toggle"),
        Binding("f8", "timer_reset", t("tui.key.timer_reset"), show=False, id="timer.reset"),
        Binding("ctrl+z", "undo", t("tui.key.undo"), show=False, id="undo"),
        Binding("ctrl+y", "redo", t("tui.key.redo"), show=False, id="redo"),
        Binding("ctrl+o", "close_session", t("tui.key.close_session"), show=False,
                id="session.close"),
        Binding("ctrl+p", "command_palette", t("tui.key.palette"), show=False,
                priority=True, id="app.palette"),
        Binding("ctrl+q", "quit", t("tui.key.quit"), show=False, priority=True, id="app.quit"),
    ]

    class EditorNews(Message):
        """Something the editor reported, brought onto the app's message queue."""

        def __init__(self, event: EditorEvent) -> None:
            super().__init__()
            self.event = event

    def __init__(
        self,
        path: Path | None,
        *,
        sessions_dir: Path,
        exports_dir: Path,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.start_path = path
        self.sessions_dir = sessions_dir
        self.exports_dir = exports_dir
        self.editor: SessionEditor | None = None
        self._clock_source = clock
        self._clocks: dict[str, PhaseClock] = {}
        self._phase_screens: dict[str, PhaseScreen] = {}
        self._stop_listening: list[Callable[[], None]] = []
        self.rescued: Path | None = None
        """Where the session went if it could not be saved when it closed (see run_app)."""
        self.title = t("tui.app.title")

    # ---- start and stop --------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        if self.start_path is None:
            self.push_screen(_home_screen()(self.sessions_dir))
        else:
            self.open_session(self.start_path)

    def on_unmount(self) -> None:
        self._close_editor()

    # ---- the open session ------------------------------------------------------------------

    def open_session(self, path: Path, phase: str | None = None) -> bool:
        """Open `path` on `phase` (else where its work is); a bad file shows the error screen."""
        self.close_session()
        try:
            file = SessionFile.open(path)
        except (UserError, OSError) as error:
            from pact_tui.tui.screens.error import ErrorScreen

            if isinstance(error, OSError):
                message = t("tui.app.unreadable", file=str(path),
                            problem=error.strerror or str(error))
            else:
                message = str(error)
            self.push_screen(ErrorScreen(path, message, getattr(error, "backup", None)))
            return False
        editor = SessionEditor(file)
        self.editor = editor
        self._clocks = {}
        self._sync_timeboxes(editor.meta)
        remove = editor.add_listener(lambda event: self.post_message(self.EditorNews(event)))
        self._stop_listening = [remove]
        self.show_phase(phase or self._first_phase(editor))
        return True

    @staticmethod
    def _first_phase(editor: SessionEditor) -> str:
        """Where the work is: the actions once there are any, else the session's own data."""
        return "acties" if editor.session.actions else "sessie"

    def close_session(self) -> None:
        """Save what is left, release the file and go back to the home screen."""
        if self.editor is None:
            return
        while isinstance(self.screen, PhaseScreen) or self.screen.is_modal:
            if len(self.screen_stack) <= 1:
                break
            self.pop_screen()
        for phase in list(self._phase_screens):
            self.uninstall_screen(f"phase-{phase}")
        self._phase_screens = {}
        self._close_editor()
        self._to_home()

    def _to_home(self) -> HomeScreen:
        """The home screen on top: the one underneath if there is one, else a new one."""
        home = _home_screen()
        if any(isinstance(screen, home) for screen in self.screen_stack):
            while not isinstance(self.screen, home):
                self.pop_screen()
            return self.screen
        screen = home(self.sessions_dir)
        self.push_screen(screen)
        return screen

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is None:
            return
        for remove in self._stop_listening:
            remove()
        self._stop_listening = []
        rescue = editor.close()
        if rescue is not None:
            self.rescued = rescue
            self.notify(t("tui.app.rescued", path=str(rescue)), severity="error", markup=False,
                        timeout=30)

    def show_phase(self, phase: str) -> PhaseScreen | None:
        """Bring the phase's screen to the front (made the first time it is asked for)."""
        if self.editor is None or phase not in PHASES:
            return None
        follow.report(self.editor.file, phase=phase)
        screen = self._phase_screens.get(phase)
        if screen is None:
            screen = phase_screen_class(phase)(self.editor)
            self._phase_screens[phase] = screen
            self.install_screen(screen, name=f"phase-{phase}")
        if self.screen is screen:
            return screen
        if isinstance(self.screen, PhaseScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return screen

    # ---- the editor's news -----------------------------------------------------------------

    def on_pact_app_editor_news(self, message: EditorNews) -> None:
        event = message.event
        if isinstance(event, Changed):
            if event.change.meta_after is not None:
                self._sync_timeboxes(event.change.meta_after)
            if isinstance(self.screen, PhaseScreen):
                self.screen.refresh_if_stale()
                self.screen.refresh_header()
        elif isinstance(event, Saved):
            if isinstance(self.screen, PhaseScreen):
                self.screen.refresh_header()
        elif isinstance(event, SaveFailed):
            if isinstance(self.screen, PhaseScreen):
                self.screen.refresh_header()
            self.notify(event.message, title=t("tui.app.save_failed"), severity="error",
                        markup=False, timeout=15)

    # ---- phase timers ----------------------------------------------------------------------

    def clock(self, phase: str) -> PhaseClock:
        """The timer of `phase`, counting down the agenda's timebox for it."""
        if phase not in self._clocks:
            self._clocks[phase] = (
                PhaseClock(clock=self._clock_source) if self._clock_source else PhaseClock()
            )
            if self.editor is not None:
                self._sync_timeboxes(self.editor.meta)
        return self._clocks[phase]

    def _sync_timeboxes(self, meta: SessionMeta) -> None:
        minutes: dict[str, int] = {}
        for item in meta.agenda:
            if item.phase:
                minutes[item.phase] = minutes.get(item.phase, 0) + item.minutes
        for phase, clock in self._clocks.items():
            clock.timebox = minutes.get(phase, 0) * 60

    def _current_phase(self) -> str | None:
        screen = self.screen
        return screen.PHASE if isinstance(screen, PhaseScreen) else None

    def _tick(self) -> None:
        # The interval can still fire while the app tears its screens down.
        if self.screen_stack and isinstance(self.screen, PhaseScreen):
            self.screen.refresh_header()

    # ---- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SESSION_ACTIONS and self.editor is None:
            return False
        return not (action in {"timer_toggle", "timer_reset"} and self._current_phase() is None)

    def action_show_phase(self, phase: str) -> None:
        self.show_phase(phase)

    def action_timer_toggle(self) -> None:
        phase = self._current_phase()
        if phase is not None:
            self.clock(phase).toggle()
            self._tick()

    def action_timer_reset(self) -> None:
        phase = self._current_phase()
        if phase is not None:
            self.clock(phase).reset()
            self._tick()

    def action_undo(self) -> None:
        self._undo_or_redo(undo=True)

    def action_redo(self) -> None:
        self._undo_or_redo(undo=False)

    def _undo_or_redo(self, *, undo: bool) -> None:
        if self.editor is None:
            return
        try:
            done = self.editor.undo() if undo else self.editor.redo()
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if done is None:
            key = "tui.editing.nothing_to_undo" if undo else "tui.editing.nothing_to_redo"
            self.notify(t(key), timeout=2)

    def action_close_session(self) -> None:
        self.close_session()

    def action_export(self) -> None:
        """Export the open session as a Word draft (from the Overzicht screen)."""
        screen = self.show_phase("overzicht")
        if screen is not None:
            screen.call_after_refresh(screen.run_action, "export")

    def action_new_session(self) -> None:
        self.close_session()
        home = self._to_home()
        home.call_after_refresh(home.run_action, "new_session")

    def action_merge(self) -> None:
        self.close_session()
        home = self._to_home()
        home.call_after_refresh(home.run_action, "merge")

    def open_merge(self) -> None:
        """The merge screen (the merge engineer's), over the home screen."""
        from pact_tui.tui.screens.merge import MergeScreen

        self.push_screen(MergeScreen(self.sessions_dir))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, in the user's language."""
        yield SystemCommand(t("tui.command.quit"), t("tui.command.quit_help"), self.action_quit)
        yield SystemCommand(
            t("tui.command.keys"), t("tui.command.keys_help"), self.action_show_help_panel
        )
        yield SystemCommand(
            t("tui.command.colours"), t("tui.command.colours_help"), self.action_change_theme
        )

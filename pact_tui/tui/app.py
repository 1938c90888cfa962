"""The pact-tui application: the home screen, an open session's phase screens, and what spans them.

The app owns what outlives a screen: the open session (a SessionEditor), the phase
timers, the session-wide keys (F1–F6 phases, F7/F8 timer, undo/redo) and the
command palette. Each phase screen is made the first time it is shown and kept, so
switching back is instant and keeps the cursor where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from pact_tui.editor import (
    Changed,
    EditorEvent,
    Saved,
    SaveFailed,
    SessionEditor,
    describe_change,
)
from pact_tui.i18n import t
from pact_tui.model import PHASES, Action, Challenge, Phase, SessionMeta, UserError
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.store import SessionFile
from pact_tui.store.lock import is_held
from pact_tui.store.rescue import find_rescue, restore_rescue
from pact_tui.tui import follow
from pact_tui.tui.copy_watch import COPY_CHECK_SECONDS, CopyWatcher
from pact_tui.tui.key_input import use_key_parser
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.screens.registry import phase_screen_class
from pact_tui.tui.screens.voting import open_voting
from pact_tui.tui.text import visible
from pact_tui.tui.typeahead import KeyLanded, TypeAhead
from pact_tui.tui.widgets.phase_bar import phase_key, phase_label
from pact_tui.tui.widgets.phase_timer import Clock, PhaseClock

if TYPE_CHECKING:
    from pact_tui.tui.commands import PactCommands
    from pact_tui.tui.screens.home import HomeScreen


def _is_day_screen(screen: Screen[object]) -> bool:
    # By name: importing the day screen here would load the merge (numpy, rapidfuzz) at start.
    return type(screen).__name__ == "DayScreen"


# The home screen, the error screen and the palette are imported when first needed:
# `pact-tui open FILE` and `pact-tui demo` never pay for them at start-up.
def _home_screen() -> type[HomeScreen]:
    from pact_tui.tui.screens.home import HomeScreen

    return HomeScreen


def _pact_commands() -> type[PactCommands]:
    from pact_tui.tui.commands import PactCommands

    return PactCommands


SESSION_ACTIONS = frozenset(
    {"show_phase", "timer_toggle", "timer_reset", "undo", "redo", "close_session", "reload"}
)

PROJECTOR_THEMES = {"dark": "textual-dark", "light": "textual-light"}
"""The colour schemes offered (by their name in the catalogue): calm, high-contrast ones."""

LOCK_CHECK_SECONDS = 2.0
"""How often a window that is read-only because another program has the file looks again."""

LEAVE_FLUSH_SECONDS = 2.0
"""How long closing waits for the last changes to reach the disk before it asks the user."""


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
        # `?` reaches the app only where no text is typed: an Input or a cell editor keeps it.
        Binding("question_mark", "help", t("tui.key.help"), id="app.help"),
        Binding("f8", "timer_reset", t("tui.key.timer_reset"), show=False, id="timer.reset"),
        Binding("ctrl+z", "undo", t("tui.key.undo"), show=False, id="undo"),
        Binding("ctrl+y", "redo", t("tui.key.redo"), show=False, id="redo"),
        Binding("ctrl+o", "close_session", t("tui.key.close_session"), show=False,
                id="session.close"),
        Binding("f9", "reload", t("tui.key.reload"), id="session.reload"),
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
        opened: SessionFile | None = None,
        day: Path | None = None,
    ) -> None:
        use_key_parser()  # an Esc followed at once by typing stays an Esc
        super().__init__()
        self.start_path = path
        self.day_folder = day
        """The folder `pact-tui day` shows: the app starts on its overview."""
        self._opened = opened
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
        self._typeahead = TypeAhead(self, super().on_event)
        self.copies = CopyWatcher(self)

    # ---- start and stop --------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.set_interval(LOCK_CHECK_SECONDS, self._check_lock)
        # Sync conflict copies of the open file are merged in as they appear.
        self.set_interval(COPY_CHECK_SECONDS, self.copies.check)
        if self.day_folder is not None:
            self.open_day(self.day_folder)
        if self.start_path is not None:
            self.open_session(self.start_path)
        elif self.day_folder is None:
            self.push_screen(_home_screen()(self.sessions_dir))

    def on_unmount(self) -> None:
        self._close_editor()

    async def on_event(self, event: events.Event) -> None:
        # Keys typed ahead of the screen go where the user sees them, in order.
        if isinstance(event, events.Key) and not event.is_forwarded and (
            await self._typeahead.take(event)
        ):
            return
        if isinstance(event, events.Paste) and len(event.text) > LONGEST_TEXT:
            # No field holds more: cut here, once for every widget, and say so.
            self.notify(t("tui.app.paste_cut", length=len(event.text), limit=LONGEST_TEXT),
                        severity="warning", timeout=10)
            event.text = event.text[:LONGEST_TEXT]
        await super().on_event(event)

    async def on_key_landed(self, message: KeyLanded) -> None:
        await self._typeahead.landed(message.number)

    # ---- the open session ------------------------------------------------------------------

    def open_session(self, path: Path, phase: str | None = None, *,
                     rescue_asked: bool = False) -> bool:
        """Open `path` on `phase` (else where its work is); a bad file shows the error screen.

        When a rescue copy newer than the file waits, the user is asked first (restore
        it or not) and the session opens after that answer: False is returned meanwhile.
        """
        self.close_session()
        # The start file the command line opened already (it looked for a rescue copy then).
        opened, self._opened = self._opened, None
        rescue = None if rescue_asked or opened is not None else find_rescue(path)
        if rescue is not None:
            from pact_tui.tui.modals.rescue import RescueModal

            self.push_screen(RescueModal(path, rescue),
                             lambda choice: self._after_rescue(path, phase, choice))
            return False
        try:
            file = opened or SessionFile.open(path)
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

    def _after_rescue(self, path: Path, phase: str | None, choice: str | None) -> None:
        if choice is None:
            self._to_home()
            return
        if choice == "restore":
            try:
                restore_rescue(path)
            except (UserError, OSError) as error:
                self.notify(str(error), severity="error", markup=False, timeout=15)
            else:
                self.notify(t("tui.rescue.restored", file=str(path)), markup=False)
        self.open_session(path, phase, rescue_asked=True)

    @staticmethod
    def _first_phase(editor: SessionEditor) -> str:
        """Where the work is: the actions once there are any, else the session's own data."""
        return Phase.ACTIONS if editor.session.actions else Phase.SESSION

    def close_session(self, *, discard: bool = False) -> None:
        """Save what is left, release the file and go back to the home screen.

        With `discard`, changes that have not reached the file are not waited for (the
        user chose so in the UnsavedModal); they stay in the rescue copy.
        """
        if self.editor is None:
            return
        while isinstance(self.screen, PhaseScreen) or self.screen.is_modal:
            if len(self.screen_stack) <= 1:
                break
            self.pop_screen()
        for phase in list(self._phase_screens):
            self.uninstall_screen(f"phase-{phase}")
        self._phase_screens = {}
        self._close_editor(discard=discard)
        if not _is_day_screen(self.screen):  # a breakout opened from the day goes back there
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

    def _close_editor(self, *, discard: bool = False) -> None:
        editor, self.editor = self.editor, None
        if editor is None:
            return
        for remove in self._stop_listening:
            remove()
        self._stop_listening = []
        rescue = editor.close(discard=discard)
        if rescue is not None:
            self.rescued = rescue
            key = "tui.unsaved.left_behind" if discard else "tui.app.rescued"
            self.notify(t(key, path=str(rescue)), severity="error", markup=False, timeout=30)

    def leave_session(self, then: Callable[[bool], None], *, quitting: bool = False) -> None:
        """Run `then(discard)` once the open session may be left.

        When every change is in the file (or nothing is open) that is at once. When
        saving fails, the UnsavedModal asks first: retry, save a copy, or leave knowing
        what is not saved; Esc there keeps the session open and `then` is not run.
        """
        editor = self.editor
        if editor is None or editor.read_only or (
            editor.save_error is None and editor.flush(LEAVE_FLUSH_SECONDS)
        ):
            then(False)
            return
        from pact_tui.tui.modals.unsaved import UnsavedModal

        if isinstance(self.screen, UnsavedModal):  # already asking
            return

        def decided(choice: str | None) -> None:
            if choice is not None:
                then(choice != "saved")

        self.push_screen(UnsavedModal(editor, quitting=quitting), decided)

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
        if not self.screen_stack:  # news read after the app took its screens down
            return
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
        if action == "reload":  # only where there is something to reload for
            return self.editor is not None and self.editor.read_only
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
            return
        if isinstance(self.screen, PhaseScreen):
            self.screen.refresh_if_stale()
            self.screen.reveal(done)
        self.notify(describe_change(done, undone=undo), markup=False, timeout=4)

    def action_close_session(self) -> None:
        self.leave_session(lambda discard: self.close_session(discard=discard))

    async def action_quit(self) -> None:
        """Quit; while saving fails, the user is asked what to do with the unsaved changes."""

        def leave(discard: bool) -> None:
            if discard:
                self._close_editor(discard=True)
            # Otherwise the editor closes when the app unmounts: after a cell being edited
            # has committed what was typed, so that is saved too.
            self.exit()

        self.leave_session(leave, quitting=True)

    # ---- read-only windows -------------------------------------------------------------------

    def _check_lock(self) -> None:
        """Reload a read-only session as soon as the program that held it let it go."""
        editor = self.editor
        if editor is None or not editor.read_only or not editor.file.locked_by:
            return
        if not is_held(editor.path):
            self.action_reload()

    def action_count_votes(self, table: str) -> None:
        """Voting mode for the actions or the challenges (`screens/voting.py`)."""
        kind = Action if table == "actions" else Challenge
        open_voting(self.push_screen, self.editor, kind,
                    lambda text: self.notify(text, severity="warning", markup=False))

    def action_reload(self) -> None:
        """Open the read-only session again: writable if nobody holds it any more."""
        editor = self.editor
        if editor is None or not editor.read_only:
            return
        path = editor.path
        if editor.file.locked_by and is_held(path):
            self.notify(t("tui.read_only.still_held", holder=editor.file.locked_by),
                        severity="warning", markup=False)
            return
        phase = self._current_phase()
        self.close_session()
        if not self.open_session(path, phase) or self.editor is None:
            return
        if self.editor.read_only:
            file = self.editor.file
            message = (t("tui.read_only.still_held", holder=file.locked_by) if file.locked_by
                       else t("tui.read_only.still", reason=file.read_only_reason))
            self.notify(message, severity="warning", markup=False)
        else:
            self.notify(t("tui.read_only.writable", file=str(path)), markup=False, timeout=8)

    def action_export(self) -> None:
        """Export the open session as a Word draft (from the Overzicht screen)."""
        screen = self.show_phase(Phase.OVERVIEW)
        if screen is not None:
            screen.call_after_refresh(screen.run_action, "export")

    def action_new_session(self) -> None:
        self.leave_session(lambda discard: self._home_then(discard, "new_session"))

    def action_merge(self) -> None:
        self.leave_session(lambda discard: self._home_then(discard, "merge"))

    def _home_then(self, discard: bool, action: str) -> None:
        self.close_session(discard=discard)
        home = self._to_home()
        home.call_after_refresh(home.run_action, action)

    def open_day(self, folder: Path) -> None:
        """The live overview of a day folder (`pact-tui day`)."""
        from pact_tui.tui.day.screen import DayScreen

        self.push_screen(DayScreen(folder))

    def action_day(self) -> None:
        self.leave_session(lambda discard: self._day_of_sessions(discard))

    def _day_of_sessions(self, discard: bool) -> None:
        self.close_session(discard=discard)
        if not _is_day_screen(self.screen):
            self.open_day(self.sessions_dir)

    def open_merge(self) -> None:
        """The merge screen, over the home screen."""
        from pact_tui.tui.screens.merge import MergeScreen

        self.push_screen(MergeScreen(self.sessions_dir))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (from any screen) with stored text made visible, never a command."""
        super().notify(visible(message, lines=True), title=visible(title), severity=severity,
                       timeout=timeout, markup=markup)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, in the user's language; of its themes only those that
        read well on a projector."""
        yield SystemCommand(t("tui.command.quit"), t("tui.command.quit_help"), self.action_quit)
        yield SystemCommand(t("tui.command.keys"), t("tui.command.keys_help"), self.action_help)
        for name, theme in PROJECTOR_THEMES.items():
            yield SystemCommand(t("tui.command.colours", name=t(f"tui.theme.{name}")),
                                t("tui.command.colours_help"), partial(self._use_theme, theme))

    def _use_theme(self, theme: str) -> None:
        self.theme = theme

    def action_command_palette(self) -> None:
        """The palette, with its search line in the user's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder=t("tui.command.placeholder"),
                                            id="--command-palette"))

    def action_help(self) -> None:
        """The keys of the screen on top, every one of them, in a window over it."""
        from pact_tui.tui.modals.key_help import KeyHelpModal
        from pact_tui.tui.screen_keys import screen_keys

        if not isinstance(self.screen, KeyHelpModal):
            self.push_screen(KeyHelpModal(screen_keys(self.screen)))

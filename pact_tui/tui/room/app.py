"""The room view: a read-only picture of a session for the projector, following the file.

It reads the session file whenever it is saved (a watcher thread, the store's
reader; it never takes the file's lock) and, while following, the facilitator's
sidecar: the same phase, the same theme, the current item marked; while the facilitator
counts votes, the top of the page, where the tally grows. Its own keys
(phases, theme, scrolling) stop the following until `f` turns it on again. A file
that cannot be read is named in a message line; the last good picture stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from pact_tui.i18n import t
from pact_tui.model import PHASES, Phase, Session, now_utc
from pact_tui.tui.follow import FollowState
from pact_tui.tui.room.page_view import PageView
from pact_tui.tui.room.pages import Page, Place, action_theme, build_page
from pact_tui.tui.room.shown import shown
from pact_tui.tui.room.watch import Watcher
from pact_tui.tui.widgets.phase_bar import phase_label


def _phase_bindings() -> list[Binding]:
    return [Binding(f"f{number}", f"show_phase('{phase}')", phase_label(phase), show=False,
                    id=f"room.phase.{phase}")
            for number, phase in enumerate(PHASES, start=1)]


class RoomApp(App[None]):
    """A session as the room sees it, following the facilitator or driven by its own keys."""

    # Absolute, so that a subclass elsewhere (the benchmark's) finds it too.
    CSS_PATH = Path(__file__).parent.parent / "room.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        *_phase_bindings(),
        Binding("t", "next_theme", t("tui.room.key.theme"), id="room.theme"),
        Binding("up", "move(-1)", t("tui.room.key.up"), id="room.up"),
        Binding("down", "move(1)", t("tui.room.key.down"), id="room.down"),
        Binding("pageup", "move(-5)", t("tui.room.key.up"), id="room.page_up"),
        Binding("pagedown", "move(5)", t("tui.room.key.down"), id="room.page_down"),
        Binding("f", "toggle_follow", t("tui.room.key.follow"), id="room.follow"),
        Binding("q,ctrl+q", "quit", t("tui.room.key.quit"), priority=True, id="room.quit"),
    ]

    class SessionRead(Message):
        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    class Arriving(Message):
        """The file does not read whole yet: a sync engine may still be writing it."""

    class ReadFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class FollowMoved(Message):
        def __init__(self, state: FollowState | None) -> None:
            super().__init__()
            self.state = state

    def __init__(self, path: Path, *, follow: bool = True) -> None:
        super().__init__()
        self.path = path
        self.following = follow
        self.session: Session | None = None
        self.read_at: dt.datetime | None = None
        self.problem = ""
        self.arriving = False
        self.facilitator = FollowState()
        self.own = Place(phase="")
        self.at_top = False
        """Moved up past the first item with the own keys: the page is shown from its top."""
        self.page: Page | None = None
        self.title = t("tui.room.app_title")
        self._watcher = Watcher(
            path,
            on_session=lambda session: self._from_watcher(self.SessionRead(session)),
            on_arriving=lambda: self._from_watcher(self.Arriving()),
            on_problem=lambda problem: self._from_watcher(self.ReadFailed(problem)),
            on_follow=lambda state: self._from_watcher(self.FollowMoved(state)),
        )

    def compose(self) -> ComposeResult:
        yield Static("", id="room-title")
        yield Static("", id="room-message")
        yield PageView(id="room-page")
        yield Static("", id="room-keys")

    def on_mount(self) -> None:
        self.query_one("#room-message").display = False
        self._show()
        self._watcher.start()

    def on_unmount(self) -> None:
        self._watcher.stop()

    # ---- news from the watcher -------------------------------------------------------------

    def _from_watcher(self, message: Message) -> None:
        # The watcher may finish a read while the app shuts down and its loop is gone.
        with contextlib.suppress(RuntimeError):
            self.post_message(message)

    def on_room_app_session_read(self, message: SessionRead) -> None:
        self.session = message.session
        # Keep the cycle collector from walking the thousands of objects of the session just
        # read on every collection (as the editor does); the one before is freed by its
        # reference count all the same.
        gc.freeze()
        self.read_at = now_utc()
        self.problem = ""
        self.arriving = False
        self._show()
        self.call_after_refresh(self.painted)

    def on_room_app_arriving(self, message: Arriving) -> None:
        self.arriving = True
        self._show()

    def on_room_app_read_failed(self, message: ReadFailed) -> None:
        self.problem = message.problem
        self.arriving = False
        self._show()

    def on_room_app_follow_moved(self, message: FollowMoved) -> None:
        self.facilitator = message.state or FollowState()
        if self.following:
            self._show()

    def painted(self) -> None:
        """Called once a session just read is on the screen."""

    # ---- where to look ---------------------------------------------------------------------

    def place(self) -> Place:
        """What the page shows: the facilitator's place while following, else our own."""
        if self.following:
            state = self.facilitator
            phase = state.phase if state.phase in PHASES else self._first_phase()
            return Place(phase=phase or Phase.ACTIONS, theme=state.theme, item=state.item)
        return self.own if self.own.phase else Place(phase=self._first_phase())

    def _first_phase(self) -> str:
        """With no word from the facilitator: the actions once there are any."""
        return Phase.ACTIONS if self.session is not None and self.session.actions else Phase.SESSION

    # ---- drawing ---------------------------------------------------------------------------

    def _show(self) -> None:
        self._show_message()
        self._show_keys()
        if self.session is None:
            self.query_one("#room-title", Static).update(
                Text(t("tui.room.app_title") + " · " + shown(self.path.name), style="bold"))
            return
        place = self.place()
        page = build_page(self.session, place, now_utc())
        self.page = page
        anchor = page.anchor
        if self.facilitator.voting if self.following else self.at_top:
            anchor = 0  # the top of the page: the vote tally, the matrix
        elif not self.following and place.item is not None:
            anchor = next((i for i, block in enumerate(page.blocks) if block.key == place.item),
                          anchor)
        self.query_one(PageView).show(page, anchor)
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(f" {phase_label(place.phase)}", style="bold")
        title.append(f" · {page.title}")
        self.query_one("#room-title", Static).update(title)

    def _show_message(self) -> None:
        line = self.query_one("#room-message", Static)
        line.display = bool(self.problem) or self.arriving
        kept = ""
        if self.read_at is not None:
            kept = " " + t("tui.room.kept", time=self.read_at.astimezone().strftime("%H:%M:%S"))
        if self.problem:
            line.update(Text("⚠ " + shown(self.problem, lines=True) + kept))
        elif self.arriving:
            line.update(Text(t("tui.room.arriving") + kept))

    def _show_keys(self) -> None:
        state = t("tui.room.following") if self.following else t("tui.room.own_keys")
        self.query_one("#room-keys", Static).update(
            Text(f" {state} · {t('tui.room.keys')}", no_wrap=True, overflow="ellipsis"))

    # ---- own keys --------------------------------------------------------------------------

    def _take_over(self) -> Place:
        """Stop following, starting from where the facilitator is."""
        if self.following:
            place = self.place()
            if place.phase == Phase.ACTIONS and self.session is not None:
                place = Place(place.phase, action_theme(self.session, place), place.item)
            self.own = place
            self.following = False
        return self.place()

    def action_show_phase(self, phase: str) -> None:
        place = self._take_over()
        self.at_top = False
        self.own = Place(phase=phase, theme=place.theme)
        self._show()

    def action_next_theme(self) -> None:
        if self.session is None:
            return
        place = self._take_over()
        keys: list[str | None] = [None, *(theme.key for theme in self.session.profile.themes)]
        current = place.theme if place.theme in keys else None
        theme = keys[(keys.index(current) + 1) % len(keys)]
        self.at_top = False
        # Themes are what the Acties page is cut by: choosing one shows it there.
        self.own = Place(phase=Phase.ACTIONS, theme=theme)
        self._show()

    def action_move(self, step: int) -> None:
        place = self._take_over()
        page = self.page
        if page is None or not page.blocks:
            return
        keyed = [i for i, block in enumerate(page.blocks) if block.key is not None]
        if not keyed:
            return
        at = next((i for i in keyed if page.blocks[i].key == place.item), None)
        if self.at_top and step < 0:
            return  # already at the top of the page
        if self.at_top:
            target = keyed[0]
        elif at is None:
            # Nothing marked yet: start at the item nearest to what is in view.
            start = page.anchor or 0
            target = min(keyed, key=lambda i: abs(i - start))
        elif step < 0 and at == keyed[0] and at > 0:
            # Above the first item: the page's top (the vote tally, the matrix) comes back.
            self.at_top = True
            self.own = Place(place.phase, place.theme)
            self._show()
            return
        else:
            target = keyed[max(0, min(len(keyed) - 1, keyed.index(at) + step))]
        self.at_top = False
        self.own = Place(place.phase, place.theme, page.blocks[target].key)
        self._show()

    def action_toggle_follow(self) -> None:
        if self.following:
            self._take_over()
        else:
            self.following = True
            self.at_top = False
        self._show()

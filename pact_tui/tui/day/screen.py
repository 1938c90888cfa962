"""The day overview: every breakout of a day folder on one screen, live, for the plenary.

One card per breakout: its title, the laptop that keeps it, when its file last arrived,
how many actions it added, changed and deleted against the programme, and the newest of
those as they are typed; ⚑ marks an action that looks like one of another breakout (the
merge's own finder). The bottom line names those pairs. ▶ marks the card under the
cursor (a sign, not only a colour). Enter opens that breakout (editable only on its own
laptop), n makes a new breakout on this laptop, o takes one over from a laptop that is
gone, m merges the day into the programme in the merge screen. The folder is watched
from a thread (`watch.py`); this screen only draws what it is handed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.box import HEAVY, ROUNDED
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from pact_tui.i18n import t, tn
from pact_tui.merge.day import DayDuplicate, flagged, new_breakout
from pact_tui.model import UserError
from pact_tui.model.file_names import free_path
from pact_tui.store import SessionFile, create_session, session_filename
from pact_tui.store.laptop import this_laptop
from pact_tui.tui.day.watch import DayFile, DayState, DayWatcher
from pact_tui.tui.modals.form import ChoiceField, FormDialog, FormValues, TextField
from pact_tui.tui.text import visible

CARD_WIDTH = 38
"""The narrowest a card reads well: two side by side at 80 columns, more on a projector."""
NEWEST_SHOWN = (1, 12)
"""How many of a breakout's newest actions a card shows: at least, at most."""
CARD_LINES = 5
"""A card's lines besides its actions: two of border, laptop and time, counts, status."""
DUPLICATES_SHOWN = 3

Flags = dict[tuple[str, str], list[DayDuplicate]]


class DayCards(Static):
    """Every breakout's card in one widget: a grid of bordered panels, all the same height,
    drawn by Rich in one go (a widget per card would each be styled and laid out anew)."""

    def show(self, breakouts: Sequence[DayFile], flags: Flags, *, columns: int,
             newest: int, cursor: int) -> None:
        grid = Table.grid(expand=True, padding=(0, 1))
        for _ in range(columns):
            grid.add_column(ratio=1)
        panels = [_card(file, flags, newest, index == cursor)
                  for index, file in enumerate(breakouts)]
        for row in range(0, len(panels), columns):
            grid.add_row(*panels[row:row + columns])
        self.update(grid)


class DayScreen(Screen[None]):
    """The day of a folder: its programme and the breakouts started from it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", t("tui.day.key_open"), id="day.open"),
        Binding("n", "new", t("tui.day.key_new"), id="day.new"),
        Binding("m", "merge_day", t("tui.day.key_merge"), id="day.merge"),
        Binding("o", "take_over", t("tui.day.key_take_over"), id="day.take_over"),
        Binding("down", "move(1)", t("tui.day.key_next"), show=False, id="day.down"),
        Binding("up", "move(-1)", t("tui.day.key_previous"), show=False, id="day.up"),
        Binding("right", "move_row(1)", t("tui.day.key_next"), show=False, id="day.right"),
        Binding("left", "move_row(-1)", t("tui.day.key_previous"), show=False, id="day.left"),
        Binding("escape", "back", t("tui.day.key_back"), id="day.back"),
    ]

    class StateArrived(Message):
        """The watcher's news, brought onto the screen's message queue."""

        def __init__(self, state: DayState) -> None:
            super().__init__()
            self.state = state

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.state: DayState | None = None
        self.cursor = 0
        self._columns = 1
        self._newest = NEWEST_SHOWN[1]
        self._flags: tuple[DayState | None, Flags] = (None, {})
        self._watcher = DayWatcher(folder, lambda state: self.post_message(
            self.StateArrived(state)))

    def compose(self) -> ComposeResult:
        yield Static("", id="day-heading")
        # Not focusable: the arrows move the cursor over the cards, the scroll follows it.
        with VerticalScroll(id="day-scroll", can_focus=False):
            yield DayCards(id="day-cards")
        yield Static("", id="day-duplicates")
        yield Footer()

    def on_mount(self) -> None:
        self._say_heading()
        self._watcher.start()

    def on_unmount(self) -> None:
        self._watcher.stop()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    # ---- drawing ------------------------------------------------------------------------

    def on_day_screen_state_arrived(self, message: StateArrived) -> None:
        self.state = message.state
        self._say_heading()
        self._fit()
        self.call_after_refresh(self._watcher.drawn)

    def _say_heading(self) -> None:
        state = self.state
        programme = state.programme if state is not None else None
        title = programme.title if programme is not None else t("tui.day.no_programme")
        count = len(state.breakouts) if state is not None else 0
        self.query_one("#day-heading", Static).update(Text(visible(t(
            "tui.day.heading", folder=self.folder.resolve().name, programme=title,
            breakouts=tn("tui.day.breakouts", count)))))

    def _fit(self) -> None:
        """As many cards side by side as fit, and as many actions per card as let every
        card be seen at once (within bounds); then draw."""
        width = max(self.size.width, CARD_WIDTH)
        count = len(self.state.breakouts) if self.state is not None else 0
        self._columns = max(1, min(width // CARD_WIDTH, count or 1))
        self._newest = self._newest_that_fit()
        self._draw()
        # The lines of duplicates below may have changed the room left: fit again once laid out.
        self.call_after_refresh(self._refit)

    def _newest_that_fit(self) -> int:
        count = len(self.state.breakouts) if self.state is not None else 0
        rows = max(1, math.ceil(count / self._columns))
        height = self.query_one("#day-scroll").size.height or self.size.height
        low, high = NEWEST_SHOWN
        return max(low, min(high, height // rows - CARD_LINES))

    def _refit(self) -> None:
        if self.is_attached and self._newest_that_fit() != self._newest:
            self._newest = self._newest_that_fit()
            self._draw()

    def _draw(self) -> None:
        state = self.state
        breakouts = state.breakouts if state is not None else ()
        self.cursor = min(self.cursor, max(len(breakouts) - 1, 0))
        if self._flags[0] is not state:
            self._flags = (state, flagged(state.duplicates) if state is not None else {})
        self.query_one("#day-cards", DayCards).show(
            breakouts, self._flags[1], columns=self._columns, newest=self._newest,
            cursor=self.cursor)
        self._say_duplicates()

    def _say_duplicates(self) -> None:
        state = self.state
        duplicates = state.duplicates if state is not None else ()
        titles = {file.path.name: file.title for file in state.breakouts} if state else {}
        lines = [t("tui.day.duplicate_line", first=d.proposal.labels[0],
                   first_in=titles.get(d.keep_in, d.keep_in), second=d.proposal.labels[1],
                   second_in=titles.get(d.other_in, d.other_in))
                 for d in duplicates[:DUPLICATES_SHOWN]]
        if len(duplicates) > DUPLICATES_SHOWN:
            lines.append(tn("tui.day.more_duplicates", len(duplicates) - DUPLICATES_SHOWN))
        if state is not None and not state.breakouts:
            lines = [t("tui.day.empty", folder=str(self.folder))]
        text = "\n".join(lines) if lines else t("tui.day.no_duplicates")
        self.query_one("#day-duplicates", Static).update(Text(visible(text, lines=True)))

    # ---- the cursor ---------------------------------------------------------------------

    def _current(self) -> DayFile | None:
        if self.state is None or not self.state.breakouts:
            return None
        return self.state.breakouts[self.cursor]

    def action_move(self, step: int) -> None:
        self._move(step * self._columns)

    def action_move_row(self, step: int) -> None:
        self._move(step)

    def _move(self, step: int) -> None:
        count = len(self.state.breakouts) if self.state is not None else 0
        if not count:
            return
        self.cursor = min(max(self.cursor + step, 0), count - 1)
        self._draw()
        # Every card is as high as the others: its row says where it is.
        top = (self.cursor // self._columns) * (self._newest + CARD_LINES)
        scroll = self.query_one("#day-scroll", VerticalScroll)
        height = self._newest + CARD_LINES
        if not scroll.scroll_y <= top <= scroll.scroll_y + scroll.size.height - height:
            scroll.scroll_to(y=top, animate=False, immediate=True)

    # ---- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Esc goes back only to a screen the day was opened from (the home screen).
        return action != "back" or len(self.app.screen_stack) > 2

    def action_back(self) -> None:
        self.dismiss()

    def action_open(self) -> None:
        file = self._current()
        if file is None:
            return
        if file.session is None:
            self.notify(t("tui.day.not_arrived", file=file.path.name), severity="warning")
            return
        self.app.open_session(file.path)  # type: ignore[attr-defined]

    def action_new(self) -> None:
        """Ask the breakout's title; make its file on this laptop and open it."""
        programme = self.state.programme if self.state is not None else None
        if programme is None or programme.session is None:
            self.notify(t("tui.day.no_programme_for_new", folder=str(self.folder)),
                        severity="warning", markup=False)
            return
        source = programme.session
        made: list[Path] = []

        def submit(values: FormValues) -> None:
            breakout = new_breakout(source, str(values["title"]), this_laptop())
            path = free_path(self.folder, session_filename(breakout.meta))
            made.append(create_session(path, breakout.meta, breakout))

        def done(saved: bool | None) -> None:
            if saved and made:
                self._watcher.look_now()
                self.app.open_session(made[-1])  # type: ignore[attr-defined]

        self.app.push_screen(FormDialog(t("tui.day.new_title"), [
            TextField("title", t("tui.day.field_title"), required=True)], submit), done)

    def action_take_over(self) -> None:
        """After a confirmation, this laptop keeps the breakout under the cursor."""
        file = self._current()
        if file is None or file.session is None:
            return
        laptop = file.session.meta.laptop
        if laptop is None or laptop.id == this_laptop().id:
            self.notify(t("tui.day.already_writable", title=file.title), markup=False)
            return
        answer: list[str] = []

        def submit(values: FormValues) -> None:
            answer.append(str(values["confirm"]))

        def done(saved: bool | None) -> None:
            if saved and answer == ["yes"]:
                self._take_over(file)

        options = [("yes", t("tui.day.take_over_yes")), ("no", t("tui.day.take_over_no"))]
        field = ChoiceField("confirm", t("tui.day.take_over_text", laptop=laptop.name), options,
                            value=("no",), required=True)
        self.app.push_screen(FormDialog(t("tui.day.take_over_title", title=file.title),
                                        [field], submit), done)

    def _take_over(self, file: DayFile) -> None:
        try:
            with SessionFile.open(file.path, take_over=True) as opened:
                if opened.read_only:
                    raise UserError(t("tui.day.take_over_failed", title=file.title,
                                      reason=opened.read_only_reason))
        except (UserError, OSError) as error:
            self.notify(str(error), severity="error", markup=False, timeout=15)
            return
        self._watcher.look_now()
        self.notify(t("tui.day.taken_over", title=file.title), markup=False)

    def action_merge_day(self) -> None:
        """The programme and every breakout into the merge screen; written into the programme."""
        state = self.state
        programme = state.programme if state is not None else None
        if state is None or programme is None or programme.session is None or not any(
                file.session is not None for file in state.breakouts):
            self.notify(t("tui.day.nothing_to_merge"), severity="warning")
            return
        from pact_tui.tui.screens.merge import MergeScreen

        chosen = [programme.path, *(file.path for file in state.breakouts
                                    if file.session is not None)]
        self.app.push_screen(MergeScreen(self.folder, chosen=chosen, into=programme.path))


def _card(file: DayFile, flags: Flags, newest: int, cursor: bool) -> Panel:
    """One breakout's card: ▶ and a heavy border under the cursor (not only a colour)."""
    title = Text(visible(("▶ " if cursor else "") + file.title), style="bold")
    return Panel(_card_text(file, flags, newest), title=title, title_align="left",
                 box=HEAVY if cursor else ROUNDED, height=newest + CARD_LINES,
                 border_style="bold" if cursor else "dim", padding=(0, 1))


def _card_text(file: DayFile, flags: Flags, newest: int) -> Text:
    """What a card says: who keeps it and when it arrived, its counts, its newest actions."""
    session = file.session
    laptop = session.meta.laptop if session is not None else None
    who = laptop.name if laptop is not None else t("tui.day.no_laptop")
    when = file.arrived.strftime("%H:%M:%S") if file.arrived is not None else "—"
    text = Text(visible(t("tui.day.kept_on", laptop=who, time=when)), style="dim",
                no_wrap=True, overflow="ellipsis")
    changes = file.changes
    text.append("\n" + t("tui.day.counts", added=len(changes.added),
                          changed=len(changes.changed), deleted=len(changes.deleted)),
                style="bold")
    # The third line says what is the matter, and is there (empty) when nothing is.
    doubles = sum(1 for action in changes.fresh if (file.path.name, action.id) in flags)
    text.append("\n")
    if file.problem:
        text.append(visible(t("tui.day.unreadable_shown", problem=file.problem)),
                    style="bold red")
    elif file.syncing:
        text.append(t("tui.day.syncing"), style="italic")
    elif file.merged:
        text.append(t("tui.day.merged"))
    if doubles:
        text.append(("  " if file.problem or file.syncing or file.merged else "") +
                    tn("tui.day.doubles", doubles), style="bold")
    for copy in file.copies:
        line = t("tui.day.copy_arriving", copy=copy.name) if copy.arriving else \
            tn("tui.day.copy_conflicts", copy.conflicts, copy=copy.name) if copy.conflicts \
            else t("tui.day.copy", copy=copy.name)
        text.append("\n" + visible(line), style="italic")
    profile = session.profile if session is not None else None
    for is_new, action in changes.newest(max(newest - len(file.copies), 0)):
        sign = "⚑" if (file.path.name, action.id) in flags else ("+" if is_new else "~")
        theme = profile.theme_label(action.theme) if profile is not None else action.theme
        text.append("\n" + visible(t("tui.day.action_line", sign=sign, title=action.title,
                                     theme=theme)))
    return text

"""Voting mode: the tally of a dot-voting round typed as fast as the stickers are read aloud.

The cursor walks the actions (or challenges); digits build the row's count, Enter (or ↓)
sets it and moves down, so a count under 10 costs two keys. `+`/`-` adjust, Backspace
clears. The header names the round; the side shows the total and the top of the round,
updated with every count. Every count goes through the SessionEditor: saved at once,
undone with ctrl+z. While it is open, the room view (following) shows the tally.

Only the rows on screen are drawn and the top is ranked over the rows with votes, so a
key costs the same in a file of 50 actions as in one of 5,000.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from pact_tui.editor import Changed, EditorEvent, SessionEditor
from pact_tui.i18n import t, tn
from pact_tui.model import Action, Challenge, UserError, VotingRound
from pact_tui.model.votes import count, latest_round, round_from_text, top, with_count
from pact_tui.tui import follow
from pact_tui.tui.text import visible

Voted = Action | Challenge

TOP_SIZES = (10, 5, 3)
"""The sizes of the top the side shows; `t` also filters the rows to it."""

MAX_COUNT = 9999


class VotingScreen(Screen[None]):
    """Typing the counts of one voting round for the actions or the challenges."""


    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down", "next_row", t("tui.voting.key.next"), id="voting.next"),
        Binding("up", "previous_row", t("tui.voting.key.previous"), show=False,
                id="voting.previous"),
        Binding("pagedown", "page(1)", t("tui.voting.key.page_down"), show=False,
                id="voting.page_down"),
        Binding("pageup", "page(-1)", t("tui.voting.key.page_up"), show=False,
                id="voting.page_up"),
        # The footer shows Enter, the matrix, Esc and help at 80 columns; `?` lists the rest.
        Binding("plus,equals_sign", "adjust(1)", "+1", show=False, id="voting.more"),
        Binding("minus", "adjust(-1)", "-1", show=False, id="voting.less"),
        Binding("backspace", "clear", t("tui.voting.key.clear"), show=False, id="voting.clear"),
        Binding("t", "top", t("tui.voting.key.top"), show=False, id="voting.top"),
        Binding("s", "sort", t("tui.voting.key.sort"), show=False, id="voting.sort"),
        Binding("n", "new_round", t("tui.voting.key.new_round"), show=False,
                id="voting.new_round"),
        Binding("r", "next_round", t("tui.voting.key.next_round"), show=False,
                id="voting.next_round"),
        Binding("m", "matrix", t("tui.voting.key.matrix"), id="voting.matrix"),
        Binding("escape", "close", t("tui.voting.key.close"), id="voting.close"),
    ]

    def __init__(self, editor: SessionEditor, kind: type[Voted]) -> None:
        super().__init__(classes="voting-screen")
        self.editor = editor
        self.kind = kind
        self.round: VotingRound | None = latest_round(editor.meta.voting_rounds)
        self.cursor = 0
        self.pending = ""
        self.top_size: int | None = None  # filtering the rows to the top, or showing all
        self.by_votes = False
        self._items: dict[str, Voted] = {}  # every row's item as it is now, by id
        self._order: list[str] = []  # the facilitator's order
        self._rows: list[str] = []  # the ids shown, in the order shown
        self._index: dict[str, int] = {}
        self._voted: dict[str, Voted] = {}  # the items with votes in the round
        self._position: dict[str, int] = {}
        self._stop_listening: Callable[[], None] | None = None

    # ---- building -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="voting-header")
        yield Input(placeholder=t("tui.voting.round_name"), id="voting-round-name")
        yield Static(id="voting-current")
        with Horizontal(id="voting-body"):
            yield Static(id="voting-rows")
            with Vertical(id="voting-side"):
                yield Static(id="voting-total")
                yield Static(id="voting-top")
        yield Footer()

    def on_mount(self) -> None:
        follow.report(self.editor.file, voting=True)  # the room turns to the tally
        self._stop_listening = self.editor.add_listener(self._heard)
        self._load()
        if self.round is None:
            self._ask_round()
        else:
            self._hide_round_name()
        self._draw()

    def on_unmount(self) -> None:
        follow.report(self.editor.file, voting=False)
        if self._stop_listening is not None:
            self._stop_listening()

    def on_resize(self) -> None:
        self._draw()

    def _load(self) -> None:
        items: list[Voted] = (list(self.editor.actions()) if self.kind is Action
                              else list(self.editor.items(Challenge)))
        self._items = {item.id: item for item in items}
        self._order = [item.id for item in items]
        self._position = {key: index for index, key in enumerate(self._order)}
        self._arrange()

    def _arrange(self) -> None:
        """The rows in the order and filter asked for; the cursor stays on its item."""
        current = self.current
        round_id = self.round.id if self.round is not None else ""
        self._voted = {key: item for key, item in self._items.items() if count(item, round_id)}
        rows = list(self._order)
        if self.round is not None and self.top_size is not None:
            rows = [item.id for item in top(self._ordered_voted(), round_id, self.top_size)]
        elif self.round is not None and self.by_votes:
            rows.sort(key=lambda key: -count(self._items[key], round_id))
        self._rows = rows
        self._index = {key: index for index, key in enumerate(rows)}
        self.cursor = self._index.get(current.id, 0) if current is not None else 0

    def _ordered_voted(self) -> list[Voted]:
        """The items with votes, in the facilitator's order (ties in the top keep it)."""
        return sorted(self._voted.values(), key=lambda item: self._position.get(item.id, 0))

    @property
    def current(self) -> Voted | None:
        if 0 <= self.cursor < len(self._rows):
            return self._items.get(self._rows[self.cursor])
        return None

    # ---- the round --------------------------------------------------------------------------

    def _ask_round(self) -> None:
        name = self.query_one("#voting-round-name", Input)
        name.display = True
        name.disabled = False
        name.value = ""
        name.focus()

    def _hide_round_name(self) -> None:
        # Disabled as well as hidden: a hidden input could still be given the focus.
        name = self.query_one("#voting-round-name", Input)
        name.display = False
        name.disabled = True
        self.set_focus(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            self.notify(t("tui.voting.round_name_needed"), severity="warning", timeout=4)
            return
        voting = round_from_text(name, dt.date.today())
        try:
            self.editor.update_meta(voting_rounds=(*self.editor.meta.voting_rounds, voting))
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.round = voting
        self._hide_round_name()
        self._arrange()
        self._draw()

    def action_new_round(self) -> None:
        self._ask_round()

    def action_next_round(self) -> None:
        rounds = self.editor.meta.voting_rounds
        if not rounds:
            return
        ids = [voting.id for voting in rounds]
        at = ids.index(self.round.id) if self.round is not None and self.round.id in ids else -1
        self.round = rounds[(at + 1) % len(rounds)]
        self.pending = ""
        self._arrange()
        self._draw()

    # ---- counting ---------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.focused is not None:  # the round's name is being typed
            return
        if event.character is not None and event.character.isdigit() and len(event.key) == 1:
            event.stop()
            event.prevent_default()
            if len(self.pending) < len(str(MAX_COUNT)):
                self.pending += event.character
            self._draw()

    def _set(self, value: int) -> None:
        item = self.current
        if item is None or self.round is None:
            return
        value = max(0, min(MAX_COUNT, value))
        if count(item, self.round.id) == value:
            return
        try:
            self.editor.update(item, votes=with_count(item.votes, self.round.id, value))
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)

    def _commit_pending(self) -> None:
        if self.pending:
            value, self.pending = int(self.pending), ""
            self._set(value)

    def _move(self, step: int) -> None:
        self._commit_pending()
        if self._rows:
            self.cursor = max(0, min(len(self._rows) - 1, self.cursor + step))
        self._draw()

    def action_next_row(self) -> None:
        self._move(1)

    def action_previous_row(self) -> None:
        self._move(-1)

    def action_page(self, direction: int) -> None:
        self._move(direction * max(1, self._visible_height() - 1))

    def action_adjust(self, step: int) -> None:
        item = self.current
        if item is None or self.round is None:
            return
        base = int(self.pending) if self.pending else count(item, self.round.id)
        self.pending = ""
        self._set(base + step)
        self._draw()

    def action_clear(self) -> None:
        if self.pending:
            self.pending = self.pending[:-1]
            self._draw()
            return
        self._set(0)
        self._draw()

    def action_top(self) -> None:
        self._commit_pending()
        sizes: list[int | None] = [*TOP_SIZES, None]
        self.top_size = sizes[(sizes.index(self.top_size) + 1) % len(sizes)]
        self._arrange()
        self.cursor = 0
        self._draw()

    def action_sort(self) -> None:
        self._commit_pending()
        self.by_votes = not self.by_votes
        self._arrange()
        self.cursor = 0  # a new order is read from its top
        self._draw()

    def action_matrix(self) -> None:
        from pact_tui.tui.screens.impact_effort import ImpactEffortScreen

        self._commit_pending()
        self.app.push_screen(ImpactEffortScreen(self.editor))

    def action_close(self) -> None:
        if self.focused is not None and self.round is None:
            self.dismiss(None)
            return
        if self.focused is not None:
            self._hide_round_name()
            return
        self._commit_pending()
        self.dismiss(None)

    # ---- following the editor ---------------------------------------------------------------

    def _heard(self, event: EditorEvent) -> None:
        if not isinstance(event, Changed):
            return
        change = event.change
        if change.meta_after is not None:
            ids = {voting.id for voting in change.meta_after.voting_rounds}
            if self.round is not None and self.round.id not in ids:
                self.round = latest_round(change.meta_after.voting_rounds)
                if self.round is None:
                    self._ask_round()
        mine = [c for c in change.items if c.kind is self.kind]
        if change.meta_after is not None or any(c.before is None or c.after is None
                                                for c in mine):
            self._load()  # a round or an item came or went: rare, so rebuild
        else:
            round_id = self.round.id if self.round is not None else ""
            for item_change in mine:
                after = item_change.after
                assert isinstance(after, Action | Challenge)
                self._items[after.id] = after
                self._voted.pop(after.id, None)
                if count(after, round_id):
                    self._voted[after.id] = after
        if self.is_mounted:
            self._draw()

    # ---- drawing ----------------------------------------------------------------------------

    def _visible_height(self) -> int:
        return max(1, self.query_one("#voting-rows", Static).size.height or 20)

    def _draw(self) -> None:
        self._draw_header()
        self._draw_current()
        self._draw_rows()
        self._draw_side()

    def _draw_header(self) -> None:
        noun = t("tui.voting.of_actions" if self.kind is Action else "tui.voting.of_challenges")
        if self.round is None:
            text = t("tui.voting.header_no_round", what=noun)
        else:
            text = t("tui.voting.header", what=noun, name=visible(self.round.name),
                     date=self.round.date.strftime("%d-%m-%Y"))
            if self.round.dots:
                text += " · " + t("tui.voting.dots", dots=self.round.dots)
        if self.top_size is not None:
            text += " · " + t("tui.voting.filtered_top", size=self.top_size)
        elif self.by_votes:
            text += " · " + t("tui.voting.sorted")
        self.query_one("#voting-header", Static).update(Text(text, style="bold"))

    def _draw_current(self) -> None:
        item = self.current
        shown = Text()
        if item is not None:
            votes = self.pending or str(count(item, self.round.id) if self.round else 0)
            shown.append(f" {votes:>4} ", style="bold reverse")
            shown.append("  ")
            shown.append(visible(item.label()), style="bold")
        elif not self._rows:
            shown.append(t("tui.voting.no_rows"))
        self.query_one("#voting-current", Static).update(shown)

    def _draw_rows(self) -> None:
        height = self._visible_height()
        width = max(10, self.query_one("#voting-rows", Static).content_size.width or 60)
        first = min(max(0, self.cursor - height // 2), max(0, len(self._rows) - height))
        round_id = self.round.id if self.round else ""
        lines = Text(no_wrap=True, overflow="ellipsis")
        for index in range(first, min(len(self._rows), first + height)):
            item = self._items[self._rows[index]]
            here = index == self.cursor
            number = self.pending if here and self.pending else str(count(item, round_id) or "")
            line = Text(f"{'▸' if here else ' '} {number:>4}  ", style="bold" if here else "")
            line.append(visible(item.label()))
            line.truncate(width, overflow="ellipsis")
            if here:
                line.stylize("reverse")
            if index > first:
                lines.append("\n")
            lines.append(line)
        self.query_one("#voting-rows", Static).update(lines)

    def _draw_side(self) -> None:
        round_id = self.round.id if self.round else ""
        voted = self._ordered_voted()
        total = sum(count(item, round_id) for item in voted)
        self.query_one("#voting-total", Static).update(Text(
            tn("tui.voting.total", total, voted=len(voted), rows=len(self._order)),
            style="bold"))
        size = self.top_size or TOP_SIZES[0]
        shown = Text(t("tui.voting.top_title", size=size), style="bold")
        width = max(10, self.query_one("#voting-top", Static).content_size.width or 30)
        for place, item in enumerate(top(voted, round_id, size), start=1):
            line = Text(f"\n{place:>2}. {count(item, round_id):>4}  ")
            line.append(visible(item.label()))
            line.truncate(width + 1, overflow="ellipsis")
            shown.append(line)
        self.query_one("#voting-top", Static).update(shown)


def open_voting(app_push: Callable[[Screen[None]], object], editor: SessionEditor | None,
                kind: type[Voted], notify: Callable[[str], object]) -> None:
    """Open voting mode on `editor`'s session, or say in one sentence why it cannot."""
    if editor is None:
        return
    if editor.read_only:
        notify(t("tui.voting.read_only"))
        return
    app_push(VotingScreen(editor, kind))

"""The impact–effort matrix: the actions in four quadrants, moved by keyboard.

High impact on top, low effort on the left: quick wins, major projects, fill-ins and
thankless tasks, with the actions not yet scored below. Arrows walk the quadrants and
their actions; 1–4 move the action to that quadrant (its scores change as little as they
can), `i` or `e` then a digit sets its impact or effort. Every change goes through the
SessionEditor, so it is saved at once and undone with ctrl+z.

The matrix opens on the actions still to score, and an action scored from that list
leaves the cursor there, on the next one: scoring a room's worth of actions is a run of
keys without chasing the cursor. A panel longer than its box scrolls with the cursor,
with "nog N" lines for the actions out of sight.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer, Static

from pact_tui.editor import Changed, EditorEvent, SessionEditor
from pact_tui.i18n import t
from pact_tui.model import Action, UserError
from pact_tui.model.votes import QUADRANTS, SCORES, quadrant, scores_for
from pact_tui.tui.scroll_window import window
from pact_tui.tui.text import visible

UNSCORED = "unscored"
PANELS = (*QUADRANTS, UNSCORED)
"""The panels in reading order: the 2x2, then the actions without both scores."""


def panels_of(actions: list[Action]) -> dict[str, list[Action]]:
    """The actions of each panel, in the order given."""
    found: dict[str, list[Action]] = {panel: [] for panel in PANELS}
    for action in actions:
        found[quadrant(action) or UNSCORED].append(action)
    return found


class ImpactEffortScreen(Screen[None]):
    """The 2x2 of impact and effort with the actions of each quadrant."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "across(-1)", t("tui.matrix.left"), show=False, id="matrix.left"),
        Binding("right", "across(1)", t("tui.matrix.right"), show=False, id="matrix.right"),
        Binding("up", "along(-1)", t("tui.matrix.up"), show=False, id="matrix.up"),
        Binding("down", "along(1)", t("tui.matrix.down"), show=False, id="matrix.down"),
        Binding("tab", "next_panel", t("tui.matrix.key.next_panel"), id="matrix.next_panel"),
        # The header line says what i and e do; the footer keeps room for Esc and help.
        Binding("i", "score('impact')", t("tui.matrix.key.impact"), show=False,
                id="matrix.impact"),
        Binding("e", "score('effort')", t("tui.matrix.key.effort"), show=False,
                id="matrix.effort"),
        Binding("escape", "close", t("tui.matrix.key.close"), id="matrix.close"),
    ]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(classes="matrix-screen")
        self.editor = editor
        self.panel = 0
        self.row = 0
        self.scoring: str | None = None  # "impact" or "effort" while its digit is awaited
        self._panels: dict[str, list[Action]] = {}
        self._stop_listening: Callable[[], None] | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("tui.matrix.title"), style="bold"), id="matrix-header")
        with Grid(id="matrix-grid"):
            for panel in QUADRANTS:
                yield Static(id=f"matrix-{panel}", classes="matrix-quadrant")
        yield Static(id=f"matrix-{UNSCORED}")
        yield Footer()

    def on_mount(self) -> None:
        self._stop_listening = self.editor.add_listener(self._heard)
        self._load()
        self.panel = self._first_panel()
        self.row = 0
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _first_panel(self) -> int:
        """The actions still to score, or else the first quadrant with actions."""
        order = [PANELS.index(UNSCORED), *range(len(QUADRANTS))]
        return next((index for index in order if self._panels[PANELS[index]]), 0)

    def on_unmount(self) -> None:
        if self._stop_listening is not None:
            self._stop_listening()

    def _heard(self, event: EditorEvent) -> None:
        if isinstance(event, Changed) and event.change.touches(Action) and self.is_mounted:
            self._load()

    def _load(self) -> None:
        current = self.current
        on_unscored = PANELS[self.panel] == UNSCORED
        self._panels = panels_of(self.editor.actions())
        unscored = {action.id for action in self._panels[UNSCORED]}
        # Scored from the list, the action leaves it; the cursor stays, on the next one.
        stays = on_unscored and bool(unscored)
        if current is not None and not (stays and current.id not in unscored):
            for index, panel in enumerate(PANELS):
                ids = [action.id for action in self._panels[panel]]
                if current.id in ids:
                    self.panel, self.row = index, ids.index(current.id)
                    break
        self._clamp()
        self._draw()

    @property
    def current(self) -> Action | None:
        actions = self._panels.get(PANELS[self.panel], [])
        return actions[self.row] if 0 <= self.row < len(actions) else None

    def _clamp(self) -> None:
        size = len(self._panels.get(PANELS[self.panel], []))
        self.row = max(0, min(self.row, size - 1))

    # ---- keys ---------------------------------------------------------------------------------

    def action_across(self, step: int) -> None:
        if self.panel < len(QUADRANTS):
            column = (self.panel % 2 + step) % 2
            self.panel = self.panel - self.panel % 2 + column
        self._clamp()
        self._draw()

    def action_along(self, step: int) -> None:
        size = len(self._panels.get(PANELS[self.panel], []))
        row = self.row + step
        if 0 <= row < size:
            self.row = row
        elif step > 0 and self.panel + 2 < len(PANELS) - 1:
            self.panel, self.row = self.panel + 2, 0  # from the top half into the bottom
        elif step > 0 and self.panel < len(QUADRANTS):
            self.panel, self.row = len(QUADRANTS), 0  # into the unscored actions
        elif step < 0 and self.panel >= 2:
            self.panel = self.panel - 2 if self.panel < len(QUADRANTS) else 0
            self.row = max(0, len(self._panels[PANELS[self.panel]]) - 1)
        self._clamp()
        self._draw()

    def action_next_panel(self) -> None:
        self.panel = (self.panel + 1) % len(PANELS)
        self.row = 0
        self._clamp()
        self._draw()

    def action_score(self, name: str) -> None:
        if self.current is None:
            return
        self.scoring = name
        self._draw()

    def action_close(self) -> None:
        if self.scoring is not None:
            self.scoring = None
            self._draw()
            return
        self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if character is None or len(event.key) != 1 or not character.isdigit():
            return
        event.stop()
        event.prevent_default()
        action = self.current
        digit = int(character)
        if action is None:
            return
        if self.scoring is not None:
            name, self.scoring = self.scoring, None
            if digit in SCORES:
                self._change(action, **{name: digit})
            else:
                self._draw()
        elif 1 <= digit <= len(QUADRANTS):
            impact, effort = scores_for(action, QUADRANTS[digit - 1])
            self._change(action, impact=impact, effort=effort)

    def _change(self, action: Action, **changes: int) -> None:
        if self.editor.read_only:
            self.notify(t("tui.voting.read_only"), severity="warning", timeout=4)
            return
        try:
            self.editor.update(action, **changes)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)

    # ---- drawing ------------------------------------------------------------------------------

    def _draw(self) -> None:
        if not self.is_mounted:
            return
        for index, panel in enumerate(PANELS):
            box = self.query_one(f"#matrix-{panel}", Static)
            box.update(self._panel_text(index, box.content_size.height or 1,
                                        box.content_size.width or 40))
        hint = t("tui.matrix.hint") if self.scoring is None else t(
            "tui.matrix.scoring", what=t(f"model.template.{self.scoring}"))
        self.query_one("#matrix-header", Static).update(
            Text(f"{t('tui.matrix.title')} · {hint}", style="bold"))

    def _panel_text(self, index: int, height: int, width: int) -> Text:
        """The panel's title and as many of its actions as fit under it, the cursor's among them."""
        panel = PANELS[index]
        actions = self._panels[panel]
        here = index == self.panel
        title = t(f"model.quadrant.{panel}") if panel != UNSCORED else t("tui.matrix.unscored")
        number = f"{index + 1} " if panel != UNSCORED else ""
        shown = Text(f"{number}{title} ({len(actions)})", style="bold reverse" if here else "bold")
        shown.truncate(width, overflow="ellipsis")
        rows = window(len(actions), self.row if here else 0, max(1, height - 1))
        if rows.above():
            shown.append("\n" + t("tui.matrix.more_above", count=rows.above()), style="italic")
        for row in range(rows.first, rows.last):
            action = actions[row]
            selected = here and row == self.row
            scores = f"{action.impact or '·'}/{action.effort or '·'}"
            line = Text(f"{'▸' if selected else ' '} {scores} ")
            line.append(visible(action.title))
            line.truncate(width, overflow="ellipsis")
            if selected:
                line.stylize("reverse", 1)
            shown.append("\n")
            shown.append(line)
        if rows.below(len(actions)):
            shown.append("\n" + t("tui.matrix.more_below", count=rows.below(len(actions))),
                         style="italic")
        return shown

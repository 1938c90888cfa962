"""Phase 4, Acties: the ambitions per theme and the action template grid.

Typed live while the room talks: a capture line for a quick new action (typed by the
grid, which keeps the focus, so keys typed ahead land in order), the grid to refine
every column by keyboard, a filter per theme (ctrl+t, then a digit) and by text, sort
by any column, and a detail pane that shows the whole current row and what it still
misses. Every change goes through the SessionEditor, so it is saved at once and the
app's undo (ctrl+z) and redo (ctrl+y) reach it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from pact_tui.editor import Change, SessionEditor, changed_column
from pact_tui.i18n import t
from pact_tui.model import Action, Ambition, Phase, UserError
from pact_tui.model.capture import captured_action
from pact_tui.model.rules import ordered_actions
from pact_tui.model.template import FieldGroup, search_text, template_field
from pact_tui.tui import follow
from pact_tui.tui.screens.action_columns import CellOutcome, action_columns, apply_cell
from pact_tui.tui.screens.action_detail import action_detail
from pact_tui.tui.screens.grid_phase import GridPhaseScreen
from pact_tui.tui.text import visible_rich
from pact_tui.tui.widgets.grid import CaptureLine, EditGrid

EDITING_ACTIONS = frozenset({"capture", "duplicate", "delete", "move", "make_stakeholders"})
"""Keys that change the session: switched off on a read-only session."""


class ActionsScreen(GridPhaseScreen):
    """The action grid with its capture line, filters, ambitions and detail pane."""

    PHASE = Phase.ACTIONS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "capture('action')", t("tui.actions.key.new"), id="actions.new"),
        Binding("ctrl+d", "duplicate", t("tui.actions.key.duplicate"), show=False,
                id="actions.duplicate"),
        Binding("ctrl+k", "delete", t("tui.actions.key.delete"), show=False, id="actions.delete"),
        Binding("alt+up,ctrl+up", "move(-1)", t("tui.actions.key.move_up"), show=False,
                id="actions.move_up"),
        Binding("alt+down,ctrl+down", "move(1)", t("tui.actions.key.move_down"), show=False,
                id="actions.move_down"),
        Binding("ctrl+t", "next_theme", t("tui.actions.key.next_theme"), show=False,
                id="actions.next_theme"),
        Binding("ctrl+f", "search", t("tui.actions.key.search"), show=False, id="actions.search"),
        Binding("ctrl+r", "sort", t("tui.actions.key.sort"), show=False, id="actions.sort"),
        Binding("ctrl+a", "capture('ambition')", t("tui.actions.key.new_ambition"), show=False,
                id="actions.new_ambition"),
        Binding("ctrl+l", "make_stakeholders", t("tui.actions.key.make_stakeholders"),
                show=False, id="actions.make_stakeholders"),
        Binding("ctrl+g", "app.count_votes('actions')", t("tui.key.voting"), id="actions.voting"),
        # The filter line names ctrl+x and the columns it shows next: the footer keeps its room.
        Binding("ctrl+x", "next_columns", t("tui.actions.key.columns"), show=False,
                id="actions.columns"),
    ]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(editor)
        self.theme: str | None = None
        self.search_text = ""
        self.sort_column: str | None = None
        self.sort_reverse = False
        self._capture_mode = "action"
        self._visible: list[Action] = []
        self._index: dict[str, int] = {}
        self._rows_version = -1
        self.column_group = FieldGroup.WORKSHOP
        self._grid = EditGrid(action_columns(editor, self.column_group),
                              empty_text=t("tui.actions.empty"), id="action-grid")
        self._grid.read_only = editor.read_only
        self._grid.on_commit = self.on_edit_grid_cell_edited
        self._grid.on_capture = self._capture
        self._grid.intercept = self._theme_key
        self._picking_theme = False
        self._total = 0

    # ---- layout ----------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="actions-bar"):
            yield Static("", id="actions-filters")
            yield Input(placeholder=t("tui.actions.search_placeholder"), id="actions-search",
                        compact=True)
        yield Static("", id="actions-ambitions")
        yield CaptureLine(id="actions-capture")
        yield self._grid
        yield Static("", id="action-detail")

    def on_mount(self) -> None:
        self.grid.capture_line = self.query_one("#actions-capture", CaptureLine)
        self._show_capture_prompt()
        self.grid.focus()

    # ---- drawing ---------------------------------------------------------------------------

    def show_session(self) -> None:
        if not self.is_mounted:
            return
        change = self.editor.change_since(self._rows_version)
        if change is None or not self._patch_rows(change):
            self._visible = self._filtered_sorted()
            self._index = {action.id: index for index, action in enumerate(self._visible)}
            self._total = len(self.editor.items(Action))
            self.grid.set_rows(self._visible)
        self._rows_version = self.editor.version
        self.grid.set_header_marks(
            {self.sort_column: "▼" if self.sort_reverse else "▲"} if self.sort_column else {}
        )
        self._show_filters()
        self._show_ambitions()
        self._show_capture_prompt()
        self._show_detail()

    def _rebuild(self) -> None:
        """Show the rows again from scratch (the filter or the sort changed)."""
        self._rows_version = -1
        self.show_session()

    def _patch_rows(self, change: Change) -> bool:
        """Put edited actions in place when the edit leaves the rows and their order as they
        were (a typed cell, mostly): no re-filtering or re-sorting of thousands of rows.
        False when the rows must be rebuilt instead."""
        if self.sort_column is not None or change.meta_after is not None:
            return False
        patches: list[tuple[int, Action]] = []
        for step in change.items:
            if step.kind is not Action:
                continue
            before, after = step.before, step.after
            if not isinstance(before, Action) or not isinstance(after, Action):
                return False
            if before.position != after.position:
                return False
            index = self._index.get(after.id)
            if (index is not None) != self._matches(after):
                return False
            if index is not None:
                patches.append((index, after))
        for index, action in patches:
            self._visible[index] = action
            self.grid.replace_row(index, action)
        return True

    def _matches(self, action: Action) -> bool:
        if self.theme is not None and action.theme != self.theme:
            return False
        return not self.search_text or self.search_text.casefold() in search_text(
            action, self.editor.meta.profile)

    def _filtered_sorted(self) -> list[Action]:
        actions = ordered_actions(self.editor.items(Action))
        if self.theme is not None or self.search_text:
            actions = [a for a in actions if self._matches(a)]
        if self.sort_column is not None:
            key = self._sort_key(self.sort_column)
            actions.sort(key=key, reverse=self.sort_reverse)
        return actions

    def _sort_key(self, column: str) -> Callable[[Action], Any]:
        """Choices sort in profile order, empty cells last, text alphabetically."""
        profile = self.editor.meta.profile
        field = template_field(column)
        return lambda action: field.sort_key(action, profile)

    def _show_filters(self) -> None:
        profile = self.editor.meta.profile
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(t("tui.actions.theme_filter") + " ", style="bold")
        label = profile.theme_label(self.theme) if self.theme else t("tui.actions.all_themes")
        text.append(label, style="reverse" if self.theme else "")
        total = self._total  # counted when the rows change: a cursor move copies nothing
        row = self.grid.cursor_row + 1 if self._visible else 0
        shown = len(self._visible)
        position = f"{row}/{shown}" if shown == total else f"{row}/{shown} ({total})"
        text.append(f"  {position}", style="dim")
        if self.search_text:
            text.append("  " + t("tui.actions.searching", text=self.search_text), style="italic")
        # The footer has no room for it at 80 columns: which columns ctrl+x shows next.
        text.append("  " + t("tui.actions.other_columns",
                             group=t(f"tui.actions.columns.{self._next_group().value}")),
                    style="dim")
        self.query_one("#actions-filters", Static).update(visible_rich(text))

    def _show_ambitions(self) -> None:
        """The theme's ambitions; right after ctrl+t, the digits that pick a theme instead."""
        profile = self.editor.meta.profile
        ambitions_line = self.query_one("#actions-ambitions", Static)
        ambitions_line.set_class(self._picking_theme, "-picking")
        if self._picking_theme:
            labels = [theme.label for theme in profile.themes[:9]]
            prompt = t("tui.actions.pick_theme")
            if len(prompt) + sum(len(label) + 5 for label in labels) > 2 * (self.size.width - 2):
                labels = [label.split()[0] for label in labels]  # fit two lines at 80 columns
            choices = [f"{n} {label}" for n, label in enumerate(labels, 1)]
            choices.append(f"0 {t('tui.actions.all_themes')}")
            ambitions_line.update(visible_rich(Text(f"{prompt} {' · '.join(choices)}",
                                                    style="bold")))
            return
        ambitions = self.editor.items(Ambition)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(t("tui.actions.ambitions") + " ", style="bold")
        if self.theme is not None:
            titles = [a.title for a in ambitions if a.theme == self.theme]
            text.append(" · ".join(titles) if titles else t("tui.actions.no_ambitions"))
        else:
            counts = [(theme.label, sum(a.theme == theme.key for a in ambitions))
                      for theme in profile.themes]
            shown = [f"{label} {count}" for label, count in counts if count]
            text.append(" · ".join(shown) if shown else t("tui.actions.no_ambitions"))
        ambitions_line.update(visible_rich(text))

    def _capture_theme(self) -> str:
        return self.theme or self.editor.meta.profile.themes[0].key

    def _show_capture_prompt(self) -> None:
        label = self.editor.meta.profile.theme_label(self._capture_theme())
        key = "tui.actions.capture_ambition" if self._capture_mode == "ambition" else (
            "tui.actions.capture")
        self.query_one("#actions-capture", CaptureLine).set_prompt(t(key, theme=label))

    def _show_detail(self) -> None:
        detail = self.query_one("#action-detail", Static)
        action = self.grid.current_row
        follow.report(self.editor.file, theme=self.theme, item=action)
        if action is None:
            detail.update(Text(t("tui.actions.detail_empty"), style="dim"))
            return
        detail.update(visible_rich(action_detail(action, self.editor.meta.profile)))

    # ---- the grid's news -------------------------------------------------------------------

    def on_edit_grid_cursor_moved(self, message: EditGrid.CursorMoved) -> None:
        message.stop()
        self._show_detail()
        self._show_filters()

    def on_edit_grid_cell_edited(self, message: EditGrid.CellEdited) -> None:
        """A committed cell, at once (the grid calls this before it reads the next key)."""
        message.stop()
        self._apply_cell(message)

    def _apply_cell(self, message: EditGrid.CellEdited) -> None:
        column = next(c for c in self.grid.columns if c.key == message.column_key)
        outcome = []
        if not self.attempt(column.title, lambda: outcome.append(self._cell_change(message)())):
            return
        result = outcome[0]
        if result is None:
            return
        if result.problem:
            self.notify(result.problem, title=column.title, severity="warning", markup=False,
                        timeout=6)
        if result.new_stakeholders:
            self.notify(t("tui.actions.made_stakeholders",
                          names=", ".join(result.new_stakeholders)), markup=False, timeout=3)

    def _cell_change(self, message: EditGrid.CellEdited) -> Callable[[], CellOutcome | None]:
        """The edit a committed cell asks for (nothing if its action is gone meanwhile)."""
        action = self.editor.get(Action, message.row_key)
        if action is None:
            return lambda: None
        return lambda: apply_cell(self.editor, action, message.column_key, message.value)

    # ---- capture line and search ------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.grid.focus()

    def _capture(self, text: str) -> str | None:
        """A new action (or ambition) typed in the capture line; the new action's id."""
        if self._capture_mode == "ambition":
            theme = self._capture_theme()
            self.attempt(t("tui.actions.key.new_ambition"),
                         lambda: self.editor.add(Ambition(theme=theme, title=text)))
            return None
        previous = self.grid.current_row
        action = captured_action(text, previous=previous, theme=self.theme,
                                 profile=self.editor.meta.profile,
                                 position=self.editor.next_position())
        if not self.attempt(t("tui.actions.key.new"), lambda: self.editor.add(action)):
            return None
        self.grid.move_to(action.id, "goal")
        self._show_capture_prompt()
        return action.id

    def on_unmount(self) -> None:
        # The app closing with a title typed in the capture line: it becomes the row.
        text = self.grid.finish_capture()
        if text and self._capture_mode == "action" and not self.editor.read_only:
            with contextlib.suppress(UserError):
                self.editor.add(captured_action(
                    text, previous=self.grid.current_row, theme=self.theme,
                    profile=self.editor.meta.profile, position=self.editor.next_position()))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "actions-search":
            event.stop()
            self.search_text = event.value.strip()
            self._rebuild()

    def on_key(self, event: events.Key) -> None:
        # Esc in the search field goes back to the grid.
        focused = self.focused
        if event.key == "escape" and isinstance(focused, Input):
            event.stop()
            if focused.value:
                focused.value = ""
            self.grid.focus()

    # ---- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.editor.read_only and action in EDITING_ACTIONS)

    def action_capture(self, mode: str) -> None:
        self._capture_mode = mode
        self.grid.focus()
        self.grid.start_capture()
        self._show_capture_prompt()

    def action_search(self) -> None:
        self.query_one("#actions-search", Input).focus()

    def action_duplicate(self) -> None:
        action = self.grid.current_row
        if action is None:
            return
        copies: list[Action] = []
        if self.attempt(t("tui.actions.key.duplicate"),
                        lambda: copies.append(self.editor.duplicate_action(action))):
            self.grid.move_to(copies[0].id)

    def action_delete(self) -> None:
        action = self.grid.current_row
        if action is None:
            return
        if self.attempt(t("tui.actions.key.delete"), lambda: self.editor.delete_action(action)):
            self.notify(t("tui.actions.deleted", title=action.title[:60]), markup=False,
                        timeout=4)

    def _next_group(self) -> FieldGroup:
        groups = list(FieldGroup)
        return groups[(groups.index(self.column_group) + 1) % len(groups)]

    def action_next_columns(self) -> None:
        """ctrl+x: the other group of columns (workshop or progress); Thema and Actie stay."""
        self.column_group = self._next_group()
        self.grid.set_columns(action_columns(self.editor, self.column_group))
        self._rebuild()

    def action_move(self, step: int) -> None:
        if self.sort_column is not None:
            self.notify(t("tui.actions.unsort_to_move"), markup=False, timeout=4)
            return
        index = self.grid.cursor_row
        other = index + step
        if not (0 <= index < len(self._visible) and 0 <= other < len(self._visible)):
            return
        first, second = self._visible[index], self._visible[other]
        self.attempt(t("tui.actions.key.move_up" if step < 0 else "tui.actions.key.move_down"),
                     lambda: self.editor.swap_actions(first, second))

    def action_next_theme(self) -> None:
        """ctrl+t: show the themes by digit; the digit then picks (0 all). Again: the next."""
        if self._picking_theme:
            keys = [None, *(theme.key for theme in self.editor.meta.profile.themes)]
            self._set_theme(keys[(keys.index(self.theme) + 1) % len(keys)])
        self._picking_theme = True
        self._show_ambitions()

    def _theme_key(self, key: str, character: str | None) -> bool:
        """The key after ctrl+t: a digit picks the theme, Esc keeps the filter; any other
        key ends the choice and does what it always does. No timeout: a digit is never
        left to fall into a cell because the app was slow."""
        if not self._picking_theme or key == "ctrl+t":
            return False
        self._picking_theme = False
        self._show_ambitions()
        themes = self.editor.meta.profile.themes
        if character is not None and character.isdigit() and len(character) == 1:
            number = int(character)
            if number <= len(themes):
                self._set_theme(themes[number - 1].key if number else None)
            else:
                self.app.bell()
            return True
        return key == "escape"

    def _set_theme(self, theme: str | None) -> None:
        if theme != self.theme:
            self.theme = theme
            self._rebuild()

    def reveal(self, change: Change) -> None:
        """Put the cursor on the action an undo or redo changed (the filter allowing)."""
        step = next((c for c in change.items if c.kind is Action), None)
        if step is None:
            return
        column = changed_column(step.before, step.after)
        self.grid.move_to(step.item_id, column)

    def action_sort(self) -> None:
        """Sort by the cursor's column: ascending, then descending, then the own order again."""
        column = self.grid.cursor_column.key
        if self.sort_column != column:
            self.sort_column, self.sort_reverse = column, False
        elif not self.sort_reverse:
            self.sort_reverse = True
        else:
            self.sort_column, self.sort_reverse = None, False
        self._rebuild()

    def action_make_stakeholders(self) -> None:
        """Make every party of the current row that is no stakeholder yet into one, and link it."""
        action = self.grid.current_row
        if action is None:
            return
        refs = [*action.parties, *([action.lead] if action.lead else [])]
        names = list(dict.fromkeys(r.name for r in refs if r.stakeholder_id is None))
        if not names:
            self.notify(t("tui.actions.no_new_parties"), markup=False, timeout=3)
            return

        def make() -> None:
            with self.editor.transaction():
                current = self.editor.get(Action, action.id) or action
                _, parties = self.editor.link_parties(current.parties)
                lead = self.editor.link_parties([current.lead])[1][0] if current.lead else None
                self.editor.update(current, parties=parties, lead=lead)

        if self.attempt(t("tui.actions.key.make_stakeholders"), make):
            self.notify(t("tui.actions.made_stakeholders", names=", ".join(names)),
                        markup=False, timeout=4)

"""Phase 2, Stakeholders & stand van zaken: who has a stake, and the state of affairs per theme.

The stakeholders are a keyboard grid (the same grid as the actions): type a name in
the capture line and Enter, then fill category, themes, contact and notes cell by
cell. The status notes (stand van zaken) are listed per theme underneath, added and
edited in a small form. ctrl+w moves between the two parts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label

from pact_tui.editor import SessionEditor
from pact_tui.i18n import t
from pact_tui.model import Phase, Stakeholder, StatusNote
from pact_tui.model.parties import find_stakeholder
from pact_tui.tui.modals.form import ChoiceField, Field, FormDialog, FormValues, TextField
from pact_tui.tui.screens.grid_phase import GridPhaseScreen
from pact_tui.tui.text import visible
from pact_tui.tui.widgets.grid import CellKind, Column, EditGrid, Option, join_parties
from pact_tui.tui.widgets.record_table import RecordTable

EDITING_ACTIONS = frozenset({"capture", "delete"})


class StakeholdersScreen(GridPhaseScreen):
    """The stakeholders grid and the status notes per theme."""

    PHASE = Phase.STAKEHOLDERS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "capture", t("tui.stakeholders.key_new"),
                tooltip=t("tui.stakeholders.new_help"), id="stakeholders.new"),
        Binding("ctrl+k", "delete", t("tui.stakeholders.key_delete"),
                tooltip=t("tui.stakeholders.delete_help"), id="stakeholders.delete"),
        Binding("ctrl+w", "switch_part", t("tui.key.switch_part"), id="stakeholders.switch"),
    ]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(editor)
        self._grid = EditGrid(self._columns(), empty_text=t("tui.stakeholders.empty"),
                              id="stakeholder-grid")
        self._grid.read_only = editor.read_only

    def compose_body(self) -> ComposeResult:
        yield Label(Text(t("tui.stakeholders.title")), id="stakeholders-title",
                    classes="section-title")
        yield Input(id="stakeholders-capture", compact=True,
                    placeholder=t("tui.stakeholders.capture"))
        yield self._grid
        yield Label(Text(t("tui.status.title")), id="status-title", classes="section-title")
        yield RecordTable(id="status-notes")

    def on_mount(self) -> None:
        self.query_one("#stakeholders-capture", Input).disabled = self.editor.read_only
        notes = self.query_one("#status-notes", RecordTable)
        notes.add_column(t("tui.status.col_theme"), key="theme")
        notes.add_column(t("tui.status.col_text"), key="text")
        notes.add_column(t("tui.status.col_source"), key="source")
        self.grid.focus()

    def _columns(self) -> list[Column]:
        profile = self.editor.meta.profile

        def themes(_row: Stakeholder) -> Sequence[Option]:
            return [Option(theme.key, theme.label) for theme in self.editor.meta.profile.themes]

        def theme_labels(stakeholder: Stakeholder) -> str:
            return join_parties([profile.theme_label(key) for key in stakeholder.themes])

        return [
            Column("name", t("tui.stakeholders.col_name"), lambda s: s.name, CellKind.TEXT,
                   12, 3.0),
            Column("category", t("tui.stakeholders.col_category"), lambda s: s.category,
                   CellKind.TEXT, 8, 1.5),
            # Several themes per stakeholder: a `;`-separated cell that completes theme names.
            Column("themes", t("tui.stakeholders.col_themes"), theme_labels, CellKind.PARTIES,
                   8, 2.0, options=themes),
            Column("contact", t("tui.stakeholders.col_contact"), lambda s: s.contact,
                   CellKind.TEXT, 7, 1.5),
            Column("notes", t("tui.stakeholders.col_notes"), lambda s: s.notes,
                   CellKind.LONG_TEXT, 7, 2.0),
        ]

    # ---- drawing ---------------------------------------------------------------------------

    def show_session(self) -> None:
        if not self.is_mounted:
            return
        stakeholders = sorted(self.editor.items(Stakeholder),
                              key=lambda s: (s.created_at, s.id))
        self.grid.set_rows(stakeholders)
        self.query_one("#stakeholders-title", Label).update(
            Text(t("tui.stakeholders.title_count", count=len(stakeholders)))
        )
        profile = self.editor.meta.profile
        order = {theme.key: index for index, theme in enumerate(profile.themes)}
        notes = sorted(self.editor.items(StatusNote),
                       key=lambda n: (order.get(n.theme, len(order)), n.created_at))
        self.query_one("#status-notes", RecordTable).show_rows([
            (note.id, [Text(profile.theme_label(note.theme)), Text(note.text),
                       Text(note.source)])
            for note in notes
        ])
        covered = len({note.theme for note in notes})
        title = (t("tui.status.title_count", count=len(notes), themes=covered,
                   total=len(profile.themes)) if notes else t("tui.status.title_empty"))
        self.query_one("#status-title", Label).update(Text(visible(title)))

    # ---- the stakeholders grid -------------------------------------------------------------

    def on_edit_grid_cell_edited(self, message: EditGrid.CellEdited) -> None:
        message.stop()
        column = next(c for c in self.grid.columns if c.key == message.column_key)
        self.attempt(column.title, self._cell_change(message))

    def _cell_change(self, message: EditGrid.CellEdited) -> Callable[[], object]:
        """The edit a committed cell asks for (nothing if its stakeholder is gone meanwhile)."""
        stakeholder = self.editor.get(Stakeholder, message.row_key)
        if stakeholder is None:
            return lambda: None
        changes = self._changes(message.column_key, message.value)
        return lambda: self.editor.update(stakeholder, **changes)

    def _changes(self, column: str, value: Any) -> dict[str, Any]:
        if column != "themes":
            return {column: value}
        # Theme names back to keys; a name that is no theme is kept, so validation names it.
        by_label = {theme.label.casefold(): theme.key for theme in self.editor.meta.profile.themes}
        keys = [by_label.get(str(name).casefold(), str(name)) for name in value]
        return {"themes": tuple(dict.fromkeys(keys))}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "stakeholders-capture":
            return
        event.stop()
        name = event.value.strip()
        if not name:
            self.grid.focus()
            return
        existing = find_stakeholder(name, self.editor.items(Stakeholder),
                                    self.editor.meta.profile.municipalities)
        if existing is not None:
            # Said twice in the room: show the one there is rather than make a second.
            event.input.value = ""
            self.grid.move_to(existing.id, "name")
            self.notify(t("tui.stakeholders.exists", name=existing.name), markup=False,
                        timeout=4)
            return
        stakeholder = Stakeholder(name=name)
        if self.attempt(t("tui.stakeholders.new_help"), lambda: self.editor.add(stakeholder)):
            event.input.value = ""
            self.grid.move_to(stakeholder.id, "category")

    def on_key(self, event: events.Key) -> None:
        # Esc in the capture line goes back to the grid.
        if event.key == "escape" and isinstance(self.focused, Input):
            event.stop()
            self.grid.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.editor.read_only and action in EDITING_ACTIONS)

    def action_capture(self) -> None:
        self.query_one("#stakeholders-capture", Input).focus()

    def action_delete(self) -> None:
        stakeholder = self.grid.current_row
        if not self.grid.has_focus or stakeholder is None:
            return
        if self.attempt(t("tui.stakeholders.delete_help"),
                        lambda: self.editor.delete(stakeholder)):
            self.notify(t("tui.stakeholders.deleted", name=stakeholder.name[:60]),
                        markup=False, timeout=4)

    def action_switch_part(self) -> None:
        notes = self.query_one("#status-notes", RecordTable)
        if notes.has_focus:
            self.grid.focus()
        else:
            notes.focus()

    # ---- status notes ----------------------------------------------------------------------

    def on_record_table_requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        note = self.editor.get(StatusNote, event.row) if event.row else None
        if event.what == "delete" and note is not None:
            self.attempt(t("tui.record.delete"), lambda: self.editor.delete(note))
        elif event.what == "edit" and note is not None:
            self._note_form(note)
        elif event.what == "add":
            self._note_form(None)

    def _note_form(self, note: StatusNote | None) -> None:
        profile = self.editor.meta.profile
        # A new note starts in the theme of the note under the cursor: notes come per theme.
        current = self.editor.get(StatusNote, self.query_one(RecordTable).current_key() or "")
        theme = note.theme if note else (current.theme if current else None)

        def submit(values: FormValues) -> None:
            if note is None:
                self.editor.add(StatusNote(**values))
            else:
                self.editor.update(note, **values)
            self.refresh_if_stale()

        fields: list[Field] = [
            ChoiceField("theme", t("tui.status.col_theme"),
                        [(th.key, th.label) for th in profile.themes],
                        (theme,) if theme else (), required=True),
            TextField("text", t("tui.status.col_text"), note.text if note else "",
                      required=True),
            TextField("source", t("tui.status.col_source"), note.source if note else ""),
        ]
        title = t("tui.status.new" if note is None else "tui.status.edit")
        self.app.push_screen(FormDialog(title, fields, submit))

"""Phase 1, Sessie: the session's title, date, facilitator and location, who is at the table,
and the agenda with a timebox per block (which the phase timer counts down).

A field is saved when you leave it or press Enter; a value that does not fit (a date
that is not a date) stays in the field, marked, with the problem in a notification.
Participants and agenda items are added and edited in a small form; delete is one
key, undo brings it back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from pact_tui.editor import SessionEditor
from pact_tui.i18n import t
from pact_tui.model import PHASES, AgendaItem, Participant, Phase, UserError
from pact_tui.model.dates import read_date
from pact_tui.tui.modals.form import ChoiceField, Field, FormDialog, FormValues, TextField
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.text import visible
from pact_tui.tui.widgets.phase_bar import phase_label
from pact_tui.tui.widgets.record_table import RecordTable

META_FIELDS = ("title", "date", "facilitator", "location")

NARROW = 120
"""Below this width the participants and the agenda are stacked instead of side by side."""


class InvalidDate(UserError):
    """A date the facilitator typed that is not a date."""


def parse_date(text: str) -> dt.date:
    """A date as 2026-11-28 or 28-11-2026 (how Dutch people write it)."""
    date = read_date(text)
    if date is None:
        raise InvalidDate(t("tui.meta.bad_date", value=text))
    return date


class SessionMetaScreen(PhaseScreen):
    """Title, date, people and agenda of the session."""

    PHASE = Phase.SESSION

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign", "minutes(5)", t("tui.meta.key_more_time"),
                id="meta.more_time"),
        Binding("minus", "minutes(-5)", t("tui.meta.key_less_time"), id="meta.less_time"),
    ]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(editor)
        self._shown: dict[str, str] = {}

    def compose_body(self) -> ComposeResult:
        with Vertical(id="meta-body"):
            for name in META_FIELDS:
                with Horizontal(classes="meta-row"):
                    yield Label(Text(t(f"tui.meta.{name}")), classes="meta-label")
                    yield Input(id=f"meta-{name}", compact=True, select_on_focus=False)
            yield Static(Text(t("tui.meta.hint")), id="meta-hint")
            with Horizontal(id="meta-tables"):
                with Vertical(classes="meta-table-box"):
                    yield Label(Text(t("tui.meta.participants")), id="participants-title",
                                classes="section-title")
                    yield RecordTable(id="participants")
                with Vertical(classes="meta-table-box -agenda"):
                    yield Label(Text(t("tui.meta.agenda")), id="agenda-title",
                                classes="section-title")
                    yield RecordTable(id="agenda")

    def on_mount(self) -> None:
        participants = self.query_one("#participants", RecordTable)
        participants.add_column(t("tui.meta.col_organisation"), key="organisation")
        participants.add_column(t("tui.meta.col_role"), key="role")
        participants.add_column(t("tui.meta.col_name"), key="name")
        agenda = self.query_one("#agenda", RecordTable)
        agenda.add_column(t("tui.meta.col_block"), key="title")
        agenda.add_column(t("tui.meta.col_phase"), key="phase")
        agenda.add_column(t("tui.meta.col_minutes"), key="minutes")
        for name in META_FIELDS:
            self.query_one(f"#meta-{name}", Input).disabled = self.editor.read_only
        if not self.editor.read_only:
            self.query_one("#meta-title", Input).focus()

    # ---- drawing ---------------------------------------------------------------------------

    def show_session(self) -> None:
        meta = self.editor.meta
        values = {
            "title": meta.title,
            "date": meta.date.strftime("%d-%m-%Y"),
            "facilitator": meta.facilitator,
            "location": meta.location,
        }
        for name, value in values.items():
            field = self.query_one(f"#meta-{name}", Input)
            # A field the facilitator is typing in keeps what they typed.
            typing = field.has_focus and field.value != self._shown.get(name, field.value)
            if not typing:
                field.value = visible(value)
                field.remove_class("-invalid")
            self._shown[name] = visible(value)
        self.query_one("#participants", RecordTable).show_rows([
            (str(index), [Text(person.organisation), Text(person.role), Text(person.name)])
            for index, person in enumerate(meta.participants)
        ])
        self.query_one("#agenda", RecordTable).show_rows([
            (str(index), [
                Text(block.title),
                Text(phase_label(block.phase) if block.phase else "—"),
                Text(str(block.minutes), justify="right"),
            ])
            for index, block in enumerate(meta.agenda)
        ])
        total = sum(block.minutes for block in meta.agenda)
        self.query_one("#participants-title", Label).update(
            Text(t("tui.meta.participants_count", count=len(meta.participants)))
        )
        self.query_one("#agenda-title", Label).update(
            Text(t("tui.meta.agenda_total", count=len(meta.agenda), minutes=total))
        )

    # ---- the fields ------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id and event.input.id.startswith("meta-"):
            event.stop()
            self._save_field(event.input)
            self.focus_next()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.id and event.input.id.startswith("meta-"):
            self._save_field(event.input)

    def _save_field(self, field: Input) -> None:
        assert field.id is not None
        name = field.id.removeprefix("meta-")
        text = field.value.strip()
        try:
            value: Any = parse_date(text) if name == "date" else text
            if name == "title" and not text:
                raise UserError(t("tui.meta.title_required"))
            stored = getattr(self.editor.meta, name)
            # A field left as shown keeps its stored text, control characters and all.
            if stored != value and not (isinstance(stored, str) and visible(stored) == value):
                self.editor.update_meta(**{name: value})
        except UserError as error:
            field.add_class("-invalid")
            self.notify(str(error), title=t(f"tui.meta.{name}"), severity="error", markup=False)
            return
        field.remove_class("-invalid")
        self.refresh_header()

    # ---- participants and agenda -----------------------------------------------------------

    def on_resize(self) -> None:
        # Side by side where there is room; one above the other on a small screen.
        self.query_one("#meta-tables").set_class(self.size.width < NARROW, "-narrow")

    def on_record_table_requested(self, event: RecordTable.Requested) -> None:
        index = int(event.row) if event.row is not None else None
        agenda = event.table.id == "agenda"
        if event.what == "delete" and index is not None:
            field = "agenda" if agenda else "participants"
            rows: tuple[Any, ...] = getattr(self.editor.meta, field)
            remaining = rows[:index] + rows[index + 1 :]
            self.attempt(t("tui.record.delete"),
                         lambda: self.editor.update_meta(**{field: remaining}))
        elif agenda:
            self._agenda_form(index if event.what == "edit" else None)
        else:
            self._participant_form(index if event.what == "edit" else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "minutes":
            focused = self.focused
            return isinstance(focused, RecordTable) and focused.id == "agenda"
        return True

    def action_minutes(self, step: int) -> None:
        table = self.query_one("#agenda", RecordTable)
        agenda = self.editor.meta.agenda
        index = table.cursor_row
        if not table.has_focus or not 0 <= index < len(agenda):
            return
        block = agenda[index]
        changed = block.model_copy(update={"minutes": max(0, block.minutes + step)})
        blocks = (*agenda[:index], changed, *agenda[index + 1:])
        self.attempt(t("tui.meta.agenda"), lambda: self.editor.update_meta(agenda=blocks))

    def _participant_form(self, index: int | None) -> None:
        people = self.editor.meta.participants
        person = people[index] if index is not None else None
        municipalities = list(self.editor.meta.profile.municipalities)
        stakeholders = [s.name for s in self.editor.session.stakeholders]

        def submit(values: FormValues) -> None:
            new = Participant.model_validate(values)
            if index is None:
                updated = (*people, new)
            else:
                updated = (*people[:index], new, *people[index + 1:])
            self.editor.update_meta(participants=updated)
            self.refresh_if_stale()

        fields: list[Field] = [
            TextField("organisation", t("tui.meta.col_organisation"),
                      person.organisation if person else "", required=True,
                      suggestions=municipalities + stakeholders),
            TextField("role", t("tui.meta.col_role"), person.role if person else ""),
            TextField("name", t("tui.meta.col_name_optional"), person.name if person else ""),
        ]
        title = t("tui.meta.participant_new" if index is None else "tui.meta.participant_edit")
        self.app.push_screen(FormDialog(title, fields, submit))

    def _agenda_form(self, index: int | None) -> None:
        blocks = self.editor.meta.agenda
        block = blocks[index] if index is not None else None

        def submit(values: FormValues) -> None:
            new = AgendaItem.model_validate(values)
            if index is None:
                updated = (*blocks, new)
            else:
                updated = (*blocks[:index], new, *blocks[index + 1:])
            self.editor.update_meta(agenda=updated)
            self.refresh_if_stale()

        fields: list[Field] = [
            TextField("title", t("tui.meta.col_block"), block.title if block else "",
                      required=True),
            ChoiceField("phase", t("tui.meta.col_phase"),
                        [(phase, phase_label(phase)) for phase in PHASES],
                        (block.phase,) if block and block.phase else ()),
            TextField("minutes", t("tui.meta.col_minutes"),
                      str(block.minutes) if block else "", number=True),
        ]
        title = t("tui.meta.agenda_new" if index is None else "tui.meta.agenda_edit")
        self.app.push_screen(FormDialog(title, fields, submit))

"""Import a spreadsheet: the columns and the field each is read as, the first rows as they
will be read, and every loose match and skipped row, before anything is written.

Up and down pick a column, left and right change its field (or "not read"), Tab moves
to the notes to scroll them, ctrl+s writes the new session and opens it, Esc goes back
without writing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from pact_tui.i18n import t, tn
from pact_tui.model import Session, UserError
from pact_tui.model.template import template_field
from pact_tui.sheets import (
    FIELDS,
    OpenedSheet,
    ReadResult,
    new_session,
    read_actions,
    remember,
    update_session,
)
from pact_tui.sheets.columns import ID
from pact_tui.sheets.commitments import commitments_sheet
from pact_tui.store import create_session, load_profile, session_filename
from pact_tui.tui.text import visible

if TYPE_CHECKING:
    from pact_tui.tui.app import PactApp

_PREVIEW_ROWS = 5
# "Not read" first, then the template's fields and the hidden columns of an exported sheet.
_CHOICES: tuple[str | None, ...] = (None, *FIELDS, "id", "version", "check")


def field_name(field: str | None) -> str:
    if field is None:
        return t("tui.import.not_read")
    return template_field(field).label if field in FIELDS else f"pact-{field}"


class ImportSheetScreen(Screen[None]):
    """The mapping of one sheet, changeable by keys, with a preview of what it reads."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "change_field(1)", t("tui.import.key_next_field"), id="import.next"),
        Binding("left", "change_field(-1)", t("tui.import.key_prev_field"), id="import.prev"),
        Binding("ctrl+s", "write", t("tui.import.key_write"), priority=True, id="import.write"),
        Binding("escape", "app.pop_screen", t("tui.import.key_back"), id="import.back"),
    ]

    def __init__(self, opened: OpenedSheet, folder: Path, programme: Session | None) -> None:
        super().__init__(classes="import-screen")
        self.opened = opened
        self.folder = folder
        self.programme = programme
        self.profile = programme.profile if programme else load_profile(None)
        self.mapping = dict(opened.mapping)
        self.result = ReadResult()
        self.written: Path | None = None

    @property
    def pact(self) -> PactApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text(t("tui.import.title", file=visible(self.opened.path.name),
                            sheet=visible(self.opened.table.sheet),
                            row=self.opened.table.rows[self.opened.header_index].number)),
                     id="import-title")
        yield DataTable(id="import-columns", cursor_type="row", zebra_stripes=True)
        yield Static("", id="import-summary")
        yield DataTable(id="import-preview", cursor_type="none", zebra_stripes=True)
        # Tab moves here to scroll through a long list of notes.
        with VerticalScroll(id="import-notes-box"):
            yield Static("", id="import-notes")
        yield Footer()

    def on_mount(self) -> None:
        columns = self.query_one("#import-columns", DataTable)
        columns.add_column(t("tui.import.col_column"), key="column")
        columns.add_column(t("tui.import.col_field"), key="field")
        columns.add_column(t("tui.import.col_example"), key="example")
        first = next((row for row in self.opened.data_rows if not row.is_blank()), None)
        for index, heading in enumerate(self.opened.header):
            example = first.cells[index] if first and index < len(first.cells) else ""
            columns.add_row(Text(visible(heading) or "—"),
                            Text(field_name(self.mapping.get(index))),
                            Text(visible(example[:40])), key=str(index))
        columns.focus()
        # Only the columns and the notes take the keys; the preview is to look at.
        self.query_one("#import-preview", DataTable).can_focus = False
        self.show_result()

    def action_change_field(self, step: int) -> None:
        columns = self.query_one("#import-columns", DataTable)
        index = columns.cursor_row
        if index < 0 or index >= len(self.opened.header):
            return
        position = _CHOICES.index(self.mapping.get(index))
        field = _CHOICES[(position + step) % len(_CHOICES)]
        # A field is read from one column: taking it here frees the column that had it.
        for other, taken in list(self.mapping.items()):
            if field is not None and taken == field and other != index:
                del self.mapping[other]
                columns.update_cell(str(other), "field", Text(field_name(None)))
        if field is None:
            self.mapping.pop(index, None)
        else:
            self.mapping[index] = field
        columns.update_cell(str(index), "field", Text(field_name(field)))
        self.show_result()

    def show_result(self) -> None:
        stakeholders = self.programme.stakeholders if self.programme else ()
        self.result = read_actions(self.opened.data_rows, self.mapping, self.profile,
                                   stakeholders)
        skipped = sum(1 for note in self.result.notes if note.skipped)
        self.query_one("#import-summary", Static).update(Text(t(
            "tui.import.summary", actions=len(self.result.actions), skipped=skipped)))
        preview = self.query_one("#import-preview", DataTable)
        preview.clear(columns=True)
        shown = [name for name in FIELDS if name in self.mapping.values()]
        preview.add_column(t("tui.import.col_row"), key="row")
        for name in shown:
            preview.add_column(template_field(name).short_label, key=name)
        for read in self.result.actions[:_PREVIEW_ROWS]:
            preview.add_row(Text(str(read.number)),
                            *(Text(visible(template_field(name).text(read.action,
                                                                     self.profile)[:30]))
                              for name in shown))
        lines = [str(match) for match in self.result.matches]
        lines += [str(note) for note in self.result.notes]
        self.query_one("#import-notes", Static).update(Text(visible("\n".join(lines),
                                                                    lines=True)))

    def action_write(self) -> None:
        if self.written is not None:
            return
        if self.programme is None and ID in self.mapping.values():
            self.notify(t("tui.import.needs_programme"), severity="error", markup=False)
            return
        title = t("sheets.session_title", file=self.opened.path.name)
        try:
            imported = (
                update_session(self.result, self.programme, title,
                               commitment_rows=commitments_sheet(self.opened.path) or ())
                if self.programme else new_session(self.result, self.profile, title))
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        meta = imported.session.meta
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = create_session(self.folder / session_filename(meta), meta, imported.session)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.written = path
        remember(self.folder, self.opened.path.name, self.opened.header, self.mapping)
        self.notify(tn("tui.import.written", len(imported.added), name=path.name),
                    markup=False)
        self.app.pop_screen()
        self.pact.open_session(path)

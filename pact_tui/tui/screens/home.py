"""The home screen (`pact-tui` without a file): the session files of the sessions folder.

Each file shows its title, kind (session or programme), date, number of actions and
when it was last saved, and under its title the file name and, for a programme, the
sessions it was merged from (programmes often share a title); the row under the cursor
shows all its counts. The files come by session date and title, so saving one does not
move it. A file that does not open is listed with its one-sentence problem instead of
stopping the list. A sync engine's conflict copy is listed under its file, not as a
session: Enter opens that file, which takes the copy in.
From here: open, new session, new session from a programme, merge.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from pact_tui.i18n import t
from pact_tui.model import Phase, Session, SessionMeta
from pact_tui.store import create_session, load_profile, session_filename
from pact_tui.store.folder import SessionEntry, scan_sessions
from pact_tui.store.rescue import find_rescue
from pact_tui.tui.modals.form import FormDialog, FormValues, TextField
from pact_tui.tui.text import visible

if TYPE_CHECKING:
    from pact_tui.tui.app import PactApp


def describe(entry: SessionEntry) -> str:
    """The line under the list: the path and every count, or the problem in full."""
    if entry.copy_of is not None:
        return t("tui.home.copy_detail", copy=entry.path.name, file=entry.copy_of.name)
    if entry.arriving:
        return t("tui.home.arriving_detail", file=entry.path.name)
    if entry.session is None:
        return t("tui.home.bad_detail", file=entry.path.name, problem=entry.problem)
    session = entry.session
    return t(
        "tui.home.detail",
        file=entry.path.name,
        stakeholders=len(session.stakeholders),
        challenges=len(session.challenges),
        actions=len(session.actions),
        commitments=len(session.commitments),
    )


ARRIVING_RESCAN_SECONDS = 1.0
"""How soon the folder is read again while a file in it is still arriving."""


class HomeScreen(Screen[None]):
    """Choose a session to open, or start a new one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", t("tui.home.key_open"), id="home.open"),
        Binding("n", "new_session", t("tui.home.key_new"), id="home.new"),
        Binding("p", "new_from_programme", t("tui.home.key_from_programme"),
                id="home.from_programme"),
        Binding("m", "merge", t("tui.home.key_merge"), id="home.merge"),
        Binding("i", "import_sheet", t("tui.home.key_import"), id="home.import"),
        Binding("r", "rescan", t("tui.home.key_rescan"), id="home.rescan"),
        Binding("q", "app.quit", t("tui.key.quit"), id="home.quit"),
        # No phase is open here, so F1 is free for help, as in most programs.
        Binding("f1", "app.help", t("tui.key.help"), show=False, id="home.help"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__(classes="home-screen")
        self.folder = folder
        self.entries: list[SessionEntry] = []

    @property
    def pact(self) -> PactApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text(t("tui.home.title")), id="home-title")
        yield Static(Text(t("tui.home.folder", folder=str(self.folder))), id="home-folder")
        table: DataTable[Text] = DataTable(id="home-files", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="home-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.action_rescan()

    def on_resize(self) -> None:
        self._show(self.entries)

    def _add_columns(self, table: DataTable[Text]) -> None:
        """The title takes the room the other columns leave, so they always show."""
        fixed = {"kind": 10, "date": 10, "actions": 7, "saved": 11}
        padding = 2 * (len(fixed) + 1) + 2
        title_width = max(self.size.width - sum(fixed.values()) - padding, 16)
        table.add_column(t("tui.home.col_title"), key="title", width=title_width)
        for key, width in fixed.items():
            table.add_column(t(f"tui.home.col_{key}"), key=key, width=width)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.action_rescan()

    def action_rescan(self) -> None:
        self._scan()

    @work(thread=True, exclusive=True, group="home-scan")
    def _scan(self) -> None:
        # Reading every file can take a moment with big programmes: off the UI thread.
        entries = scan_sessions(self.folder)
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries: list[SessionEntry]) -> None:
        current = self.current()
        self.entries = entries
        table = self.query_one("#home-files", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        self._add_columns(table)
        for entry in entries:
            table.add_row(*self._cells(entry), key=str(entry.path), height=2)
        if not entries:
            self.query_one("#home-detail", Static).update(Text(t("tui.home.empty")))
            return
        # The cursor stays on the file it was on, wherever a rescan put it.
        paths = [entry.path for entry in entries]
        if current is not None and current.path in paths:
            row = paths.index(current.path)
        table.move_cursor(row=min(row, len(entries) - 1))
        self._describe_current()
        if any(entry.arriving for entry in entries):
            # Read again shortly: once whole it is listed, or called unreadable in time.
            self.set_timer(ARRIVING_RESCAN_SECONDS, self.action_rescan)

    @staticmethod
    def _cells(entry: SessionEntry) -> list[Text]:
        saved = Text(entry.modified.strftime("%d-%m %H:%M"))
        if entry.copy_of is not None:
            # Not a session of its own: shown under its file, with what becomes of it.
            title = Text(visible(t("tui.home.copy_title", file=entry.copy_of.name)),
                         style="italic", no_wrap=True, overflow="ellipsis")
            state = "tui.home.copy_merged" if entry.session else "tui.home.copy_arriving"
            title.append("\n" + visible(t(state, copy=entry.path.name)), style="dim")
            return [title, Text(t("tui.home.kind_copy"), style="dim"), Text("—"), Text("—"),
                    saved]
        if entry.arriving:
            title = Text(visible(entry.path.name), no_wrap=True, overflow="ellipsis")
            title.append("\n" + t("tui.home.arriving"), style="dim")
            return [title, Text("—"), Text("—"), Text("—"), saved]
        if entry.session is None:
            return [
                Text(f"⚠ {visible(entry.path.name)}", style="bold"),
                Text(t("tui.home.kind_bad"), style="bold red"),
                Text("—"),
                Text("—"),
                saved,
            ]
        meta = entry.session.meta
        kind = t("tui.home.kind_programme") if entry.is_programme else t("tui.home.kind_session")
        return [
            _title_cell(entry),
            Text(kind, style="bold" if entry.is_programme else ""),
            Text(meta.date.strftime("%d-%m-%Y")),
            Text(str(len(entry.session.actions)), justify="right"),
            saved,
        ]

    def current(self) -> SessionEntry | None:
        table = self.query_one("#home-files", DataTable)
        if not self.entries or table.cursor_row < 0 or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe_current()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def _describe_current(self) -> None:
        entry = self.current()
        detail = self.query_one("#home-detail", Static)
        if entry is None:
            detail.update("")
        else:
            rescue = find_rescue(entry.path)
            found = "" if rescue is None else "\n" + t("tui.home.rescue_hint")
            detail.update(Text(visible(describe(entry), lines=True) + found))
        detail.set_class(entry is not None and entry.session is None
                         and entry.copy_of is None and not entry.arriving, "-problem")

    def action_open(self) -> None:
        entry = self.current()
        if entry is not None:
            # A conflict copy is merged into its file when that opens.
            self.pact.open_session(entry.copy_of or entry.path)

    def action_new_session(self) -> None:
        def submit(values: FormValues) -> None:
            meta = SessionMeta(profile=load_profile(None), title=values["title"])
            self._create(meta, None)

        self.app.push_screen(
            FormDialog(
                t("tui.home.new_title"),
                [TextField("title", t("tui.home.field_title"), required=True)],
                submit,
            )
        )

    def action_new_from_programme(self) -> None:
        entry = self.current()
        if entry is None or entry.session is None or not entry.is_programme:
            self.notify(t("tui.home.pick_programme"), severity="warning")
            return
        programme = entry.session

        def submit(values: FormValues) -> None:
            # Merging (and its fuzzy matching) loads only when a session is started from it.
            from pact_tui.merge import start_session_from

            session = start_session_from(programme, values["title"])
            self._create(session.meta, session)

        self.app.push_screen(
            FormDialog(
                t("tui.home.from_programme_title", programme=programme.meta.title),
                [TextField("title", t("tui.home.field_title"), required=True)],
                submit,
            )
        )

    def _create(self, meta: SessionMeta, items: Session | None) -> None:
        """Write the new file and open it; a clash with an existing file raises for the form."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = create_session(self.folder / session_filename(meta), meta, items)
        # A new session starts where a session starts: its title, people and agenda.
        self.call_after_refresh(self.pact.open_session, path, Phase.SESSION)

    def action_merge(self) -> None:
        self.pact.open_merge()

    def action_import_sheet(self) -> None:
        """Ask for a spreadsheet, then show how it will be read; the highlighted programme
        (if one is) is what a sheet written from it updates."""
        from pact_tui.sheets import OpenedSheet, open_sheet
        from pact_tui.tui.screens.import_sheet import ImportSheetScreen

        entry = self.current()
        programme = entry.session if entry is not None and entry.is_programme else None

        opened: list[OpenedSheet] = []

        def submit(values: FormValues) -> None:
            opened.append(open_sheet(Path(values["file"]).expanduser(), None, self.folder))

        def chosen(done: bool | None) -> None:
            if done and opened:
                self.app.push_screen(ImportSheetScreen(opened[-1], self.folder, programme))

        self.app.push_screen(FormDialog(
            t("tui.import.ask_title"),
            [TextField("file", t("tui.import.ask_file"), required=True)], submit), chosen)

def _title_cell(entry: SessionEntry) -> Text:
    """The session's title as stored text may be shown, marked when a rescue copy waits;
    under it what tells files of one title apart."""
    assert entry.session is not None
    title = Text(("◆ " if entry.is_programme else "") + visible(entry.session.meta.title),
                 no_wrap=True, overflow="ellipsis")
    if find_rescue(entry.path) is not None:
        title.append(f" {t('tui.home.rescue_mark')}", style="bold yellow")
    title.append("\n" + visible(_second_line(entry)), style="dim")
    return title


def _second_line(entry: SessionEntry) -> str:
    """The file name; for a programme first the sessions it holds, the latest first (the
    part that differs between programmes of one title, where a narrow column still shows it)."""
    assert entry.session is not None
    meta = entry.session.meta
    if not entry.is_programme or not meta.sources:
        return entry.path.name
    latest = sorted(meta.sources, key=lambda origin: (origin.date or dt.date.min, origin.title),
                    reverse=True)
    return t("tui.home.merged_from", file=entry.path.name,
             sessions=", ".join(origin.title for origin in latest))

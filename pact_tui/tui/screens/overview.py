"""Phase 6, Overzicht: actions per theme and horizon, the gaps, and the export to Word.

The counts come from `model.rules.counts_by_theme_and_horizon`, the gaps (an action
without goal, lead or parties) from `model.rules.open_points`: the same rules the
Word draft uses. Enter on a gap jumps to that action in the Acties grid. ctrl+e
writes the Word draft to the exports folder in the background, with its progress,
and says where it went.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Label, ProgressBar, Static

from pact_tui.editor import SessionEditor
from pact_tui.export import export_programme, free_path
from pact_tui.export.summary import summary_path, write_summary
from pact_tui.i18n import t
from pact_tui.model import Action, Phase, Session, UserError
from pact_tui.model.rules import counts_by_theme_and_horizon, open_points, ordered_actions
from pact_tui.store.folder import started_from
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.text import visible
from pact_tui.tui.widgets.gap_grid import GapGrid
from pact_tui.tui.widgets.grid import CellKind, Column
from pact_tui.tui.widgets.progress_panel import ProgressPanel
from pact_tui.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from pact_tui.tui.screens.actions import ActionsScreen


MIN_THEME_WIDTH = 20
NUMBERS_WIDTH = 52
"""Room the horizon, 'no planning' and total columns need (with their padding)."""


def gap_text(action: Action) -> str:
    return ", ".join(t(f"model.field.{field}") for field in open_points(action))


class OverviewScreen(PhaseScreen):
    """Counts per theme and horizon, the open points, and the Word export."""

    PHASE = Phase.OVERVIEW

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", t("tui.overview.key_export"), priority=True,
                id="overview.export"),
        Binding("ctrl+s", "summary", t("tui.overview.key_summary"), priority=True,
                id="overview.summary"),
    ]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(editor)
        self.exporting = False
        self.last_export: Path | None = None

    def compose_body(self) -> ComposeResult:
        yield Label(Text(t("tui.overview.counts_title")), classes="section-title")
        yield DataTable(id="overview-counts", cursor_type="none", zebra_stripes=True)
        yield Label(Text(t("tui.overview.gaps_title")), id="gaps-title", classes="section-title")
        yield GapGrid(self._gap_columns(), empty_text=t("tui.overview.no_gaps"), id="gaps")
        yield ProgressPanel(self.editor.meta.profile, id="progress")
        with Horizontal(id="export-box"):
            yield Static(Text(t("tui.overview.export_hint")), id="export-status")
            yield ProgressBar(total=1.0, show_eta=False, id="export-progress")

    def on_mount(self) -> None:
        self.query_one("#export-progress", ProgressBar).display = False
        self.query_one(GapGrid).focus()

    def on_resize(self) -> None:
        if self.is_mounted:
            self._show_counts(ordered_actions(self.editor.items(Action)))

    def _gap_columns(self) -> list[Column]:
        profile = self.editor.meta.profile
        return [
            Column("theme", t("tui.overview.col_theme"), lambda a: profile.theme_label(a.theme),
                   CellKind.TEXT, 8, 1.0, editable=False),
            Column("title", t("tui.overview.col_action"), lambda a: a.title, CellKind.TEXT, 12,
                   3.0, editable=False),
            Column("missing", t("tui.overview.col_missing"), gap_text,
                   CellKind.TEXT, 10, 1.5, editable=False),
        ]

    # ---- drawing ---------------------------------------------------------------------------

    def show_session(self) -> None:
        if not self.is_mounted:
            return
        actions = ordered_actions(self.editor.items(Action))
        self._show_counts(actions)
        gaps = [action for action in actions if open_points(action)]
        self.query_one(GapGrid).set_rows(gaps)
        self.query_one("#gaps-title", Label).update(
            Text(t("tui.overview.gaps_count", count=len(gaps), total=len(actions)))
        )
        self.query_one(ProgressPanel).show(actions)

    def _show_counts(self, actions: list[Action]) -> None:
        profile = self.editor.meta.profile
        counts = counts_by_theme_and_horizon(actions)
        horizons: list[str | None] = [horizon.key for horizon in profile.horizons]
        horizons.append(None)
        table = self.query_one("#overview-counts", DataTable)
        table.clear(columns=True)
        # The theme names take what the numbers leave, up to the longest name.
        longest = max((len(theme.label) for theme in profile.themes), default=10)
        room = self.size.width - NUMBERS_WIDTH
        table.add_column(t("tui.overview.col_theme"), key="theme",
                         width=max(MIN_THEME_WIDTH, min(longest, room)))
        for key in horizons:
            # "0–2 jaar" says it in less room than "Korte termijn"; both come from the profile.
            horizon = profile.horizon(key) if key else None
            if horizon is not None:
                label = horizon.description or horizon.label
            else:
                label = t("tui.overview.unplanned") if key is None else key
            table.add_column(label, key=key or "-")
        table.add_column(t("tui.overview.total"), key="total")
        themes = [theme.key for theme in profile.themes]
        themes += sorted({action.theme for action in actions} - set(themes))
        for theme in themes:
            row = [counts.get((theme, horizon), 0) for horizon in horizons]
            table.add_row(Text(visible(profile.theme_label(theme))),
                          *(Text(str(n) if n else "·", justify="right") for n in row),
                          Text(str(sum(row)), justify="right", style="bold"))
        totals = [sum(counts.get((theme, horizon), 0) for theme in themes)
                  for horizon in horizons]
        table.add_row(Text(t("tui.overview.total"), style="bold"),
                      *(Text(str(n), justify="right", style="bold") for n in totals),
                      Text(str(len(actions)), justify="right", style="bold"))

    # ---- jumping to a gap ------------------------------------------------------------------

    def on_row_list_chosen(self, message: RowList.Chosen) -> None:
        message.stop()
        screen = self.pact.show_phase(Phase.ACTIONS)
        if screen is not None:
            screen.call_after_refresh(self._reveal, screen, message.row_id)

    @staticmethod
    def _reveal(screen: PhaseScreen, action_id: str) -> None:
        """Put the Acties cursor on the action, clearing a filter that hides it."""
        actions: ActionsScreen = screen  # type: ignore[assignment]
        grid = actions.grid
        if not grid.move_to(action_id, "goal"):
            actions.theme = None
            actions.search_text = ""
            actions.show_session()
            grid.move_to(action_id, "goal")
        grid.focus()

    # ---- export ----------------------------------------------------------------------------

    def action_export(self) -> None:
        if self.exporting:
            return
        self.exporting = True
        status = self.query_one("#export-status", Static)
        status.update(Text(t("tui.overview.exporting")))
        status.remove_class("-error")
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = True
        bar.update(progress=0.0)
        # The session is taken here, on the app's thread; the worker only reads it.
        self._export(self.pact.exports_dir, self.editor.session)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, folder: Path, session: Session) -> None:
        # python-docx takes a moment on a big programme: typing elsewhere must not wait.
        try:
            folder.mkdir(parents=True, exist_ok=True)
            out = free_path(folder, session.meta)
            written = export_programme(session, out, progress=self._progress_from_thread)
        except UserError as error:
            self.app.call_from_thread(self._export_failed, str(error))
        except Exception as error:  # a bug in the export must not take the session down
            self.app.call_from_thread(self._export_failed, f"{type(error).__name__}: {error}")
        else:
            self.app.call_from_thread(self._exported, written.resolve())

    def _progress_from_thread(self, message: str, fraction: float) -> None:
        self.app.call_from_thread(self._progress, message, fraction)

    def _progress(self, message: str, fraction: float) -> None:
        self.query_one("#export-status", Static).update(Text(visible(message)))
        self.query_one("#export-progress", ProgressBar).update(progress=fraction)

    def _exported(self, path: Path) -> None:
        self.exporting = False
        self.last_export = path
        self.query_one("#export-progress", ProgressBar).display = False
        self.query_one("#export-status", Static).update(
            Text(visible(t("tui.overview.exported_in", name=path.name, folder=str(path.parent))))
        )
        self.notify(t("tui.overview.exported", path=str(path)), markup=False, timeout=10)

    def _export_failed(self, problem: str) -> None:
        self.exporting = False
        self.query_one("#export-progress", ProgressBar).display = False
        status = self.query_one("#export-status", Static)
        status.update(Text(t("tui.overview.export_failed", problem=visible(problem, lines=True))))
        status.add_class("-error")
        self.notify(t("tui.overview.export_failed", problem=problem), severity="error",
                    markup=False, timeout=15)

    # ---- session summary -------------------------------------------------------------------

    def action_summary(self) -> None:
        """The HTML summary of the session, written to the exports folder."""
        self._summary(self.pact.exports_dir, self.editor.session, self.editor.path)

    @work(thread=True, group="summary", exit_on_error=False)
    def _summary(self, folder: Path, session: Session, source: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            written = write_summary(session, summary_path(folder, session),
                                    started_from(source, session)).resolve()
        except (UserError, OSError) as error:
            problem = str(error) if isinstance(error, UserError) else error.strerror or str(error)
            self.app.call_from_thread(
                self.notify, t("tui.overview.summary_failed", problem=problem),
                severity="error", markup=False, timeout=15)
        else:
            self.app.call_from_thread(
                self.notify, t("tui.overview.summary_written", path=str(written)), markup=False,
                timeout=10)

"""Overzicht's progress: per theme the actions per traffic light, and the actions needing
attention (Enter jumps to one, as on a gap). Shown once any action has a light."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from pact_tui.i18n import t
from pact_tui.model import PROGRESS_LIGHTS, Action, RegionProfile
from pact_tui.model.progress import NO_LIGHT, light_counts, needs_attention
from pact_tui.model.template import light_text
from pact_tui.tui.widgets.grid import CellKind, Column
from pact_tui.tui.widgets.row_list import RowList

_MIN_THEME_WIDTH = 16
_COUNTS_WIDTH = 4 * 14 + 4
"""Room the four count columns need, with their padding."""


class AttentionList(RowList):
    """The actions whose light is not green, problems first."""


class ProgressPanel(Vertical):
    """Counts per theme per light and the actions needing attention."""

    def __init__(self, profile: RegionProfile, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.profile = profile

    def compose(self) -> ComposeResult:
        yield Label(Text(t("tui.progress.counts_title")), classes="section-title")
        yield DataTable(id="progress-counts", cursor_type="none", zebra_stripes=True)
        yield Label(Text(t("tui.progress.attention_title")), id="attention-title",
                    classes="section-title")
        yield AttentionList(self._columns(), empty_text=t("tui.progress.none_attention"),
                            id="attention")

    def _columns(self) -> list[Column]:
        profile = self.profile
        return [
            Column("light", t("model.template.light"), lambda a: light_text(a.light),
                   CellKind.TEXT, 11, 0.8, editable=False),
            Column("title", t("model.template.title"), lambda a: a.title, CellKind.TEXT, 12,
                   2.0, editable=False),
            Column("theme", t("model.template.theme"), lambda a: profile.theme_label(a.theme),
                   CellKind.TEXT, 8, 1.0, editable=False),
            Column("note", t("model.template.progress_note.short"),
                   lambda a: a.progress_note, CellKind.TEXT, 10, 2.0, editable=False),
        ]

    def show(self, actions: Sequence[Action]) -> None:
        """Show the progress of `actions`; hidden while none has a light."""
        self.display = any(action.light for action in actions)
        if not self.display:
            return
        keys = [*PROGRESS_LIGHTS, NO_LIGHT]
        table = self.query_one("#progress-counts", DataTable)
        table.clear(columns=True)
        # The theme names take what the four counts leave, up to the longest name.
        longest = max((len(theme.label) for theme in self.profile.themes), default=10)
        room = self.app.size.width - _COUNTS_WIDTH
        table.add_column(t("model.template.theme"), key="theme",
                         width=max(_MIN_THEME_WIDTH, min(longest, room)))
        for key in keys:
            label = light_text(key) if key != NO_LIGHT else t("tui.progress.no_light")
            table.add_column(label, key=key)
        themes = [theme.key for theme in self.profile.themes]
        for row in light_counts(actions, themes):
            table.add_row(Text(self.profile.theme_label(row.theme)),
                          *(Text(str(row.counts[k]) if row.counts[k] else "·", justify="right")
                            for k in keys))
        flagged = needs_attention(actions)
        self.query_one(AttentionList).set_rows(flagged)
        self.query_one("#attention-title", Label).update(
            Text(t("tui.progress.attention_count", count=len(flagged))))

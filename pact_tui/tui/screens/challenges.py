"""Phase 3, Opgaven: the challenges with their themes, and the matrix of themes they cross.

A challenge gets one or more themes in a small form (a digit toggles a theme). With
two or more it is cross-theme (thema-overstijgend, `model.rules.is_cross_theme`);
the matrix underneath counts them per pair of themes, and the list beside it shows
the challenges of the pair under the cursor. ctrl+w moves between list and matrix.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from pact_tui.editor import SessionEditor
from pact_tui.i18n import t
from pact_tui.model import Challenge, Phase
from pact_tui.model.rules import is_cross_theme, theme_matrix
from pact_tui.tui.modals.form import ChoiceField, Field, FormDialog, FormValues, TextField
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.text import visible_rich
from pact_tui.tui.widgets.record_table import RecordTable
from pact_tui.tui.widgets.theme_matrix import ThemeMatrix


class ChallengesScreen(PhaseScreen):
    """Challenges and the theme-by-theme matrix."""

    PHASE = Phase.CHALLENGES

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+w", "switch_part", t("tui.key.switch_part"), id="challenges.switch"),
        Binding("ctrl+g", "app.count_votes('challenges')", t("tui.key.voting"),
                id="challenges.voting"),
    ]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(editor)
        self._pair: tuple[str, str] | None = None

    def compose_body(self) -> ComposeResult:
        yield Label(Text(t("tui.challenges.title")), id="challenges-title",
                    classes="section-title")
        yield RecordTable(id="challenges")
        yield Label(Text(t("tui.challenges.matrix_title")), classes="section-title")
        with Horizontal(id="matrix-box"):
            yield ThemeMatrix(id="theme-matrix")
            with Vertical(id="matrix-pair-box"):
                yield Static("", id="matrix-pair")

    def on_mount(self) -> None:
        table = self.query_one("#challenges", RecordTable)
        table.add_column(t("tui.challenges.col_themes"), key="themes")
        table.add_column(t("tui.challenges.col_cross"), key="cross")
        table.add_column(t("tui.challenges.col_title"), key="title")
        table.focus()

    # ---- drawing ---------------------------------------------------------------------------

    def show_session(self) -> None:
        if not self.is_mounted:
            return
        profile = self.editor.meta.profile
        challenges = sorted(self.editor.items(Challenge), key=lambda c: (c.created_at, c.id))
        numbers = {theme.key: index + 1 for index, theme in enumerate(profile.themes)}
        rows = []
        for challenge in challenges:
            # Numbers, as in the matrix underneath: the labels would push the list off screen.
            themes = " ".join(sorted((str(numbers.get(key, key)) for key in challenge.themes),
                                     key=lambda number: (len(number), number)))
            cross = t("tui.challenges.cross") if is_cross_theme(challenge) else ""
            rows.append((challenge.id, [Text(themes), Text(cross), Text(challenge.title)]))
        self.query_one("#challenges", RecordTable).show_rows(rows)
        crossing = sum(1 for challenge in challenges if is_cross_theme(challenge))
        title = (t("tui.challenges.title_count", count=len(challenges), cross=crossing)
                 if challenges else t("tui.challenges.title_empty"))
        self.query_one("#challenges-title", Label).update(Text(title))
        counts = {pair: len(found) for pair, found in theme_matrix(challenges).items()}
        for challenge in challenges:
            for key in set(challenge.themes):
                counts[(key, key)] = counts.get((key, key), 0) + 1
        self.query_one(ThemeMatrix).show(
            [(theme.key, theme.label) for theme in profile.themes], counts
        )
        self._show_pair()

    def on_theme_matrix_pair_chosen(self, message: ThemeMatrix.PairChosen) -> None:
        self._pair = (message.first, message.second)
        self._show_pair()

    def _show_pair(self) -> None:
        """The challenges of the pair under the matrix cursor, by title."""
        box = self.query_one("#matrix-pair", Static)
        if self._pair is None:
            box.update(Text(t("tui.challenges.matrix_hint")))
            return
        first, second = self._pair
        profile = self.editor.meta.profile
        found = [
            c for c in self.editor.items(Challenge)
            if first in c.themes and second in c.themes
        ]
        if first == second:
            heading = profile.theme_label(first)
        else:
            heading = f"{profile.theme_label(first)} × {profile.theme_label(second)}"
        text = Text(heading, style="bold")
        for challenge in found:
            text.append(f"\n• {challenge.title}")
        if not found:
            text.append("\n" + t("tui.challenges.none_here"), style="dim")
        box.update(visible_rich(text))

    # ---- keys ------------------------------------------------------------------------------

    def action_switch_part(self) -> None:
        matrix = self.query_one(ThemeMatrix)
        if matrix.has_focus:
            self.query_one("#challenges", RecordTable).focus()
        else:
            matrix.focus()

    def on_record_table_requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        challenge = self.editor.get(Challenge, event.row) if event.row else None
        if event.what == "delete" and challenge is not None:
            self.attempt(t("tui.record.delete"), lambda: self.editor.delete(challenge))
        elif event.what == "edit" and challenge is not None:
            self._form(challenge)
        elif event.what == "add":
            self._form(None)

    def _form(self, challenge: Challenge | None) -> None:
        profile = self.editor.meta.profile

        def submit(values: FormValues) -> None:
            if challenge is None:
                self.editor.add(Challenge(**values))
            else:
                self.editor.update(challenge, **values)
            self.refresh_if_stale()

        fields: list[Field] = [
            TextField("title", t("tui.challenges.col_title"),
                      challenge.title if challenge else "", required=True),
            TextField("description", t("tui.challenges.col_description"),
                      challenge.description if challenge else ""),
            ChoiceField("themes", t("tui.challenges.col_themes_pick"),
                        [(theme.key, theme.label) for theme in profile.themes],
                        challenge.themes if challenge else (), multiple=True, required=True),
        ]
        title = t("tui.challenges.new" if challenge is None else "tui.challenges.edit")
        self.app.push_screen(FormDialog(title, fields, submit))

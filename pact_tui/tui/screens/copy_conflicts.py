"""The real conflicts a merged sync conflict copy left, decided one by one by keyboard.

One conflict at a time: the base (the newest version both copies shared), this laptop's
version and the copy's (or the deletion on one side), side by side (the merge screen's
`ConflictVersions`). 1 or 2 keeps that version, e edits starting from either or the base;
←/→ walk. Each decision is saved at once. Esc leaves the rest for later (the command
palette offers them again):
until decided, this laptop's value stands and the copy's waits whole in the item's
history, so nothing is lost. Dismissed with the merge of what is still open, or None.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from pact_tui.editor import SessionEditor
from pact_tui.i18n import t
from pact_tui.merge import Conflict
from pact_tui.merge.copies import CopiesMerge, settle
from pact_tui.merge.report import counted
from pact_tui.model import Item, UserError
from pact_tui.tui.text import visible
from pact_tui.tui.widgets.conflict_versions import ConflictVersions, edit_conflict


class CopyConflictsScreen(Screen[CopiesMerge | None]):
    """Decide what merging a sync conflict copy could not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "keep(1)", t("merge.screen.key_version", n=1), id="copies.version1"),
        Binding("2", "keep(2)", t("merge.screen.key_version", n=2), id="copies.version2"),
        Binding("e", "edit", t("merge.screen.key_edit"), id="copies.edit"),
        Binding("right", "step(1)", t("merge.screen.key_next"), id="copies.next"),
        Binding("left", "step(-1)", t("merge.screen.key_previous"), id="copies.previous"),
        Binding("escape", "later", t("tui.copies.key_later"), id="copies.later"),
    ]

    def __init__(self, editor: SessionEditor, merged: CopiesMerge, copy_name: str) -> None:
        super().__init__()
        self.editor = editor
        self.merged = merged
        self.copy_name = copy_name
        self.conflicts: tuple[Conflict, ...] = merged.conflicts
        self.decided: dict[str, str | Item] = {}
        self.at = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="copy-heading")
        with VerticalScroll(id="copy-versions-scroll"):
            yield ConflictVersions(id="copy-versions")
        yield Static(Text(t("tui.copies.status")), id="copy-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show_conflict()

    @property
    def conflict(self) -> Conflict:
        return self.conflicts[self.at]

    def _headings(self, what: str) -> list[str]:
        """Each version named by where it comes from: this laptop or the copy, an edit or
        a deletion (`what`: "version" for the panes, "start" for editing)."""
        conflict = self.conflict
        if all(version.item is not None for version in conflict.versions):
            sides = ("mine", "theirs")  # the merge keeps this laptop's first
        else:
            # One side deleted the item: the side still holding it is the first version,
            # and this laptop's when the merged session kept the item.
            held = any(item.id == conflict.item_id
                       for item in self.merged.session.items(conflict.table))
            sides = ("mine", "theirs") if held else ("theirs", "mine")
        return [t(f"tui.copies.{what}_{'deleted_' if version.deleted else ''}{side}",
                  n=number, copy=self.copy_name)
                for number, (version, side) in enumerate(zip(conflict.versions, sides,
                                                             strict=True), start=1)]

    def _show_conflict(self) -> None:
        conflict = self.conflict
        chosen = self.decided.get(conflict.id)
        state = t("merge.screen.open") if chosen is None else t("merge.screen.decided")
        label = t("merge.report.item", kind=t(f"model.table.{conflict.table}"),
                  label=conflict.label()[:60])
        self.query_one("#copy-heading", Static).update(Text(visible(t(
            "tui.copies.heading", copy=self.copy_name, n=self.at + 1,
            total=len(self.conflicts), item=label, state=state))))
        names = {item.id: item.label() for item in self.editor.session.all_items()}
        self.query_one("#copy-versions", ConflictVersions).show(
            conflict, self._headings("version"),
            chosen if isinstance(chosen, str) else None, self.editor.meta.profile, names)

    def action_keep(self, number: int) -> None:
        versions = self.conflict.versions
        if number <= len(versions):
            self._decide(versions[number - 1].key)
            self._advance()

    def action_edit(self) -> None:
        edit_conflict(self.app, self.conflict, self._headings("start"),
                      self._decide, self._advance)

    def _decide(self, choice: str | Item) -> None:
        """Settle the conflict in the merge and save the item as decided (undoable)."""
        conflict = self.conflict
        try:
            self.merged = settle(self.merged, conflict.id, choice)
            self.editor.take_items(self.merged.session, {(conflict.table, conflict.item_id)})
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.decided[conflict.id] = choice

    def _advance(self) -> None:
        open_ones = [index for index, conflict in enumerate(self.conflicts)
                     if conflict.id not in self.decided]
        if not open_ones:
            self.notify(t("tui.copies.all_decided", copy=self.copy_name), markup=False)
            self.dismiss(None)
            return
        self.at = next((index for index in open_ones if index > self.at), open_ones[0])
        self._show_conflict()

    def action_step(self, step: int) -> None:
        self.at = (self.at + step) % len(self.conflicts)
        self._show_conflict()

    def action_later(self) -> None:
        still = len(self.conflicts) - len(self.decided)
        if still:
            self.notify(counted("tui.copies.later", still), markup=False, timeout=10)
        self.dismiss(self.merged if self.merged.conflicts else None)

"""The merge screen: pick session files, read the report, decide conflicts and duplicates, write.

One pane at a time: the files (space ticks a file, m merges the ticked ones), the
report (c walks the conflicts, d the proposed duplicates, w writes the programme), a
conflict with its versions side by side (1–9 keeps that version, a keeps them all, e
edits: one disputed text in a roomy editor, several fields in a form; ←/→ walks on)
and a proposed duplicate with both items side by side and why they look alike (s
combines keeping the left one whole, x keeping the right one, k keeps apart). Esc goes
back one pane. What a merge is lives in `pact_tui.merge`; this screen
shows it and passes the facilitator's choices on. Writing the programme also writes the
report beside it.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from pact_tui.i18n import t
from pact_tui.merge import (
    KEEP_ALL,
    Conflict,
    DuplicateProposal,
    MergeResult,
    Version,
    combine_duplicate,
    keep_apart,
    merge_sessions,
    resolve_conflict,
)
from pact_tui.merge.report import counted, field_text, render_report, signal_text
from pact_tui.model import Item, UserError
from pact_tui.model.file_names import free_path
from pact_tui.model.template import ACTION_TEMPLATE
from pact_tui.model.validation import field_label
from pact_tui.store import read_session, session_filename, write_session
from pact_tui.store.atomic import write_atomic
from pact_tui.store.folder import SessionEntry, scan_sessions
from pact_tui.tui.modals.form import FormDialog, FormValues, TextField
from pact_tui.tui.modals.long_text import LongTextModal
from pact_tui.tui.text import visible, visible_rich

# Which of the screen's actions work in which pane (the footer shows only those).
PANE_ACTIONS = {
    "pick": {"merge", "back"},
    "report": {"conflicts", "duplicates", "write", "back"},
    "conflict": {"keep", "keep_all", "edit", "next", "previous", "back"},
    "duplicate": {"combine", "swap", "keep_apart", "next", "previous", "back"},
}
SCREEN_ACTIONS = set().union(*PANE_ACTIONS.values())
# The free-text fields an edited conflict offers, in this order; choices (theme, scale)
# are kept from the newest version.
TEXT_FIELDS = ("title", "name", "text", "goal", "description", "notes", "category", "contact",
               "source")
REQUIRED_TEXT = frozenset({"title", "name", "text"})
# What a version shows, in this order (ids and positions say nothing to a person).
# An action shows every field of its template.
SHOWN_FIELDS = tuple(dict.fromkeys((
    "title", "name", "text", *(field.key for field in ACTION_TEMPLATE), "themes", "party",
    "role", "description", "notes", "category", "contact", "source")))


def _version_keys() -> list[Binding]:
    return [Binding(str(n), f"keep({n})", t("merge.screen.key_version", n=n), show=n <= 2,
                    id=f"merge.version{n}") for n in range(1, 10)]


def preselected(entries: Sequence[SessionEntry]) -> set[Path]:
    """The sessions started from the same programme (the one most sessions share; the
    newest of those on a tie): the breakout groups of one round. Nothing else is ticked."""
    groups: dict[str, list[SessionEntry]] = {}
    dates: dict[str, object] = {}
    for entry in entries:
        if entry.session is None or entry.session.meta.kind != "session":
            continue
        for origin in entry.session.meta.sources:
            groups.setdefault(origin.session_id, []).append(entry)
            dates[origin.session_id] = (origin.date.isoformat() if origin.date else "",
                                        origin.session_id)
    if not groups:
        return set()
    best = max(groups, key=lambda base: (len(groups[base]), dates[base]))
    return {entry.path for entry in groups[best]}


class MergeScreen(Screen[None]):
    """Several sessions become one programme, with a person deciding what a merge cannot."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "merge", t("merge.screen.key_merge"), id="merge.run"),
        Binding("c", "conflicts", t("merge.screen.key_conflicts"), id="merge.conflicts"),
        Binding("d", "duplicates", t("merge.screen.key_duplicates"), id="merge.duplicates"),
        Binding("w", "write", t("merge.screen.key_write"), id="merge.write"),
        *_version_keys(),
        Binding("a", "keep_all", t("merge.screen.key_keep_all"), id="merge.keep_all"),
        Binding("e", "edit", t("merge.screen.key_edit"), id="merge.edit"),
        Binding("s", "combine", t("merge.screen.key_combine"), id="merge.combine"),
        Binding("x", "swap", t("merge.screen.key_swap"), id="merge.swap"),
        Binding("k", "keep_apart", t("merge.screen.key_keep_apart"), id="merge.keep_apart"),
        Binding("right", "next", t("merge.screen.key_next"), id="merge.next"),
        Binding("left", "previous", t("merge.screen.key_previous"), id="merge.previous"),
        Binding("escape", "back", t("merge.screen.key_back"), id="merge.back"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.pane = "pick"
        self.result: MergeResult | None = None
        self._merged_paths: list[Path] = []
        self.conflict_at = 0
        self.duplicate_at = 0
        # Each file's line as offered, by path: redrawn with its sign when ticked or not.
        self._prompts: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="merge-heading")
        with ContentSwitcher(initial="pick", id="merge-panes"):
            yield SelectionList[str](id="pick")
            with VerticalScroll(id="report"):
                yield Static("", id="merge-report")
            with VerticalScroll(id="conflict"):
                yield Horizontal(id="merge-versions", classes="merge-side-by-side")
            with VerticalScroll(id="duplicate"):
                yield Horizontal(id="merge-pair", classes="merge-side-by-side")
        yield Static("", id="merge-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show("pick")
        self._scan()

    # ---- panes -----------------------------------------------------------------------------

    def _show(self, pane: str) -> None:
        self.pane = pane
        self.query_one("#merge-panes", ContentSwitcher).current = pane
        if pane == "pick":
            self._say(t("merge.screen.pick_heading", folder=str(self.folder)),
                      t("merge.screen.pick_status"))
            self.query_one("#pick", SelectionList).focus()
        elif pane == "report":
            self._render_report()
            self.query_one("#report").focus()
        elif pane == "conflict":
            self._render_conflict()
            self.query_one("#conflict").focus()
        else:
            self._render_duplicate()
            self.query_one("#duplicate").focus()
        self.refresh_bindings()

    def _say(self, heading: str, status: str) -> None:
        self.query_one("#merge-heading", Static).update(Text(visible(heading)))
        self.query_one("#merge-status", Static).update(Text(visible(status)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in SCREEN_ACTIONS:
            return True
        if action == "keep" and self.result is not None and self.pane == "conflict":
            count = len(self._conflict().versions)
            return bool(parameters) and isinstance(parameters[0], int) and parameters[0] <= count
        return action in PANE_ACTIONS[self.pane]

    def action_back(self) -> None:
        if self.pane in ("conflict", "duplicate"):
            self._show("report")
        elif self.pane == "report":
            self._show("pick")
        else:
            self.dismiss()

    # ---- picking and merging ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="merge-scan")
    def _scan(self) -> None:
        entries = scan_sessions(self.folder)
        self.app.call_from_thread(self._fill_pick, entries)

    def _fill_pick(self, entries: list[SessionEntry]) -> None:
        choices = self.query_one("#pick", SelectionList)
        choices.clear_options()
        ticked = preselected(entries)
        self._prompts = {}
        for entry in sorted(entries, key=lambda e: (e.session is None, str(e.path))):
            if entry.session is None:
                prompt = t("merge.screen.bad_file", file=entry.path.name, problem=entry.problem)
                choices.add_option(Selection(Text(visible(prompt)), str(entry.path), False,
                                             disabled=True))
                continue
            meta = entry.session.meta
            prompt = t("merge.screen.file", title=meta.title, kind=t(f"merge.kind.{meta.kind}"),
                       date=meta.date.isoformat(), actions=len(entry.session.actions),
                       file=entry.path.name)
            self._prompts[str(entry.path)] = prompt
            choices.add_option(Selection(self._marked(prompt, entry.path in ticked),
                                         str(entry.path), entry.path in ticked))
        if not entries:
            self._say(t("merge.screen.pick_heading", folder=str(self.folder)),
                      t("merge.screen.empty", folder=str(self.folder)))

    @staticmethod
    def _marked(prompt: str, selected: bool) -> Text:
        """A file's line with a sign that shows it is ticked, not only a colour."""
        sign = t("merge.screen.ticked" if selected else "merge.screen.unticked")
        return Text(sign + visible(prompt))

    def on_selection_list_selected_changed(
            self, event: SelectionList.SelectedChanged[str]) -> None:
        choices = event.selection_list
        selected = set(choices.selected)
        for index in range(choices.option_count):
            value = choices.get_option_at_index(index).value
            if value in self._prompts:
                choices.replace_option_prompt_at_index(
                    index, self._marked(self._prompts[value], value in selected))

    def action_merge(self) -> None:
        chosen = [Path(value) for value in self.query_one("#pick", SelectionList).selected]
        if not chosen:
            self.notify(t("merge.screen.pick_none"), severity="warning")
            return
        if self.result is not None and sorted(chosen) == self._merged_paths:
            # Back from the report by mistake: the decisions made so far are kept.
            self._show("report")
            return
        self._say(t("merge.screen.pick_heading", folder=str(self.folder)),
                  counted("merge.screen.merging", len(chosen)))
        self._merge(chosen)

    @work(thread=True, exclusive=True, group="merge-run")
    def _merge(self, paths: list[Path]) -> None:
        # Reading the files and scoring every pair of actions: off the UI thread.
        try:
            result = merge_sessions([read_session(path) for path in paths])
            result.programme  # noqa: B018 - put it together here, not on the UI thread
        except UserError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._merged, result, sorted(paths))

    def _failed(self, problem: str) -> None:
        self.notify(problem, severity="error", markup=False, timeout=15)
        self._show("pick")

    def _merged(self, result: MergeResult, paths: list[Path]) -> None:
        self.result = result
        self._merged_paths = paths
        self._show("report")

    # ---- the report ------------------------------------------------------------------------

    def _render_report(self) -> None:
        result = self._result()
        self.query_one("#merge-report", Static).update(
            Text(visible(render_report(result), lines=True)))
        self._say(t("merge.screen.report_heading", title=result.programme.meta.title),
                  counted("merge.screen.report_status", len(result.unresolved),
                          duplicates=len(result.undecided)))

    def _result(self) -> MergeResult:
        assert self.result is not None
        return self.result

    def action_conflicts(self) -> None:
        result = self._result()
        if not result.conflicts:
            self.notify(t("merge.screen.no_conflicts"))
            return
        self.conflict_at = self._first_open([c.id for c in result.conflicts], result.resolutions)
        self._show("conflict")

    def action_duplicates(self) -> None:
        result = self._result()
        if not result.duplicates:
            self.notify(t("merge.screen.no_duplicates"))
            return
        self.duplicate_at = self._first_open([p.id for p in result.duplicates],
                                             result.decisions)
        self._show("duplicate")

    @staticmethod
    def _first_open(ids: list[str], decided: Mapping[str, object]) -> int:
        return next((n for n, choice in enumerate(ids) if choice not in decided), 0)

    def action_write(self) -> None:
        result = self._result()
        if result.unresolved:
            self.notify(counted("merge.screen.decide_first", len(result.unresolved)),
                        severity="warning")
            return
        programme = result.programme
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = free_path(self.folder, session_filename(programme.meta))
            write_session(path, programme)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False, timeout=15)
            return
        report = free_path(self.folder, f"{path.stem}-verslag.md")
        try:
            write_atomic(report, [visible(render_report(result, markdown=True),
                                          lines=True).encode("utf-8")],
                         overwrite=False)
        except OSError as error:
            self.notify(t("merge.screen.report_unwritable", file=str(report),
                          reason=error.strerror or str(error)),
                        severity="error", markup=False, timeout=15)
            report_line = ""
        else:
            report_line = " " + t("merge.screen.report_written", file=str(report))
        self.notify(t("merge.screen.written", file=str(path)) + report_line, markup=False,
                    timeout=10)
        self.dismiss()

    # ---- conflicts -------------------------------------------------------------------------

    def _conflict(self) -> Conflict:
        return self._result().conflicts[self.conflict_at]

    def _render_conflict(self) -> None:
        result, conflict = self._result(), self._conflict()
        chosen = result.resolutions.get(conflict.id)
        state = t("merge.screen.open") if chosen is None else t("merge.screen.decided")
        self._say(t("merge.screen.conflict_heading", n=self.conflict_at + 1,
                    total=len(result.conflicts), item=self._item_name(conflict.table,
                                                                 conflict.label()),
                    state=state),
                  t("merge.screen.conflict_status", count=len(conflict.versions)))
        differing = {difference.field for difference in conflict.differences}
        panes = []
        for number, version in enumerate(conflict.versions, start=1):
            pane = Static(visible_rich(self._version_text(number, version, differing, chosen)),
                          classes="merge-version")
            pane.set_class(chosen == version.key, "-chosen")
            panes.append(pane)
        self._replace("#merge-versions", panes)

    def _version_text(self, number: int, version: Version, differing: set[str],
                      chosen: object) -> Text:
        sources = ", ".join(origin.title for origin in version.sources)
        key = "merge.screen.version_deleted" if version.deleted else "merge.screen.version"
        text = Text(t(key, n=number, sources=sources), style="bold")
        if chosen == version.key:
            text.append("  " + t("merge.screen.chosen"), style="bold green")
        if version.item is not None:
            text.append_text(self._fields(version.item, differing))
        return text

    def _fields(self, item: Item, highlight: set[str]) -> Text:
        """The item's filled-in fields, one a line; those the versions disagree on stand out."""
        profile = self._result().programme.profile
        content = item.content()
        text = Text()
        shown_fields = [name for name in SHOWN_FIELDS if name in content]
        for name in sorted(shown_fields, key=lambda field: field not in highlight):
            shown = field_text(name, content[name], profile)
            if name not in highlight and shown == "—":
                continue
            text.append(f"\n{field_label(name)}: ", style="bold" if name in highlight else "dim")
            text.append(shown, style="reverse" if name in highlight else "")
        return text

    def _replace(self, container: str, children: list[Static]) -> None:
        box = self.query_one(container, Horizontal)
        box.remove_children()
        box.mount_all(children)

    def action_keep(self, number: int) -> None:
        conflict = self._conflict()
        self._resolved(resolve_conflict(self._result(), conflict.id,
                                        conflict.versions[number - 1].key))

    def action_keep_all(self) -> None:
        self._resolved(resolve_conflict(self._result(), self._conflict().id, KEEP_ALL))

    def action_edit(self) -> None:
        conflict = self._conflict()
        start = conflict.newest().item
        assert start is not None
        content = start.content()
        disputed = [d.field for d in conflict.differences]
        if len(disputed) == 1 and isinstance(content.get(disputed[0]), str):
            self._edit_long(conflict, start, disputed[0])
            return
        fields = [TextField(name, field_label(name), value=content[name],
                            required=name in REQUIRED_TEXT)
                  for name in TEXT_FIELDS if isinstance(content.get(name), str)]

        def submit(values: FormValues) -> None:
            self.result = resolve_conflict(self._result(), conflict.id, start.edited(**values))

        def done(saved: bool | None) -> None:
            if saved:
                self._advance_conflict()

        self.app.push_screen(
            FormDialog(t("merge.screen.edit_title", item=conflict.label()), fields, submit),
            done,
        )

    def _edit_long(self, conflict: Conflict, start: Item, name: str) -> None:
        """The one disputed text, whole, in a roomy editor (the versions stay in the report)."""

        def done(text: str | None) -> None:
            if text is None:
                return
            if not text.strip() and name in REQUIRED_TEXT:
                self.notify(t("merge.screen.text_required", field=field_label(name)),
                            severity="warning")
                return
            self.result = resolve_conflict(self._result(), conflict.id,
                                           start.edited(**{name: text.strip()}))
            self._advance_conflict()

        title = t("merge.screen.edit_field", item=conflict.label(), field=field_label(name))
        self.app.push_screen(LongTextModal(title, str(start.content()[name])), done)

    def _resolved(self, result: MergeResult) -> None:
        self.result = result
        self._advance_conflict()

    def _advance_conflict(self) -> None:
        result = self._result()
        if not result.unresolved:
            self.notify(t("merge.screen.all_decided"))
            self._show("report")
            return
        self.conflict_at = _next_open([c.id for c in result.conflicts], self.conflict_at,
                                      result.resolutions)
        self._show("conflict")

    # ---- duplicates ------------------------------------------------------------------------

    def _duplicate(self) -> DuplicateProposal:
        return self._result().duplicates[self.duplicate_at]

    def _render_duplicate(self) -> None:
        result, proposal = self._result(), self._duplicate()
        decision = result.decisions.get(proposal.id)
        state = t({None: "merge.screen.open", True: "merge.screen.combined",
                   False: "merge.screen.apart"}[decision])
        self._say(t("merge.screen.duplicate_heading", n=self.duplicate_at + 1,
                    total=len(result.duplicates), score=round(proposal.score),
                    kind=t(f"model.table.{proposal.table}"), state=state),
                  t("merge.screen.duplicate_status",
                    why="; ".join(signal_text(signal) for signal in proposal.signals)))
        panes = []
        for key, item_id in (("merge.screen.survivor", proposal.keep_id),
                             ("merge.screen.other", proposal.other_id)):
            item = self._proposed_item(proposal.table, item_id)
            text = Text(t(key), style="bold")
            if item is not None:
                sources = ", ".join(origin.title for origin in item.origins)
                text.append(f"\n{sources}", style="italic")
                text.append_text(self._fields(item, set()))
            panes.append(Static(visible_rich(text), classes="merge-version"))
        self._replace("#merge-pair", panes)

    def _proposed_item(self, table: str, item_id: str) -> Item | None:
        """The item as it was when the duplicate was proposed (before any combining)."""
        analysis = self._result().analysis
        if (table, item_id) in analysis.resolved:
            return analysis.resolved[(table, item_id)]
        conflict = next((c for c in analysis.conflicts if c.item_id == item_id), None)
        return conflict.newest().item if conflict is not None else None

    def action_combine(self) -> None:
        self._decided(combine_duplicate(self._result(), self._duplicate().id))

    def action_swap(self) -> None:
        """The other item survives instead: combine keeping it whole."""
        proposal = self._duplicate()
        self._decided(combine_duplicate(self._result(), proposal.id, keep=proposal.other_id))

    def action_keep_apart(self) -> None:
        self._decided(keep_apart(self._result(), self._duplicate().id))

    def _decided(self, result: MergeResult) -> None:
        self.result = result
        if not result.undecided:
            self.notify(t("merge.screen.all_duplicates_decided"))
            self._show("report")
            return
        self.duplicate_at = _next_open([d.id for d in result.duplicates], self.duplicate_at,
                                       result.decisions)
        self._show("duplicate")

    # ---- walking ---------------------------------------------------------------------------

    def action_next(self) -> None:
        self._step(1)

    def action_previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        result = self._result()
        if self.pane == "conflict":
            self.conflict_at = (self.conflict_at + step) % len(result.conflicts)
        else:
            self.duplicate_at = (self.duplicate_at + step) % len(result.duplicates)
        self._show(self.pane)

    @staticmethod
    def _item_name(table: str, label: str) -> str:
        return t("merge.report.item", kind=t(f"model.table.{table}"), label=label[:60])


def _next_open(ids: Sequence[str], at: int, decided: Container[str]) -> int:
    """The index of the first item after `at` (wrapping round) that is not decided yet."""
    count = len(ids)
    return next(index for step in range(1, count + 1)
                if ids[index := (at + step) % count] not in decided)

"""The merge screen: pick session files, read the report, decide conflicts and duplicates, write.

One pane at a time: the files (the next round ticked: the new breakouts and the programme
they started from; ▶ marks the cursor; space ticks a file, m merges the ticked ones),
the report (c walks the conflicts, d the proposed duplicates, w writes the programme), a
conflict with its base and versions side by side (1–9 keeps that version, a keeps them
all, e edits starting from a version or the base: one disputed text in a roomy editor,
several fields in a form; ←/→ walks on) and a proposed duplicate with both items side
by side and why they look alike (s combines keeping the left one whole, x keeping the
right one, k keeps apart). After the last decision the open ones of the other kind
follow, then the report and a form for the programme's title and file name. Esc goes
back one pane; leaving with decisions not written takes a second Esc. What a merge is
lives in `pact_tui.merge`; this screen shows it and passes the facilitator's choices on.
Writing the programme also writes the report beside it.
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
    proposed_item,
    resolve_conflict,
    retitled,
)
from pact_tui.merge.report import (
    counted,
    item_names,
    promise_text,
    render_report,
    signal_text,
)
from pact_tui.model import Commitment, Item, UserError
from pact_tui.model.file_names import free_path
from pact_tui.store import SessionFile, read_session, session_filename, write_session
from pact_tui.store.atomic import write_atomic
from pact_tui.store.folder import SessionEntry, scan_sessions
from pact_tui.tui.modals.form import FormDialog, FormValues, TextField
from pact_tui.tui.text import visible, visible_rich
from pact_tui.tui.widgets.conflict_versions import ConflictVersions, edit_conflict, item_fields

# Which of the screen's actions work in which pane (the footer shows only those).
PANE_ACTIONS = {
    "pick": {"merge", "back"},
    "report": {"conflicts", "duplicates", "write", "back"},
    "conflict": {"keep", "keep_all", "edit", "next", "previous", "back"},
    "duplicate": {"combine", "swap", "keep_apart", "next", "previous", "back"},
}
SCREEN_ACTIONS = set().union(*PANE_ACTIONS.values())
def _version_keys() -> list[Binding]:
    return [Binding(str(n), f"keep({n})", t("merge.screen.key_version", n=n), show=n <= 2,
                    id=f"merge.version{n}") for n in range(1, 10)]


def preselected(entries: Sequence[SessionEntry]) -> set[Path]:
    """The round to merge next: the sessions started from one programme that no programme
    in the folder holds yet, and that programme itself (the one most such sessions share;
    the newest of those on a tie). Nothing else is ticked."""
    metas = {entry.path: entry.session.meta for entry in entries
             if entry.session is not None and entry.copy_of is None}
    merged = {origin.session_id for meta in metas.values() if meta.kind == "programme"
              for origin in meta.sources}
    groups: dict[str, list[Path]] = {}
    dates: dict[str, tuple[str, str]] = {}
    for path, meta in metas.items():
        if meta.kind != "session" or meta.id in merged:
            continue
        for origin in meta.sources:
            groups.setdefault(origin.session_id, []).append(path)
            dates[origin.session_id] = (origin.date.isoformat() if origin.date else "",
                                        origin.session_id)
    if not groups:
        return set()
    best = max(groups, key=lambda base: (len(groups[base]), dates[base]))
    started_from = [path for path, meta in metas.items() if meta.id == best]
    return {*groups[best], *started_from[:1]}


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

    def __init__(self, folder: Path, *, chosen: Sequence[Path] = (),
                 into: Path | None = None) -> None:
        """`chosen`: files merged at once, without the picker; `into`: the programme file
        the result replaces (through the store) instead of a new file (the day's merge)."""
        super().__init__()
        self.folder = folder
        self._chosen = list(chosen)
        self._into = into
        self.pane = "pick"
        self.result: MergeResult | None = None
        self._merged_paths: list[Path] = []
        self.conflict_at = 0
        self.duplicate_at = 0
        self._leave_warned = False
        self._written = False
        self._names_of: MergeResult | None = None
        self._names_cache: dict[str, str] = {}
        # Each file's line as offered, by path: redrawn with its signs (ticked or not,
        # under the cursor or not), which say in monochrome what colour says.
        self._prompts: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="merge-heading")
        with ContentSwitcher(initial="pick", id="merge-panes"):
            yield SelectionList[str](id="pick")
            with VerticalScroll(id="report"):
                yield Static("", id="merge-report")
            with VerticalScroll(id="conflict"):
                yield ConflictVersions(id="merge-versions", classes="merge-side-by-side")
            with VerticalScroll(id="duplicate"):
                yield Horizontal(id="merge-pair", classes="merge-side-by-side")
        yield Static("", id="merge-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show("pick")
        self._scan()
        if self._chosen:
            self._say(t("merge.screen.pick_heading", folder=str(self.folder)),
                      counted("merge.screen.merging", len(self._chosen)))
            self._merge(self._chosen)

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
        # A status may run over two lines (why, then the keys): a line break, not ␊.
        self.query_one("#merge-status", Static).update(Text(visible(status, lines=True)))

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
            if self._decided_count():
                self._say(t("merge.screen.pick_heading", folder=str(self.folder)),
                          t("merge.screen.decisions_kept"))
        elif self._decided_count() and not self._leave_warned:
            # Leaving drops the decisions: said once, done on the next Esc.
            self._leave_warned = True
            self.notify(counted("merge.screen.leave_warning", self._decided_count()),
                        severity="warning", timeout=10)
        else:
            self.dismiss()

    def _decided_count(self) -> int:
        """How many decisions the person made that are not written yet."""
        if self.result is None or self._written:
            return 0
        return len(self.result.resolutions) + len(self.result.decisions)

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
        for entry in entries:
            if entry.copy_of is not None or entry.session is None:
                # A conflict copy is not a session to merge: its file takes it in.
                prompt = t("merge.screen.copy_file", copy=entry.path.name,
                           file=entry.copy_of.name) if entry.copy_of else \
                    t("merge.screen.bad_file", file=entry.path.name, problem=entry.problem)
                choices.add_option(Selection(Text("    " + visible(prompt)), str(entry.path),
                                             False, disabled=True))
                continue
            meta = entry.session.meta
            prompt = t("merge.screen.file", title=meta.title, kind=t(f"merge.kind.{meta.kind}"),
                       date=meta.date.isoformat(), actions=len(entry.session.actions),
                       file=entry.path.name)
            self._prompts[str(entry.path)] = prompt
            choices.add_option(Selection(Text(prompt), str(entry.path), entry.path in ticked))
        if self._prompts:
            # The cursor starts on the first file, so the first Space ticks it.
            choices.highlighted = next(index for index in range(choices.option_count)
                                       if not choices.get_option_at_index(index).disabled)
        self._redraw_pick()
        if not entries:
            self._say(t("merge.screen.pick_heading", folder=str(self.folder)),
                      t("merge.screen.empty", folder=str(self.folder)))

    def _redraw_pick(self) -> None:
        """Each file's line with a sign for ticked and one for the cursor, not only colours."""
        choices = self.query_one("#pick", SelectionList)
        selected = set(choices.selected)
        for index in range(choices.option_count):
            value = choices.get_option_at_index(index).value
            if value in self._prompts:
                cursor = t("merge.screen.cursor" if index == choices.highlighted
                           else "merge.screen.no_cursor")
                sign = t("merge.screen.ticked" if value in selected else "merge.screen.unticked")
                choices.replace_option_prompt_at_index(
                    index, Text(cursor + sign + visible(self._prompts[value])))

    def on_selection_list_selected_changed(
            self, event: SelectionList.SelectedChanged[str]) -> None:
        self._redraw_pick()

    def on_selection_list_selection_highlighted(
            self, event: SelectionList.SelectionHighlighted[str]) -> None:
        self._redraw_pick()

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
                  t("merge.screen.report_status",
                    conflicts=counted("merge.screen.open_conflicts", len(result.unresolved)),
                    duplicates=counted("merge.screen.open_duplicates", len(result.undecided))))

    def _result(self) -> MergeResult:
        assert self.result is not None
        return self.result

    @property
    def _names(self) -> dict[str, str]:
        """Every item's name by id for this result (a commitment with its action)."""
        result = self._result()
        if self._names_of is not result:
            self._names_of, self._names_cache = result, item_names(result)
        return self._names_cache

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
        """Ask the programme's title and file name (sensible defaults), then write both files."""
        result = self._result()
        if result.unresolved:
            self.notify(counted("merge.screen.decide_first", len(result.unresolved)),
                        severity="warning")
            return
        title = result.programme.meta.title
        fields = [TextField("title", t("merge.screen.field_title"), value=title, required=True)]
        if self._into is None:
            fields.append(TextField("file", t("merge.screen.field_file"), required=True,
                                    value=free_path(self.folder,
                                                    session_filename(result.programme.meta)).name))

        def done(written: bool | None) -> None:
            if written:
                self.dismiss()

        self.app.push_screen(FormDialog(t("merge.screen.write_title"), fields, self._write), done)

    def _write(self, values: FormValues) -> None:
        """Write the programme under the chosen title and name, and the report beside it;
        a problem (a name taken, a folder not writable) keeps the form open and says why."""
        result = retitled(self._result(), values["title"])
        if self._into is not None:
            path = self._into
            with SessionFile.open(path) as programme:  # backed up, atomic, the lock honoured
                programme.replace_all(result.programme)
        else:
            name = str(values["file"])
            if Path(name).name != name:
                raise UserError(t("merge.screen.file_name_only", file=name))
            path = self.folder / (name if name.endswith(".json") else f"{name}.json")
            if path.exists():
                raise UserError(t("merge.screen.file_exists", file=path.name))
            self.folder.mkdir(parents=True, exist_ok=True)
            write_session(path, result.programme)
        self.result = result
        self._written = True
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

    # ---- conflicts -------------------------------------------------------------------------

    def _conflict(self) -> Conflict:
        return self._result().conflicts[self.conflict_at]

    def _render_conflict(self) -> None:
        result, conflict = self._result(), self._conflict()
        chosen = result.resolutions.get(conflict.id)
        state = t("merge.screen.open") if chosen is None else t("merge.screen.decided")
        self._say(t("merge.screen.conflict_heading", n=self.conflict_at + 1,
                    total=len(result.conflicts), item=self._item_name(
                        conflict.table, self._names.get(conflict.item_id, conflict.label())),
                    state=state),
                  t("merge.screen.conflict_status", count=len(conflict.versions)))
        headings = [t("merge.screen.version_deleted" if version.deleted
                      else "merge.screen.version", n=number, sources=_sources(version))
                    for number, version in enumerate(conflict.versions, start=1)]
        # Why an action deleted somewhere is still here: the commitments made to it.
        promised = promise_text(conflict, decided=chosen is not None)
        if promised:
            headings = [f"{heading}\n{promised}" if version.deleted else heading
                        for heading, version in zip(headings, conflict.versions, strict=True)]
        self.query_one("#merge-versions", ConflictVersions).show(
            conflict, headings, chosen, result.programme.profile, self._names)

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
        """Ask which text to start from, then edit; the edited item settles the conflict."""
        conflict = self._conflict()

        def settle(item: Item) -> None:
            self.result = resolve_conflict(self._result(), conflict.id, item)

        starts = [t("merge.screen.start_version", n=number, sources=_sources(version))
                  for number, version in enumerate(conflict.versions, start=1)]
        edit_conflict(self.app, conflict, starts, settle, self._advance_conflict)

    def _resolved(self, result: MergeResult) -> None:
        self.result = result
        self._advance_conflict()

    def _advance_conflict(self) -> None:
        result = self._result()
        if not result.unresolved:
            self._after_last(t("merge.screen.all_decided"), "duplicate", result.undecided)
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
            item = proposed_item(self._result(), proposal.table, item_id)
            text = Text(t(key), style="bold")
            if item is not None:
                sources = ", ".join(origin.title for origin in item.origins)
                if isinstance(item, Commitment):
                    text.append("\n" + t("merge.screen.of_action", action=self._names.get(
                        item.action_id, t("merge.report.unknown_item"))), style="bold")
                text.append(f"\n{sources}", style="italic")
                text.append_text(item_fields(item, set(), result.programme.profile,
                                             self._names))
            panes.append(Static(visible_rich(text), classes="merge-version"))
        self._replace("#merge-pair", panes)

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
            self._after_last(t("merge.screen.all_duplicates_decided"), "conflict",
                             result.unresolved)
            return
        self.duplicate_at = _next_open([d.id for d in result.duplicates], self.duplicate_at,
                                       result.decisions)
        self._show("duplicate")

    def _after_last(self, said: str, other: str, still_open: Sequence[object]) -> None:
        """After the last decision of one kind: on to the open ones of the other kind, or,
        with nothing left open, the report as the summary and the question what to write."""
        self.notify(said)
        if still_open:
            if other == "conflict":
                self.action_conflicts()
            else:
                self.action_duplicates()
            return
        self._show("report")
        self.action_write()

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


def _sources(version: Version) -> str:
    return ", ".join(origin.title for origin in version.sources)


def _next_open(ids: Sequence[str], at: int, decided: Container[str]) -> int:
    """The index of the first item after `at` (wrapping round) that is not decided yet."""
    count = len(ids)
    return next(index for step in range(1, count + 1)
                if ids[index := (at + step) % count] not in decided)

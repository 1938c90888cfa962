"""Sync conflict copies of the open session, merged in while it is being worked on.

A laptop that was offline, or two that saved at once, leave a sync engine's conflict copy
beside the file (`store.sync_copies`). While the session is open for writing, its folder
is looked at every few seconds off the UI thread; a copy of this file is read, merged in
(three-way, every word kept) as one change the screens show at once, saved, kept in the
backups and only then removed. A notification names the copy and what came in; real
conflicts open the decision screen, and until a person decides, the copy's value waits in
the item's history. A copy that does not read yet is tried again on the next look.

Some engines keep the other laptop's version under the file's own name instead, and the
copy beside it is this laptop's: the version written over the open file is merged in the
same way (`SessionFile.outside_versions`), so this laptop's next save does not undo it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from pact_tui.editor import Change, SessionEditor
from pact_tui.i18n import t
from pact_tui.model import Session, UserError
from pact_tui.store.sync_copies import ConflictCopy, conflict_copies, keep_and_remove, read_copy
from pact_tui.tui.arriving import signature

if TYPE_CHECKING:
    from pact_tui.merge.copies import CopiesMerge
    from pact_tui.tui.app import PactApp

COPY_CHECK_SECONDS = 2.0
"""How often the open file's folder is looked at for conflict copies."""

SAVE_WAIT_SECONDS = 10.0
"""How long the merged session may take to reach the disk before the copy is removed; a
copy not removed is merged again on a later look, which changes nothing."""


class CopyWatcher:
    """Looks for conflict copies of the app's open session and merges them in."""

    def __init__(self, app: PactApp) -> None:
        self.app = app
        self._looking = False
        # The copies already announced, by path and content: one merged again (its removal
        # waited for a save) is not announced twice.
        self._told: set[tuple[str, str]] = set()
        # Copies that did not read, by the version of the file then (inode, size, time):
        # read again only once the sync engine wrote more.
        self._unready: dict[Path, tuple[int, int, int]] = {}
        # Conflicts left for later (Esc on the decision screen): editor, merge, copy's name.
        self._waiting: list[tuple[SessionEditor, CopiesMerge, str]] = []
        # Versions written over the open file, handed out by it and not merged yet.
        self._outside: list[tuple[SessionEditor, Session]] = []

    def check(self) -> None:
        """Start a look in the background, unless one is still going or nothing is open."""
        editor = self.app.editor
        if editor is None or editor.read_only or self._looking:
            return
        self._looking = True
        self.app.run_worker(lambda: self._look(editor), thread=True, group="sync-copies",
                            exit_on_error=False)

    def _look(self, editor: SessionEditor) -> None:
        try:
            # Handed out once by the file: kept here until merged and saved.
            waiting = [theirs for owner, theirs in self._outside if owner is editor]
            self._outside = []
            for theirs in (*waiting, *editor.file.outside_versions()):
                if not self._merge_in(editor, theirs, t("tui.copies.outside_version"), b""):
                    self._outside.append((editor, theirs))
            for copy in conflict_copies(editor.path.parent):
                if copy.original == editor.path:
                    self._merge(editor, copy)
        finally:
            self._looking = False

    def _merge(self, editor: SessionEditor, copy: ConflictCopy) -> None:
        version = signature(copy.path)
        if version is None or self._unready.get(copy.path) == version:
            return
        try:
            content, theirs = read_copy(copy, editor.meta.id)
        except UserError:
            self._unready[copy.path] = version
            return  # still arriving, or of a newer pact-tui: left where it is
        self._unready.pop(copy.path, None)
        if not self._merge_in(editor, theirs, copy.path.name, content):
            return
        try:
            keep_and_remove(editor.path, copy, content)
        except OSError:
            return  # not in the backups: the copy stays, and is merged again later

    def _merge_in(self, editor: SessionEditor, theirs: Session, name: str,
                  content: bytes) -> bool:
        """Merge `theirs` (named `name` to the person) into the open session; whether the
        result is saved; if not (the session changed meanwhile), a later look merges it again."""
        made = editor.merged_with(theirs, SAVE_WAIT_SECONDS)
        if made is None:
            return False  # changes still on their way to the disk: the next look merges
        at, merged = made
        try:
            change = self.app.call_from_thread(self._take, editor, at, merged)
        except UserError:
            return False  # the session went read-only meanwhile: the copy waits
        if change is None:
            return False  # the session changed while the merge was made
        seen = (name, hashlib.sha256(content or theirs.model_dump_json().encode()).hexdigest())
        if seen not in self._told:
            self._told.add(seen)
            self.app.call_from_thread(self._tell, editor, name, merged, change)
        return editor.flush(SAVE_WAIT_SECONDS)

    def _take(self, editor: SessionEditor, version: int, merged: CopiesMerge) -> Change | None:
        """On the UI thread: the merge into the session, if it is still the one open."""
        if self.app.editor is not editor or editor.read_only:
            return None
        return editor.take_merge(version, merged)

    def _tell(self, editor: SessionEditor, name: str, merged: CopiesMerge,
              change: Change) -> None:
        what = what_came_in(change, {conflict.item_id for conflict in merged.conflicts})
        self.app.notify(t("tui.copies.merged", copy=name, what=what), markup=False, timeout=12)
        if merged.conflicts:
            self._decide(editor, merged, name)

    def waiting(self) -> bool:
        """Whether conflicts of the open session's copies were left for later."""
        self._waiting = [entry for entry in self._waiting if entry[0] is self.app.editor]
        return bool(self._waiting)

    def decide_waiting(self) -> None:
        """The decision screen again, for the conflicts left for later."""
        if self.waiting():
            self._decide(*self._waiting.pop(0))

    def _decide(self, editor: SessionEditor, merged: CopiesMerge, copy_name: str) -> None:
        if self.app.editor is not editor:
            return
        from pact_tui.tui.screens.copy_conflicts import CopyConflictsScreen

        def left(rest: CopiesMerge | None) -> None:
            if rest is not None:
                self._waiting.append((editor, rest, copy_name))

        self.app.push_screen(CopyConflictsScreen(editor, merged, copy_name), left)


def what_came_in(change: Change, in_conflict: set[str]) -> str:
    """The items a merge added, changed and removed, and its open conflicts (items whose
    value stays until a person decides), counted in words."""
    from pact_tui.merge.report import counted

    added = sum(step.before is None for step in change.items)
    removed = sum(step.after is None for step in change.items)
    changed = sum(step.before is not None and step.after is not None
                  and step.item_id not in in_conflict for step in change.items)
    parts = [counted(f"tui.copies.{key}", n) for key, n in
             (("added", added), ("changed", changed), ("removed", removed),
              ("conflicts", len(in_conflict))) if n]
    if change.meta_before is not None and change.meta_after is not None and (
            # Tombstones are bookkeeping, not session details a person would name.
            change.meta_before.model_copy(update={"deletions": ()})
            != change.meta_after.model_copy(update={"deletions": ()})):
        parts.append(t("tui.copies.meta"))
    return ", ".join(parts) or t("tui.copies.nothing_new")

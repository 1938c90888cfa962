"""The session editor: every change of an open session, applied at once, saved in order, undoable.

Screens never write to the store themselves. They ask the `SessionEditor`, which
- applies the change to its in-memory copy immediately (so typing never waits for a disk);
- hands the change to one saver thread that writes it through the store, in order;
  a failed save is reported in one sentence, kept in the queue and retried, never dropped;
- records the change (the items before and after) for session-wide undo and redo;
- tells its listeners: `Changed` on every change, `Saved` and `SaveFailed` from the saver.

Listeners are called on the thread that owns the editor: the saver thread hops over
through `dispatch`, which defaults to the running asyncio loop's `call_soon_threadsafe`
(the Textual app's loop), so nothing of Textual is needed here and tests can run it bare.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import queue
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from pact_tui.i18n import t
from pact_tui.model import (
    ITEM_KINDS,
    Action,
    Commitment,
    Item,
    PartyRef,
    Session,
    SessionMeta,
    Stakeholder,
    UserError,
    now_utc,
)
from pact_tui.model.items import BOOKKEEPING_FIELDS
from pact_tui.model.parties import PartyLookup, new_party_names
from pact_tui.model.rules import commitments_of, ordered_actions
from pact_tui.model.validation import error_message, field_label
from pact_tui.store import SaveError, SessionFile, next_revision, write_session
from pact_tui.store.rescue import drop_rescue, write_rescue

if TYPE_CHECKING:
    from pact_tui.merge.copies import CopiesMerge

ItemT = TypeVar("ItemT", bound=Item)

UNDO_LIMIT = 500
"""Undo steps kept; the oldest fall off (a whole workshop's worth, far more than 100)."""

BULK_SAVE_THRESHOLD = 50
"""A change touching more items than this is saved as one whole-file write."""

RETRY_SECONDS = 3.0


class ReadOnlySessionError(UserError):
    """An edit asked of a session that is open read-only (another program has it, or its
    folder cannot be written)."""


@dataclass(frozen=True)
class ItemChange:
    """One item before and after a change: None before is an addition, None after a deletion."""

    before: Item | None
    after: Item | None

    @property
    def kind(self) -> type[Item]:
        item = self.after or self.before
        assert item is not None
        return type(item)

    @property
    def item_id(self) -> str:
        item = self.after or self.before
        assert item is not None
        return item.id


@dataclass(frozen=True)
class Change:
    """What one user action did: the items it touched and, maybe, the meta before and after."""

    items: tuple[ItemChange, ...] = ()
    meta_before: SessionMeta | None = None
    meta_after: SessionMeta | None = None

    def inverse(self) -> Change:
        return Change(
            items=tuple(ItemChange(c.after, c.before) for c in reversed(self.items)),
            meta_before=self.meta_after,
            meta_after=self.meta_before,
        )

    def touches(self, kind: type[Item]) -> bool:
        """Whether an item of `kind` was added, changed or deleted."""
        return any(c.kind is kind for c in self.items)

    def is_empty(self) -> bool:
        return not self.items and self.meta_after is None


@dataclass(frozen=True)
class Changed:
    """The session changed in memory (an edit, an undo or a redo)."""

    change: Change


@dataclass(frozen=True)
class Saved:
    """Every change so far is on disk."""

    at: dt.datetime


@dataclass(frozen=True)
class SaveFailed:
    """A save failed; the change is kept and retried. `message` is one sentence."""

    message: str


BOOKKEEPING = BOOKKEEPING_FIELDS | {"position"}
"""Fields that change with every edit (the trail, the revision), or only the order: not what
a user would name."""


def changed_column(before: Item | None, after: Item | None) -> str | None:
    """The first field a user would name that differs between the two versions of an item."""
    if before is None or after is None:
        return None
    old, new = before.model_dump(), after.model_dump()
    return next((name for name in new if name not in BOOKKEEPING and old.get(name) != new[name]),
                None)


def describe_change(change: Change, *, undone: bool) -> str:
    """One sentence saying what an undo or redo did: the item, and the field or the deed."""
    verb = t("tui.editing.undone_what" if undone else "tui.editing.redone_what")
    parts: list[str] = []
    for step in change.items:
        item = step.after or step.before
        assert item is not None
        label = item.label().replace("\n", " ")
        label = label if len(label) <= 40 else label[:39] + "…"
        kind = t(f"model.table.{item.TABLE}")
        if step.before is None:
            parts.append(t("tui.editing.change.added", kind=kind, label=label))
        elif step.after is None:
            parts.append(t("tui.editing.change.deleted", kind=kind, label=label))
        else:
            field_name = changed_column(step.before, step.after)
            if field_name is None:
                continue
            parts.append(t("tui.editing.change.field", kind=kind, label=label,
                           field=t(f"model.field.{field_name}")))
    if change.meta_after is not None:
        parts.append(t("tui.editing.change.meta"))
    shown = parts[:2] + ([t("tui.editing.change.more", count=len(parts) - 2)]
                         if len(parts) > 2 else [])
    return f"{verb}: {'; '.join(shown)}" if shown else verb


EditorEvent = Changed | Saved | SaveFailed
Listener = Callable[[EditorEvent], object]


@dataclass
class _SaveJob:
    """One change on its way to disk; a bulk job carries the whole session to write at once."""

    change: Change
    snapshot: Session | None = None


def _default_dispatch() -> Callable[[Callable[[], None]], None]:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return lambda callback: callback()

    def dispatch(callback: Callable[[], None]) -> None:
        loop.call_soon_threadsafe(callback)

    return dispatch


class SessionEditor:
    """An open session being edited: in-memory state, ordered saving, undo and redo."""

    def __init__(
        self,
        file: SessionFile,
        *,
        dispatch: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        self.file = file
        self._dispatch = dispatch or _default_dispatch()
        self._listeners: list[Listener] = []
        snapshot = file.snapshot()
        self._meta = snapshot.meta
        self._tables: dict[str, dict[str, Item]] = {
            table: {item.id: item for item in snapshot.items(table)} for table in ITEM_KINDS
        }
        self._session: Session | None = snapshot
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._batch: list[Change] | None = None
        self.version = 0
        """Grows with every change, so views can tell cheaply that they are stale."""
        self._last: tuple[int, int, Change] | None = None
        self.last_saved: dt.datetime | None = file.last_saved
        self.save_error: str | None = None
        self.rescue: Path | None = None
        """The rescue copy of the session, while saves to the file fail."""
        self.rescue_error: str | None = None
        """Why not even the rescue copy could be written, when that failed too."""
        self._rescued_version = -1
        # The saver thread reports failures (and writes the rescue copy) while the user's
        # thread edits: the state is changed and read whole, the rescue copy by one at a time.
        self._state_lock = threading.RLock()
        self._rescue_lock = threading.Lock()
        self._queue: queue.Queue[_SaveJob | None] = queue.Queue()
        self._pending: list[_SaveJob] = []
        self._pending_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._saver = threading.Thread(target=self._save_loop, name="pact-saver", daemon=True)
        self._saver.start()
        # The loaded session lives as long as the editor: keep Python's cycle collector from
        # walking its thousands of objects again on every collection, or each keystroke
        # would cost more in a bigger file (measured: 1.3x at 5,000 actions, 1.0x frozen).
        gc.freeze()

    # ---- reading ---------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def meta(self) -> SessionMeta:
        return self._meta

    @property
    def session(self) -> Session:
        """The whole session as it is now (built once per change, then cached)."""
        with self._state_lock:
            if self._session is None:
                tables = {table: tuple(items.values()) for table, items in self._tables.items()}
                self._session = Session.model_validate({"meta": self._meta, **tables})
            return self._session

    def items(self, kind: type[ItemT]) -> list[ItemT]:
        return list(self._tables[kind.TABLE].values())  # type: ignore[arg-type]

    def get(self, kind: type[ItemT], item_id: str) -> ItemT | None:
        return self._tables[kind.TABLE].get(item_id)  # type: ignore[return-value]

    def actions(self) -> list[Action]:
        """The actions in the facilitator's order."""
        return ordered_actions(self.items(Action))

    def change_since(self, version: int) -> Change | None:
        """The one change that took the session from `version` to now, if exactly one did.

        Lets a view patch the rows it shows instead of rebuilding them all.
        """
        if self._last is None:
            return None
        base, reached, change = self._last
        return change if base == version and reached == self.version else None

    # ---- listening -------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` on every event; returns a function that stops it."""
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def _emit(self, event: EditorEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # ---- changing --------------------------------------------------------------------------

    def add(self, item: ItemT) -> ItemT:
        """Add a new item (checked against the profile) and return it."""
        checked = self._checked(type(item), item.model_dump())
        self._commit(Change(items=(ItemChange(None, checked),)))
        return checked

    def update(self, item: Item, /, **changes: Any) -> Item:
        """Apply `changes` to the current version of `item`; nothing changes if nothing differs."""
        current = self._current(item)
        self._refuse_if_read_only()
        updated = self.file.revised(current, changes, self._meta.profile)
        if updated is current:
            return current
        self._commit(Change(items=(ItemChange(current, updated),)))
        return updated

    def delete(self, item: Item) -> None:
        current = self._current(item)
        self._commit(Change(items=(ItemChange(current, None),)))

    def update_meta(self, **changes: Any) -> SessionMeta:
        """Change the session's meta data (title, date, participants, agenda...)."""
        data = self._meta.model_dump()
        data.update(changes)
        try:
            meta = SessionMeta.model_validate(data)
        except ValidationError as error:
            detail = error.errors(include_url=False)[0]
            field_name = field_label(".".join(str(part) for part in detail["loc"]))
            raise UserError(
                t("tui.editing.invalid_meta", field=field_name, problem=error_message(detail))
            ) from None
        if meta == self._meta:
            return meta
        meta = meta.model_copy(update={"updated_at": now_utc()})
        self._commit(Change(meta_before=self._meta, meta_after=meta))
        return meta

    def next_position(self) -> int:
        """A position after every action, for a new row at the end."""
        return max((a.position for a in self.items(Action)), default=-1) + 1

    def swap_actions(self, first: Action, second: Action) -> None:
        """Swap two actions in the facilitator's order (one undo step)."""
        with self.transaction():
            a, b = self._current(first), self._current(second)
            if a.position == b.position:
                # Equal positions (e.g. imported rows): number everything first.
                self._renumber()
                a, b = self._current(a), self._current(b)
            self.update(a, position=b.position)
            self.update(b, position=a.position)

    def _renumber(self) -> None:
        for index, action in enumerate(self.actions()):
            if action.position != index:
                self.update(action, position=index)

    def make_room_below(self, action: Action) -> None:
        """Number the actions afresh when others share `action`'s position after it, so a
        new action at that position lands directly below it rather than after them."""
        order = self.actions()
        index = next(i for i, a in enumerate(order) if a.id == action.id)
        following = order[index + 1:]
        if following and following[0].position == order[index].position:
            self._renumber()

    def duplicate_action(self, action: Action) -> Action:
        """A copy of `action`'s content right below it (one undo step); the copy."""
        # Only the content: the copy is a new item, with no merge bookkeeping of the original.
        copy = Action.model_validate(action.content())
        with self.transaction():
            self.make_room_below(action)
            current = self._current(action)
            # Same position, made later: it sorts right after the original.
            return self.add(copy.model_copy(update={"position": current.position}))

    def delete_action(self, action: Action) -> None:
        """Delete `action` and its commitments in one undo step: none is left dangling."""
        with self.transaction():
            for commitment in commitments_of(action.id, self.items(Commitment)):
                self.delete(commitment)
            self.delete(action)

    def link_parties(
        self, refs: Sequence[PartyRef],
    ) -> tuple[tuple[str, ...], tuple[PartyRef, ...]]:
        """Make every name among `refs` that is no stakeholder yet into one, and link all
        of them to their stakeholder: (the new names, the linked refs)."""
        places = self.meta.profile.municipalities
        new = new_party_names(refs, self.items(Stakeholder), places)
        with self.transaction():
            for name in new:
                self.add(Stakeholder(name=name))
        lookup = PartyLookup(self.items(Stakeholder), places)
        return tuple(new), tuple(lookup.linked(ref.name) for ref in refs)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group every change made inside into one undo step (nesting joins the outer one)."""
        if self._batch is not None:
            yield
            return
        self._batch = []
        base = self.version
        try:
            yield
        finally:
            # Whatever was applied before an error is kept, saved and undoable too.
            batch, self._batch = self._batch, None
            if batch:
                merged = Change(
                    items=tuple(c for change in batch for c in change.items),
                    meta_before=next((c.meta_before for c in batch if c.meta_after), None),
                    meta_after=next((c.meta_after for c in reversed(batch) if c.meta_after), None),
                )
                self._save_later(merged)
                self._record(merged)
                self._last = (base, self.version, merged)
                self._emit(Changed(merged))

    # ---- undo and redo ---------------------------------------------------------------------

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Change | None:
        """Undo the last change of the session; returns what the undo did, or None."""
        if not self._undo:
            return None
        self._refuse_if_read_only()
        change = self._undo.pop()
        base = self.version
        done = self._replay(change.inverse())
        self._last = (base, self.version, done)
        self._redo.append(change)
        self._emit(Changed(done))
        return done

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        self._refuse_if_read_only()
        change = self._redo.pop()
        base = self.version
        done = self._replay(change)
        self._last = (base, self.version, done)
        self._undo.append(change)
        self._emit(Changed(done))
        return done

    def _replay(self, change: Change) -> Change:
        """Bring the session to `change`'s after-state, as new revisions of the items."""
        steps: list[ItemChange] = []
        for step in change.items:
            current = self._tables[step.kind.TABLE].get(step.item_id)
            target = step.after
            if target is not None and current is not None:
                target = next_revision(current, target)
            steps.append(ItemChange(current, target))
        meta_after = change.meta_after
        if meta_after is not None:
            meta_after = meta_after.model_copy(update={"updated_at": now_utc()})
        done = Change(tuple(steps), self._meta if meta_after else None, meta_after)
        self._apply(done)
        self._save_later(done)
        return done

    # ---- another copy of this session -----------------------------------------------------

    def merged_with(self, theirs: Session, timeout: float = 10.0) -> tuple[int, CopiesMerge] | None:
        """`theirs` (a sync engine's conflict copy of this session) merged into the session,
        with the version it was merged at; None while changes are still on their way to
        the disk. Safe on any thread (the merge takes time).

        The merge is made against the file as saved, not the session in memory: the file
        holds the tombstones of the items deleted here, which tell the copy's old items
        from new ones.
        """
        # The merge (and its fuzzy matching) loads only when a copy is there to merge.
        from pact_tui.merge.copies import merge_copies

        if not self.flush(timeout):
            return None
        with self._state_lock:
            version = self.version
            if self.has_unsaved:
                return None
        return version, merge_copies(self.file.snapshot(), theirs)

    def take_merge(self, version: int, merged: CopiesMerge) -> Change | None:
        """Make the session `merged` (made by `merged_with` at `version`): one change, saved
        like any other. None, and nothing changed, when the session changed since: the merge
        is made again later. Not an undo step: it is not the person's edit, and undoing it
        would drop the other laptop's work."""
        if version != self.version:
            return None
        return self._take(merged.session)

    def take_items(self, session: Session, keys: Collection[tuple[str, str]]) -> Change:
        """Make the items `keys` (table, item id) as `session` holds them (a deletion where it
        lacks one): a decided conflict of a merged copy, saved and undoable as any edit."""
        change = self._take(session, keys)
        if not change.is_empty():
            self._record(change)
        return change

    def _take(self, target: Session, keys: Collection[tuple[str, str]] | None = None) -> Change:
        """Bring the session (or only the items `keys`) to `target`, as one change."""
        self._refuse_if_read_only()
        steps: list[ItemChange] = []
        for table in ITEM_KINDS:
            current = self._tables[table]
            wanted = {item.id: item for item in target.items(table)
                      if keys is None or (table, item.id) in keys}
            for item_id, item in wanted.items():
                before = current.get(item_id)
                if before is not None and item.revision <= before.revision and item != before:
                    # As the store would number it, so memory and file stay alike.
                    item = next_revision(before, item)
                if before is None or before != item:
                    steps.append(ItemChange(before, item))
            steps.extend(ItemChange(before, None) for item_id, before in current.items()
                         if item_id not in wanted and (keys is None or (table, item_id) in keys))
        meta_after = target.meta if keys is None and target.meta != self._meta else None
        change = Change(tuple(steps), self._meta if meta_after else None, meta_after)
        if change.is_empty():
            return change
        base = self.version
        self._apply(change)
        self._last = (base, self.version, change)
        self._save_later(change)
        self._emit(Changed(change))
        return change

    # ---- internals -------------------------------------------------------------------------

    def _current(self, item: ItemT) -> ItemT:
        current = self._tables[item.TABLE].get(item.id)
        if current is None:
            raise UserError(t("tui.editing.gone", item=item.label()[:60]))
        return current  # type: ignore[return-value]

    def _checked(self, kind: type[ItemT], data: dict[str, Any]) -> ItemT:
        self._refuse_if_read_only()
        return self.file.checked(kind, data, self._meta.profile)

    def _refuse_if_read_only(self) -> None:
        if self.file.read_only:
            reason = self.file.read_only_reason or t("tui.editing.someone")
            raise ReadOnlySessionError(t("tui.editing.read_only_because", reason=reason))

    def _commit(self, change: Change) -> None:
        base = self.version
        self._apply(change)
        if self._batch is not None:
            self._batch.append(change)
            return
        self._last = (base, self.version, change)
        self._save_later(change)
        self._record(change)
        self._emit(Changed(change))

    def _record(self, change: Change) -> None:
        self._undo.append(change)
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def _apply(self, change: Change) -> None:
        with self._state_lock:
            for step in change.items:
                table = self._tables[step.kind.TABLE]
                if step.after is None:
                    table.pop(step.item_id, None)
                else:
                    table[step.item_id] = step.after
            if change.meta_after is not None:
                self._meta = change.meta_after
            self._session = None
            self.version += 1

    def _save_later(self, change: Change) -> None:
        bulk = len(change.items) > BULK_SAVE_THRESHOLD
        self._enqueue(_SaveJob(change, self.session if bulk else None))

    def _enqueue(self, job: _SaveJob) -> None:
        with self._pending_lock:
            self._pending.append(job)
        self._queue.put(job)
        if self.save_error is not None:
            # The disk is failing: what was just typed goes to the rescue copy at once.
            self._write_rescue()

    # ---- saving ----------------------------------------------------------------------------

    def _save_loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                self._queue.task_done()
                return
            while not self._stopping.is_set() and not self._save(job):
                # A disk that failed may come back: keep the job (and all behind it), retry.
                self._wake.wait(RETRY_SECONDS)
                self._wake.clear()
            self._queue.task_done()

    def _save(self, job: _SaveJob) -> bool:
        """Write one job; False means "try again later" (the disk failed)."""
        try:
            if job.snapshot is not None:
                self.file.replace_all(job.snapshot)
            else:
                self._write(job.change)
        except (SaveError, OSError) as error:
            self._report_later(t("tui.editing.save_failed", problem=str(error)))
            return False
        except UserError as error:
            # The file and memory disagree about an item (it cannot be added or is gone):
            # retrying will not help, so the whole session as it is now is written instead.
            self._done(job)
            self._report_later(t("tui.editing.save_failed", problem=str(error)))
            self._dispatch(self._resync)
            return True
        self._done(job)
        at = self.file.last_saved or now_utc()
        self._dispatch(lambda: self._report_saved(at))
        return True

    def _done(self, job: _SaveJob) -> None:
        with self._pending_lock:
            self._pending.remove(job)

    def _report_later(self, message: str) -> None:
        self._dispatch(lambda: self._report_failure(message))

    def _resync(self) -> None:
        self._enqueue(_SaveJob(Change(), self.session))

    def _write(self, change: Change) -> None:
        for step in change.items:
            if step.after is None:
                self.file.delete(step.kind, step.item_id)
            elif step.before is None:
                self.file.add(step.after)
            else:
                self.file.update(step.after)
        if change.meta_after is not None:
            self.file.update_meta(change.meta_after)

    def _report_saved(self, at: dt.datetime) -> None:
        self.last_saved = at
        if not self.has_unsaved:
            self.save_error = None
            if self.rescue is not None:
                # Everything reached the file: the rescue copy would only confuse later.
                drop_rescue(self.path)
                self.rescue = None
            self.rescue_error = None
        self._emit(Saved(at))

    def _report_failure(self, message: str) -> None:
        if self._stopping.is_set():  # closed, or a copy holds everything: no rescue copy now
            return
        changed = message != self.save_error
        self.save_error = message
        if self._rescue_is_stale():
            self._write_rescue()
        if changed:
            self._emit(SaveFailed(message))

    def _write_rescue(self) -> None:
        """Keep the whole session as it is now in the rescue copy (never raises).

        The session is taken once the copy is ours to write, so of two threads writing
        it the later one writes the newer session.
        """
        with self._rescue_lock:
            with self._state_lock:
                version, session = self.version, self.session
            try:
                self.rescue = write_rescue(self.path, session)
                self._rescued_version = version
                self.rescue_error = None
            except (UserError, OSError) as error:
                self.rescue_error = str(error)

    def _rescue_is_stale(self) -> bool:
        """Whether changes were made since the rescue copy was written (or there is none)."""
        return self.rescue is None or self._rescued_version != self.version

    # ---- unsaved work ----------------------------------------------------------------------

    @property
    def has_unsaved(self) -> bool:
        """Whether some change is not (yet) in the file."""
        with self._pending_lock:
            return bool(self._pending)

    def unsaved_changes(self) -> list[Change]:
        """The changes not (yet) in the file, oldest first."""
        with self._pending_lock:
            return [job.change for job in self._pending]

    def retry_now(self) -> None:
        """Try the failed save again now instead of after the next pause."""
        self._wake.set()

    def save_copy(self, target: Path) -> None:
        """Write the whole session as it is now to a new file `target`, atomically.

        For when the session's own folder cannot be written, just before it is closed:
        the saver stops retrying, as the copy now holds everything. Raises a UserError
        naming the problem (the folder is not there, the file exists, the disk is full).
        """
        try:
            write_session(target, self.session, like=self.path)
        except OSError as error:
            raise SaveError(target, error.strerror or str(error)) from None
        self._stopping.set()
        self._wake.set()
        if self.rescue is not None:
            drop_rescue(self.path)
            self.rescue = None

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every change is on disk; False if that did not happen within `timeout`."""
        done = threading.Event()

        def wait() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=wait, daemon=True).start()
        return done.wait(timeout) and not self.has_unsaved

    def close(self, timeout: float = 10.0, *, discard: bool = False) -> Path | None:
        """Save what is left, stop the saver and release the file.

        If changes could not be saved, the saver stops and the whole session is kept in
        the rescue copy; its path is returned (None when everything is in the file, or
        when not even the rescue copy could be written: `rescue_error` says why). With
        `discard` the saver is not waited for and the rescue copy is left as it is (the
        user chose, in the UnsavedModal). Never raises.
        """
        saved = not discard and self.flush(timeout)
        self._stopping.set()
        self._wake.set()
        self._queue.put(None)
        if saved:
            self._saver.join(timeout)
        elif not discard and self.has_unsaved and self._rescue_is_stale():
            self._write_rescue()
        self.file.close()
        gc.unfreeze()
        return self.rescue if self.has_unsaved else None

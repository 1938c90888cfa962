"""An open, editable session file: typed operations per kind, each durable when it returns.

`SessionFile.open` takes the file's lock; when another program holds it the file opens
read-only and `locked_by` says who. The validated items are kept in memory, so `list`
and `get` never touch the disk. Every change — add, update, delete, new meta data, a
whole replacement — takes one path (`_commit`): the items it brings are checked against
the profile once, an item changed without a new revision gets one, only the changed
documents are serialized, and the whole file is written atomically before the call
returns. All methods are thread-safe (the app saves from a worker thread).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from pact_tui.i18n import t
from pact_tui.model import (
    ITEM_KINDS,
    SCHEMA_VERSION,
    InvalidItemError,
    Item,
    Problem,
    RegionProfile,
    Session,
    SessionMeta,
    check_against_profile,
    now_utc,
    stepped,
    validate_item,
)
from pact_tui.model.trail import Deletion, descends_from, joined_deletions
from pact_tui.store.atomic import remove_stale_temporaries, write_atomic
from pact_tui.store.backups import make_backup
from pact_tui.store.decoding import META, Decoded, decode
from pact_tui.store.encoding import FileLines, Line, TableLines, document_line
from pact_tui.store.errors import (
    DuplicateItemError,
    ItemNotFoundError,
    ReadOnlyError,
    SaveError,
    StoreError,
)
from pact_tui.store.files import read_file
from pact_tui.store.laptop import foreign_laptop, this_laptop
from pact_tui.store.links import read_plain_file, resolve_link
from pact_tui.store.lock import SessionLock, holder
from pact_tui.store.replacing import changes_to, kept_in_place, twice
from pact_tui.store.revisions import next_revision

ItemT = TypeVar("ItemT", bound=Item)

# Per table: item id -> the item as it is to be stored, or None to remove it.
Changes = dict[str, dict[str, Item | None]]


class SessionFile:
    """One session file, open for editing (or read-only when another program has it)."""

    def __init__(self, path: Path, decoded: Decoded, lock: SessionLock | None,
                 locked_by: str, reason: str, original: bytes | None) -> None:
        self.path = path
        self.locked_by = locked_by
        """Who holds the file when it opened read-only (host, process, since when)."""
        self._read_only_reason = reason
        self.last_saved: dt.datetime | None = _modified(path)
        self.outside_change_backup: Path | None = None
        """Set when another program wrote the file while it was open here: the backup of
        that version, taken before this program's next save replaced it."""
        # Such versions not yet handed out by `outside_versions`, by their backups.
        self._replaced: list[Path] = []
        self._seen = _signature(path)
        self._lock = lock
        self._mutex = threading.RLock()
        self._original = original
        self._closed = False
        session = decoded.session
        self._meta = session.meta
        self._items: dict[str, dict[str, Item]] = {
            table: {item.id: item for item in session.items(table)} for table in ITEM_KINDS}
        self._doc_ids = decoded.doc_ids
        self._lines = decoded.lines
        # Items made by `checked` and `revised`, already checked against this profile.
        self._vouched: dict[tuple[str, str], tuple[Item, RegionProfile]] = {}
        self._vouched_mutex = threading.Lock()
        # Per table the doc id the next new item gets (found when first needed).
        self._next_doc: dict[str, int] = {}

    @classmethod
    def open(cls, path: str | Path, *, take_over: bool = False) -> SessionFile:
        """Open `path` for editing, or read-only if another program holds its lock.

        A symbolic link is resolved here, once: the file it points to is locked, backed
        up and replaced on each save, and the link stays a link. A file that does not
        open (not a session, a newer schema) leaves no lock file behind.

        A file kept on another laptop (`meta.laptop`) opens read-only whatever its lock
        says: the lock is per machine and may not have synced yet. With `take_over` (the
        user confirmed: that laptop is gone) it opens for editing and names this laptop.
        """
        path = resolve_link(Path(path))
        if not path.exists():
            read_file(path)  # says why it is not there (or loops), before a lock file is made
        lock = SessionLock(path)
        try:
            ours = lock.acquire()
            locked_by = "" if ours else holder(path)
            reason = t("store.reason_locked", holder=locked_by)
        except OSError as error:
            ours = False
            locked_by = ""
            reason = t("store.cannot_lock", problem=error.strerror or str(error))
        try:
            content = read_file(path)
            decoded = decode(path, content, lines=ours)
            owner = foreign_laptop(decoded.session.meta)
            if owner is not None and not take_over:
                if ours:
                    lock.abandon()
                ours, locked_by = False, ""
                reason = t("store.reason_other_laptop", laptop=owner.name)
            if ours:
                remove_stale_temporaries(path)
            opened = cls(path, decoded, lock if ours else None, locked_by, reason,
                         content if ours else None)
            if ours and decoded.version < SCHEMA_VERSION and decoded.lines is not None:
                opened._save(decoded.lines)
            if ours and owner is not None:
                opened.update_meta(opened.meta.model_copy(update={"laptop": this_laptop()}))
        except BaseException:
            if ours:
                lock.abandon()
            raise
        return opened

    # -- state -------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._lock is None or self._closed

    @property
    def read_only_reason(self) -> str:
        """Why changes are refused, as a phrase ("... heeft het open"); empty when they are not."""
        if self._closed:
            return t("store.reason_closed")
        return self._read_only_reason if self._lock is None else ""

    @property
    def meta(self) -> SessionMeta:
        return self._meta

    def snapshot(self) -> Session:
        """The whole session as it is now (a consistent copy, safe to hand to another thread)."""
        with self._mutex:
            return Session(meta=self._meta, **{table: tuple(items.values())
                                               for table, items in self._items.items()})

    def list(self, kind: type[ItemT]) -> list[ItemT]:
        """The items of one kind, in file order. Treat them as immutable: edit with `edited()`."""
        with self._mutex:
            return list(self._table_of(kind).values())

    def get(self, kind: type[ItemT], item_id: str) -> ItemT | None:
        with self._mutex:
            return self._table_of(kind).get(item_id)

    # -- making items ------------------------------------------------------------------

    def checked(self, kind: type[ItemT], data: Mapping[str, Any],
                profile: RegionProfile) -> ItemT:
        """`data` as an item of `kind` that fits `profile`, or InvalidItemError.

        For a caller that keeps its own copy ahead of the file (the session editor): the
        item is not checked again when it is saved while the file has that profile.
        """
        item: ItemT = validate_item(kind, data, profile)  # type: ignore[assignment]
        self._vouch(item, profile)
        return item

    def revised(self, current: ItemT, changes: Mapping[str, Any],
                profile: RegionProfile) -> ItemT:
        """The next revision of `current` with `changes`, checked as `checked` does.

        `current` itself when the changes leave its content as it was.
        """
        data = current.model_dump()
        data.update(changes)
        candidate: ItemT = validate_item(type(current), data, profile)  # type: ignore[assignment]
        if candidate.content() == current.content():
            return current
        revised = next_revision(current, candidate)
        self._vouch(revised, profile)
        return revised

    # -- changes -----------------------------------------------------------------------

    def add(self, item: ItemT) -> ItemT:
        """Add a new item; durable when this returns."""
        with self._mutex:
            self._writable()
            if item.id in self._items[item.TABLE]:
                raise DuplicateItemError(self.path, item.TABLE, item.label()[:60])
            self._commit({item.TABLE: {item.id: item}})
            return item

    def update(self, item: ItemT) -> ItemT:
        """Replace the stored item with the same id; durable when this returns.

        An item whose content changed without a new revision (not made by `edited()` or
        `revised`) gets one. Returns the item as stored.
        """
        with self._mutex:
            self._writable()
            if item.id not in self._items[item.TABLE]:
                raise ItemNotFoundError(self.path, item.TABLE, item.label()[:60])
            self._commit({item.TABLE: {item.id: item}})
            stored: ItemT = self._items[item.TABLE][item.id]  # type: ignore[assignment]
            return stored

    def delete(self, kind: type[Item], item_id: str) -> None:
        """Remove an item; removing one that is not there does nothing."""
        with self._mutex:
            self._writable()
            self._commit({kind.TABLE: {item_id: None}})

    def update_meta(self, meta: SessionMeta) -> None:
        """Replace the session's meta data; a changed profile must still fit every item."""
        with self._mutex:
            self._writable()
            self._commit({}, meta)

    def replace_all(self, session: Session) -> None:
        """Make the file hold exactly `session`, in one atomic write (bulk undo, merge).

        Items keep their place in the file; only those that differ are written anew.
        """
        with self._mutex:
            self._writable()
            problems = [problem for table in ITEM_KINDS
                        for problem in twice(table, session.items(table))]
            if problems:
                raise InvalidItemError(problems)
            changes = {table: changes_to(session.items(table), self._items[table])
                       for table in ITEM_KINDS}
            reordered = {table for table in ITEM_KINDS
                         if not kept_in_place([item.id for item in session.items(table)],
                                              self._items[table])}
            self._commit(changes, session.meta, reordered)

    # -- the one write path ------------------------------------------------------------

    def _commit(self, changes: Changes, meta: SessionMeta | None = None,
                reordered: set[str] | frozenset[str] = frozenset()) -> None:
        """Check, give new revisions, serialize what changed, save; then hold the new state.

        A table in `reordered` is stored in the order of its `changes` (replace_all);
        otherwise items keep their place and new ones go at the end.
        """
        if meta is not None and meta.schema_version != SCHEMA_VERSION:
            meta = meta.model_copy(update={"schema_version": SCHEMA_VERSION})
        written = self._to_write(changes)
        meta = self._with_tombstones(meta, written)
        if meta == self._meta:
            meta = None
        profile = (meta or self._meta).profile
        self._check(written, profile, meta is not None and profile != self._meta.profile)
        if not any(written.values()) and meta is None and not reordered:
            return
        new_doc_ids = self._new_doc_ids(written)
        lines = self._lines_after(written, new_doc_ids, changes, meta, reordered)
        self._save(lines)
        self._lines = lines
        for table, doc_ids in new_doc_ids.items():
            self._doc_ids[table].update(doc_ids)
            self._next_doc[table] += len(doc_ids)
        if meta is not None:
            self._meta = meta
        for table, items in written.items():
            stored_items = self._items[table]
            for item_id, item in items.items():
                if item is None:
                    del stored_items[item_id], self._doc_ids[table][item_id]
                else:
                    stored_items[item_id] = item
                    self._unvouch(item)
        for table in reordered:
            self._items[table] = {item_id: self._items[table][item_id]
                                  for item_id, item in changes[table].items() if item is not None}

    def _to_write(self, changes: Changes) -> Changes:
        """The changes that change something, each changed item with its new revision."""
        written: Changes = {}
        for table, items in changes.items():
            stored_items = self._items[table]
            table_written: dict[str, Item | None] = {}
            for item_id, item in items.items():
                stored = stored_items.get(item_id)
                if item is None:
                    if stored is not None:
                        table_written[item_id] = None
                    continue
                if stored is not None and (item is stored or item == stored):
                    continue
                if stored is not None and item.revision <= stored.revision:
                    item = next_revision(stored, item)
                elif stored is not None and not descends_from(item, stored):
                    # Changed without a step (a copy with new values, a merge's result):
                    # the version the file had goes on its trail.
                    item = stepped(stored, item)
                table_written[item_id] = item
            written[table] = table_written
        return written

    def _with_tombstones(self, meta: SessionMeta | None,
                         written: Changes) -> SessionMeta | None:
        """`meta` (None: unchanged) with a tombstone for each item `written` removes and none
        for an item it brings back. A caller's meta may not know the file's tombstones (the
        editor keeps its own copy): they are joined, never dropped by a new meta."""
        current = self._meta.deletions
        known = current if meta is None else joined_deletions(current, meta.deletions)
        back = {(table, item_id) for table, items in written.items()
                for item_id, item in items.items() if item is not None}
        now = now_utc()
        left = tuple(Deletion(table=table, item_id=item_id, fingerprint=stored.fingerprint(),
                              revision=stored.revision, at=now)
                     for table, items in written.items() for item_id, item in items.items()
                     if item is None and (stored := self._items[table].get(item_id)) is not None)
        deletions = joined_deletions(
            tuple(d for d in known if (d.table, d.item_id) not in back), left)
        if deletions == (meta or self._meta).deletions:
            return meta
        return (meta or self._meta).model_copy(update={"deletions": deletions})

    def _check(self, written: Changes, profile: RegionProfile, new_profile: bool) -> None:
        """Every item brought in must fit the profile (every item at all, with a new one)."""
        problems: list[Problem] = []
        for items in written.values():
            for item in items.values():
                if item is not None and not self._was_vouched(item, profile):
                    problems.extend(check_against_profile(item, profile))
        if new_profile:
            for table, stored_items in self._items.items():
                for item_id, item in stored_items.items():
                    if item_id not in written.get(table, {}):
                        problems.extend(check_against_profile(item, profile))
        if problems:
            raise InvalidItemError(problems)

    def _new_doc_ids(self, written: Changes) -> dict[str, dict[str, str]]:
        """Per table the doc ids of the items it adds: TinyDB's next ones."""
        new: dict[str, dict[str, str]] = {}
        for table, items in written.items():
            doc_ids = self._doc_ids[table]
            added = [item_id for item_id, item in items.items()
                     if item is not None and item_id not in doc_ids]
            if added:
                if table not in self._next_doc:
                    self._next_doc[table] = max(map(int, doc_ids.values()), default=0) + 1
                first = self._next_doc[table]
                new[table] = {item_id: str(first + offset) for offset, item_id in enumerate(added)}
        return new

    def _lines_after(self, written: Changes, new_doc_ids: dict[str, dict[str, str]],
                     changes: Changes, meta: SessionMeta | None,
                     reordered: set[str] | frozenset[str]) -> FileLines:
        """The file's lines with the change made: only what it touches serialized anew."""
        lines = self._lines
        if lines is None:  # a file opened for writing always has its lines
            raise ReadOnlyError(self.path, self.read_only_reason)
        if meta is not None:
            meta_doc = self._meta_doc_id()
            meta_line = document_line(meta_doc, meta.model_dump(mode="json"))
            lines = lines.with_table(META, lines.tables[META].changed({meta_doc: meta_line}))
        for table, items in written.items():
            if not items and table not in reordered:
                continue
            doc_ids = self._doc_ids[table]
            new = new_doc_ids.get(table, {})
            new_lines: dict[str, Line | None] = {}
            for item_id, item in items.items():
                doc_id = doc_ids.get(item_id) or new[item_id]
                new_lines[doc_id] = None if item is None else \
                    document_line(doc_id, item.model_dump(mode="json"))
            old = lines.tables.get(table, TableLines([]))
            if table in reordered:
                kept = old.lines()
                order = [doc_ids.get(item_id) or new[item_id]
                         for item_id, item in changes[table].items() if item is not None]
                table_lines = TableLines.of((doc_id, new_lines.get(doc_id) or kept[doc_id])
                                            for doc_id in order)
            else:
                table_lines = old.changed(new_lines)
            lines = lines.with_table(table, table_lines)
        return lines

    # -- closing -----------------------------------------------------------------------

    def close(self) -> None:
        """Release the lock; the file stays as last saved."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            if self._lock is not None:
                self._lock.release()
            self._lines = None
            self._original = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- inside ------------------------------------------------------------------------

    def _meta_doc_id(self) -> str:
        """The doc id of the one meta document (1 in files pact-tui made, any in others)."""
        return next(iter(self._doc_ids[META].values()))

    def _table_of(self, kind: type[ItemT]) -> dict[str, ItemT]:
        items: dict[str, ItemT] = self._items[kind.TABLE]  # type: ignore[assignment]
        return items

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(self.path, self.read_only_reason)

    def _vouch(self, item: Item, profile: RegionProfile) -> None:
        with self._vouched_mutex:
            self._vouched[(item.TABLE, item.id)] = (item, profile)

    def _was_vouched(self, item: Item, profile: RegionProfile) -> bool:
        with self._vouched_mutex:
            vouched = self._vouched.get((item.TABLE, item.id))
        return vouched is not None and vouched[0] is item and (
            vouched[1] is profile or vouched[1] == profile)

    def _unvouch(self, item: Item) -> None:
        with self._vouched_mutex:
            key = (item.TABLE, item.id)
            vouched = self._vouched.get(key)
            if vouched is not None and vouched[0] is item:
                del self._vouched[key]

    def _save(self, lines: FileLines) -> None:
        try:
            self._keep_other_versions()
            write_atomic(self.path, lines.chunks())
            self._seen = _signature(self.path)
        except OSError as error:
            raise SaveError(self.path, error.strerror or str(error)) from None
        self.last_saved = now_utc()

    def _keep_other_versions(self) -> None:
        """Back up what a save is about to replace, where that is not this program's own work.

        The file as it was opened is kept once, before the first change. A version some
        other program wrote meanwhile (a sync client, a text editor, a second laptop on
        a shared folder; the lock is per machine) is kept before it is overwritten.
        """
        changed_outside = _signature(self.path) not in (self._seen, None)
        if self._original is not None:
            make_backup(self.path, self._original)
            self._original = None
        if changed_outside:
            # Never through a link: what one put here points at must not land in the backups.
            self.outside_change_backup = make_backup(self.path, read_plain_file(self.path))
            self._replaced.append(self.outside_change_backup)

    def outside_versions(self) -> tuple[Session, ...]:
        """The versions of this file another program wrote while it was open here (a sync
        engine that put another laptop's copy in its place), to be merged in: the file on
        disk now if it changed and reads whole, and those a save replaced meanwhile. Each is
        kept in the backups first and handed out once; one of another session is not.
        """
        with self._mutex:
            backups, self._replaced = self._replaced, []
            now = _signature(self.path)
            found: list[tuple[Path | None, bytes]] = []
            if not self.read_only and now not in (self._seen, None):
                # Gone or unreadable for now: the next look tries again.
                with contextlib.suppress(OSError):
                    found.append((None, read_plain_file(self.path)))
            for replaced in backups:
                with contextlib.suppress(OSError):
                    found.append((replaced, read_plain_file(replaced)))
            versions: list[Session] = []
            for backup, content in found:
                try:
                    session = decode(self.path, content, name_backup=False).session
                except StoreError:
                    continue  # still being written: merged once it reads whole
                if backup is None:
                    make_backup(self.path, content)
                    self._seen = now  # handed out: a save may replace it without asking
                if session.meta.id == self._meta.id:
                    versions.append(session)
            return tuple(versions)



def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of a file from the next: inode, size and modification time."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def _modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return None

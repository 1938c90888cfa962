"""An open, editable session file: typed operations per kind, each durable when it returns.

`SessionFile.open` takes the file's lock; when another program holds it the file opens
read-only and `locked_by` says who. The validated items are kept in memory, so
`list` and `get` never touch the disk; every change goes through TinyDB and the
SessionStorage, which writes the whole file atomically before the call returns.
All methods are thread-safe (the app saves from a worker thread).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, MutableMapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from pact_tui.i18n import t
from pact_tui.model import (
    ITEM_KINDS,
    SCHEMA_VERSION,
    InvalidItemError,
    Item,
    Session,
    SessionMeta,
    check_against_profile,
    now_utc,
)
from pact_tui.store.atomic import remove_stale_temporaries
from pact_tui.store.backups import make_backup
from pact_tui.store.decoding import META, Decoded, decode
from pact_tui.store.errors import (
    DuplicateItemError,
    ItemNotFoundError,
    ReadOnlyError,
    SaveError,
)
from pact_tui.store.files import read_file, session_problems
from pact_tui.store.lock import SessionLock, holder
from pact_tui.store.replacing import TablePlan, plan_table
from pact_tui.store.storage import SessionStorage
from pact_tui.store.tables import SessionDB

ItemT = TypeVar("ItemT", bound=Item)


def _replacing(document: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    """A TinyDB update that makes a stored document exactly `document`."""

    def replace(stored: MutableMapping[Any, Any]) -> None:
        stored.clear()
        stored.update(document)

    return replace


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
        self._seen = _signature(path)
        self._lock = lock
        self._mutex = threading.RLock()
        self._original = original
        self._closed = False
        self._storage = SessionStorage(path, decoded.data)
        self._db = self._tinydb()
        self._meta: SessionMeta
        self._items: dict[str, dict[str, Item]]
        self._doc_ids: dict[str, dict[str, int]]
        self._load(decoded.session, decoded.doc_ids)

    @classmethod
    def open(cls, path: str | Path) -> SessionFile:
        """Open `path` for editing, or read-only if another program holds its lock."""
        path = Path(path)
        if not path.exists():
            read_file(path)  # says that the file does not exist, before a lock file is made
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
            decoded = decode(path, content)
            if ours:
                remove_stale_temporaries(path)
            opened = cls(path, decoded, lock if ours else None, locked_by, reason,
                         content if ours else None)
            if ours and decoded.version < SCHEMA_VERSION:
                opened._save(lambda: opened._storage.write(decoded.data))
            elif ours:
                threading.Thread(target=opened._storage.prime, daemon=True,
                                 name=f"prime {path.name}").start()
        except BaseException:
            if ours:
                lock.release()
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

    # -- changes -----------------------------------------------------------------------

    def add(self, item: ItemT) -> ItemT:
        """Add a new item; durable when this returns."""
        with self._mutex:
            self._writable()
            table = item.TABLE
            items = self._items[table]
            if item.id in items:
                raise DuplicateItemError(self.path, table, item.label()[:60])
            self._check(item)
            document = item.model_dump(mode="json")
            doc_id = self._save(lambda: self._db.table(table).insert(document))
            items[item.id] = item
            self._doc_ids[table][item.id] = doc_id
            return item

    def update(self, item: ItemT) -> ItemT:
        """Replace the stored item with the same id; durable when this returns.

        The item should come from `item.edited(...)`; if its revision was not bumped the
        store bumps it (merge relies on revisions). Returns the item as stored.
        """
        with self._mutex:
            self._writable()
            table = item.TABLE
            stored = self._items[table].get(item.id)
            if stored is None:
                raise ItemNotFoundError(self.path, table, item.label()[:60])
            if item == stored:
                return item
            self._check(item)
            if item.revision <= stored.revision:
                item = item.model_copy(update={"revision": stored.revision + 1,
                                               "updated_at": now_utc()})
            document = item.model_dump(mode="json")
            doc_id = self._doc_ids[table][item.id]
            self._save(lambda: self._db.table(table).update(_replacing(document),
                                                            doc_ids=[doc_id]))
            self._items[table][item.id] = item
            return item

    def delete(self, kind: type[Item], item_id: str) -> None:
        """Remove an item; removing one that is not there does nothing."""
        with self._mutex:
            self._writable()
            table = kind.TABLE
            doc_id = self._doc_ids[table].get(item_id)
            if doc_id is None:
                return
            self._save(lambda: self._db.table(table).remove(doc_ids=[doc_id]))
            del self._items[table][item_id]
            del self._doc_ids[table][item_id]

    def update_meta(self, meta: SessionMeta) -> None:
        """Replace the session's meta data; a changed profile must still fit every item."""
        with self._mutex:
            self._writable()
            if meta.schema_version != SCHEMA_VERSION:
                meta = meta.model_copy(update={"schema_version": SCHEMA_VERSION})
            if meta == self._meta:
                return
            if meta.profile != self._meta.profile:
                problems = [problem for items in self._items.values() for item in items.values()
                            for problem in check_against_profile(item, meta.profile)]
                if problems:
                    raise InvalidItemError(problems)
            document = meta.model_dump(mode="json")
            self._save(lambda: self._db.table(META).update(_replacing(document),
                                                           doc_ids=[self._meta_doc_id()]))
            self._meta = meta

    def replace_all(self, session: Session) -> None:
        """Make the file hold exactly `session`, in one atomic write (bulk undo, merge).

        Items keep their place in the file; only those that differ are written anew.
        """
        with self._mutex:
            self._writable()
            meta = session.meta
            if meta.schema_version != SCHEMA_VERSION:
                meta = meta.model_copy(update={"schema_version": SCHEMA_VERSION})
            stored = self._storage.read() or {}
            plans = {table: plan_table(session.items(table), self._items[table],
                                       self._doc_ids[table], stored.get(table, {}))
                     for table in ITEM_KINDS}
            self._check_replacement(session, meta, plans)
            data = dict(stored)
            meta_doc_id = self._meta_doc_id()
            data[META] = {str(meta_doc_id): meta.model_dump(mode="json")}
            changed: dict[str, list[str] | None] = {META: [str(meta_doc_id)]}
            for table, plan in plans.items():
                data[table] = plan.documents
                changed[table] = plan.changed
            self._save(lambda: self._storage.write_changes(data, changed))
            self._db = self._tinydb()
            doc_ids = {table: plan.doc_ids for table, plan in plans.items()}
            doc_ids[META] = {meta.id: meta_doc_id}
            self._load(session.model_copy(update={"meta": meta}), doc_ids)

    def _check_replacement(self, session: Session, meta: SessionMeta,
                           plans: dict[str, TablePlan]) -> None:
        """Items new or changed (or all, with a new profile) must fit the profile; ids once."""
        if meta.profile == self._meta.profile:
            checked = Session(meta=meta, **{table: tuple(plan.new_items)
                                            for table, plan in plans.items()})
        else:
            checked = session
        problems = session_problems(checked)
        for table, plan in plans.items():
            if len(plan.doc_ids) != len(session.items(table)):
                problems.extend(session_problems(session.model_copy(
                    update={other: () for other in ITEM_KINDS if other != table})))
        if problems:
            raise InvalidItemError(problems)

    # -- closing -----------------------------------------------------------------------

    def close(self) -> None:
        """Release the lock; the file stays as last saved."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            if self._lock is not None:
                self._lock.release()
            self._storage.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- inside ------------------------------------------------------------------------

    def _tinydb(self) -> SessionDB:
        storage = self._storage
        return SessionDB(storage=lambda: storage)

    def _load(self, session: Session, doc_ids: dict[str, dict[str, int]]) -> None:
        self._meta = session.meta
        self._items = {
            table: {item.id: item for item in session.items(table)} for table in ITEM_KINDS
        }
        self._doc_ids = doc_ids

    def _meta_doc_id(self) -> int:
        """The doc id of the one meta document (1 in files pact-tui made, any in others)."""
        return next(iter(self._doc_ids[META].values()))

    def _table_of(self, kind: type[ItemT]) -> dict[str, ItemT]:
        items: dict[str, ItemT] = self._items[kind.TABLE]  # type: ignore[assignment]
        return items

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(self.path, self.read_only_reason)

    def _check(self, item: Item) -> None:
        problems = check_against_profile(item, self._meta.profile)
        if problems:
            raise InvalidItemError(problems)

    def _save(self, change: Callable[[], Any]) -> Any:
        try:
            self._keep_other_versions()
            result = change()
            self._seen = _signature(self.path)
        except OSError as error:
            raise SaveError(self.path, error.strerror or str(error)) from None
        self.last_saved = now_utc()
        return result

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
            self.outside_change_backup = make_backup(self.path, self.path.read_bytes())


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of a file from the next: inode, size and modification time."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def _modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return None

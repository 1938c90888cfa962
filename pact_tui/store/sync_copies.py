"""Conflict copies that sync engines leave beside a session file, found and merged back.

When two laptops change one file before they have heard from each other, the sync engine
keeps one version under the file's name and writes the other beside it under a name of
its own:

- Syncthing: `NAME.sync-conflict-20261204-143012-ABCDEF7.json` (older versions leave out
  the device);
- OneDrive / SharePoint: `NAME-COMPUTERNAME.json`, then `NAME-COMPUTERNAME-2.json`;
- Dropbox: `NAME (Anna's conflicted copy 2026-12-04).json`, also with a number
  (`… 2026-12-04 (1))`) and in the language of the laptop's Dropbox;
- Nextcloud: `NAME (conflicted copy 2026-12-04 143012).json`, newer clients with the
  user's name before the date.

OneDrive's names look like ordinary ones (`breakout-3.json` beside `breakout.json`), so a
name only makes a candidate: it is a conflict copy when its original lies in the same
folder and both hold the same session. A candidate that does not read yet (the engine is
still writing it) is neither confirmed nor called broken: the next look tries again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pact_tui.i18n import t
from pact_tui.store.backups import make_backup
from pact_tui.store.decoding import META, decode
from pact_tui.store.errors import NewerSchemaError, StoreError
from pact_tui.store.links import read_plain_file

if TYPE_CHECKING:
    from pact_tui.merge import Conflict
    from pact_tui.model import Session
    from pact_tui.store.session_file import SessionFile

SUFFIX = ".json"

_SYNCTHING = re.compile(r"(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?")
# Nextcloud's tag starts with its phrase and always has a time; with anything before the
# phrase, or a date alone, the name is Dropbox's.
_NEXTCLOUD = re.compile(r"(?P<stem>.+) \(conflicted copy (?:[^()]+ )?\d{4}-\d{2}-\d{2} \d{6}\)",
                        re.IGNORECASE)
# Dropbox writes its phrase in the laptop's language ("conflicted copy", "conflicterende
# kopie", "Konfliktkopie", "copie en conflit"...): any phrase with the word's stem, a date.
_DROPBOX = re.compile(
    r"(?P<stem>.+?) \([^()]*(?:conflict|konflikt|conflit)[^()]*\d{4}-\d{2}-\d{2}"
    r"(?:[ _.-]?\d{2}[.:]?\d{2}[.:]?\d{2})?(?: \(\d+\))?\)(?: \(\d+\))?",
    re.IGNORECASE)
_PATTERNS = (("syncthing", _SYNCTHING), ("nextcloud", _NEXTCLOUD), ("dropbox", _DROPBOX))


class CopyNotReadyError(StoreError):
    """A conflict copy that does not read as a whole session yet: left alone, tried later."""

    def __init__(self, copy: Path) -> None:
        super().__init__(t("store.copy_not_ready", file=str(copy)))


@dataclass(frozen=True)
class ConflictCopy:
    """A sync engine's conflict copy of a session file, confirmed by its content."""

    path: Path
    original: Path
    engine: str
    """"syncthing", "onedrive", "dropbox" or "nextcloud"."""


def conflict_copy_of(name: str, names: Collection[str]) -> tuple[str, str] | None:
    """(the original's file name, engine) when `name` is a sync engine's conflict copy of
    one of `names`, by the names alone (the likeliest original when several fit)."""
    return next(iter(_candidates(name, names)), None)


def _candidates(name: str, names: Collection[str]) -> list[tuple[str, str]]:
    """Every (original, engine) that `name` may be a copy of, the likeliest first."""
    if not name.endswith(SUFFIX):
        return []
    others = set(names) - {name}
    stem = name[:-len(SUFFIX)]
    for engine, pattern in _PATTERNS:
        match = pattern.fullmatch(stem)
        if match is None:
            continue
        original = match["stem"] + SUFFIX
        if original in others:
            return [(original, engine)]
        # A copy of a copy (the first copy was changed on two laptops as well).
        return [(deeper, engine) for deeper, _engine in _candidates(original, others)]
    # OneDrive adds "-COMPUTERNAME" (and "-2"...): every name that this one extends so,
    # the longest first ("breakout-3-LAPTOP" is more likely a copy of "breakout-3").
    originals = [other for other in others if other.endswith(SUFFIX)
                 and stem.startswith(other[:-len(SUFFIX)] + "-")]
    return [(original, "onedrive") for original in sorted(originals, key=len, reverse=True)]


def conflict_copies(folder: Path) -> tuple[ConflictCopy, ...]:
    """The conflict copies in `folder`, each confirmed by holding the same session id as its
    original; in the order of their names."""
    try:
        names = {path.name for path in folder.glob("*" + SUFFIX) if path.is_file()}
    except OSError:
        return ()
    return confirmed_copies(folder, names, lambda name: _known_id(folder / name))


def confirmed_copies(folder: Path, names: Collection[str],
                     id_of: Callable[[str], str | None]) -> tuple[ConflictCopy, ...]:
    """The files of `names` in `folder` that are conflict copies, by their names and by the
    session ids `id_of` gives (None for a file that does not read); each read at most once."""
    ids: dict[str, str | None] = {}

    def known_id(name: str) -> str | None:
        if name not in ids:
            ids[name] = id_of(name)
        return ids[name]

    confirmed: dict[str, tuple[str, str]] = {}
    for name in sorted(names):
        for original, engine in _candidates(name, names):
            copy_id = known_id(name)
            if copy_id is None:
                break  # not readable yet: tried again on the next look
            if copy_id == known_id(original):
                confirmed[name] = (original, engine)
                break
    found: list[ConflictCopy] = []
    for name, (original, engine) in confirmed.items():
        # A copy of a copy goes to the file both came from (originals are shorter: no loop).
        while original in confirmed:
            original = confirmed[original][0]
        found.append(ConflictCopy(folder / name, folder / original, engine))
    return tuple(found)


# Session ids read before, by file and the version of it (inode, size, modification time):
# a folder looked at every few seconds reads only what changed.
_ids: dict[Path, tuple[tuple[int, int, int], str | None]] = {}


def _known_id(path: Path) -> str | None:
    try:
        status = path.stat()
    except OSError:
        return None
    version = (status.st_ino, status.st_size, status.st_mtime_ns)
    known = _ids.get(path)
    if known is None or known[0] != version:
        known = _ids[path] = (version, session_id(path))
    return known[1]


def session_id(path: Path) -> str | None:
    """The id of the session in `path`; None while the file does not read as a whole.

    Only the JSON is parsed, no item is checked: enough to tell whether two files hold one
    session, and a file cut short by a sync engine still writing it never parses.
    """
    try:
        content = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    meta = content.get(META) if isinstance(content, dict) else None
    documents = list(meta.values()) if isinstance(meta, dict) else []
    if len(documents) != 1 or not isinstance(documents[0], dict):
        return None
    found = documents[0].get("id")
    return found if isinstance(found, str) and found else None


def merge_conflict_copy(file: SessionFile, copy: ConflictCopy) -> tuple[Conflict, ...]:
    """Merge `copy` into the open, writable `file` (one atomic replace_all); the copy goes into
    the file's backups and is then removed; returns the conflicts a person still has to decide.

    CopyNotReadyError while the copy does not read whole (it stays where it is); a failing
    save raises as any save does, and leaves the copy too.
    """
    # The merge (and its fuzzy matching) loads only when a copy is there to merge.
    from pact_tui.merge.copies import merge_copies

    content, theirs = read_copy(copy, file.meta.id)
    merged = merge_copies(file.snapshot(), theirs)
    file.replace_all(merged.session)
    keep_and_remove(file.path, copy, content)
    return merged.conflicts


def read_copy(copy: ConflictCopy, session_id: str) -> tuple[bytes, Session]:
    """The copy's bytes and its session, when it reads whole and holds session `session_id`;
    else CopyNotReadyError."""
    try:
        content = read_plain_file(copy.path)
        session = decode(copy.path, content, name_backup=False).session
    except NewerSchemaError:
        raise  # whole, but of a newer pact-tui: said as such, not "still arriving"
    except (OSError, StoreError):
        raise CopyNotReadyError(copy.path) from None
    if session.meta.id != session_id:
        raise CopyNotReadyError(copy.path)
    return content, session


def keep_and_remove(original: Path, copy: ConflictCopy, content: bytes) -> None:
    """Keep `content` (the copy as it was merged) in `original`'s backups, then remove the
    copy, unless the sync engine wrote it anew meanwhile (then the next look merges that)."""
    make_backup(original, content)
    try:
        if read_plain_file(copy.path) == content:
            copy.path.unlink()
    except FileNotFoundError:
        return

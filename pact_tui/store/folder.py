"""A folder of session files, as the home and merge screens list it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from pact_tui.model import Session, UserError
from pact_tui.store.decoding import META
from pact_tui.store.errors import refused_whole
from pact_tui.store.files import read_session
from pact_tui.store.sync_copies import confirmed_copies, conflict_copy_of

ARRIVING_SECONDS = 30.0
"""How long after its last change a file that does not read may still be arriving."""


@dataclass(frozen=True)
class SessionEntry:
    """One file of the sessions folder: its session, or the sentence saying why it does not open."""

    path: Path
    modified: dt.datetime
    session: Session | None = None
    problem: str = ""
    whole: bool = False
    """The file read whole and was refused for what it holds (`refused_whole`): broken,
    not still arriving."""
    copy_of: Path | None = None
    """The file this is a sync engine's conflict copy of (without a session while the copy
    is still arriving): not a session of its own, merged into that file when it opens."""

    @property
    def is_programme(self) -> bool:
        return self.session is not None and self.session.meta.kind == "programme"

    @property
    def arriving(self) -> bool:
        """A file that does not read but was written moments ago: a sync engine that writes
        in place may still be at it, so it is not called unreadable yet."""
        age = dt.datetime.now() - self.modified
        return self.session is None and self.copy_of is None and not self.whole and \
            age.total_seconds() < ARRIVING_SECONDS


def not_a_session(path: Path) -> bool:
    """Whether `path` is JSON the app keeps for itself (remembered import mappings, say):
    well-formed, but without the meta table every session file has. Such a file is not a
    broken session and is not listed."""
    try:
        content = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return not isinstance(content, dict) or META not in content


def listing_order(entry: SessionEntry) -> tuple[bool, int, str, str]:
    """Newest session date first, then by title and file name; files that do not open last.

    A save changes none of these, so the list keeps its order while it is being worked on.
    """
    if entry.session is None:
        return True, 0, "", entry.path.name
    meta = entry.session.meta
    return False, -meta.date.toordinal(), meta.title.casefold(), entry.path.name


def scan_sessions(folder: Path) -> list[SessionEntry]:
    """Every session `*.json` in `folder` in `listing_order`; unreadable files carry their
    problem, the app's own non-session files are left out."""
    if not folder.is_dir():
        return []
    entries: list[SessionEntry] = []
    for path in folder.glob("*.json"):
        try:
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue
        try:
            entries.append(SessionEntry(path, modified, session=read_session(path)))
        except UserError as error:
            if not not_a_session(path):
                entries.append(SessionEntry(path, modified, problem=str(error),
                                            whole=refused_whole(error)))
        except OSError as error:
            entries.append(SessionEntry(path, modified, problem=error.strerror or str(error)))
    return _copies_under_their_files(folder, sorted(entries, key=listing_order))


def _copies_under_their_files(folder: Path, entries: list[SessionEntry]) -> list[SessionEntry]:
    """`entries` with each sync conflict copy marked and moved just under its file.

    A file named like a copy of another that does not read yet is taken for a copy still
    arriving, not for a broken session: the next scan reads it again.
    """
    by_name = {entry.path.name: entry for entry in entries}
    copies = confirmed_copies(folder, by_name, lambda name: _session_id(by_name[name]))
    original_of = {copy.path.name: copy.original for copy in copies}
    for name, entry in by_name.items():
        if entry.session is None and name not in original_of:
            arriving = conflict_copy_of(name, by_name)
            if arriving is not None:
                original_of[name] = folder / arriving[0]
    kept = [entry for entry in entries if entry.path.name not in original_of]
    for name, original in sorted(original_of.items(), reverse=True):
        entry = by_name[name]
        marked = SessionEntry(entry.path, entry.modified, entry.session, copy_of=original)
        at = next((index + 1 for index, other in enumerate(kept) if other.path == original),
                  len(kept))
        kept.insert(at, marked)
    return kept


def _session_id(entry: SessionEntry) -> str | None:
    return None if entry.session is None else entry.session.meta.id


def started_from(path: Path, session: Session) -> Session | None:
    """The programme that the session in `path` was started from, when that file still lies
    in the same folder (the session records it in `meta.sources`)."""
    wanted = {origin.session_id for origin in session.meta.sources}
    if not wanted:
        return None
    found = [entry.session for entry in scan_sessions(path.parent)
             if entry.session is not None and entry.copy_of is None
             and entry.path.resolve() != path.resolve()
             and entry.session.meta.id in wanted]
    return found[0] if found else None

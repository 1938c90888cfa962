"""A folder of session files, as the home and merge screens list it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from pact_tui.model import Session, UserError
from pact_tui.store.decoding import META
from pact_tui.store.files import read_session


@dataclass(frozen=True)
class SessionEntry:
    """One file of the sessions folder: its session, or the sentence saying why it does not open."""

    path: Path
    modified: dt.datetime
    session: Session | None = None
    problem: str = ""

    @property
    def is_programme(self) -> bool:
        return self.session is not None and self.session.meta.kind == "programme"


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
                entries.append(SessionEntry(path, modified, problem=str(error)))
        except OSError as error:
            entries.append(SessionEntry(path, modified, problem=error.strerror or str(error)))
    return sorted(entries, key=listing_order)


def started_from(path: Path, session: Session) -> Session | None:
    """The programme that the session in `path` was started from, when that file still lies
    in the same folder (the session records it in `meta.sources`)."""
    wanted = {origin.session_id for origin in session.meta.sources}
    if not wanted:
        return None
    found = [entry.session for entry in scan_sessions(path.parent)
             if entry.session is not None and entry.path.resolve() != path.resolve()
             and entry.session.meta.id in wanted]
    return found[0] if found else None

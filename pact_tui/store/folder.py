"""A folder of session files, as the home and merge screens list it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pact_tui.model import Session, UserError
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


def scan_sessions(folder: Path) -> list[SessionEntry]:
    """Every `*.json` in `folder`, newest first; unreadable files carry their problem."""
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
            entries.append(SessionEntry(path, modified, problem=str(error)))
        except OSError as error:
            entries.append(SessionEntry(path, modified, problem=error.strerror or str(error)))
    return sorted(entries, key=lambda entry: entry.modified, reverse=True)


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

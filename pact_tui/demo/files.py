"""Put the demo into a sessions folder without ever replacing a file someone changed.

A demo file that is already there and still exactly the demo is reused as it is; a
file of that name with other content (the demo edited in the app, or someone's own
session) is kept and reported, never overwritten.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from pact_tui.demo.builder import build_demo_programme, build_demo_sessions
from pact_tui.model import Session
from pact_tui.store import StoreError, create_session, read_session, session_filename


class DemoFileState(enum.Enum):
    WRITTEN = "written"      # the file was not there and has been written
    UNCHANGED = "unchanged"  # the file was there and is exactly the demo
    KEPT = "kept"            # a different file of that name was there and is left alone


@dataclass(frozen=True)
class DemoFile:
    path: Path
    session: Session
    state: DemoFileState


def _same_content(path: Path, session: Session) -> bool:
    try:
        on_disk = read_session(path)
    except StoreError:
        return False
    return on_disk.model_dump(mode="json") == session.model_dump(mode="json")


def _place(folder: Path, session: Session) -> DemoFile:
    path = folder / session_filename(session.meta)
    if not path.exists():
        create_session(path, session.meta, session)
        return DemoFile(path, session, DemoFileState.WRITTEN)
    state = DemoFileState.UNCHANGED if _same_content(path, session) else DemoFileState.KEPT
    return DemoFile(path, session, state)


def write_demo(folder: Path) -> list[DemoFile]:
    """The three demo sessions and the programme (last) in `folder`, each with what happened."""
    sessions = build_demo_sessions()
    return [_place(folder, session) for session in [*sessions, build_demo_programme(sessions)]]

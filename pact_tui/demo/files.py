"""Put the demo into a sessions folder without ever replacing a file someone changed.

The demo is the same bytes on every machine (fixed ids and timestamps), so a file that
is already there is compared by its SHA-256 with `DEMO_FILES`, without building the
demo; only a missing file has the demo built and written. A file of a demo name with
other content (the demo edited in the app, or someone's own session) is kept and
reported, never overwritten. A test builds the demo and checks `DEMO_FILES` against it.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from pathlib import Path

from pact_tui.store import create_session, session_filename

# The demo's files in the order they are made, the programme last, with their SHA-256.
DEMO_FILES: tuple[tuple[str, str], ...] = (
    ("2019-10-03-stakeholders-en-stand-van-zaken.json",
     "9af15feb2e759d4105ed1bdeb6b0ceeca2784b0ec12ca2656ff07e6876d17f57"),
    ("2019-11-14-thema-overstijgende-opgaven.json",
     "2ed830beeea4c15bf9e65dec58a365c7180759e42af6637f2e895501691aefda"),
    ("2020-01-23-van-ambitie-naar-actie.json",
     "8675baa50b228f5017cf8585614a8e16383bcf215ceb7dfae7d374b9525e016b"),
    ("2020-01-23-pact-7-1-uitvoeringsprogramma.json",
     "53758d84950436d96affc17948b4333551517f46026cbfe4f0ab6f4c691ffc78"),
)


class DemoFileState(enum.Enum):
    WRITTEN = "written"      # the file was not there and has been written
    UNCHANGED = "unchanged"  # the file was there and is exactly the demo
    KEPT = "kept"            # a different file of that name was there and is left alone


@dataclass(frozen=True)
class DemoFile:
    path: Path
    state: DemoFileState


def digest(path: Path) -> str | None:
    """The SHA-256 of the file at `path`, or None when it cannot be read as a file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _write_missing(folder: Path, names: list[str]) -> None:
    from pact_tui.demo.builder import build_demo_programme, build_demo_sessions

    sessions = build_demo_sessions()
    built = {session_filename(session.meta): session
             for session in [*sessions, build_demo_programme(sessions)]}
    for name in names:
        session = built[name]
        create_session(folder / name, session.meta, session)


def write_demo(folder: Path) -> list[DemoFile]:
    """The three demo sessions and the programme (last) in `folder`, each with what happened."""
    missing = [name for name, _ in DEMO_FILES if not (folder / name).exists()]
    if missing:
        _write_missing(folder, missing)
    files = []
    for name, expected in DEMO_FILES:
        path = folder / name
        if name in missing:
            state = DemoFileState.WRITTEN
        elif digest(path) == expected:
            state = DemoFileState.UNCHANGED
        else:
            state = DemoFileState.KEPT
        files.append(DemoFile(path, state))
    return files

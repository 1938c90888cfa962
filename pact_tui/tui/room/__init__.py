"""The room view (`pact-tui room FILE`): a read-only picture of a session for the projector.

`run_room` is its entry point; like `run_app` it imports Textual only when called.
"""

from __future__ import annotations

from pathlib import Path


def run_room(path: Path, *, follow: bool = True) -> int:
    """Show `path` for the room until the user quits; the exit code."""
    from pact_tui.tui.room.app import RoomApp

    RoomApp(path, follow=follow).run()
    return 0

"""The sidecar the room view follows: written off the keystroke path, coalesced, atomic."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pact_tui.model import Action
from pact_tui.store import SessionFile
from pact_tui.tui import follow


def _wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the sidecar never said so"
        time.sleep(0.01)


def test_a_burst_of_moves_ends_in_the_last_one(session_path: Path,
                                               facilitator: SessionFile) -> None:
    actions = facilitator.list(Action)
    for index in range(200):  # arrow keys held down
        follow.report(facilitator, phase="acties", theme=None, item=actions[index % 2])
    follow.report(facilitator, theme="energie", item=actions[1])
    _wait_for(lambda: (state := follow.read_follow(session_path)) is not None
              and state.theme == "energie")
    state = follow.read_follow(session_path)
    assert state is not None and state.phase == "acties" and state.item == actions[1].id
    leftovers = [p.name for p in session_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_read_only_copy_reports_nothing(session_path: Path, facilitator: SessionFile) -> None:
    with SessionFile.open(session_path) as second:  # another laptop's app, read-only
        assert second.read_only
        follow.report(second, phase="partners")
    follow.report(facilitator, phase="opgaven")
    _wait_for(lambda: getattr(follow.read_follow(session_path), "phase", None) == "opgaven")


def test_a_missing_or_broken_sidecar_reads_as_none(session_path: Path) -> None:
    assert follow.read_follow(session_path) is None
    follow.sidecar_path(session_path).write_text("{half", encoding="utf-8")
    assert follow.read_follow(session_path) is None

"""The sidecar the room view follows: written off the keystroke path, coalesced, atomic."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

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


def _planted_link(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("no symbolic links here")


def test_a_sidecar_that_is_a_link_is_not_read(session_path: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders.json"
    elsewhere.write_text('{"phase": "partners"}', encoding="utf-8")
    _planted_link(follow.sidecar_path(session_path), elsewhere)
    assert follow.read_follow(session_path) is None


def test_a_sidecar_that_is_a_link_is_replaced_not_written_through(
    session_path: Path, facilitator: SessionFile, tmp_path: Path
) -> None:
    victim = tmp_path / "eigen.txt"
    victim.write_text("van de gebruiker", encoding="utf-8")
    sidecar = follow.sidecar_path(session_path)
    _planted_link(sidecar, victim)
    follow.report(facilitator, phase="opgaven")
    _wait_for(lambda: not sidecar.is_symlink())
    assert victim.read_text(encoding="utf-8") == "van de gebruiker"
    _wait_for(lambda: getattr(follow.read_follow(session_path), "phase", None) == "opgaven")


def test_a_huge_sidecar_is_not_read(session_path: Path) -> None:
    follow.sidecar_path(session_path).write_text(
        '{"phase": "partners"}' + " " * follow.READ_LIMIT, encoding="utf-8")
    assert follow.read_follow(session_path) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_as_sidecar_does_not_hang_the_room_view(session_path: Path) -> None:
    os.mkfifo(follow.sidecar_path(session_path))
    results: list[object] = []
    reader = threading.Thread(target=lambda: results.append(follow.read_follow(session_path)),
                              daemon=True)
    reader.start()
    reader.join(10)
    assert results == [None]


def test_a_room_view_opened_through_a_link_follows_the_facilitator(
    session_path: Path, facilitator: SessionFile, tmp_path: Path
) -> None:
    desktop = tmp_path / "bureaublad"
    desktop.mkdir()
    link = desktop / "zaal.json"
    _planted_link(link, session_path)
    follow.report(facilitator, phase="partners")
    _wait_for(lambda: getattr(follow.read_follow(link), "phase", None) == "partners")

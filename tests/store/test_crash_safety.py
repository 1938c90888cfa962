"""A writer killed with SIGKILL at random moments: the file opens and holds every saved change."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pact_tui.model import Action, Session
from pact_tui.store import SessionFile, read_session, write_session

WRITER = Path(__file__).with_name("writer.py")
KILLS = 30
# Writers killed side by side, each on its own file; the machine has two cores or more.
PARALLEL = 3

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def start_writer(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WRITER), "edit", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def saved_revisions(output: str) -> dict[str, int]:
    """The last revision of each action the writer reported as saved."""
    saved: dict[str, int] = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            saved[parts[0]] = int(parts[1])
    return saved


def test_a_killed_writer_never_loses_a_saved_change(tmp_path: Path, session: Session) -> None:
    rng = random.Random(20261128)
    # Enough actions that a save takes a while, so kills land inside writes too.
    actions = tuple(Action(theme="wonen", title=f"Actie {n}", goal="x" * 400) for n in range(600))
    paths = []
    for number in range(PARALLEL):
        path = tmp_path / f"sessie-{number}.json"
        write_session(path, session.model_copy(update={"actions": actions}))
        paths.append(path)
    saves_seen = 0
    killed_mid_write = 0
    for _round in range(KILLS // PARALLEL):
        writers = [start_writer(path) for path in paths]
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "ready", writer.stderr
        time.sleep(rng.uniform(0.0, 0.25))
        for writer in writers:
            time.sleep(rng.uniform(0.0, 0.01))
            os.kill(writer.pid, signal.SIGKILL)
        for path, writer in zip(paths, writers, strict=True):
            output, _errors = writer.communicate()
            assert writer.returncode == -signal.SIGKILL
            saved = saved_revisions(output)
            saves_seen += len(saved)
            # A temporary file left behind means the writer died in the middle of a save.
            killed_mid_write += bool(list(tmp_path.glob(f".{path.name}.*.tmp")))
            stored = {action.id: action for action in read_session(path).actions}
            for action_id, revision in saved.items():
                action = stored[action_id]
                # The save after the last report may have landed too, never one less.
                assert action.revision in (revision, revision + 1)
                assert action.title == f"{action_id} revisie {action.revision}"
    assert saves_seen > KILLS  # the writers really were saving when they died
    assert killed_mid_write > 0
    # The next program takes the file over and clears the crashed writers' leftovers.
    with SessionFile.open(paths[0]) as opened:
        assert not opened.read_only
    assert not list(tmp_path.glob(".sessie-0.json.*.tmp"))

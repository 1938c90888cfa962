"""kill -9 in the middle of a sync: of the sync engine while it copies, of the program saving
a file while the engine copies it. Every folder ends with a session file that opens."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pact_tui.model import Action, UserError
from pact_tui.store import SessionFile, read_session
from tests.sync.conftest import Program, engine_program
from tests.sync.engine import SyncEngine

WRITER = Path(__file__).parents[1] / "store" / "writer.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def pact_tui_check(path: Path) -> subprocess.CompletedProcess[str]:
    """`pact-tui check PATH`, the real command in its own process."""
    return subprocess.run([sys.executable, "-m", "pact_tui", "check", str(path)],
                          capture_output=True, text=True, check=False)


def titles(path: Path) -> list[str]:
    return [action.title for action in read_session(path).actions]


@pytest.mark.parametrize("flavour", ["onedrive", "syncthing"])
def test_the_engine_killed_while_it_copies_leaves_files_that_open_and_finishes_when_restarted(
        laptops: tuple[Path, Path], breakout: Path, tmp_path: Path, flavour: str,
        programs: list[Program]) -> None:
    anna, bert = laptops
    state = tmp_path / "engine-state.json"
    # The first sync quickly, in this process; the engine program goes on from its state.
    SyncEngine(laptops, flavour=flavour, piece_pause=0.0, state=state).sync_once()
    options = (anna, bert, "--flavour", flavour, "--piece-pause", "0.4", "--state", state)
    engine = engine_program(*options)
    programs.append(engine)
    with SessionFile.open(breakout) as file:
        action = file.list(Action)[0]
        file.update(action.edited(title="Zonnepanelen op elk dak"))
    engine.wait_for(f"{'piece' if flavour == 'onedrive' else 'copy'} {breakout.name} Bert")
    engine.kill()
    assert "Zonnepanelen op elk dak" in titles(breakout)  # the source is intact
    arrived = bert / breakout.name
    if flavour == "onedrive":  # killed in a pause between two pieces: the new file cut off
        assert breakout.read_bytes().startswith(arrived.read_bytes())
        with pytest.raises(UserError):
            read_session(arrived)
    else:  # a rename is all or nothing
        assert titles(arrived)[0] in ("Actie 0 voor starters", "Zonnepanelen op elk dak")
    restarted = engine_program(*options)
    programs.append(restarted)
    if arrived.read_bytes() != breakout.read_bytes():
        restarted.wait_for(f"done {breakout.name} Bert")
    assert arrived.read_bytes() == breakout.read_bytes()
    assert pact_tui_check(arrived).returncode == 0
    assert not [name for name in restarted.lines if name.startswith("conflict")]


def test_a_writer_killed_while_the_engine_copies_its_file_leaves_both_laptops_a_file_that_opens(
        laptops: tuple[Path, Path], breakout: Path) -> None:
    anna, bert = laptops
    rng = random.Random(20261204)
    sync = SyncEngine([anna, bert], flavour="onedrive", piece_pause=0.002, delay=0.0, seed=7)
    sync.sync_once()
    sync.start()
    copies_seen = 0
    try:
        for _round in range(3):
            writer = Program(sys.executable, WRITER, "edit", breakout)
            writer.wait_for("ready")
            time.sleep(rng.uniform(0.05, 0.3))
            writer.kill()
            copies_seen += sum(line.startswith("copy") for line in sync.events)
            sync.events.clear()
    finally:
        sync.stop()
    sync.sync_once()  # what the last save brought, now the writer is gone
    assert copies_seen > 3  # the engine really was copying while the writer saved
    for folder in laptops:
        assert pact_tui_check(folder / breakout.name).returncode == 0
    assert (anna / breakout.name).read_bytes() == (bert / breakout.name).read_bytes()
    # The next program on either laptop takes the file over.
    for folder in laptops:
        with SessionFile.open(folder / breakout.name) as file:
            assert not file.read_only

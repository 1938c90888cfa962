"""kill -9 in the middle of a sync: of the sync engine while it copies, of the program saving
a file while the engine copies it. Every folder ends with a session file that opens."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from bench.key_rows import STAKEHOLDERS, app_keys
from pact_tui.model import Action, RegionProfile, Session, SessionMeta, Stakeholder, UserError
from pact_tui.store import SessionFile, create_session, read_session
from pact_tui.store.sync_copies import conflict_copies
from tests.sync.conftest import BREAKOUT, Program, engine_program
from tests.sync.engine import SyncEngine
from tests.tui.test_tmux_burst import send_keys_command, tmux, wait_for

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
        for _round in range(2):
            writer = Program(sys.executable, WRITER, "edit", breakout)
            writer.wait_for("ready")
            time.sleep(rng.uniform(0.05, 0.3))
            writer.kill()
            copies_seen += sum(line.startswith("copy") for line in sync.events)
            sync.events.clear()
    finally:
        sync.stop()
    sync.sync_once()  # what the last save brought, now the writer is gone
    assert copies_seen > 2  # the engine really was copying while the writer saved
    for folder in laptops:
        assert pact_tui_check(folder / breakout.name).returncode == 0
    assert (anna / breakout.name).read_bytes() == (bert / breakout.name).read_bytes()
    # The next program on either laptop takes the file over.
    for folder in laptops:
        with SessionFile.open(folder / breakout.name) as file:
            assert not file.read_only


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_pact_tui_killed_while_it_saves_a_file_the_engine_copies_leaves_files_that_open(
        laptops: tuple[Path, Path], profile: RegionProfile) -> None:
    anna, bert = laptops
    meta = SessionMeta(profile=profile, title="Breakout tmux")
    session = Session(meta=meta, stakeholders=tuple(Stakeholder(name=n) for n in STAKEHOLDERS))
    path = create_session(anna / BREAKOUT, meta, session)
    sync = SyncEngine(laptops, flavour="onedrive", piece_pause=0.005, delay=0.0, seed=5)
    sync.sync_once()
    name = f"syncsim-kill-{uuid.uuid4().hex[:8]}"
    command = f"exec {sys.executable} -m pact_tui --sessions-dir {anna} open {path}"
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
                   check=True, env=env)
    sync.start()
    try:
        wait_for(lambda: "F4 Acties" in tmux("capture-pane", "-p", "-t", name), 60)
        tmux("send-keys", "-t", name, "F4")
        wait_for(lambda: "nieuwe actie" in tmux("capture-pane", "-p", "-t", name), 60)
        for keys in app_keys():
            subprocess.run(send_keys_command(name, keys), check=True)
        wait_for(lambda: len(read_session(path).actions) >= 4, 60)
        os.kill(int(tmux("display", "-p", "-t", name, "#{pane_pid}")), signal.SIGKILL)
    finally:
        sync.stop()
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)
    sync.sync_once()  # what the last save brought
    assert sum(event.startswith(f"copy {BREAKOUT} Bert") for event in sync.events) > 2
    for folder in laptops:
        assert pact_tui_check(folder / BREAKOUT).returncode == 0
    assert (anna / BREAKOUT).read_bytes() == (bert / BREAKOUT).read_bytes()
    assert len(read_session(bert / BREAKOUT).actions) >= 4


def test_the_engine_killed_while_a_conflict_copy_travels_leaves_it_for_later_then_finishes_it(
        laptops: tuple[Path, Path], breakout: Path, tmp_path: Path,
        programs: list[Program]) -> None:
    anna, bert = laptops
    state = tmp_path / "engine-state.json"
    SyncEngine(laptops, piece_pause=0.0, state=state).sync_once()
    for folder, title in ((anna, "Zonnepanelen op elk dak"), (bert, "Woningdelen voor ouderen")):
        with SessionFile.open(folder / BREAKOUT) as file:
            file.add(Action(theme="wonen", title=title))
    options = (anna, bert, "--flavour", "onedrive", "--piece-pause", "0.4", "--prefer", "Anna",
               "--state", state)
    engine = engine_program(*options)
    programs.append(engine)
    copy_name = engine.wait_for(f"conflict {BREAKOUT}").split()[2]
    engine.wait_for(f"piece {copy_name} Anna")
    engine.kill()
    # Anna's laptop: the copy cut off is no copy yet, and her file opens as it was.
    assert conflict_copies(anna) == ()
    assert "Zonnepanelen op elk dak" in titles(anna / BREAKOUT)
    assert pact_tui_check(bert / copy_name).returncode == 0  # whole where it was made
    restarted = engine_program(*options)
    programs.append(restarted)
    restarted.wait_for(f"done {BREAKOUT} Bert")
    for folder in laptops:
        assert [copy.path.name for copy in conflict_copies(folder)] == [copy_name]
        assert "Woningdelen voor ouderen" in titles(folder / copy_name)
        assert "Zonnepanelen op elk dak" in titles(folder / BREAKOUT)

"""The day overview on the plenary laptop while a sync client that writes in place brings in
a breakout from its own laptop: the breakout and each edit show once they are whole, and a
file seen half-written is waited for, never called unreadable."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from pact_tui.editor.sync_merge import merge_conflict_copy
from pact_tui.merge.day import new_breakout
from pact_tui.model import Action, Laptop, RegionProfile, Session, SessionMeta
from pact_tui.store import SessionFile, create_session, read_session, write_session
from pact_tui.store.laptop import ID_VARIABLE, NAME_VARIABLE
from pact_tui.store.sync_copies import conflict_copies
from pact_tui.tui.app import PactApp
from pact_tui.tui.day.screen import DayScreen
from tests.conftest import WAIT_SECONDS, screen_text
from tests.sync.engine import SyncEngine
from tests.tui.test_tmux_burst import tmux, wait_for

ANNA = Laptop(id="anna", name="laptop van Anna")
BRAM = Laptop(id="bram", name="laptop van Bram")
CARLA = Laptop(id="carla", name="laptop van Carla")
WIDE = (160, 50)


def as_laptop(monkeypatch: pytest.MonkeyPatch, laptop: Laptop) -> None:
    monkeypatch.setenv(ID_VARIABLE, laptop.id)
    monkeypatch.setenv(NAME_VARIABLE, laptop.name)


class Overview:
    """The day overview on screen, looked at every few milliseconds while a test waits."""

    def __init__(self, app: PactApp) -> None:
        self.app = app
        self.saw_syncing = False
        self.called_unreadable: list[str] = []

    def look(self) -> str:
        text = screen_text(self.app)
        screen = self.app.screen
        if isinstance(screen, DayScreen) and screen.state is not None:
            self.saw_syncing |= any(file.syncing for file in screen.state.breakouts)
            self.called_unreadable += [file.problem for file in screen.state.breakouts
                                       if file.problem]
        if "onleesbaar" in text:
            self.called_unreadable.append(text)
        return text

    async def wait_for(self, condition: Callable[[str], bool], what: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_SECONDS
        while not condition(self.look()):
            if loop.time() > deadline:
                raise AssertionError(f"never happened: {what}\n{screen_text(self.app)}")
            await asyncio.sleep(0.01)


async def test_a_breakout_and_its_edit_show_in_the_overview_once_the_engine_brings_them_whole(
        tmp_path: Path, profile: RegionProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    annas, plenary = tmp_path / "anna", tmp_path / "plenair"
    for folder in (annas, plenary):
        folder.mkdir()
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    programme = Session(meta=meta, actions=(
        Action(theme="wonen", title="Regionale woningbouwmonitor"),))
    write_session(plenary / "programma.json", programme)
    sync = SyncEngine([annas, plenary], flavour="onedrive", piece_pause=0.25, seed=3,
                      delay=0.0, names=("Anna", "Bram"))
    sync.sync_once()
    as_laptop(monkeypatch, BRAM)
    app = PactApp(None, sessions_dir=plenary, exports_dir=tmp_path / "exports", day=plenary)
    overview = Overview(app)
    sync.start()
    try:
        async with app.run_test(size=WIDE):
            await overview.wait_for(lambda text: "Pact 7.1" in text, "the programme")
            breakout = new_breakout(read_session(annas / "programma.json"), "Wonen", ANNA)
            path = create_session(annas / "wonen.json", breakout.meta, breakout)
            await overview.wait_for(lambda text: "laptop van Anna" in text,
                                    "the breakout, once it arrived whole")
            as_laptop(monkeypatch, ANNA)
            with SessionFile.open(path) as on_annas:
                on_annas.add(Action(theme="wonen", title="Zonnepanelen op elk dak"))
            as_laptop(monkeypatch, BRAM)
            await overview.wait_for(lambda text: "+ Zonnepanelen op elk dak" in text,
                                    "Anna's edit, once it arrived whole")
            assert "+1 nieuw" in overview.look()
    finally:
        sync.stop()
    assert any(event.startswith("piece wonen.json Bram") for event in sync.events)
    assert overview.saw_syncing  # the overview did look at a half-written file
    assert overview.called_unreadable == []


async def test_a_breakout_edited_on_two_laptops_is_one_card_and_shows_both_edits_once_merged(
        tmp_path: Path, profile: RegionProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    annas, carlas, plenary = (tmp_path / name for name in ("anna", "carla", "plenair"))
    for folder in (annas, carlas, plenary):
        folder.mkdir()
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    write_session(plenary / "programma.json", Session(meta=meta))
    breakout = new_breakout(read_session(plenary / "programma.json"), "Wonen", ANNA)
    create_session(annas / "wonen.json", breakout.meta, breakout)
    sync = SyncEngine([annas, carlas, plenary], seed=8, names=("Anna", "Carla", "Bram"))
    sync.sync_once()
    # Anna's laptop went offline; Carla took the breakout over; both went on typing.
    as_laptop(monkeypatch, ANNA)
    with SessionFile.open(annas / "wonen.json") as on_annas:
        on_annas.add(Action(theme="wonen", title="Tiny houses bij elke kern"))
    as_laptop(monkeypatch, CARLA)
    with SessionFile.open(carlas / "wonen.json", take_over=True) as on_carlas:
        on_carlas.add(Action(theme="wonen", title="Woningdelen voor ouderen"))
    sync.sync_once()
    assert [event for event in sync.events if event.startswith("conflict wonen.json")]
    as_laptop(monkeypatch, BRAM)
    app = PactApp(None, sessions_dir=plenary, exports_dir=tmp_path / "exports", day=plenary)
    overview = Overview(app)
    async with app.run_test(size=WIDE):
        await overview.wait_for(lambda text: "1 breakout" in text and "Wonen" in text,
                                "one card for the breakout and its conflict copy")
        # The laptop the kept version names merges the copy back, as its app does.
        keeper = read_session(plenary / "wonen.json").meta.laptop
        assert keeper is not None
        as_laptop(monkeypatch, ANNA if keeper.id == ANNA.id else CARLA)
        laptop_folder = annas if keeper.id == ANNA.id else carlas
        with SessionFile.open(laptop_folder / "wonen.json") as kept:
            for copy in conflict_copies(laptop_folder):
                merge_conflict_copy(kept, copy)
        as_laptop(monkeypatch, BRAM)
        sync.sync_once()
        await overview.wait_for(
            lambda text: "Tiny houses bij elke kern" in text and "Woningdelen voor ouderen"
            in text, "both laptops' actions in the one card")
        assert "1 breakout" in overview.look()
    assert overview.called_unreadable == []
    assert conflict_copies(plenary) == ()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_pact_tui_day_in_a_terminal_shows_an_edit_the_engine_brings_in_pieces(
        tmp_path: Path, profile: RegionProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    annas, plenary = tmp_path / "anna", tmp_path / "plenair"
    for folder in (annas, plenary):
        folder.mkdir()
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    write_session(plenary / "programma.json", Session(meta=meta))
    breakout = new_breakout(read_session(plenary / "programma.json"), "Wonen", ANNA)
    path = create_session(annas / "wonen.json", breakout.meta, breakout)
    sync = SyncEngine([annas, plenary], flavour="onedrive", piece_pause=0.25, delay=0.0,
                      names=("Anna", "Bram"))
    sync.sync_once()
    name = f"syncsim-day-{uuid.uuid4().hex[:8]}"
    command = f"exec {sys.executable} -m pact_tui day {plenary}"
    env = {**os.environ, "TERM": "xterm-256color", ID_VARIABLE: BRAM.id,
           NAME_VARIABLE: BRAM.name}
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "160", "-y", "40", command],
                   check=True, env=env)
    screens: list[str] = []

    def shows(text: str) -> bool:
        screens.append(tmux("capture-pane", "-p", "-t", name))
        return text in screens[-1]

    sync.start()
    try:
        wait_for(lambda: shows("laptop van Anna"), 60)
        as_laptop(monkeypatch, ANNA)
        with SessionFile.open(path) as on_annas:
            on_annas.add(Action(theme="wonen", title="Zonnepanelen op elk dak"))
        wait_for(lambda: shows("Zonnepanelen op elk dak"), 60)
    finally:
        sync.stop()
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)
    assert any(event.startswith("piece wonen.json Bram") for event in sync.events)
    assert not [screen for screen in screens if "onleesbaar" in screen]

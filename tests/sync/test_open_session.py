"""A session open in the app on Anna's laptop while the sync engine brings in a conflict with
Carla's laptop: whichever version the engine keeps under the file's name, the file ends
with the words of both laptops."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pact_tui.model import Action, RegionProfile
from pact_tui.store import SessionFile, create_session, read_session
from pact_tui.store.sync_copies import conflict_copies
from pact_tui.tui.app import PactApp
from tests.conftest import wait_until
from tests.sync.conftest import BREAKOUT, breakout_session
from tests.sync.engine import SyncEngine

ANNAS_WORDS = "Tiny houses bij elke kern"
CARLAS_WORDS = "Woningdelen voor ouderen"


@pytest.mark.parametrize(("kept", "flavour"), [
    ("Anna", "syncthing"),
    # The copy arrives in pieces: the app waits until it reads whole.
    ("Anna", "onedrive"),
    ("Carla", "syncthing"),
])
async def test_an_open_session_ends_with_both_laptops_words_whichever_version_the_engine_kept(
        tmp_path: Path, profile: RegionProfile, kept: str, flavour: str) -> None:
    annas, carlas = tmp_path / "anna", tmp_path / "carla"
    for folder in (annas, carlas):
        folder.mkdir()
    session = breakout_session(profile)
    path = create_session(annas / BREAKOUT, session.meta, session)
    sync = SyncEngine([annas, carlas], prefer=kept, names=("Anna", "Carla"), flavour=flavour,
                      piece_pause=0.2)
    sync.sync_once()
    # Both laptops were offline a while; each added an action.
    with SessionFile.open(carlas / BREAKOUT) as on_carlas:
        on_carlas.add(Action(theme="wonen", title=CARLAS_WORDS))
    with SessionFile.open(path) as on_annas:
        on_annas.add(Action(theme="wonen", title=ANNAS_WORDS))
    app = PactApp(path, sessions_dir=annas, exports_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.editor is not None, "the session open")
        # Back online: the engine keeps one version, the other as a copy.
        syncing = threading.Thread(target=sync.sync_once)
        syncing.start()
        await wait_until(pilot, lambda: not syncing.is_alive(), "the sync done")
        assert [event for event in sync.events if event.startswith(f"conflict {BREAKOUT}")]
        await wait_until(pilot, lambda: not conflict_copies(annas), "the copy merged in")
        await pilot.pause()
    sync.sync_once()
    for folder in (annas, carlas):
        titles = {action.title for action in read_session(folder / BREAKOUT).actions}
        assert {ANNAS_WORDS, CARLAS_WORDS} <= titles, folder.name

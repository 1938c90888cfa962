"""The home screen on a laptop whose sync client writes in place: a session file still
arriving when the folder is read is not listed as unreadable, and is listed once whole."""

from __future__ import annotations

import threading
from pathlib import Path

from pact_tui.model import RegionProfile
from pact_tui.store import create_session
from pact_tui.tui.app import PactApp
from tests.conftest import screen_text, wait_until
from tests.sync.conftest import BREAKOUT, breakout_session
from tests.sync.engine import SyncEngine


async def test_a_session_still_arriving_is_not_listed_as_unreadable(
        laptops: tuple[Path, Path], profile: RegionProfile, tmp_path: Path) -> None:
    anna, bert = laptops
    session = breakout_session(profile)
    create_session(anna / BREAKOUT, session.meta, session)
    half_written, go_on = threading.Event(), threading.Event()

    def hold(event: str) -> None:
        # The engine stops in the middle of the copy until the test lets it go on.
        if event.startswith(f"piece {BREAKOUT} Bert"):
            half_written.set()
            go_on.wait()

    sync = SyncEngine(laptops, flavour="onedrive", piece_pause=0.0, on_event=hold)
    copying = threading.Thread(target=sync.sync_once)
    copying.start()
    try:
        assert half_written.wait(20)
        app = PactApp(None, sessions_dir=bert, exports_dir=tmp_path / "exports")
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_until(pilot, lambda: BREAKOUT in screen_text(app), "the file listed")
            assert "onleesbaar" not in screen_text(app)
            go_on.set()
            await wait_until(pilot, lambda: "Breakout Wonen" in screen_text(app),
                             "the session, once whole")
    finally:
        go_on.set()
        copying.join()

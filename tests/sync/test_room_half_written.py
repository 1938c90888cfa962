"""The room view on a laptop whose sync client writes in place (OneDrive, a network share):
a session file that arrives half-written is never called broken, and shows once whole."""

from __future__ import annotations

import threading
from pathlib import Path

from pact_tui.model import Action
from pact_tui.store import SessionFile
from pact_tui.tui.room.app import RoomApp
from tests.conftest import screen_text, wait_until
from tests.sync.engine import SyncEngine


class WatchedRoom(RoomApp):
    """The room view, remembering every problem it was told about."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.problems: list[str] = []

    def on_room_app_read_failed(self, message: RoomApp.ReadFailed) -> None:
        self.problems.append(message.problem)
        super().on_room_app_read_failed(message)


async def test_a_breakout_arriving_half_written_is_not_called_broken_and_shows_once_whole(
        laptops: tuple[Path, Path], breakout: Path) -> None:
    anna, bert = laptops
    pieces: list[str] = []
    sync = SyncEngine([anna, bert], flavour="onedrive", piece_pause=0.3, seed=4,
                      on_event=lambda event: pieces.append(event) if " piece " in
                      f" {event}" else None)
    sync.sync_once()
    app = WatchedRoom(bert / breakout.name)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: "Actie 1 voor starters" in screen_text(app),
                         "the breakout as first synced")
        with SessionFile.open(breakout) as file:
            action = file.list(Action)[1]
            file.update(action.edited(title="Zonnepanelen op elk dak"))
        copying = threading.Thread(target=sync.sync_once)
        copying.start()
        await wait_until(pilot, lambda: "Zonnepanelen op elk dak" in screen_text(app),
                         "the edit, once the copy is whole")
        copying.join()
        assert any(event.startswith("piece " + breakout.name) for event in pieces)
        assert app.problems == []
        assert "⚠" not in screen_text(app)

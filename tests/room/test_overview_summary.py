"""ctrl+s on Overzicht writes the session summary to the exports folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pact_tui.tui.app import PactApp

if TYPE_CHECKING:
    from tests.room.conftest import Room


async def test_ctrl_s_on_overzicht_writes_the_summary(session_path: Path, tmp_path: Path,
                                                       room: Room) -> None:
    exports = tmp_path / "exports"
    app = PactApp(session_path, sessions_dir=session_path.parent, exports_dir=exports)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_phase("overzicht")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await room.wait_for(pilot, lambda: exports.is_dir() and any(exports.iterdir()),
                            "a summary in the exports folder")
        (written,) = exports.iterdir()
        assert written.name.endswith("-samenvatting.html")
        html = written.read_text(encoding="utf-8")
        assert "Flexwoningen voor starters" in html and '<html lang="nl">' in html

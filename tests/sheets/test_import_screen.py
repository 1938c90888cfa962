"""The import screen: the mapping shown before anything is written, changed by keys."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable

from pact_tui.store import read_session
from pact_tui.tui.app import PactApp
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.import_sheet import ImportSheetScreen
from pact_tui.tui.screens.phase import PhaseScreen
from tests.sheets.conftest import FIXTURES


def _cell(table: DataTable[object], row: int, column: str) -> str:
    return str(table.get_cell(str(row), column))


async def test_a_column_remapped_by_keys_is_read_as_that_field(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    app = PactApp(None, sessions_dir=sessions,
                  exports_dir=tmp_path / "exports")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#field-file").value = str(FIXTURES / "actielijst-2024.xlsx")  # type: ignore[attr-defined]
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, ImportSheetScreen):
                break
        screen = app.screen
        assert isinstance(screen, ImportSheetScreen)
        columns = screen.query_one("#import-columns", DataTable)
        assert _cell(columns, 1, "field") == "Actie"
        assert _cell(columns, 9, "field") == "Toelichting voortgang"
        assert not list(sessions.glob("*.json"))

        columns.move_cursor(row=9)
        await pilot.press("right")
        assert _cell(columns, 9, "field") == "Laatst bijgewerkt"
        notes = str(screen.query_one("#import-notes").render())
        assert "Laatst bijgewerkt ‘Vertraging door netcongestie’ niet herkend" in notes
        await pilot.press("ctrl+s")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, PhaseScreen):
                break
        assert isinstance(app.screen, PhaseScreen)
        # Back to the home screen before the app closes: the header clock's tick during
        # teardown can otherwise find a phase screen half taken down.
        await pilot.press("ctrl+o")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, HomeScreen):
                break
    assert screen.written is not None
    session = read_session(screen.written)
    warmte = next(action for action in session.actions if action.title.startswith("Warmtenet"))
    assert warmte.progress_note == ""
    assert "Vertraging door netcongestie" in warmte.notes
    memory = json.loads((sessions / "import-mappings.json").read_text(encoding="utf-8"))
    assert memory["actielijst-2024.xlsx"]["columns"]["opmerking"] == "progress_date"

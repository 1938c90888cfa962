"""The home screen lists the sessions folder (bad files included) and starts new sessions."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import DataTable, Static

from pact_tui.model import Action, Origin, RegionProfile, SessionMeta, Stakeholder
from pact_tui.store import read_session
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.phase import PhaseScreen

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui


def age(path: Path, seconds_ago: int) -> None:
    """Set the file's last-saved time, so the newest-first order is known."""
    stamp = path.stat().st_mtime - seconds_ago
    os.utime(path, (stamp, stamp))


async def wait_for_rows(pilot, screen: HomeScreen, count: int) -> DataTable:
    """The home table once the folder scan (a worker) has listed `count` files."""
    table = screen.query_one("#home-files", DataTable)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    while table.row_count != count and loop.time() < deadline:
        await pilot.pause(0.02)
    return table


async def test_home_lists_sessions_programmes_and_bad_files_with_their_problem(
    make_session: MakeSession, profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    make_session("wonen.json", title="Werksessie Wonen",
                         actions=(Action(theme="wonen", title="Bouwen"),),
                         stakeholders=(Stakeholder(name="Intermaris"),))
    programme_meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    make_session("programma.json", meta=programme_meta)
    bad = sessions_dir / "kapot.json"
    bad.write_text('{"meta": {', encoding="utf-8")
    for path in (sessions_dir / "wonen.json", sessions_dir / "programma.json"):
        age(path, 120)
    # Saved last, listed last all the same: it does not open (and has not for a minute,
    # so it is no longer taken for a file a sync engine is still writing).
    age(bad, 60)
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        table = await wait_for_rows(pilot, screen, 3)
        text = ui.text(app)
        assert "Werksessie Wonen" in text and "◆ Pact 7.1" in text and "programma" in text
        assert "kapot.json" in text and "onleesbaar" in text
        detail = screen.query_one("#home-detail", Static)
        assert str(detail.render()).startswith("programma.json:")  # same date: by title
        await pilot.press("down")
        assert "1 stakeholders" in str(detail.render()) and "1 acties" in str(detail.render())
        await pilot.press("down")
        assert table.cursor_row == 2
        problem = str(detail.render())
        assert problem.startswith("kapot.json kan niet worden geopend:")
        assert "kapot.json" in problem.split(":", 1)[1]  # the store's sentence names the file
        await pilot.press("enter")  # opening it shows the error screen, not a traceback
        await pilot.pause()
        assert "Dit bestand kan niet worden geopend" in ui.text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_new_session_by_keys_creates_the_file_and_opens_it(
    sessions_dir: Path, ui: Ui
) -> None:
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await ui.type(pilot, "Werksessie Energie")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PhaseScreen) and app.screen.PHASE == "sessie"
        assert "Werksessie Energie" in ui.text(app).splitlines()[0]
    files = list(sessions_dir.glob("*.json"))
    assert len(files) == 1 and "werksessie-energie" in files[0].name
    assert read_session(files[0]).meta.title == "Werksessie Energie"


async def test_an_empty_title_keeps_the_form_open_with_a_message(
    ui: Ui, sessions_dir: Path
) -> None:
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "enter")
        await pilot.pause()
        assert "mag niet leeg zijn" in ui.text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert list(sessions_dir.glob("*.json")) == []


async def test_new_session_from_a_programme_copies_its_items(
    make_session: MakeSession, profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    programme_meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    programme = make_session("programma.json", meta=programme_meta,
                             actions=(Action(theme="wonen", title="Bouwen"),))
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_rows(pilot, app.screen, 1)  # type: ignore[arg-type]
        await pilot.press("p")
        await pilot.pause()
        await ui.type(pilot, "Vervolgsessie")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PhaseScreen)
    made = [path for path in sessions_dir.glob("*.json") if path != programme]
    assert len(made) == 1
    session = read_session(made[0])
    assert session.meta.title == "Vervolgsessie" and session.meta.kind == "session"
    assert [action.title for action in session.actions] == ["Bouwen"]
    assert session.actions[0].base is not None  # ready for the three-way merge


async def test_programmes_of_one_title_are_told_apart_and_saving_moves_no_row(
    make_session: MakeSession, profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    title = "Pact 7.1 — Uitvoeringsprogramma West-Friesland"
    for round_name in ("Ronde 1", "Ronde 2", "Ronde 3"):
        sources = (Origin(session_id=str(uuid.uuid4()), title=f"{round_name} Noord",
                          date=dt.date(2026, 2, 1)),)
        make_session(f"programma-{round_name[-1]}.json", meta=SessionMeta(
            profile=profile, title=title, kind="programme", sources=sources,
            date=dt.date(2026, 2, 1)))
    (sessions_dir / "import-mappings.json").write_text('{"mappings": {}}', encoding="utf-8")
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        table = await wait_for_rows(pilot, screen, 3)
        text = ui.text(app)
        # Each row says which file it is and which sessions it holds, even at 80 columns.
        for number in "123":
            assert f"uit Ronde {number} Noord · progr" in text
        assert "import-mappings" not in text and "onleesbaar" not in text
        await pilot.press("down")
        chosen = screen.current()
        assert chosen is not None and chosen.path.name == "programma-2.json"
        os.utime(sessions_dir / "programma-3.json")  # saved just now
        screen.action_rescan()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [e.path.name for e in screen.entries] == [
            "programma-1.json", "programma-2.json", "programma-3.json"]
        assert table.cursor_row == 1


async def test_a_sync_conflict_copy_shows_under_its_file_and_enter_opens_the_file(
    make_session: MakeSession, sessions_dir: Path, ui: Ui
) -> None:
    breakout = make_session("breakout.json", title="Breakout Wonen")
    copy = sessions_dir / "breakout.sync-conflict-20261204-143012-ABCDEF7.json"
    copy.write_bytes(breakout.read_bytes())
    app = ui.app(None)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        await wait_for_rows(pilot, screen, 2)
        text = ui.text(app)
        assert "conflictkopie van breakout.json" in text and "wordt samengevoegd" in text
        assert "onleesbaar" not in text and "⚠" not in text
        lines = text.splitlines()
        title_row = next(i for i, line in enumerate(lines) if "Breakout Wonen" in line)
        assert "conflictkopie van breakout.json" in lines[title_row + 2]  # just under it
        await pilot.press("down")
        detail = str(screen.query_one("#home-detail", Static).render())
        assert detail.startswith(f"{copy.name} is een conflictkopie van breakout.json")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PhaseScreen))
        assert app.editor is not None and app.editor.file.path == breakout

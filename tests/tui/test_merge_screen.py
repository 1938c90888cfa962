"""The merge screen, driven by the keyboard: pick files, read the report, decide, write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import SelectionList

from pact_tui.merge import start_session_from
from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.store import read_session, write_session
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.merge import MergeScreen
from pact_tui.tui.screens.phase import PhaseScreen

if TYPE_CHECKING:
    from tests.tui.conftest import Ui


def _workshop(profile: RegionProfile, folder: Path) -> dict[str, Action]:
    """A programme and two sessions from it: a clashing edit, and the same new action twice."""
    build = Action(theme="wonen", title="Woningbouw versnellen", goal="500 woningen")
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme",
                       date=dt.date(2026, 1, 10))
    programme = Session(meta=meta, actions=(build,))
    sessions = []
    for title, goal, new in (("Groep Noord", "600 woningen", "Meer laadpalen plaatsen"),
                             ("Groep Zuid", "700 woningen", "Meer laadpalen bijplaatsen")):
        session = start_session_from(programme, title, dt.date(2026, 2, 1))
        edited = session.actions[0].edited(goal=goal)
        sessions.append(session.model_copy(update={
            "actions": (edited, Action(theme="energie", title=new))}))
    write_session(folder / "programma.json", programme)
    write_session(folder / "noord.json", sessions[0])
    write_session(folder / "zuid.json", sessions[1])
    return {"build": build}


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_merging_with_a_conflict_and_a_duplicate_by_keyboard(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    items = _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, MergeScreen)
        assert len(screen.query_one("#pick", SelectionList).selected) == 3
        text = ui.text(app)
        assert "Groep Noord" in text and "Pact 7.1 · programma" in text

        await pilot.press("m")
        await _settle(pilot)
        text = ui.text(app)
        assert "Conflicten, nog te beslissen" in text
        assert "1 conflict(en) nog te beslissen" in text

        await pilot.press("w")  # refused while a conflict is open
        await pilot.pause()
        assert len(list(sessions_dir.glob("*.json"))) == 3

        await pilot.press("c")
        text = ui.text(app)
        assert "Conflict 1 van 1" in text
        assert "Versie 1 — Groep Zuid" in text and "Versie 2 — Groep Noord" in text
        assert "700 woningen" in text and "600 woningen" in text

        await pilot.press("2")  # keep Groep Noord's version
        await pilot.pause()
        assert screen.pane == "report"

        await pilot.press("d")
        text = ui.text(app)
        assert "Mogelijk dubbel 1 van 1" in text
        assert "Meer laadpalen plaatsen" in text and "Meer laadpalen bijplaatsen" in text
        await pilot.press("s")
        await pilot.pause()
        assert screen.pane == "report"
        assert "is opgegaan in" in ui.text(app)

        await pilot.press("w")
        await _settle(pilot)
        assert isinstance(app.screen, HomeScreen)

    [written] = [p for p in sessions_dir.glob("*.json")
                 if p.name not in {"programma.json", "noord.json", "zuid.json"}]
    programme = read_session(written)
    assert programme.meta.kind == "programme"
    goals = {a.goal for a in programme.actions if a.id == items["build"].id}
    assert goals == {"600 woningen"}
    assert sum("laadpalen" in a.title for a in programme.actions) == 1
    reopened = ui.app(written)
    async with reopened.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(reopened.screen, PhaseScreen)
        await ui.wait_until(pilot, lambda: "Meer laadpalen pla" in ui.text(reopened))


async def test_a_conflict_can_be_edited_and_files_can_be_left_out(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    items = _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        app.open_merge()
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, MergeScreen)
        choices = screen.query_one("#pick", SelectionList)
        first = [str(choices.get_option_at_index(n).value) for n in range(3)]
        choices.deselect(str(sessions_dir / "programma.json"))
        assert str(sessions_dir / "programma.json") in first
        await pilot.press("m")
        await _settle(pilot)
        await pilot.press("c", "e")
        await pilot.pause()
        await pilot.press("tab", "ctrl+u")
        await ui.type(pilot, "650 woningen")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.pane == "report"
        result = screen.result
        assert result is not None and result.unresolved == ()
        assert {a.goal for a in result.programme.actions
                if a.id == items["build"].id} == {"650 woningen"}
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_going_back_to_the_files_keeps_the_decisions_made(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)
        await pilot.press("c", "2")  # decide the one conflict
        await pilot.pause()
        await pilot.press("escape")  # back to the files, by mistake
        await pilot.press("m")
        await _settle(pilot)
        assert "0 conflict(en) nog te beslissen" in ui.text(app)

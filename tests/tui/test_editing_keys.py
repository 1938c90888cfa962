"""Esc, ctrl+z and ctrl+b while a cell or the capture line is being typed in: nothing typed
is lost without a word, and nothing but the field being typed is written."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from pact_tui.model import Action, PartyRef, Planning, RegionProfile
from pact_tui.tui.app import PactApp
from tests.conftest import screen_text
from tests.tui.conftest import open_actions
from tests.tui.test_actions_typing import (
    burst,
    saved_actions,
    session_file,
    slow_down,
    text_keys,
    until,
)


def app_on_two_actions(tmp_path: Path,
                       profile: RegionProfile) -> tuple[PactApp, Path, tuple[Action, Action]]:
    """The app on a session file of `two_actions`, its path, and the two actions."""
    actions = two_actions()
    path = session_file(tmp_path, profile, *actions)
    return PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path), path, actions


def two_actions() -> tuple[Action, Action]:
    return (Action(theme="wonen", title="Eerste", goal="Doel een", position=0),
            Action(theme="wonen", title="Tweede", goal="Doel twee", position=1))


async def test_ctrl_z_while_typing_takes_back_the_typing_and_keys_stay_in_the_cell(
    tmp_path: Path, profile: RegionProfile
) -> None:
    app, path, (first, second) = app_on_two_actions(tmp_path, profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(second.id, "goal")
        slow_down(app)
        # A change to the first row that the session could undo, then typing in the second.
        screen.grid.move_to(first.id, "goal")
        burst(app, [*text_keys("Nieuw"), ("enter", "\r"), ("down", None),
                    *text_keys("Bijna goed"), ("ctrl+z", None), ("ctrl+z", None),
                    *text_keys("od"), ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: (editor.get(Action, second.id) or second).goal != "Doel twee")
        actions = saved_actions(app, path)
        assert screen.grid.current_row is not None and screen.grid.current_row.id == second.id
    assert [a.goal for a in actions] == ["Nieuw", "Bijna good"]


async def test_ctrl_z_with_nothing_typed_closes_the_cell_and_undoes_the_session(
    tmp_path: Path, profile: RegionProfile
) -> None:
    app, path, (first, _) = app_on_two_actions(tmp_path, profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(first.id, "goal")
        await pilot.press("N", "u", "enter", "down", "enter", "ctrl+z")
        assert screen.grid.editing is None
        assert screen.grid.current_row is not None and screen.grid.current_row.id == first.id
        await pilot.press("X", "enter")  # lands in the cell the cursor shows
        actions = saved_actions(app, path)
    assert [a.goal for a in actions] == ["X", "Doel twee"]


async def test_esc_in_the_capture_line_cancels_what_was_typed_there(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile, two_actions()[0])
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        burst(app, [("ctrl+n", None), *text_keys("Foutje"), ("escape", "\x1b"),
                    ("ctrl+n", None), *text_keys("Goede titel"), ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: len(editor.items(Action)) == 2)
        actions = saved_actions(app, path)
        assert screen.grid.capture_line is not None
    assert [a.title for a in actions] == ["Eerste", "Goede titel"]


async def test_ctrl_b_in_the_capture_line_fills_only_the_line(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        # A row typed Tab by Tab to its parties; Enter there opens the next capture line.
        burst(app, [("ctrl+n", None), *text_keys("Monitor"), ("tab", "\t"),
                    *text_keys("Zicht"), ("tab", "\t"), ("tab", "\t"), ("tab", "\t"),
                    *text_keys("Intermaris"), ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: editor.items(Action)
                    and editor.items(Action)[0].parties and screen.grid.capturing)
        burst(app, [("ctrl+b", None), *text_keys(" twee"), ("enter", "\r")])
        await until(pilot, lambda: len(editor.items(Action)) == 2)
        actions = saved_actions(app, path)
    assert [a.title for a in actions] == ["Monitor", "Monitor twee"]
    assert [p.name for p in actions[0].parties] == ["Intermaris"]
    assert actions[1].parties == ()


async def test_an_unreadable_planning_is_not_complete(
    tmp_path: Path, profile: RegionProfile
) -> None:
    intermaris = PartyRef(name="Intermaris")
    action = Action(theme="wonen", title="Monitor", goal="Zicht", scale="westfries",
                    planning=Planning(timing="kort 2026-2024"), parties=(intermaris,),
                    lead=intermaris)
    path = session_file(tmp_path, profile, action)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        await pilot.pause()
        detail = str(screen.query_one("#action-detail", Static).render())
        await pilot.press("f6")
        await pilot.pause()
        overview = screen_text(app)
    assert "Compleet." not in detail
    assert "Mist nog: planning (⚠ niet te lezen)" in detail
    assert "Openstaande punten: 1 van 1 acties" in overview

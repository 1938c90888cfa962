"""Typing into the action grid: at full speed every key lands in the field it was typed
for, and it behaves the way a spreadsheet user expects.

Bursts: the keys go into the app's queue all at once (a fast typist, or a paste into
tmux), while a timer blocks the event loop again and again, as CPU load would.
Afterwards every value is read back from the file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from bench.key_rows import ROWS, STAKEHOLDERS, app_keys, key_name
from pact_tui.model import (
    Action,
    PartyRef,
    Planning,
    RegionProfile,
    Session,
    SessionMeta,
    Stakeholder,
)
from pact_tui.model.rules import ordered_actions
from pact_tui.store import create_session, read_session
from pact_tui.tui.app import PactApp
from tests.conftest import wait_until
from tests.tui.conftest import open_actions

Keys = list[tuple[str, str | None]]


def session_file(tmp_path: Path, profile: RegionProfile, *actions: Action) -> Path:
    meta = SessionMeta(profile=profile, title="Werksessie Pact 7.1")
    stakeholders = tuple(Stakeholder(name=name) for name in STAKEHOLDERS)
    session = Session(meta=meta, stakeholders=stakeholders, actions=actions)
    return create_session(tmp_path / "sessie.json", meta, session)


def text_keys(text: str) -> Keys:
    return [(key_name(character), character) for character in text]


def burst(app: PactApp, keys: Keys) -> None:
    """Every key into the app's queue at once: nobody waits for the screen."""
    driver = app._driver
    assert driver is not None
    for key, character in keys:
        event = events.Key(key, character)
        event.set_sender(app)
        driver.send_message(event)


def slow_down(app: PactApp) -> None:
    """Block the event loop for 8 ms of every 10, as a busy machine would."""
    app.set_interval(0.01, lambda: time.sleep(0.008))


async def until(pilot: Pilot[Any], condition: Callable[[], object]) -> None:
    """Wait for `condition()`, failing after two minutes of a stuck (slowed-down) app."""
    await wait_until(pilot, condition, timeout=120.0)


def saved_actions(app: PactApp, path: Path) -> list[Action]:
    assert app.editor is not None and app.editor.flush()
    return ordered_actions(read_session(path).actions)


async def test_twenty_two_rows_typed_in_one_burst_into_a_slow_app_are_all_in_the_file(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        slow_down(app)
        burst(app, [key for row in app_keys() for key in row])
        editor = app.editor
        assert editor is not None

        def all_typed() -> bool:
            actions = editor.items(Action)
            return len(actions) == len(ROWS) and all(a.lead is not None for a in actions)

        await until(pilot, all_typed)
        assert screen.grid.capturing  # Enter after the last lead: the next capture line
        actions = saved_actions(app, path)
        stakeholders = read_session(path).stakeholders

    assert len(actions) == len(ROWS)
    for action, row in zip(actions, ROWS, strict=True):
        assert (action.theme, action.title, action.goal, action.scale) == (
            row.theme, row.title, row.goal, row.scale)
        assert action.planning == row.planning, row.title
        assert tuple(p.name for p in action.parties) == row.parties, row.title
        assert action.lead is not None and action.lead.name == row.lead, row.title
        # Every name typed is a stakeholder now, new ones included, and linked.
        assert all(p.stakeholder_id for p in action.parties) and action.lead.stakeholder_id
    names = {s.name for s in stakeholders}
    assert {"Dorpsraad Wognum", "netbeheerders", "IT-bedrijven", "Seed Valley"} <= names
    assert len(names) == len(stakeholders)


async def test_a_capture_line_burst_makes_one_action_per_enter(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test() as pilot:
        await open_actions(app, pilot)
        slow_down(app)
        enter: Keys = [("enter", "\r")]
        burst(app, [("ctrl+n", None), *text_keys("a-1"), *enter, *text_keys("a-2"), *enter,
                    *text_keys("a-3"), *enter])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: len(editor.items(Action)) == 3)
        await pilot.pause()
        assert [a.title for a in saved_actions(app, path)] == ["a-1", "a-2", "a-3"]


async def test_esc_and_a_letter_read_as_alt_letter_are_esc_then_the_letter(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test() as pilot:
        screen = await open_actions(app, pilot)
        slow_down(app)
        # What Textual makes of Esc followed within its escape delay by "d" and by "2":
        # alt+d and alt+2. Esc leaves the capture line for the new row's Doel.
        burst(app, [("ctrl+n", None), *text_keys("Titel"), ("enter", "\r"), ("alt+d", "d"),
                    *text_keys("oel-x"), ("tab", "\t"), ("escape", "\x1b"), ("alt+2", "2")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: any(a.scale for a in editor.items(Action)))
        (action,) = saved_actions(app, path)
        assert (action.title, action.goal, action.scale) == ("Titel", "doel-x", "subregionaal")
        assert not screen.grid.capturing and screen.grid.editing is None


async def test_keys_typed_while_the_long_text_editor_opens_and_closes_land_in_order(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile, Action(theme="wonen", title="Oud"))
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test() as pilot:
        screen = await open_actions(app, pilot)
        slow_down(app)
        burst(app, [("right", None), ("ctrl+e", None), *text_keys(" en meer"), ("ctrl+s", None),
                    ("tab", "\t"), *text_keys("Doel"), ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: any(a.goal for a in editor.items(Action)))
        (action,) = saved_actions(app, path)
        assert (action.title, action.goal) == ("Oud en meer", "Doel")
        assert app.screen is screen


def notifications(app: PactApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def one_action(title: str = "Woningbouwmonitor", **fields: object) -> Action:
    return Action(theme="wonen", title=title, **fields)


async def test_a_new_name_is_kept_and_becomes_a_stakeholder_undone_in_one_step(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile, one_action())
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(screen.grid.rows[0].id, "parties")
        # "Provincie" is a prefix of the stakeholder "Provincie Noord-Holland": still kept.
        burst(app, [*text_keys("Provincie;Recreatieschap"), ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: editor.items(Action)[0].parties)
        (action,) = saved_actions(app, path)
        assert [p.name for p in action.parties] == ["Provincie", "Recreatieschap"]
        names = {s.name: s.id for s in read_session(path).stakeholders}
        assert action.parties[0].stakeholder_id == names["Provincie"]
        assert "Recreatieschap" in names
        assert any("Provincie, Recreatieschap" in m for m in notifications(app))
        # The new name is offered for the next row at once.
        edit_options = screen.grid.cursor_column.options(action)
        assert "Recreatieschap" in [o.label for o in edit_options]
        await pilot.press("ctrl+z")  # party names and stakeholders go in one step
        assert saved_actions(app, path)[0].parties == ()
        assert "Provincie" not in {s.name for s in read_session(path).stakeholders}
        assert any("Betrokken partijen" in m or "betrokken partijen" in m
                   for m in notifications(app))


async def test_the_last_party_is_corrected_with_the_caret_at_the_end_after_enter(
    tmp_path: Path, profile: RegionProfile
) -> None:
    parties = (PartyRef(name="Intermaris"), PartyRef(name="Woonschakel"))
    path = session_file(tmp_path, profile, one_action(parties=parties))
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(screen.grid.rows[0].id, "parties")
        await pilot.press("enter")  # Enter edits with the caret at the end: nothing selected
        edit = screen.grid.editing
        assert edit is not None and not edit.replace and edit.cursor == len(edit.text)
        burst(app, [("backspace", None)] * len("Woonschakel") + text_keys("IT-bedrijven")
              + [("enter", "\r")])
        await until(pilot, lambda: screen.grid.editing is None)
        assert [p.name for p in saved_actions(app, path)[0].parties] == [
            "Intermaris", "IT-bedrijven"]


async def test_an_unreadable_planning_and_tab_go_on_to_the_parties(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile, one_action())
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(screen.grid.rows[0].id, "planning")
        slow_down(app)
        burst(app, [*text_keys("kort 2026-2024"), ("tab", "\t"), *text_keys("corporaties;7g"),
                    ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: editor.items(Action)[0].parties)
        (action,) = saved_actions(app, path)
        assert action.planning == Planning(timing="kort 2026-2024")  # kept as typed
        assert len(action.parties) == 10  # the three corporations, then the seven
        assert action.parties[0].name == "Woonschakel"
        lines = [screen.grid.render_line(y).text for y in range(3)]
        assert "⚠" in lines[1]  # marked until fixed
        assert any("eindjaar 2024" in m for m in notifications(app))


async def test_undo_moves_to_the_changed_row_and_says_what_it_undid(
    tmp_path: Path, profile: RegionProfile
) -> None:
    actions = [one_action(f"Actie {n}", position=n) for n in range(60)]
    path = session_file(tmp_path, profile, *actions)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(actions[50].id, "goal")
        await pilot.press("N", "u", "enter", "ctrl+home")
        assert screen.grid.cursor_row == 0
        await pilot.press("ctrl+z")
        assert screen.grid.current_row is not None
        assert screen.grid.current_row.id == actions[50].id
        assert screen.grid.cursor_column.key == "goal"
        assert "Actie 50" in "".join(screen.grid.render_line(y).text for y in range(30))
        assert any(m.startswith("Ongedaan gemaakt: doel van Actie ‘Actie 50’")
                   for m in notifications(app))
        await pilot.press("ctrl+home", "ctrl+y")
        assert screen.grid.current_row is not None
        assert screen.grid.current_row.id == actions[50].id
        assert saved_actions(app, path)[50].goal == "Nu"
        assert any(m.startswith("Opnieuw gedaan") for m in notifications(app))


async def test_ctrl_t_changes_the_filter_once_after_the_digit_and_never_edits_a_cell(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile, one_action(),
                        Action(theme="onderwijs", title="Stages", position=1))
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(screen.grid.rows[0].id, "scale")
        shown: list[str | None] = []
        original = screen._rebuild

        def rebuild() -> None:
            shown.append(screen.theme)
            original()

        screen._rebuild = rebuild  # type: ignore[method-assign]
        slow_down(app)
        burst(app, [("ctrl+t", None), ("3", "3")])
        await until(pilot, lambda: screen.theme == "onderwijs")
        assert shown == ["onderwijs"]  # one change, after the digit
        assert "Kies een thema" not in str(
            screen.query_one("#actions-ambitions", Static).render())
        assert [a.title for a in screen.grid.rows] == ["Stages"]
        assert all(a.scale is None for a in saved_actions(app, path))


async def test_every_typed_character_is_kept_zero_width_joiners_too(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    family, persian = "Gezinnen 👩\u200d👩\u200d👧 thuis", "می\u200cخواهم"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        burst(app, [("ctrl+n", None), *text_keys(family), ("tab", "\t"), *text_keys(persian),
                    ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: any(a.goal for a in editor.items(Action)))
        (action,) = saved_actions(app, path)
        assert (action.title, action.goal) == (family, persian)


async def test_a_title_left_in_the_capture_line_is_kept_when_the_app_quits(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile, one_action())
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test() as pilot:
        await open_actions(app, pilot)
        burst(app, [("ctrl+n", None), *text_keys("Half getypt"), ("ctrl+q", None)])
        await pilot.pause()
    titles = [a.title for a in ordered_actions(read_session(path).actions)]
    assert titles == ["Woningbouwmonitor", "Half getypt"]

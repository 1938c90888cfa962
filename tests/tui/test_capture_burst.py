"""Typing at full speed into a slowed app: every key lands in the field it was typed for.

The keys go into the app's queue all at once (a burst from a fast typist or a paste
into tmux), while a timer blocks the event loop again and again, as CPU load would.
Afterwards every value is read back from the file.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from bench.key_rows import ROWS, STAKEHOLDERS, app_keys, key_name
from pact_tui.model import Action, RegionProfile, Session, SessionMeta, Stakeholder
from pact_tui.model.rules import ordered_actions
from pact_tui.store import create_session, read_session
from pact_tui.tui.app import PactApp
from pact_tui.tui.screens.actions import ActionsScreen

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


async def until(pilot: Pilot[object], condition: object, seconds: float = 120.0) -> None:
    """Wait for `condition()` (polling), failing after `seconds` of a stuck app."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the app did not get there"
        await pilot.pause(0.05)


async def open_grid(app: PactApp, pilot: Pilot[object]) -> ActionsScreen:
    await pilot.pause()
    app.show_phase("acties")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ActionsScreen)
    return screen


def saved_actions(app: PactApp, path: Path) -> list[Action]:
    assert app.editor is not None and app.editor.flush()
    return ordered_actions(read_session(path).actions)


async def test_twenty_two_rows_typed_in_one_burst_into_a_slow_app_are_all_in_the_file(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_file(tmp_path, profile)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_grid(app, pilot)
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
        await open_grid(app, pilot)
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
        screen = await open_grid(app, pilot)
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
        screen = await open_grid(app, pilot)
        slow_down(app)
        burst(app, [("right", None), ("ctrl+e", None), *text_keys(" en meer"), ("ctrl+s", None),
                    ("tab", "\t"), *text_keys("Doel"), ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: any(a.goal for a in editor.items(Action)))
        (action,) = saved_actions(app, path)
        assert (action.title, action.goal) == ("Oud en meer", "Doel")
        assert app.screen is screen

"""The day overview with the real app: breakout files written beside it on disk (as a sync
engine brings them in) show up live, half-written files wait, and `m` merges the day."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pact_tui.merge.day import new_breakout
from pact_tui.model import Action, Laptop, RegionProfile, Session, SessionMeta
from pact_tui.store import read_session, write_session
from pact_tui.tui.app import PactApp
from pact_tui.tui.commands import PactCommands
from pact_tui.tui.day.screen import DayScreen
from pact_tui.tui.modals.form import FormDialog
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.merge import MergeScreen
from pact_tui.tui.screens.phase import PhaseScreen

ANNA = Laptop(id="laptop-anna", name="laptop van Anna")
BRAM = Laptop(id="laptop-bram", name="laptop van Bram")
WIDE = (160, 50)


def programme(profile: RegionProfile, folder: Path) -> Session:
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    session = Session(meta=meta, actions=(
        Action(theme="wonen", title="Regionale woningbouwmonitor"),
        Action(theme="energie", title="Zon op daken van scholen")))
    write_session(folder / "programma.json", session)
    return session


def breakout(folder: Path, source: Session, title: str, laptop: Laptop,
             *actions: Action) -> Session:
    session = new_breakout(source, title, laptop)
    session = session.model_copy(update={"actions": session.actions + actions})
    write_session(folder / f"{title.lower()}.json", session, overwrite=True)
    return session


def rewrite(folder: Path, session: Session, *actions: Action) -> Session:
    """The breakout as its laptop saved it anew, arriving whole (an atomic replace)."""
    session = session.model_copy(update={"actions": session.actions + actions})
    write_session(folder / f"{session.meta.title.lower()}.json", session, overwrite=True)
    return session


def two_breakouts(profile: RegionProfile, folder: Path) -> None:
    """The programme and two breakouts with a new action each: Anna's and Bram's."""
    source = programme(profile, folder)
    breakout(folder, source, "Wonen", ANNA, Action(theme="wonen", title="Tiny houses"))
    breakout(folder, source, "Energie", BRAM,
             Action(theme="energie", title="Warmtenet Hoorn-Noord"))


@pytest.fixture
def on_bram(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACT_TUI_LAPTOP_ID", BRAM.id)
    monkeypatch.setenv("PACT_TUI_LAPTOP_NAME", BRAM.name)


async def test_the_overview_lists_each_breakout_with_its_new_actions(
        profile, sessions_dir, ui, on_bram) -> None:
    two_breakouts(profile, sessions_dir)
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "Warmtenet Hoorn-Noord" in ui.text(app))
        text = ui.text(app)
        assert isinstance(app.screen, DayScreen)
        assert "Pact 7.1" in text and "2 breakouts" in text
        assert "+ Tiny houses · Wonen" in text
        assert "laptop van Anna" in text and "laptop van Bram" in text
        assert text.count("+1 nieuw ~0 gewijzigd −0 weg") == 2


async def test_a_breakout_rewritten_on_disk_shows_the_change(
        profile, sessions_dir, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    wonen = breakout(sessions_dir, source, "Wonen", ANNA)
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "+0 nieuw" in ui.text(app))
        rewrite(sessions_dir, wonen, Action(theme="wonen", title="Flexwoningen voor starters"))
        await ui.wait_until(pilot, lambda: "Flexwoningen voor starters" in ui.text(app),
                            "the rewritten breakout shown")
        assert "+1 nieuw" in ui.text(app)


async def test_a_half_written_file_keeps_its_last_good_version_until_it_is_whole(
        profile, sessions_dir: Path, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    wonen = breakout(sessions_dir, source, "Wonen", ANNA,
                     Action(theme="wonen", title="Tiny houses"))
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "Tiny houses" in ui.text(app))
        newer = wonen.model_copy(update={"actions": (
            *wonen.actions, Action(theme="wonen", title="Flexwoningen voor starters"))})
        elsewhere = sessions_dir.parent / "elders.json"  # the other laptop's copy
        write_session(elsewhere, newer)
        whole = elsewhere.read_bytes()
        path = sessions_dir / "wonen.json"
        with path.open("wb") as file:  # a sync engine writing in place: half of it so far
            file.write(whole[: len(whole) // 2])
        await ui.wait_until(pilot, lambda: "wordt nog gesynchroniseerd" in ui.text(app))
        text = ui.text(app)
        assert "Tiny houses" in text and "Flexwoningen" not in text
        assert "ongeldig" not in text and "onleesbaar" not in text
        with path.open("ab") as file:  # the rest arrives
            file.write(whole[len(whole) // 2:])
        await ui.wait_until(pilot, lambda: "Flexwoningen voor starters" in ui.text(app),
                            "the completed file read")
        assert "wordt nog gesynchroniseerd" not in ui.text(app)


async def test_duplicates_across_two_breakouts_are_flagged(
        profile, sessions_dir, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    breakout(sessions_dir, source, "Wonen", ANNA,
             Action(theme="energie", title="Meer laadpalen plaatsen in Hoorn"))
    breakout(sessions_dir, source, "Energie", BRAM,
             Action(theme="energie", title="Meer laadpalen bijplaatsen in Hoorn"),
             Action(theme="energie", title="Warmtenet Hoorn-Noord"))
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "lijkt op" in ui.text(app)
                            and "⚑ 1 dubbel" in ui.text(app), "the duplicate flagged")
        text = ui.text(app)
        assert "⚑ Meer laadpalen plaatsen in Hoorn" in text
        assert "⚑ Meer laadpalen bijplaatsen in Hoorn" in text
        assert "+ Warmtenet Hoorn-Noord" in text  # no duplicate: its own sign
        assert text.count("⚑ 1 dubbel") == 2


async def _titled(pilot: Pilot[int], app: PactApp, key: str, title: str) -> FormDialog:
    """`key` opens the form that asks a title; the title typed in, not yet sent."""
    await pilot.press(key)
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    dialog.query_one("#field-title", Input).value = title
    return dialog


async def test_m_merges_the_day_into_the_programme_file(
        profile, sessions_dir, ui, on_bram) -> None:
    two_breakouts(profile, sessions_dir)
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "Warmtenet Hoorn-Noord" in ui.text(app))
        await pilot.press("m")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, MergeScreen)
                            and app.screen.pane == "report", "the merge report")
        dialog = await _titled(pilot, app, "w", "Pact 7.2")
        assert not dialog.query("#field-file")  # the programme's own file: no name asked
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, DayScreen)
                            and ui.text(app).count("✓ samengevoegd in het programma") == 2,
                            "back on the day, the breakouts marked as merged")
    merged = read_session(sessions_dir / "programma.json")
    assert merged.meta.title == "Pact 7.2"
    assert {a.title for a in merged.actions} == {
        "Regionale woningbouwmonitor", "Zon op daken van scholen", "Tiny houses",
        "Warmtenet Hoorn-Noord"}
    assert list((sessions_dir / ".backups").glob("programma.*.json"))  # the old one kept


async def test_a_breakout_of_another_laptop_opens_read_only_saying_whose_it_is(
        profile, sessions_dir, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    breakout(sessions_dir, source, "Wonen", ANNA, Action(theme="wonen", title="Tiny houses"))
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "Tiny houses" in ui.text(app))
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PhaseScreen), "the editor")
        assert app.editor is not None and app.editor.read_only
        assert ("Alleen-lezen: het wordt bijgehouden op laptop van Anna, en alleen die laptop "
                "schrijft erin.") in ui.text(app)
        await pilot.press("ctrl+o")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, DayScreen), "back on the day")


async def test_n_makes_a_breakout_on_this_laptop_and_opens_it_for_editing(
        profile, sessions_dir, ui, on_bram) -> None:
    programme(profile, sessions_dir)
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "Pact 7.1" in ui.text(app))
        await _titled(pilot, app, "n", "Zorg")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PhaseScreen), "the editor")
        assert app.editor is not None and not app.editor.read_only
        assert app.editor.meta.laptop == BRAM
    made = [path for path in sessions_dir.glob("*.json") if path.name != "programma.json"]
    assert [read_session(path).meta.title for path in made] == ["Zorg"]
    assert json.loads(made[0].read_text("utf-8"))["meta"]["1"]["laptop"]["id"] == BRAM.id


async def test_a_sync_conflict_copy_shows_under_its_breakout_not_as_one(
        profile, sessions_dir: Path, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    wonen = breakout(sessions_dir, source, "Wonen", ANNA,
                     Action(theme="wonen", title="Tiny houses"))
    copy = "wonen.sync-conflict-20261204-143012-ABCDEF7.json"
    write_session(sessions_dir / copy, wonen.model_copy(update={"actions": (
        *wonen.actions, Action(theme="wonen", title="Flexwoningen op de andere laptop"))}))
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "Tiny houses" in ui.text(app))
        text = ui.text(app)
        assert f"↳ conflictkopie {copy}, wordt samengevoegd" in text
        assert "1 breakout " in text  # the copy is no second Wonen
        assert "Flexwoningen op de andere laptop" not in text


async def test_the_laptop_that_keeps_a_breakout_merges_its_copy_where_nothing_needs_deciding(
        profile, sessions_dir: Path, ui, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACT_TUI_LAPTOP_ID", ANNA.id)
    source = programme(profile, sessions_dir)
    wonen = breakout(sessions_dir, source, "Wonen", ANNA,
                     Action(theme="wonen", title="Tiny houses"))
    energie = breakout(sessions_dir, source, "Energie", ANNA)
    clean = "wonen.sync-conflict-20261204-143012-ABCDEF7.json"
    write_session(sessions_dir / clean, wonen.model_copy(update={"actions": (
        *wonen.actions, Action(theme="wonen", title="Flexwoningen op de andere laptop"))}))
    # Both copies changed the programme's solar action, each in its own way: a real conflict.
    [sun] = [action for action in energie.actions if action.theme == "energie"]

    def aiming_at(goal: str) -> Session:
        return energie.model_copy(update={"actions": tuple(
            action.edited(goal=goal) if action.id == sun.id else action
            for action in energie.actions)})

    rewrite(sessions_dir, aiming_at("Twintig scholen"))
    torn = "energie-LAPTOP-ANNA.json"
    write_session(sessions_dir / torn, aiming_at("Dertig scholen"))
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "Flexwoningen op de andere laptop" in ui.text(app))
        await ui.wait_until(pilot, lambda: "1 conflict, te beslissen" in ui.text(app))
        assert not (sessions_dir / clean).exists()
        assert (sessions_dir / torn).exists()
    titles = {action.title for action in read_session(sessions_dir / "wonen.json").actions}
    assert {"Tiny houses", "Flexwoningen op de andere laptop"} <= titles


async def test_o_takes_a_breakout_over_after_a_confirmation(
        profile, sessions_dir: Path, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    breakout(sessions_dir, source, "Wonen", ANNA, Action(theme="wonen", title="Tiny houses"))
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "laptop van Anna" in ui.text(app))
        await pilot.press("o")
        await ui.wait_until(pilot, lambda: "‘Wonen’ overnemen op deze laptop?" in ui.text(app),
                            "the question")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # "nee" is what Enter confirms
        await pilot.pause()
        assert read_session(sessions_dir / "wonen.json").meta.laptop == ANNA
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("1", "enter")  # "ja, overnemen"
        await ui.wait_until(pilot, lambda: "laptop van Bram" in ui.text(app),
                            "the card naming this laptop")
    assert read_session(sessions_dir / "wonen.json").meta.laptop == BRAM


async def test_the_palette_opens_the_day_of_the_sessions_folder_and_esc_goes_home(
        profile, sessions_dir: Path, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    breakout(sessions_dir, source, "Wonen", ANNA, Action(theme="wonen", title="Tiny houses"))
    app = ui.app(None)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        titles = [str(hit.text) async for hit in PactCommands(app.screen).discover()]
        assert "Dag: deze map live overzien" in titles
        app.action_day()
        await ui.wait_until(pilot, lambda: "Tiny houses" in ui.text(app), "the day")
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")


async def test_a_breakout_written_by_another_process_shows(
        profile, sessions_dir: Path, ui, on_bram) -> None:
    source = programme(profile, sessions_dir)
    breakout(sessions_dir, source, "Wonen", ANNA)
    app = ui.app(None, day=sessions_dir)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_until(pilot, lambda: "+0 nieuw" in ui.text(app))
        writer = (
            "import sys; from pathlib import Path\n"
            "from pact_tui.model import Action\n"
            "from pact_tui.store import read_session, write_session\n"
            "path = Path(sys.argv[1]); session = read_session(path)\n"
            "session = session.model_copy(update={'actions': (*session.actions,"
            " Action(theme='wonen', title='Van de andere laptop'))})\n"
            "write_session(path, session, overwrite=True)\n")
        done = await asyncio.to_thread(subprocess.run, [sys.executable, "-c", writer,
                                                        str(sessions_dir / "wonen.json")],
                                       capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        await ui.wait_until(pilot, lambda: "+ Van de andere laptop" in ui.text(app),
                            "the other process's edit shown")

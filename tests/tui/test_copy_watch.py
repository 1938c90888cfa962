"""A sync engine's conflict copy dropped beside the open file is merged in while the app runs."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from pact_tui.model import Action
from pact_tui.store import SessionFile, read_session
from pact_tui.store.backups import backups_of
from pact_tui.tui.app import PactApp
from pact_tui.tui.screens.copy_conflicts import CopyConflictsScreen

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tests.tui.conftest import MakeSession, Ui


def _copy_edited_elsewhere(file: Path, tmp_path: Path, *, goal: str | None = None,
                           new: str | None = None) -> bytes:
    """The file as another laptop has it after its own edits (not yet beside the file)."""
    elsewhere = tmp_path / "andere-laptop"
    elsewhere.mkdir(exist_ok=True)
    theirs = elsewhere / file.name
    shutil.copyfile(file, theirs)
    with SessionFile.open(theirs) as other:
        if goal is not None:
            other.update(other.list(Action)[0].edited(goal=goal))
        if new is not None:
            other.add(Action(theme="wonen", title=new))
    return theirs.read_bytes()


def _titles(app: PactApp) -> list[str]:
    assert app.editor is not None
    return sorted(action.title for action in app.editor.actions())


def _aimed_at_300_elsewhere(make_session: MakeSession, tmp_path: Path) -> tuple[Path, bytes]:
    """A breakout building 100 homes, and its copy that another laptop changed to 300."""
    path = make_session("breakout.json",
                        actions=(Action(theme="wonen", title="Bouwen", goal="100 woningen"),))
    return path, _copy_edited_elsewhere(path, tmp_path, goal="300 woningen")


async def _typed_200_then_copy_arrives(pilot: Pilot[int], app: PactApp, ui: Ui, copy: Path,
                                       theirs: bytes) -> None:
    """This laptop types 200 homes, then the copy aiming at 300 arrives: the decision screen."""
    assert app.editor is not None
    app.editor.update(app.editor.actions()[0], goal="200 woningen")
    copy.write_bytes(theirs)
    await ui.wait_until(pilot, lambda: isinstance(app.screen, CopyConflictsScreen),
                        "the decision screen")


async def test_a_copy_dropped_next_to_the_open_file_is_merged_while_the_app_runs(
    make_session: MakeSession, sessions_dir: Path, tmp_path: Path, ui: Ui
) -> None:
    path = make_session("breakout.json", actions=(Action(theme="wonen", title="Bouwen"),))
    theirs = _copy_edited_elsewhere(path, tmp_path, new="Tiny houses bij het station")
    copy = sessions_dir / "breakout.sync-conflict-20261204-143012-ABCDEF7.json"
    app = ui.app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.editor is not None
        app.editor.update(app.editor.actions()[0], goal="Hier getypt")
        copy.write_bytes(theirs)
        await ui.wait_until(pilot, lambda: "Tiny houses bij het station" in _titles(app),
                            "the copy's new action in the open session")
        await ui.wait_until(pilot, lambda: "Tiny houses bij het station" in ui.text(app),
                            "the merged action on screen")
        await ui.wait_until(pilot, lambda: not copy.exists(), "the copy removed")
        await ui.wait_until(pilot, lambda: any(
            copy.name in str(n.message) and "1 onderdeel nieuw" in str(n.message)
            for n in app._notifications), "the notification naming the copy and what came in")
        assert not isinstance(app.screen, CopyConflictsScreen)
    saved = read_session(path)
    assert sorted(a.title for a in saved.actions) == ["Bouwen", "Tiny houses bij het station"]
    assert next(a for a in saved.actions if a.title == "Bouwen").goal == "Hier getypt"
    assert theirs in [backup.read_bytes() for backup in backups_of(path)]


async def test_a_real_conflict_is_decided_on_its_screen_and_the_choice_is_kept(
    make_session: MakeSession, sessions_dir: Path, tmp_path: Path, ui: Ui
) -> None:
    path, theirs = _aimed_at_300_elsewhere(make_session, tmp_path)
    copy = sessions_dir / "breakout-LAPTOP-ANNA.json"
    app = ui.app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await _typed_200_then_copy_arrives(pilot, app, ui, copy, theirs)
        assert app.editor is not None
        await ui.wait_until(pilot, lambda: any(
            copy.name in str(n.message) and "1 conflict te beslissen" in str(n.message)
            for n in app._notifications), "the notification naming the copy and its conflict")
        await ui.wait_until(pilot, lambda: "300 woningen" in ui.text(app), "the copy's value")
        text = ui.text(app)
        assert "100 woningen" in text and "200 woningen" in text and "300 woningen" in text
        assert "deze laptop" in text and copy.name in text
        # Undecided, this laptop's value stands and the copy's is in the item's history.
        action = app.editor.actions()[0]
        assert action.goal == "200 woningen"
        assert any(past.content and past.content.get("goal") == "300 woningen"
                   for past in action.history)
        await pilot.press("2")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, CopyConflictsScreen),
                            "the decision screen closed after the last conflict")
        assert app.editor.actions()[0].goal == "300 woningen"
        assert app.editor.flush()
    assert read_session(path).actions[0].goal == "300 woningen"


async def test_a_copy_still_being_written_waits_and_is_merged_once_whole(
    make_session: MakeSession, sessions_dir: Path, tmp_path: Path, ui: Ui
) -> None:
    path = make_session("breakout.json", actions=(Action(theme="wonen", title="Bouwen"),))
    theirs = _copy_edited_elsewhere(path, tmp_path, new="Laadpalen")
    copy = sessions_dir / "breakout (conflicted copy 2026-12-04 143012).json"
    app = ui.app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        copy.write_bytes(theirs[:len(theirs) // 2])  # the sync engine writes it in place
        app.copies.check()
        await app.workers.wait_for_complete()
        assert copy.exists() and "Laadpalen" not in _titles(app)
        assert not any("kan niet" in str(n.message) for n in app._notifications)
        copy.write_bytes(theirs)
        await ui.wait_until(pilot, lambda: "Laadpalen" in _titles(app), "the whole copy merged")
        await ui.wait_until(pilot, lambda: not copy.exists(), "the copy removed")


async def test_an_action_deleted_here_but_changed_in_the_copy_can_be_brought_back(
    make_session: MakeSession, sessions_dir: Path, tmp_path: Path, ui: Ui
) -> None:
    path, theirs = _aimed_at_300_elsewhere(make_session, tmp_path)
    copy = sessions_dir / "breakout-LAPTOP-ANNA.json"
    app = ui.app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.editor is not None
        app.editor.delete(app.editor.actions()[0])
        copy.write_bytes(theirs)
        await ui.wait_until(pilot, lambda: "verwijderd op deze laptop" in ui.text(app),
                            "the deletion named as this laptop's")
        assert "Versie 1 — conflictkopie" in ui.text(app)
        assert app.editor.actions() == []  # undecided, the deletion stands
        await pilot.press("1")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, CopyConflictsScreen),
                            "the decision screen closed")
        assert [a.goal for a in app.editor.actions()] == ["300 woningen"]
        assert app.editor.flush()
    assert [a.goal for a in read_session(path).actions] == ["300 woningen"]


async def test_conflicts_left_for_later_keep_both_values_and_come_back_from_the_palette(
    make_session: MakeSession, sessions_dir: Path, tmp_path: Path, ui: Ui
) -> None:
    path, theirs = _aimed_at_300_elsewhere(make_session, tmp_path)
    copy = sessions_dir / "breakout.sync-conflict-20261204-143012-ABCDEF7.json"
    app = ui.app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _typed_200_then_copy_arrives(pilot, app, ui, copy, theirs)
        assert app.editor is not None
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, CopyConflictsScreen),
                            "the decision screen left")
        await ui.wait_until(pilot, lambda: not copy.exists(), "the copy removed")
        assert app.editor.flush()
        kept = read_session(path).actions[0]
        assert kept.goal == "200 woningen"
        assert any(past.content and past.content.get("goal") == "300 woningen"
                   for past in kept.history)
        await pilot.press("ctrl+p")
        await ui.type(pilot, "conflictkopie")
        await ui.wait_until(pilot, lambda: "Conflicten uit conflictkopie beslissen"
                            in ui.text(app), "the palette's command")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CopyConflictsScreen),
                            "the decision screen again")
        await pilot.press("2")
        await ui.wait_until(pilot, lambda: app.editor is not None and
                            app.editor.actions()[0].goal == "300 woningen", "the copy's value")
        assert not app.copies.waiting()

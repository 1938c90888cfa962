"""In the room nothing may crash or be lost: locked files, bad files, resizes, failing saves."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot

from pact_tui.model import Action, Item, Stakeholder
from pact_tui.store import SessionFile, read_session
from pact_tui.store.rescue import find_rescue, rescue_path, write_rescue
from pact_tui.tui.modals.rescue import RescueModal
from pact_tui.tui.modals.unsaved import UnsavedModal
from pact_tui.tui.screens.error import ErrorScreen
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.widgets.grid import EditGrid

if TYPE_CHECKING:
    from pact_tui.tui.app import PactApp
    from tests.tui.conftest import MakeSession, Ui


async def test_a_file_open_elsewhere_opens_read_only_with_a_banner(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(stakeholders=(Stakeholder(name="Intermaris"),))
    with SessionFile.open(path) as other:  # another program holds the lock
        assert not other.read_only
        app = ui.app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            app.show_phase("stakeholders")
            await pilot.pause()
            text = ui.text(app)
            assert "Alleen-lezen" in text and "alleen-lezen" in text.splitlines()[0]
            await pilot.press("ctrl+n")  # adding is switched off
            await ui.type(pilot, "Nieuw")
            await pilot.press("enter")
            await pilot.press("ctrl+w", "n")  # and so is a new status note
            await pilot.pause()
            assert isinstance(app.screen, PhaseScreen)
            assert app.screen.PHASE == "stakeholders"  # no form opened
            app.show_phase("sessie")
            await pilot.pause()
            assert app.screen.query_one("#meta-title").disabled
            assert app.editor is not None and app.editor.read_only
    assert [s.name for s in read_session(path).stakeholders] == ["Intermaris"]


async def test_a_corrupted_file_shows_the_error_screen_with_its_backup(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(actions=(Action(theme="wonen", title="Bouwen"),))
    with SessionFile.open(path) as file:  # a first write makes a backup
        file.add(Action(theme="wonen", title="Nog een"))
    data = json.loads(path.read_text("utf-8"))
    for document in data["actions"].values():
        document["theme"] = ""  # an invalid item: the file no longer opens
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        text = ui.text(app)
        assert "Dit bestand kan niet worden geopend" in text
        assert app.screen.backup is not None and app.screen.backup.exists()
        assert "reservekopie" in text and "Traceback" not in text
        await pilot.press("enter")  # to the home screen, where the file is listed as bad
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert path.read_bytes() == before  # never written to


async def test_resizing_mid_edit_keeps_what_was_typed(make_session: MakeSession, ui: Ui) -> None:
    path = make_session(actions=(Action(theme="wonen", title="Bouwen"),))
    app = ui.app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.show_phase("acties")
        await pilot.pause()
        grid = app.screen.query_one(EditGrid)
        grid.move_to(read_session(path).actions[0].id, "goal")
        await ui.type(pilot, "Duizend")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await ui.type(pilot, " per jaar")
        await pilot.resize_terminal(100, 30)
        await pilot.press("enter")
        await pilot.pause()
        assert app.editor is not None and app.editor.flush()
    assert read_session(path).actions[0].goal == "Duizend per jaar"


async def test_a_failing_save_is_a_notification_and_the_change_is_kept(
    make_session: MakeSession, ui: Ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pact_tui.editor.session_editor.RETRY_SECONDS", 0.05)
    path = make_session()
    app = ui.app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        assert app.editor is not None
        file = app.editor.file
        real_add = file.add
        disk_full = [True]

        def failing_add(item: Item) -> Item:
            if disk_full[0]:
                raise OSError(28, "No space left on device")
            return real_add(item)

        monkeypatch.setattr(file, "add", failing_add)
        await pilot.press("ctrl+n")
        await ui.type(pilot, "Intermaris")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: "No space left on device" in toasts(app))
        assert isinstance(app.screen, PhaseScreen)  # still running
        assert "Opslaan mislukt" in toasts(app)
        assert "niet opgeslagen" in ui.text(app).splitlines()[0]
        assert "Intermaris" in ui.text(app)  # the change is there, waiting for the disk
        disk_full[0] = False
        assert app.editor.flush(5)  # retried until it is on disk
        await pilot.pause()
        assert "niet opgeslagen" not in ui.text(app).splitlines()[0]
    assert [s.name for s in read_session(path).stakeholders] == ["Intermaris"]


def fill_the_disk_of(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """From now on no file can be made in `folder` (what a full disk does); the flag ends it.

    Only `folder` fails: the user's state folder, where rescue copies go, stays writable.
    """
    real_open = os.open
    full = [True]

    def open_on_a_full_disk(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if full[0] and flags & os.O_CREAT and folder in Path(os.fsdecode(path)).parents:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_on_a_full_disk)
    return full


async def add_stakeholder(pilot: Pilot[Any], ui: Ui, name: str) -> None:
    await pilot.press("ctrl+n")
    await ui.type(pilot, name)
    await pilot.press("enter")


async def test_closing_on_a_full_disk_asks_and_a_copy_saved_elsewhere_is_a_valid_file(
    make_session: MakeSession, ui: Ui, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = make_session(stakeholders=(Stakeholder(name="Intermaris"),))
    before = path.read_bytes()
    copy = tmp_path / "elders" / "kopie.json"
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        editor = app.editor
        assert editor is not None
        fill_the_disk_of(path.parent, monkeypatch)
        await add_stakeholder(pilot, ui, "Woonschakel")
        await ui.wait_until(pilot, lambda: editor.rescue is not None)
        # The edit is in the rescue copy in the state folder, and still on screen.
        assert [s.name for s in read_session(rescue_path(path)).stakeholders] == [
            "Intermaris", "Woonschakel"]
        assert "Woonschakel" in ui.text(app)
        await pilot.press("ctrl+o")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, UnsavedModal))
        text = ui.text(app)
        assert "Stakeholder ‘Woonschakel’ toegevoegd" in text
        assert "No space left on device" in text and "reddingskopie" in text
        await pilot.press("escape")  # back to the session: nothing closed, nothing lost
        await pilot.pause()
        assert isinstance(app.screen, PhaseScreen) and app.editor is editor
        await pilot.press("ctrl+o")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, UnsavedModal))
        await pilot.press("k", "ctrl+u")
        await ui.type(pilot, str(copy))
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Traceback" not in ui.text(app)
    assert path.read_bytes() == before  # the full disk kept the old file, whole
    assert [s.name for s in read_session(copy).stakeholders] == ["Intermaris", "Woonschakel"]
    checked = subprocess.run([sys.executable, "-m", "pact_tui", "check", str(copy)],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    assert not rescue_path(path).exists()  # the copy holds it all now


async def test_quitting_on_a_full_disk_lists_what_is_not_saved_and_keeps_the_rescue_copy(
    make_session: MakeSession, ui: Ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_session(stakeholders=(Stakeholder(name="Intermaris"),))
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        editor = app.editor
        assert editor is not None
        fill_the_disk_of(path.parent, monkeypatch)
        await add_stakeholder(pilot, ui, "Woonschakel")
        await add_stakeholder(pilot, ui, "Omring")
        await ui.wait_until(pilot, lambda: editor.rescue is not None)
        await pilot.press("ctrl+q")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, UnsavedModal))
        text = ui.text(app)
        assert "Stakeholder ‘Woonschakel’ toegevoegd" in text
        assert "Stakeholder ‘Omring’ toegevoegd" in text
        assert "v afsluiten zonder opslaan" in text
        await pilot.press("v")
        await ui.wait_until(pilot, lambda: app.return_code is not None)
    assert app.rescued == rescue_path(path)
    assert [s.name for s in read_session(app.rescued).stakeholders] == [
        "Intermaris", "Woonschakel", "Omring"]
    assert [s.name for s in read_session(path).stakeholders] == ["Intermaris"]
    assert find_rescue(path) == app.rescued  # the home screen can offer it back


async def test_retry_after_the_disk_has_room_again_saves_and_closes(
    make_session: MakeSession, ui: Ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_session()
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        editor = app.editor
        assert editor is not None
        full = fill_the_disk_of(path.parent, monkeypatch)
        await add_stakeholder(pilot, ui, "Woonschakel")
        await ui.wait_until(pilot, lambda: editor.rescue is not None)
        await pilot.press("ctrl+o")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, UnsavedModal))
        await pilot.press("r")  # still full: it says so and stays
        await ui.wait_until(pilot, lambda: "Lukt nog niet" in ui.text(app))
        full[0] = False  # room again
        await pilot.press("r")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert [s.name for s in read_session(path).stakeholders] == ["Woonschakel"]
    assert not rescue_path(path).exists()
    assert app.rescued is None


WRITER = Path(__file__).parent.parent / "store" / "writer.py"


def toasts(app: PactApp) -> str:
    """The notifications on screen, as one line of text."""
    return " ".join(" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
async def test_a_read_only_window_becomes_writable_when_the_holder_is_killed(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(stakeholders=(Stakeholder(name="Intermaris"),))
    holder = subprocess.Popen([sys.executable, str(WRITER), "hold", str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        app = ui.app(path)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            app.show_phase("stakeholders")
            await pilot.pause()
            text = ui.text(app)
            assert f"proces {holder.pid}" in text and "Zodra dat programma het sluit" in text
            assert "F9" in text  # the key to look again is in the footer
            await pilot.press("f9")  # still held: it says so and stays read-only
            await ui.wait_until(pilot, lambda: "heeft het bestand nog open" in toasts(app))
            assert app.editor is not None and app.editor.read_only
            os.kill(holder.pid, signal.SIGKILL)
            holder.wait()
            await ui.wait_until(pilot, lambda: app.editor is not None
                                and not app.editor.read_only)
            await ui.wait_until(pilot, lambda: isinstance(app.screen, PhaseScreen)
                                and app.screen.PHASE == "stakeholders")
            await ui.wait_until(pilot, lambda: "opnieuw geladen" in toasts(app))
            app.clear_notifications()  # the earlier "still read-only" toast may linger
            await ui.wait_until(pilot, lambda: not toasts(app))
            text = ui.text(app)
            assert "Alleen-lezen" not in text and "alleen-lezen" not in text
            await add_stakeholder(pilot, ui, "Woonschakel")
            assert app.editor.flush()
    finally:
        if holder.poll() is None:
            os.kill(holder.pid, signal.SIGKILL)
            holder.wait()
    assert [s.name for s in read_session(path).stakeholders] == ["Intermaris", "Woonschakel"]


async def test_a_read_only_folder_says_so_and_never_asks_to_close_it_elsewhere(
    make_session: MakeSession, ui: Ui, read_only_folder: Callable[[Path], None]
) -> None:
    path = make_session()
    read_only_folder(path.parent)
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        text = " ".join(ui.text(app).split())
        assert f"de map {path.parent} kan niet worden beschreven" in text
        assert "Sluit het daar" not in text and "Zodra dat programma" not in text
        assert "heeft het open" not in text


async def test_opening_a_session_with_a_rescue_copy_offers_it_back(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(stakeholders=(Stakeholder(name="Intermaris"),))
    typed = read_session(path)
    typed = typed.model_copy(update={"stakeholders": (*typed.stakeholders,
                                                      Stakeholder(name="Woonschakel"))})
    rescue = write_rescue(path, typed)  # what a failing disk left behind
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_until(pilot, lambda: "reddingskopie" in ui.text(app))  # marked at home
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, RescueModal))
        await ui.wait_until(pilot, lambda: "t terugzetten" in ui.text(app))
        assert "Er is een reddingskopie van" in ui.text(app)
        await pilot.press("t")  # restore
        await ui.wait_until(pilot, lambda: app.editor is not None)
        assert app.editor is not None
        assert [s.name for s in app.editor.items(Stakeholder)] == ["Intermaris", "Woonschakel"]
    assert [s.name for s in read_session(path).stakeholders] == ["Intermaris", "Woonschakel"]
    assert not rescue.exists() and find_rescue(path) is None
    backups = list((path.parent / ".backups").glob("*"))
    assert backups  # the version it replaced is kept

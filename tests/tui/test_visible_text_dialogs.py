"""Escape codes from a file show as symbols in the app's dialogs, banners and error screen.

What the terminal would draw is read back from the rendered screen: it must hold the
symbol (␛, ␇), never the control character itself. The files stay as they were.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from pact_tui.merge import start_session_from
from pact_tui.model import Action, Commitment, PartyRef, RegionProfile, Session, SessionMeta
from pact_tui.store import SessionFile, read_session, write_session
from pact_tui.store.lock import info_path
from pact_tui.tui.modals.form import FormDialog
from pact_tui.tui.modals.long_text import LongTextModal
from pact_tui.tui.screens.error import ErrorScreen
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.merge import MergeScreen

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui

RETITLE = "\x1b]2;pwned\x07"
RED = "\x1b[31m"


def _clean(text: str) -> str:
    assert "\x1b" not in text and "\x07" not in text, text
    return text


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _breakouts(profile: RegionProfile, folder: Path, disputed: tuple[str, ...]) -> None:
    """A programme and two sessions from it that change the same fields of one action."""
    build = Action(theme="wonen", title=f"Bouwen {RED}rood", goal="500", notes="")
    meta = SessionMeta(profile=profile, title="Pact", kind="programme", date=dt.date(2026, 1, 10))
    programme = Session(meta=meta, actions=(build,))
    write_session(folder / "programma.json", programme)
    for name, value in (("noord", f"600 {RETITLE}"), ("zuid", f"700 {RED}woningen")):
        session = start_session_from(programme, f"Groep {name} {RETITLE}", dt.date(2026, 2, 1))
        edited = session.actions[0].edited(**dict.fromkeys(disputed, value))
        write_session(folder / f"{name}.json", session.model_copy(update={"actions": (edited,)}))


async def _merged(app: App[Any], pilot: Pilot[Any]) -> None:
    """The merge screen's report of the two ticked sessions."""
    await _settle(pilot)
    await pilot.press("m")
    await _settle(pilot)
    assert isinstance(app.screen, MergeScreen)
    await pilot.press("m")
    await _settle(pilot)


@pytest.mark.parametrize("disputed", [("goal",), ("goal", "notes")])
async def test_the_merge_conflict_editor_shows_escape_codes_as_symbols(
    profile: RegionProfile, sessions_dir: Path, ui: Ui, disputed: tuple[str, ...]
) -> None:
    """One disputed text opens the roomy editor, more open the form; both show symbols."""
    _breakouts(profile, sessions_dir, disputed)
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _merged(app, pilot)
        await pilot.press("c", "e", "enter")  # edit, starting from the newest version
        dialog = LongTextModal if len(disputed) == 1 else FormDialog
        await ui.wait_until(pilot, lambda: isinstance(app.screen, dialog))
        text = _clean(ui.text(app))
        assert "Bouwen ␛[31mrood" in text  # the item in the dialog's title
        assert "␛]2;pwned␇" in text or "␛[31mwoningen" in text  # the newest version's text


async def test_the_report_the_merge_screen_writes_holds_no_escape_codes(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    _breakouts(profile, sessions_dir, ("goal",))
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _merged(app, pilot)
        await pilot.press("c", "1")  # keep the first version: the last decision
        await ui.wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press("enter")  # the programme's title and file name as offered
        await _settle(pilot)
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
    [report] = sessions_dir.glob("*-verslag.md")
    text = _clean(report.read_text("utf-8"))
    assert "Bouwen ␛[31mrood" in text and "Groep noord ␛]2;pwned␇" in text


async def test_the_commitment_form_shows_escape_codes_as_symbols_and_keeps_the_name(
    make_session: MakeSession, ui: Ui
) -> None:
    name = f"Intermaris {RETITLE}"
    action = Action(theme="wonen", title=f"Bouwen {RED}rood", lead=PartyRef(name=name))
    promise = Commitment(action_id=action.id, party=PartyRef(name=name), role="trekker",
                         text=f"Levert {RED}grond")
    path = make_session(actions=(action,), commitments=(promise,))
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_phase("partners")
        await pilot.pause()
        await pilot.press("enter", "e")  # edit the first commitment of the first action
        await ui.wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        text = _clean(ui.text(app))
        assert "Bouwen ␛[31mrood" in text  # the form's title names the action
        assert "Intermaris ␛]2;pwned␇" in text and "Levert ␛[31mgrond" in text
        await pilot.press("enter")  # saved as shown: the stored name is not the symbols
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, FormDialog))
        assert app.editor is not None and app.editor.flush()
    stored = read_session(path).commitments[0]
    assert (stored.party.name, stored.text) == (name, f"Levert {RED}grond")


async def test_a_new_session_from_a_programme_names_it_with_symbols(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    meta = SessionMeta(profile=profile, title=f"Programma {RETITLE}", kind="programme")
    write_session(sessions_dir / "programma.json", Session(meta=meta))
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HomeScreen)
                            and "Programma" in ui.text(app))
        await pilot.press("p")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        assert "Programma ␛]2;pwned␇" in _clean(ui.text(app))


async def test_the_read_only_banner_shows_the_lock_holder_with_symbols(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(actions=(Action(theme="wonen", title="Bouwen"),))
    with SessionFile.open(path):  # another program holds the lock and says who it is
        info_path(path).write_text(json.dumps(
            {"host": f"laptop {RETITLE}", "pid": 42, "since": f"gisteren {RED}"}), "utf-8")
        app = ui.app(path)
        async with app.run_test(size=(120, 30)) as pilot:
            app.show_phase("stakeholders")
            await ui.wait_until(pilot, lambda: "laptop" in ui.text(app))
            text = _clean(ui.text(app))
            assert "laptop ␛]2;pwned␇" in text and "gisteren ␛[31m" in text


async def test_the_error_screen_names_the_file_and_the_item_with_symbols(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(actions=(Action(theme="wonen", title=f"Bouwen {RED}rood"),))
    broken = path.with_name(f"kapot {RETITLE}.json")
    broken.write_bytes(path.read_bytes().replace(b'"theme": "wonen"', b'"theme": "nergens"'))
    before = broken.read_bytes()
    app = ui.app(broken)
    async with app.run_test(size=(120, 30)) as pilot:
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ErrorScreen)
                            and "Bouwen" in ui.text(app))
        text = _clean(ui.text(app))
        assert "␛]2;pwned␇.json" in text  # the file name (the long path wraps before it)
        assert "Bouwen ␛[31mrood" in text
    assert broken.read_bytes() == before

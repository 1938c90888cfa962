"""The command palette offers the phases, export, new session, merge and the screen's own keys;
every phase is reachable by its F-key."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from textual.command import CommandPalette

from pact_tui.model import Action, Challenge
from pact_tui.store import SessionFile
from pact_tui.tui.commands import PactCommands
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.phase import PhaseScreen

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui


async def test_f1_to_f6_show_each_phase(make_session: MakeSession, ui: Ui) -> None:
    app = ui.app(make_session())
    async with app.run_test() as pilot:
        shown = []
        for key in ("f1", "f2", "f3", "f4", "f5", "f6", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, PhaseScreen)
            shown.append(app.screen.PHASE)
    assert shown == ["sessie", "stakeholders", "opgaven", "acties", "partners", "overzicht",
                     "sessie"]


async def test_the_palette_lists_session_commands_and_the_screens_keys(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(challenges=(Challenge(title="Opgave", themes=("wonen",)),))
    app = ui.app(path)
    async with app.run_test() as pilot:
        app.show_phase("opgaven")
        await pilot.pause()
        provider = PactCommands(app.screen)
        titles = [str(hit.text) async for hit in provider.discover()]
        assert "Ga naar Partners" in titles
        assert "Exporteren naar Word" in titles
        assert "Nieuwe sessie" in titles and "Samenvoegen" in titles
        assert "Timer starten of pauzeren" in titles and "Ongedaan maken" in titles
        assert "toevoegen" in titles and "ander deel" in titles  # the screen's own keys


async def test_choosing_a_phase_in_the_palette_goes_there(
    make_session: MakeSession, ui: Ui
) -> None:
    app = ui.app(make_session(actions=(Action(theme="wonen", title="Bouwen"),)))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await ui.type(pilot, "ga naar overzicht")
        # The palette searches in a worker: Enter once the command is listed.
        await ui.wait_until(pilot, lambda: "Ga naar Overzicht" in ui.text(app))
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PhaseScreen)
                            and app.screen.name == "overzicht")


async def test_closing_the_session_returns_home_and_frees_the_file(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session()
    app = ui.app(path)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.editor is None
    with SessionFile.open(path) as again:  # the lock was released
        assert not again.read_only


ENGLISH_RUN = """
import asyncio, sys
from pathlib import Path
from pact_tui.i18n import set_language
set_language("en")  # as `pact-tui --lang en` does, before the app is imported
from pact_tui.tui.app import PactApp

async def main():
    path = Path(sys.argv[1])
    app = PactApp(path, sessions_dir=path.parent, exports_dir=path.parent)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("opgaven")
        await pilot.pause()
        print("\\n".join(strip.text for strip in app.screen._compositor.render_strips()))

asyncio.run(main())
"""


def test_with_lang_en_every_word_on_screen_is_english(make_session: MakeSession) -> None:
    path = make_session(challenges=(Challenge(title="Opgave", themes=("wonen", "zorg")),))
    done = subprocess.run([sys.executable, "-c", ENGLISH_RUN, str(path)], check=True,
                          capture_output=True, text=True, timeout=60)
    lines = done.stdout.splitlines()
    assert "saved" in lines[0] and "Challenges" in lines[0]
    assert "F1 Session" in lines[1] and "F6 Overview" in lines[1]
    assert "1 of them cross-theme" in done.stdout
    assert "n add" in lines[-1] and "Count votes" in lines[-1] and "commands" in lines[-1]

"""Fixtures for the app's tests: session files written through the real store, and `ui`,
the few helpers every test needs to drive the real app (the suite runs in importlib mode,
so shared helpers come as a fixture rather than a module to import)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from pact_tui.model import Item, Phase, RegionProfile, Session, SessionMeta
from pact_tui.store import create_session
from pact_tui.tui.app import PactApp
from pact_tui.tui.screens.actions import ActionsScreen
from pact_tui.tui.screens.voting import VotingScreen
from tests.conftest import screen_text, wait_until

MakeSession = Callable[..., Path]

KEY_NAMES = {" ": "space", ".": "full_stop", ",": "comma", ";": "semicolon", "-": "minus",
             ":": "colon", "/": "slash", "[": "left_square_bracket",
             "]": "right_square_bracket"}


class Ui:
    """Start the app on a file (or the home screen), type, and read the terminal."""

    def __init__(self, sessions_dir: Path) -> None:
        self.sessions_dir = sessions_dir
        self.exports_dir = sessions_dir.parent / "exports"

    def app(self, path: Path | None, **options: object) -> PactApp:
        return PactApp(path, sessions_dir=self.sessions_dir, exports_dir=self.exports_dir,
                       **options)  # type: ignore[arg-type]

    @staticmethod
    async def type(pilot: Pilot[Any], text: str) -> None:
        """Type `text` key by key, as fast as a person who never waits for the screen.

        The keys go into the app's queue one after another (what a fast typist does),
        and the test waits once at the end instead of after every key.
        """
        driver = pilot.app._driver
        assert driver is not None
        for character in text:
            key = KEY_NAMES.get(character, character)
            event = events.Key(key, character)
            event.set_sender(pilot.app)
            driver.send_message(event)
        await pilot.pause()

    wait_until = staticmethod(wait_until)
    text = staticmethod(screen_text)


async def open_actions(app: PactApp, pilot: Pilot[Any]) -> ActionsScreen:
    """Go to the Acties phase of the open session; its screen."""
    await pilot.pause()
    app.show_phase(Phase.ACTIONS)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ActionsScreen)
    return screen


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


@pytest.fixture
def ui(sessions_dir: Path) -> Ui:
    return Ui(sessions_dir)


@pytest.fixture
def make_session(sessions_dir: Path, profile: RegionProfile) -> MakeSession:
    """Write a session file with the given items: make_session("name.json", actions=(...))."""

    def make(name: str = "sessie.json", *, title: str = "Werksessie Wonen",
             meta: SessionMeta | None = None, **items: tuple[Item, ...]) -> Path:
        meta = meta or SessionMeta(profile=profile, title=title)
        return create_session(sessions_dir / name, meta, Session(meta=meta, **items))

    return make


async def open_voting(app: PactApp, pilot: Pilot[Any], ui: Ui, phase: str,
                      round_name: str | None = None) -> VotingScreen:
    """Go to `phase`, open voting mode with ctrl+g (naming a new round if one is asked
    for); the voting screen."""
    await pilot.pause()
    app.show_phase(phase)
    await pilot.pause()
    await pilot.press("ctrl+g")
    await ui.wait_until(pilot, lambda: isinstance(app.screen, VotingScreen))
    if round_name is not None:
        await ui.type(pilot, round_name)
        await pilot.press("enter")
    screen = app.screen
    assert isinstance(screen, VotingScreen)
    return screen

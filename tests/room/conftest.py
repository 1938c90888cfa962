"""Fixtures for the room view: a session file held open by "the facilitator's" SessionFile,
and `room`, the helpers that start the room view and wait for what it shows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot

from pact_tui.model import Action, PartyRef, Planning, RegionProfile, Session, SessionMeta
from pact_tui.store import SessionFile, create_session
from pact_tui.tui.room.app import RoomApp

WAIT_SECONDS = 20.0
"""Generous: the tests wait for a condition, never for a time; a loaded machine is slow."""


class Room:
    """Start the room view, read its screen, wait for a condition."""

    @staticmethod
    def app(path: Path, *, follow: bool = True) -> RoomApp:
        return RoomApp(path, follow=follow)

    @staticmethod
    def text(app: App[object]) -> str:
        return "\n".join(strip.text for strip in app.screen._compositor.render_strips())

    async def wait_for(self, pilot: Pilot[object], condition: Callable[[], bool],
                       what: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"never happened: {what}\n{self.text(pilot.app)}")
            await asyncio.sleep(0.02)
        await pilot.pause()

    async def shows(self, pilot: Pilot[object], *texts: str) -> str:
        """Wait until every one of `texts` is on the screen; the screen's text."""
        await self.wait_for(pilot, lambda: all(text in self.text(pilot.app) for text in texts),
                            f"screen shows {texts}")
        return self.text(pilot.app)


@pytest.fixture
def room() -> Room:
    return Room()


@pytest.fixture
def session_path(tmp_path: Path, profile: RegionProfile) -> Path:
    meta = SessionMeta(profile=profile, title="Werksessie Wonen")
    actions = (
        Action(theme="wonen", title="Flexwoningen voor starters", goal="150 woningen in 2027",
               planning=Planning(horizon="kort", start_year=2025, end_year=2027),
               parties=(PartyRef(name="Intermaris"),), lead=PartyRef(name="Gemeente Hoorn"),
               position=0),
        Action(theme="energie", title="Eén regionaal energieloket", position=1),
    )
    folder = tmp_path / "sessions"
    return create_session(folder / "sessie.json", meta, Session(meta=meta, actions=actions))


@pytest.fixture
def facilitator(session_path: Path) -> Iterator[SessionFile]:
    """The session open for editing, as the main app holds it (with its lock)."""
    with SessionFile.open(session_path) as file:
        yield file

"""Fixtures for the room view: a session file held open by "the facilitator's" SessionFile,
and `room`, the helpers that start the room view and wait for what it shows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from pact_tui.model import Action, PartyRef, Planning, RegionProfile, Session, SessionMeta
from pact_tui.store import SessionFile, create_session
from pact_tui.tui.room.app import RoomApp
from tests.conftest import screen_text, wait_until


class Room:
    """Start the room view, read its screen, wait for a condition."""

    @staticmethod
    def app(path: Path, *, follow: bool = True) -> RoomApp:
        return RoomApp(path, follow=follow)

    text = staticmethod(screen_text)

    @staticmethod
    async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], what: str) -> None:
        await wait_until(pilot, condition, what)
        await pilot.pause()

    async def shows(self, pilot: Pilot[Any], *texts: str) -> str:
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

"""A text too long to show: the room lays out only what a screen can hold, and a file
with a field longer than any may be is refused in a sentence, the last picture kept."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from rich.console import Console

from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.store import SessionFile
from pact_tui.tui.room.pages import Place, build_page
from pact_tui.tui.room.shown import LONGEST_SHOWN
from tests.oversized import FIFTY_MB, write_oversized

NOW = dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC)


def test_a_50_mb_goal_is_laid_out_only_as_far_as_a_screen_could_show_it(
    profile: RegionProfile
) -> None:
    # Past the models' limit (as no file can bring it): the room still draws a few lines.
    action = Action(theme="wonen", title="Bouwen").model_copy(
        update={"goal": "woord " * (FIFTY_MB // 6)})
    session = Session(meta=SessionMeta(profile=profile, title="Werksessie"), actions=(action,))
    page = build_page(session, Place("acties", theme="wonen"), NOW)
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(page.blocks[-1].make())
    lines = console.export_text().splitlines()
    assert lines[0].strip().startswith("Bouwen")
    assert len(lines) < LONGEST_SHOWN // 40  # what 5,000 characters fill, not 50 MB
    assert any(line.rstrip().endswith("wo…") for line in lines)  # cut, and shown to be


async def test_a_file_that_grows_a_50_mb_field_is_refused_and_the_last_picture_kept(
    session_path: Path, facilitator: SessionFile, room, profile: RegionProfile
) -> None:
    app = room.app(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await room.shows(pilot, "Flexwoningen voor starters")
        grown = write_oversized(session_path.with_name("groot.tmp"), profile)
        os.replace(grown, session_path)  # whole, as a sync client would put it there
        text = await room.shows(pilot, "⚠", f"langer dan {LONGEST_TEXT} tekens")
        assert "‘Bouwen’" in text and "‘doel’" in text
        assert "Flexwoningen voor starters" in text

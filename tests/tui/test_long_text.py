"""Texts longer than one field may hold: a file is refused in a sentence, a paste is cut."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import TextArea

from pact_tui.model import Action, RegionProfile
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.store import read_session
from pact_tui.tui.modals.long_text import LongTextModal
from pact_tui.tui.screens.error import ErrorScreen
from tests.oversized import write_oversized
from tests.tui.conftest import open_actions

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui


async def test_a_file_with_a_50_mb_goal_shows_the_error_screen_with_one_sentence(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    path = write_oversized(sessions_dir / "groot.json", profile)
    size = path.stat().st_size
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        def words() -> str:  # the sentence wraps where the file's path makes it wrap
            return " ".join(ui.text(app).replace("┃", " ").split())

        # Reading 50 MB while the other test worker is busy can take a while: wait for it.
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ErrorScreen)
                            and "langer dan" in words(), timeout=90)
        text = words()
        assert f"‘Bouwen’, veld ‘doel’: is langer dan {LONGEST_TEXT} tekens" in text
        assert "woord woord" not in text  # the sentence, not the text
    assert path.stat().st_size == size


async def test_a_paste_longer_than_a_field_is_cut_and_said(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(actions=(Action(theme="wonen", title="Bouwen"),))
    app = ui.app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.focus()
        await pilot.press("right")  # from Thema to Actie
        app.post_message(events.Paste("plak " * 5_000))  # 25,000 characters
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(f"alleen de eerste {LONGEST_TEXT} zijn geplakt" in m for m in messages)
        assert app.editor is not None and app.editor.flush()
    stored = read_session(path).actions[0]
    assert stored.title == ("plak " * 2_000).strip()  # the first 10,000, stored whole


async def test_a_long_text_editor_over_the_limit_stays_open_with_the_typing(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(actions=(Action(theme="wonen", title="Bouwen"),))
    app = ui.app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_actions(app, pilot)
        await pilot.press("tab", "tab", "ctrl+e")  # the long-text editor on Doel
        await ui.wait_until(pilot, lambda: isinstance(app.screen, LongTextModal))
        area = app.screen.query_one(TextArea)
        area.text = "x" * (LONGEST_TEXT + 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LongTextModal)  # nothing typed is thrown away
        messages = [str(n.message) for n in app._notifications]
        assert any(f"één veld houdt er {LONGEST_TEXT}" in m for m in messages)
        await pilot.press("end", "backspace", "ctrl+s")  # one character less: it fits
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, LongTextModal))
        assert app.editor is not None and app.editor.flush()
    assert read_session(path).actions[0].goal == "x" * LONGEST_TEXT

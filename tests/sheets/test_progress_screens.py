"""Overzicht shows the progress: counts per theme per light, and what needs attention."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable

from pact_tui.model import Action, Session, SessionMeta
from pact_tui.store import create_session, load_profile
from pact_tui.tui.app import PactApp
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.overview import OverviewScreen
from pact_tui.tui.widgets.progress_panel import AttentionList, ProgressPanel


def _app(tmp_path: Path, actions: tuple[Action, ...]) -> PactApp:
    meta = SessionMeta(profile=load_profile(None), title="Voortgang")
    path = create_session(tmp_path / "sessions" / "v.json", meta,
                          Session(meta=meta, actions=actions))
    return PactApp(path, sessions_dir=tmp_path / "sessions",
                   exports_dir=tmp_path / "exports")


async def _close(pilot: Pilot[Any], app: PactApp) -> None:
    """Back to the home screen before the app closes: the header clock's tick during
    teardown can otherwise find a phase screen half taken down."""
    await pilot.press("ctrl+o")
    for _ in range(50):
        await pilot.pause(0.05)
        if isinstance(app.screen, HomeScreen):
            return


def _screen_text(app: PactApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_overzicht_counts_lights_per_theme_and_lists_attention(tmp_path: Path) -> None:
    actions = (
        Action(theme="wonen", title="Flexwoningen", light="problem", position=0,
               progress_note="Geen grond"),
        Action(theme="wonen", title="Monitor", light="on-track", position=1),
        Action(theme="energie", title="Warmtenet", light="attention", position=2),
        Action(theme="zorg", title="Kwartiermaker", position=3),
    )
    app = _app(tmp_path, actions)
    async with app.run_test(size=(100, 40)) as pilot:
        app.show_phase("overzicht")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        panel = screen.query_one(ProgressPanel)
        assert panel.display
        table = panel.query_one("#progress-counts", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["Wonen en Leefbaarheid", "1", "·", "1", "·"]
        assert [str(c.label) for c in table.columns.values()][1:] == [
            "● op schema", "▲ aandacht", "■ knelpunt", "geen"]
        attention = panel.query_one(AttentionList)
        assert [row.id for row in attention.rows] == [actions[0].id, actions[2].id]
        text = _screen_text(app)
        assert "■ knelpunt" in text and "Geen grond" in text
        await _close(pilot, app)


async def test_overzicht_hides_progress_while_no_action_has_a_light(tmp_path: Path) -> None:
    app = _app(tmp_path, (Action(theme="wonen", title="Flexwoningen"),))
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("overzicht")
        await pilot.pause()
        assert not app.screen.query_one(ProgressPanel).display
        await _close(pilot, app)

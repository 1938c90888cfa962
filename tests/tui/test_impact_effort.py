"""The impact–effort matrix places actions by their scores and moves them by keyboard."""

from __future__ import annotations

import re

from pact_tui.model import Action
from pact_tui.store import read_session
from pact_tui.tui.screens.impact_effort import ImpactEffortScreen
from tests.tui.conftest import open_voting

SIZE = (100, 30)


async def test_the_matrix_places_and_moves_actions(ui, make_session) -> None:
    actions = (Action(theme="wonen", title="Monitor", impact=5, effort=1, position=0),
               Action(theme="wonen", title="Loket", impact=4, effort=5, position=1),
               Action(theme="wonen", title="Kalender", impact=1, effort=1, position=2),
               Action(theme="wonen", title="Nog niets", position=3))
    path = make_session(actions=actions)
    app = ui.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_voting(app, pilot, ui, "acties", "Ronde")
        await pilot.press("m")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ImpactEffortScreen))
        screen = app.screen
        assert isinstance(screen, ImpactEffortScreen)
        text = ui.text(app)
        assert "1 Quick wins (1)" in text and "2 Grote projecten (1)" in text
        assert "3 Opvullers (1)" in text and "Ondankbare taken (0)" in text
        assert "Nog zonder score (1)" in text
        assert screen.current is not None and screen.current.title == "Nog niets"

        await pilot.press("tab", "right")  # Grote projecten: Loket
        assert screen.current is not None and screen.current.title == "Loket"
        await pilot.press("4")  # to the thankless tasks: impact drops, effort stays
        assert "Ondankbare taken (1)" in ui.text(app)
        assert screen.current is not None and screen.current.title == "Loket"

        await pilot.press("tab", "i", "5", "e", "2")  # the unscored action becomes a quick win
        assert "1 Quick wins (2)" in ui.text(app)
        await pilot.press("ctrl+z")  # its effort goes again
        assert "Nog zonder score (1)" in ui.text(app)
        assert app.editor is not None
        app.editor.flush()
    scores = {a.title: (a.impact, a.effort) for a in read_session(path).actions}
    assert scores == {"Monitor": (5, 1), "Loket": (2, 5), "Kalender": (1, 1),
                      "Nog niets": (5, None)}


async def test_a_long_matrix_scrolls_and_scoring_keeps_the_cursor_on_the_list(
        ui, make_session) -> None:
    big = tuple(Action(theme="wonen", title=f"Groot {n:02}", impact=5, effort=5, position=n)
                for n in range(12))
    loose = tuple(Action(theme="wonen", title=f"Los {n:02}", position=20 + n)
                  for n in range(15))
    path = make_session(actions=big + loose)
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_voting(app, pilot, ui, "acties", "Ronde")
        await pilot.press("m")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ImpactEffortScreen))
        screen = app.screen
        assert isinstance(screen, ImpactEffortScreen)
        await pilot.pause()
        text = ui.text(app)
        # It opens on the actions still to score, not on an empty quadrant.
        assert screen.current is not None and screen.current.title == "Los 00"
        # What a panel shows and its "nog N" add up to the count in its title.
        shown = len(re.findall(r"Groot \d\d", text))
        below = re.search(r"▼ nog (\d+)", text)
        assert "Grote projecten (12)" in text and below is not None
        assert shown + int(below.group(1)) == 12

        for _ in range(10):  # down the list: the cursor's action stays on screen
            await pilot.press("down")
            assert screen.current is not None
            assert f"▸ ·/· {screen.current.title}" in ui.text(app)
        assert screen.current.title == "Los 10"
        assert "▲ nog" in ui.text(app)

        await pilot.press("i", "4", "e", "2")  # scored: the cursor stays on the list
        assert screen.current is not None and screen.current.title == "Los 11"
        assert "▸ ·/· Los 11" in ui.text(app)
        await pilot.press("2")  # moved to a quadrant by its number: likewise
        assert screen.current is not None and screen.current.title == "Los 12"
        assert "Nog zonder score (13)" in ui.text(app)

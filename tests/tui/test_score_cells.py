"""The Impact and Inspanning columns of the action grid: a digit scores, Enter moves on."""

from __future__ import annotations

from pact_tui.model import Action
from pact_tui.model.template import FieldGroup
from pact_tui.store import read_session
from tests.tui.conftest import MakeSession, Ui, open_actions


async def test_digits_score_a_row_and_enter_goes_to_the_next_with_no_editor_left_open(
        ui: Ui, make_session: MakeSession) -> None:
    actions = tuple(Action(theme="wonen", title=f"Actie {n}", position=n) for n in range(3))
    path = make_session(actions=actions)
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_actions(app, pilot)
        while screen.column_group is not FieldGroup.PRIORITY:
            await pilot.press("ctrl+x")
        grid = screen.grid
        grid.move_to(actions[0].id, "impact")
        await pilot.pause()

        await pilot.press("3", "enter")  # impact 3, and on to the next row
        assert grid.editing is None
        assert grid.current_row is not None and grid.current_row.id == actions[1].id
        await pilot.press("up", "right", "2", "enter")  # its effort: 2, not "32"
        assert grid.editing is None
        await pilot.press("4", "enter")  # the next row's effort
        assert grid.editing is None
        assert app.editor is not None and app.editor.flush()
    scores = {a.title: (a.impact, a.effort) for a in read_session(path).actions}
    assert scores == {"Actie 0": (3, 2), "Actie 1": (None, 4), "Actie 2": (None, None)}


async def test_the_score_columns_show_their_whole_titles_at_80_and_160_columns(
        ui: Ui, make_session: MakeSession) -> None:
    path = make_session(actions=(Action(theme="wonen", title="Monitor", impact=4, effort=2),))
    for size in ((80, 24), (160, 40)):
        app = ui.app(path)
        async with app.run_test(size=size) as pilot:
            screen = await open_actions(app, pilot)
            while screen.column_group is not FieldGroup.PRIORITY:
                await pilot.press("ctrl+x")
            await pilot.pause()
            header = screen.grid.render_line(0).text
            assert "Impact" in header and "Inspanning" in header, (size, header)

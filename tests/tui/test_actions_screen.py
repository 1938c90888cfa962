"""The Acties screen driven by keys, as a facilitator would, with the file read back afterwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from pact_tui.editor.session_editor import ItemT
from pact_tui.model import (
    Action,
    Ambition,
    Commitment,
    PartyRef,
    Planning,
    RegionProfile,
    Session,
    SessionMeta,
    Stakeholder,
)
from pact_tui.store import create_session, read_session
from pact_tui.tui.app import PactApp
from pact_tui.tui.screens.actions import ActionsScreen
from tests.tui.conftest import open_actions

KEY_NAMES = {" ": "space", "→": "right"}


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*(KEY_NAMES.get(character, character) for character in text))


def make_file(tmp_path: Path, profile: RegionProfile, *actions: Action,
              stakeholders: tuple[Stakeholder, ...] = (),
              commitments: tuple[Commitment, ...] = ()) -> Path:
    meta = SessionMeta(profile=profile, title="Werksessie Wonen")
    session = Session(meta=meta, actions=actions, stakeholders=stakeholders,
                      commitments=commitments,
                      ambitions=(Ambition(theme="wonen", title="Betaalbaar wonen"),))
    return create_session(tmp_path / "sessie.json", meta, session)


def app_for(path: Path) -> PactApp:
    return PactApp(path, sessions_dir=path.parent, exports_dir=path.parent)


def grid_lines(screen: ActionsScreen) -> list[str]:
    grid = screen.grid
    return [grid.render_line(y).text for y in range(grid.size.height)]


def detail_text(screen: ActionsScreen) -> str:
    return str(screen.query_one("#action-detail", Static).render())


def saved(app: PactApp, path: Path) -> list[Action]:
    assert app.editor is not None and app.editor.flush()
    from pact_tui.model.rules import ordered_actions

    return ordered_actions(read_session(path).actions)


ROWS = [
    # theme digit, title, goal, scale digit, horizon digit, parties typed, lead typed
    # → takes the suggestion; without it the name stays as typed.
    ("1", "Bouwen", "1000 per jaar", "3", "1", "inter→;hoo→", "hoo→"),
    ("2", "Zon", "Daken vol", "1", "2", "enk→", "enk→"),
    ("3", "Stages", "Meer", "4", "1", "Clusius;med→", "Clu→"),
    ("5", "[b]Loket[/x]", "Eén", "2", "2", "op→;kog→", "kog→"),
    ("6", "Mantelzorg", "Respijt", "5", "1", "ste→;dre→", "dre→"),
]


async def test_five_actions_typed_by_keys_alone_are_all_in_the_file(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, stakeholders=(Stakeholder(name="Intermaris"),))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        for theme, title, goal, scale, horizon, parties, lead in ROWS:
            await pilot.press("ctrl+n")
            await type_text(pilot, title)
            await pilot.press("enter", "escape")  # a new row; back in the grid on its Doel
            await type_text(pilot, goal)
            await pilot.press("tab", scale, "tab", horizon, "tab")
            await type_text(pilot, parties)
            await pilot.press("tab")
            await type_text(pilot, lead)
            await pilot.press("enter", "home")
            await pilot.press(theme)  # a digit on the Thema cell sets it at once
            await pilot.pause()
        actions = saved(app, path)
        assert "[b]Loket[/x]" in "".join(grid_lines(screen))

    themes = [theme.key for theme in profile.themes]
    scales = [scale.key for scale in profile.scales]
    horizons = [horizon.key for horizon in profile.horizons]
    assert len(actions) == 5
    # A municipality of the profile is offered once, as "Gemeente …".
    expected_parties = [
        ["Intermaris", "Gemeente Hoorn"], ["Gemeente Enkhuizen"],
        ["Clusius", "Gemeente Medemblik"], ["Gemeente Opmeer", "Gemeente Koggenland"],
        ["Gemeente Stede Broec", "Gemeente Drechterland"],
    ]
    expected_leads = ["Gemeente Hoorn", "Gemeente Enkhuizen", "Clusius", "Gemeente Koggenland",
                      "Gemeente Drechterland"]
    for action, row, names, lead in zip(actions, ROWS, expected_parties, expected_leads,
                                          strict=True):
        theme, title, goal, scale, horizon, _, _ = row
        assert action.theme == themes[int(theme) - 1]
        assert action.title == title
        assert action.goal == goal
        assert action.scale == scales[int(scale) - 1]
        assert action.planning.horizon == horizons[int(horizon) - 1]
        assert [party.name for party in action.parties] == names
        assert action.lead is not None and action.lead.name == lead
    assert actions[0].parties[0].stakeholder_id is not None  # Intermaris is a stakeholder


async def test_tab_keeps_editing_along_the_row(tmp_path: Path, profile: RegionProfile) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Eerst"))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        await pilot.press("tab", "enter")  # edit Actie from its text
        await pilot.press("end")
        await type_text(pilot, " en dan")
        await pilot.press("tab")
        await type_text(pilot, "Doel")
        await pilot.press("tab", "2", "tab", "escape")
        assert screen.grid.editing is None
        action = saved(app, path)[0]
    assert (action.title, action.goal, action.scale) == ("Eerst en dan", "Doel", "subregionaal")
    assert action.planning.horizon is None  # Esc left Planning as it was


async def test_escape_cancels_an_edit(tmp_path: Path, profile: RegionProfile) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Blijft"))
    app = app_for(path)
    async with app.run_test() as pilot:
        await open_actions(app, pilot)
        await pilot.press("tab", "x", "y", "escape")
        assert saved(app, path)[0].title == "Blijft"


async def test_markup_typed_by_a_user_shows_literally(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="[/x] en [bold]vet[/bold]",
                                               goal="[red]"))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        assert "[/x] en [bold]vet[/bold]" in grid_lines(screen)[1]
        assert "[red]" in grid_lines(screen)[1]
        assert "[/x] en [bold]vet[/bold]" in detail_text(screen)


async def test_undo_and_redo_reach_the_grid_and_the_file(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Een", position=0),
                     Action(theme="wonen", title="Twee", position=1))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        await pilot.press("tab", "N", "u", "enter")  # Een -> Nu
        await pilot.press("down", "ctrl+k")  # delete Twee
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["Nu"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["Nu", "Twee"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["Een", "Twee"]
        assert "Een" in grid_lines(screen)[1]
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["Nu"]
        assert screen.grid.row_count == 1


async def test_deleting_an_action_deletes_its_commitments_and_one_undo_brings_both_back(
    tmp_path: Path, profile: RegionProfile
) -> None:
    gone, kept = (Action(theme="wonen", title="Weg", position=0),
                  Action(theme="wonen", title="Blijft", position=1))
    commitments = (Commitment(action_id=gone.id, party=PartyRef(name="Hoorn"), role="trekker"),
                   Commitment(action_id=gone.id, party=PartyRef(name="Medemblik")),
                   Commitment(action_id=kept.id, party=PartyRef(name="Enkhuizen")))
    path = make_file(tmp_path, profile, gone, kept, commitments=commitments)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert app.editor is not None and app.editor.flush()
        session = read_session(path)
        assert [a.title for a in session.actions] == ["Blijft"]
        assert [c.party.name for c in session.commitments] == ["Enkhuizen"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.flush()
        session = read_session(path)
        assert sorted(a.title for a in session.actions) == ["Blijft", "Weg"]
        assert sorted(c.party.name for c in session.commitments) == [
            "Enkhuizen", "Hoorn", "Medemblik"]


async def test_a_duplicate_has_no_merge_bookkeeping_and_lands_right_below(
    tmp_path: Path, profile: RegionProfile
) -> None:
    made = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    merged = Action(theme="wonen", title="A", goal="Doel", position=0, base="0123456789abcdef",
                    created_at=made,
                    combined_from=("4f0c1bde-6a3b-4c6e-9d55-1c2b3a4d5e6f",),
                    supersedes=("deleted:0123456789abcdef",), revision=3)
    # B shares A's position (rows of an import): the copy still goes between A and B.
    later = Action(theme="wonen", title="B", position=0,
                   created_at=made + dt.timedelta(hours=1))
    path = make_file(tmp_path, profile, merged, later)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        await pilot.press("ctrl+d")
        await pilot.pause()
        actions = saved(app, path)
        assert [a.title for a in actions] == ["A", "A", "B"]
        copy = actions[1]
        assert copy.id != merged.id and copy.goal == "Doel"
        assert (copy.base, copy.combined_from, copy.supersedes, copy.revision) == (
            None, (), (), 1)
        assert screen.grid.current_row is not None and screen.grid.current_row.id == copy.id
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["A", "B"]


async def test_the_planning_cell_takes_years_and_timing_and_keeps_a_digit_as_it_was(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="A", position=0),
                     Action(theme="wonen", title="B", position=1))
    app = app_for(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_actions(app, pilot)
        await pilot.press("right", "right", "right", "right")  # Planning
        await pilot.press("enter")
        await type_text(pilot, "2 2022-2025 jaarlijks")
        await pilot.press("enter")
        await pilot.pause()
        planning = Planning(horizon="middellang", start_year=2022, end_year=2025,
                            timing="jaarlijks")
        assert saved(app, path)[0].planning == planning
        assert "Middellange termijn 2022–2025 jaarlijks" in detail_text(screen)
        await pilot.press("1")  # a plain digit: only the horizon changes, at once
        await pilot.pause()
        assert saved(app, path)[0].planning == planning.model_copy(update={"horizon": "kort"})
        await pilot.press("down", "k", "o", "r", "t")  # typing starts the line anew
        await type_text(pilot, " september 2022")
        await pilot.press("enter")
        await pilot.pause()
        assert saved(app, path)[1].planning == Planning(horizon="kort", timing="september 2022")
        await pilot.press("enter", "ctrl+u")  # years out of order: said, kept as typed, marked
        await type_text(pilot, "1 2025-2021")
        await pilot.press("enter")
        await pilot.pause()
        assert saved(app, path)[1].planning == Planning(timing="1 2025-2021")
        messages = [str(n.message) for n in app._notifications]
        assert any("2025-2021" in m and "eindjaar" in m for m in messages)
        assert "⚠ 1 2025-" in grid_lines(screen)[2]
        assert screen.grid.editing is None
        await pilot.press("enter", "ctrl+u")
        await type_text(pilot, "jaarlijks")  # timing alone is a planning too
        await pilot.press("enter")
        await pilot.pause()
        assert saved(app, path)[1].planning == Planning(timing="jaarlijks")
        assert "⚠" not in grid_lines(screen)[2]


async def test_duplicate_and_move(tmp_path: Path, profile: RegionProfile) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="A", position=0),
                     Action(theme="wonen", title="B", position=1))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("ctrl+d")  # A copied right under A
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["A", "A", "B"]
        await pilot.press("ctrl+end", "alt+up")  # B goes up
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["A", "B", "A"]


async def test_filter_by_theme_and_by_text_and_sort(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(
        tmp_path, profile,
        Action(theme="wonen", title="Woningbouw", position=0),
        Action(theme="energie", title="Zonnedaken", position=1),
        Action(theme="wonen", title="Starters", position=2, lead=PartyRef(name="Hoorn")),
    )
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        grid = screen.grid
        await pilot.press("ctrl+t", "2")  # ctrl+t then a digit picks a theme
        assert [a.title for a in grid.rows] == ["Zonnedaken"]
        await pilot.press("ctrl+t", "1")
        assert [a.title for a in grid.rows] == ["Woningbouw", "Starters"]
        assert "Betaalbaar wonen" in str(screen.query_one("#actions-ambitions", Static).render())
        await pilot.press("ctrl+n")
        await type_text(pilot, "Nieuw")
        await pilot.press("enter", "escape")  # captured in the theme filtered on
        assert saved(app, path)[-1].theme == "wonen"
        await pilot.press("ctrl+t", "0", "ctrl+f")
        await type_text(pilot, "hoorn")
        assert [a.title for a in grid.rows] == ["Starters"]
        await pilot.press("escape")  # clears the search, back to the grid
        assert grid.row_count == 4
        await pilot.press("ctrl+t")  # the choice is shown; the filter waits for the digit
        assert grid.row_count == 4
        await pilot.press("ctrl+t")  # again: on to the next theme, the first
        assert grid.row_count == 3
        await pilot.press("x", "escape")  # any other key ends picking: x starts an edit
        await pilot.press("ctrl+t", "ctrl+t", "ctrl+t", "ctrl+t", "ctrl+t", "ctrl+t", "ctrl+t")
        assert grid.row_count == 4  # shown, then round the six themes back to all
        await pilot.press("home", "right", "ctrl+r")  # sort on Actie
        assert [a.title for a in grid.rows] == ["Nieuw", "Starters", "Woningbouw", "Zonnedaken"]
        assert "▲" in grid.render_line(0).text
        await pilot.press("ctrl+r")
        assert grid.rows[0].title == "Zonnedaken"
        await pilot.press("ctrl+r")
        assert [a.title for a in grid.rows] == ["Woningbouw", "Zonnedaken", "Starters", "Nieuw"]


async def test_a_new_party_becomes_a_stakeholder_with_one_key(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="A",
                                               parties=(PartyRef(name="Rabobank"),)))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.editor is not None and app.editor.flush()
    session = read_session(path)
    assert [s.name for s in session.stakeholders] == ["Rabobank"]
    assert session.actions[0].parties[0].stakeholder_id == session.stakeholders[0].id


async def test_the_long_text_editor_keeps_several_lines(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Kort"))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("tab", "tab", "ctrl+e")
        await type_text(pilot, "Regel een")
        await pilot.press("enter")
        await type_text(pilot, "Regel twee")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved(app, path)[0].goal == "Regel een\nRegel twee"


async def test_the_detail_pane_says_what_is_missing(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Half", goal="Doel",
                                               planning=Planning(horizon="kort")))
    app = app_for(path)
    async with app.run_test() as pilot:
        screen = await open_actions(app, pilot)
        text = detail_text(screen)
        assert "schaalniveau" in text and "trekker" in text and "doel," not in text


async def test_the_goal_comes_before_a_long_list_of_parties(
    tmp_path: Path, profile: RegionProfile
) -> None:
    parties = tuple(PartyRef(name=f"Gemeente {name}") for name in profile.municipalities)
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Samen", goal="Eén loket",
                                               parties=parties))
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        text = detail_text(await open_actions(app, pilot))
        assert text.index("Eén loket") < text.index("trekker") < text.index("Gemeente Hoorn")


async def test_everything_shows_at_80_by_24(tmp_path: Path, profile: RegionProfile) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Woningbouw versnellen",
                                               goal="1000 woningen"))
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_actions(app, pilot)
        for widget_id in ("#actions-filters", "#actions-capture", "#action-grid",
                          "#action-detail"):
            region = screen.query_one(widget_id).region
            assert region.height >= 1 and region.right <= 80 and region.bottom <= 24
        assert screen.grid.size.height >= 6
        header = grid_lines(screen)[0]
        assert "Thema" in header and "Trekker" in header
        assert "Woningbouw" in grid_lines(screen)[1]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_file_of_5000_actions_opens_and_navigates(
    tmp_path: Path, profile: RegionProfile, size: tuple[int, int]
) -> None:
    actions = tuple(Action(theme="wonen", title=f"Actie {n}", position=n) for n in range(5000))
    path = make_file(tmp_path, profile, *actions)
    app = app_for(path)
    async with app.run_test(size=size) as pilot:
        screen = await open_actions(app, pilot)
        grid = screen.grid
        assert grid.row_count == 5000
        await pilot.press("pagedown")
        assert grid.cursor_row == grid.size.height - 2
        await pilot.press("ctrl+end")
        assert grid.cursor_row == 4999
        assert "Actie 4999" in "".join(grid_lines(screen))
        await pilot.press("pageup", "ctrl+home")
        assert grid.cursor_row == 0
        assert "Actie 0" in grid_lines(screen)[1]


async def test_a_session_open_elsewhere_is_shown_but_not_changed(
    tmp_path: Path, profile: RegionProfile
) -> None:
    from pact_tui.store import SessionFile

    path = make_file(tmp_path, profile, Action(theme="wonen", title="Van een ander"))
    with SessionFile.open(path):
        app = app_for(path)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_actions(app, pilot)
            assert app.editor is not None and app.editor.read_only
            await pilot.press("tab", "x", "enter", "ctrl+k", "ctrl+n")
            await pilot.pause()
            assert screen.grid.editing is None
            assert "Van een ander" in grid_lines(screen)[1]
    assert [a.title for a in read_session(path).actions] == ["Van een ander"]


async def test_an_edit_that_leaves_the_filter_takes_the_row_away(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Een", position=0),
                     Action(theme="wonen", title="Twee", position=1))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        grid = screen.grid
        await pilot.press("ctrl+t", "1")
        await pilot.press("right", "Z", "enter")  # a typed cell: the row is patched in place
        assert [a.title for a in grid.rows] == ["Z", "Twee"]
        await pilot.press("home", "2")  # its theme changes: it leaves the filter
        assert [a.title for a in grid.rows] == ["Twee"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a.title for a in grid.rows] == ["Z", "Twee"]


async def test_typing_into_an_empty_grid_starts_the_first_action(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile)
    app = app_for(path)
    async with app.run_test() as pilot:
        screen = await open_actions(app, pilot)
        assert "Nog geen acties" in grid_lines(screen)[1]
        await type_text(pilot, "Eerste")
        await pilot.press("enter")
        await pilot.pause()
        assert [a.title for a in saved(app, path)] == ["Eerste"]


async def test_switching_phase_mid_edit_keeps_what_was_typed(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Oud"))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("tab", "N", "i", "e", "u", "w", "f2")
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert saved(app, path)[0].title == "Nieuw"


async def test_quitting_mid_edit_keeps_what_was_typed(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Oud"))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("tab", "N", "u", "ctrl+q")
        await pilot.pause()
    assert read_session(path).actions[0].title == "Nu"


async def test_moving_to_the_capture_line_mid_edit_keeps_what_was_typed(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = make_file(tmp_path, profile, Action(theme="wonen", title="Oud"))
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("tab", "N", "u", "ctrl+n")
        await pilot.pause()
        assert saved(app, path)[0].title == "Nu"


async def test_a_cursor_move_copies_no_list_of_actions(
    tmp_path: Path, profile: RegionProfile
) -> None:
    actions = [Action(theme="wonen", title=f"Actie {n}", position=n) for n in range(2000)]
    path = make_file(tmp_path, profile, *actions)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        assert app.editor is not None
        calls: list[type] = []
        items = app.editor.items

        def counted(kind: type[ItemT]) -> list[ItemT]:
            calls.append(kind)
            return items(kind)

        app.editor.items = counted  # type: ignore[method-assign]
        await pilot.press(*["down"] * 20, "pagedown", "ctrl+end", "up")
        await pilot.pause()
        assert screen.grid.cursor_row == 1998
        assert "1999/2000" in str(screen.query_one("#actions-filters", Static).render())
        assert calls == []


async def test_leaving_the_app_with_a_cell_open_saves_it_and_ends_cleanly(
        make_session: Any, ui: Any) -> None:
    # The open cell is committed while Textual takes the screen down; that must neither
    # crash the exit nor lose the text.
    path = make_session(actions=(Action(theme="wonen", title="Woningbouw"),))
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_actions(app, pilot)
        await pilot.press("ctrl+home", "tab", "enter", *" versnellen")
    [action] = read_session(path).actions
    assert action.title == "Woningbouw versnellen"

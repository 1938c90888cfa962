"""A whole mini session typed by keys alone, from the home screen, then the file read back.

A title, three stakeholders, five actions with all seven template columns, a challenge
with two themes and two commitments: what a facilitator does in a real session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.pilot import Pilot

from pact_tui.model import RegionProfile
from pact_tui.model.rules import ordered_actions
from pact_tui.store import read_session
from pact_tui.tui.app import PactApp
from pact_tui.tui.screens.phase import PhaseScreen

if TYPE_CHECKING:
    from tests.tui.conftest import Ui

STAKEHOLDERS = ["Intermaris", "Omring", "WerkSaam Westfriesland"]

ACTIONS = [
    # theme digit, actie, doel, scale digit, horizon digit, parties typed, lead typed
    # → takes the suggestion shown; without it a name stays as typed.
    ("1", "Woningbouwmonitor", "Zicht op de bouw", "3", "1", "inter→;hoo→", "hoo→"),
    ("2", "Energieloket", "Eén loket", "3", "1", "enk→;med→", "enk→"),
    ("3", "Techniekpact", "Meer vakmensen", "4", "2", "werk→;hoo→", "werk→"),
    ("6", "Langer thuis", "Zorg dichtbij", "2", "2", "omr→;dre→", "omr→"),
    ("4", "[b]Fietsroutes[/x]", "Rondje regio", "5", "1", "kog→;op→", "op→"),
]


async def type_names(ui: Ui, pilot: Pilot[Any], text: str) -> None:
    """Type party names, pressing → (take the suggestion) where the text has one."""
    for index, part in enumerate(text.split("→")):
        if index:
            await pilot.press("right")
        await ui.type(pilot, part)

# A municipality of the profile is offered once, as "Gemeente …".
EXPECTED_PARTIES = [
    ["Intermaris", "Gemeente Hoorn"], ["Gemeente Enkhuizen", "Gemeente Medemblik"],
    ["WerkSaam Westfriesland", "Gemeente Hoorn"], ["Omring", "Gemeente Drechterland"],
    ["Gemeente Koggenland", "Gemeente Opmeer"],
]
EXPECTED_LEADS = ["Gemeente Hoorn", "Gemeente Enkhuizen", "WerkSaam Westfriesland", "Omring",
                  "Gemeente Opmeer"]


async def go(app: PactApp, pilot: Pilot[Any], key: str, phase: str) -> PhaseScreen:
    await pilot.press(key)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PhaseScreen)
    shown = screen.PHASE
    assert shown == phase
    return screen


async def test_a_mini_session_typed_by_keys_is_all_in_the_file(
    sessions_dir: Path, profile: RegionProfile, ui: Ui
) -> None:
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        # The session: from the home screen, a title, then the facilitator.
        await pilot.pause()
        await pilot.press("n")
        await ui.type(pilot, "Werksessie Wonen en Zorg")
        await pilot.press("enter")
        await pilot.pause()
        await go(app, pilot, "f1", "sessie")
        await pilot.press("tab", "tab")
        await ui.type(pilot, "Anna de Vries")
        await pilot.press("enter")

        # Three stakeholders through the capture line; a category in the grid.
        await go(app, pilot, "f2", "stakeholders")
        await pilot.press("ctrl+n")
        for name in STAKEHOLDERS:
            await ui.type(pilot, name)
            await pilot.press("enter")
        await pilot.press("escape")  # the grid, on the last one's Soort
        await ui.type(pilot, "werkbedrijf")
        await pilot.press("enter")

        # Five actions, all seven columns, by keyboard.
        await go(app, pilot, "f4", "acties")
        for theme, title, goal, scale, horizon, parties, lead in ACTIONS:
            await pilot.press("ctrl+n")
            await ui.type(pilot, title)
            await pilot.press("enter", "escape")
            await ui.type(pilot, goal)
            await pilot.press("tab", scale, "tab", horizon, "tab")
            await type_names(ui, pilot, parties)
            await pilot.press("tab")
            await type_names(ui, pilot, lead)
            await pilot.press("enter", "home", theme)
            await pilot.pause()

        # A challenge with two themes: n, the title, Tab past the description, 1 and 6.
        await go(app, pilot, "f3", "opgaven")
        await pilot.press("n")
        await ui.type(pilot, "Langer thuis wonen")
        await pilot.press("tab", "tab", "1", "6", "enter")
        await pilot.pause()

        # Two commitments on the first action: the lead's, then a partner's.
        await go(app, pilot, "f5", "partners")
        await pilot.press("ctrl+home", "ctrl+w", "n")
        await pilot.press("tab", "tab")  # party and role filled in: the lead, trekker
        await ui.type(pilot, "Levert de cijfers")
        await pilot.press("enter")
        await pilot.press("n", "tab", "2", "tab")  # the next party, as partner
        await ui.type(pilot, "Deelt de bouwplannen")
        await pilot.press("enter")
        await pilot.pause()

        overview = await go(app, pilot, "f6", "overzicht")
        assert "Openstaande punten: 0 van 5 acties" in ui.text(app)
        assert overview.editor.flush()
        path = overview.editor.path

    session = read_session(path)
    assert path.parent == sessions_dir
    assert session.meta.title == "Werksessie Wonen en Zorg"
    assert session.meta.facilitator == "Anna de Vries"

    stakeholders = sorted(session.stakeholders, key=lambda s: s.created_at)
    # The municipalities named as parties became stakeholders when their rows were typed.
    assert [s.name for s in stakeholders][:3] == STAKEHOLDERS
    assert stakeholders[2].category == "werkbedrijf"

    themes = [theme.key for theme in profile.themes]
    scales = [scale.key for scale in profile.scales]
    horizons = [horizon.key for horizon in profile.horizons]
    actions = ordered_actions(session.actions)
    assert len(actions) == 5
    for action, row, names, lead in zip(actions, ACTIONS, EXPECTED_PARTIES, EXPECTED_LEADS,
                                          strict=True):
        theme, title, goal, scale, horizon, _, _ = row
        assert action.theme == themes[int(theme) - 1]
        assert (action.title, action.goal) == (title, goal)
        assert action.scale == scales[int(scale) - 1]
        assert action.planning.horizon == horizons[int(horizon) - 1]
        assert [party.name for party in action.parties] == names
        assert action.lead is not None and action.lead.name == lead
    by_name = {s.name: s.id for s in stakeholders}
    assert actions[0].parties[0].stakeholder_id == by_name["Intermaris"]

    (challenge,) = session.challenges
    assert challenge.title == "Langer thuis wonen"
    assert challenge.themes == ("wonen", "zorg")

    commitments = sorted(session.commitments, key=lambda c: c.created_at)
    assert [(c.action_id, c.party.name, c.role, c.text) for c in commitments] == [
        (actions[0].id, "Gemeente Hoorn", "trekker", "Levert de cijfers"),
        (actions[0].id, "Intermaris", "partner", "Deelt de bouwplannen"),
    ]
    assert commitments[1].party.stakeholder_id == by_name["Intermaris"]

"""The room view's own keys reach the whole actions page, the vote tally at its top
included, and its "nog N" lines count actions, not the headings and tallies between them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pact_tui.model import Action, RegionProfile, Session, SessionMeta, VotingRound
from pact_tui.store import SessionFile, create_session
from pact_tui.tui import follow

if TYPE_CHECKING:
    from tests.room.conftest import Room

TALLY = "Stemmen in 'Stippen'"


def voted_session(folder: Path, profile: RegionProfile) -> tuple[Path, list[Action]]:
    voting = VotingRound(name="Stippen")
    actions = [Action(theme="wonen", title=f"Actie {n:02}", goal="Een doel dat past.",
                      votes={voting.id: 30 - n}, position=n) for n in range(20)]
    meta = SessionMeta(profile=profile, title="Werksessie", voting_rounds=(voting,))
    path = create_session(folder / "sessie.json", meta,
                          Session(meta=meta, actions=tuple(actions)))
    return path, actions


def shown_actions(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"Actie (\d\d)\b", text)]


async def test_up_from_the_followed_action_comes_back_to_the_vote_tally(
        tmp_path: Path, profile: RegionProfile, room: Room) -> None:
    path, actions = voted_session(tmp_path, profile)
    with SessionFile.open(path) as facilitator:
        follow.report(facilitator, phase="acties", theme="wonen", item=actions[15])
        app = room.app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            text = await room.shows(pilot, "Actie 15")
            assert TALLY not in text  # following the facilitator far down the page
            # What is above is counted in actions: every action before the first one shown.
            first = min(number for number in shown_actions(text.split("hierboven")[-1]))
            assert f"▲ nog {first} hierboven" in text

            for _ in range(len(actions) + 2):
                await pilot.press("up")
            text = await room.shows(pilot, TALLY)
            assert "eigen toetsen" in text and "hierboven" not in text
            await pilot.press("down")  # and down again to the first action
            await room.shows(pilot, "▶ Actie 00")


async def test_while_the_facilitator_counts_votes_the_room_shows_the_tally(
        tmp_path: Path, profile: RegionProfile, room: Room) -> None:
    path, actions = voted_session(tmp_path, profile)
    with SessionFile.open(path) as facilitator:
        follow.report(facilitator, phase="acties", theme="wonen", item=actions[15])
        app = room.app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            text = await room.shows(pilot, "Actie 15")
            assert TALLY not in text
            follow.report(facilitator, voting=True)  # ctrl+g: voting mode opens
            text = await room.shows(pilot, TALLY, "volgt de procesbegeleider")
            follow.report(facilitator, voting=False)  # Esc: back to the grid
            await room.wait_for(pilot, lambda: TALLY not in room.text(app), "the tally goes")

"""The room sees the tally and the impact–effort matrix above the actions once anyone voted."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console

from pact_tui.model import Action, RegionProfile, Session, SessionMeta, VotingRound
from pact_tui.tui.room.pages import Block, Place, build_page

NOW = dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC)


def _drawn(block: Block) -> str:
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(block.make())
    return console.export_text()


def test_the_tally_and_the_matrix_come_first_once_anyone_voted(profile: RegionProfile) -> None:
    voting = VotingRound(name="Stippen")
    actions = (Action(theme="wonen", title="Monitor", votes={voting.id: 4}, impact=5, effort=1),
               Action(theme="wonen", title="Loket", votes={voting.id: 9}, position=1),
               Action(theme="zorg", title="Wijkteams", position=2))
    meta = SessionMeta(profile=profile, title="Werksessie", voting_rounds=(voting,))
    page = build_page(Session(meta=meta, actions=actions), Place("acties"), NOW)

    tally, matrix = (_drawn(block) for block in page.blocks[:2])
    assert "Stemmen in 'Stippen': de top 10" in tally
    assert tally.index("Loket") < tally.index("Monitor") and "Wijkteams" not in tally
    assert "Quick wins (1)" in matrix and "• Monitor" in matrix
    assert "Ondankbare taken (0)" in matrix
    assert page.blocks[2].key is None and page.blocks[3].key == actions[0].id


def test_without_votes_the_actions_page_is_as_before(profile: RegionProfile) -> None:
    meta = SessionMeta(profile=profile, title="Werksessie")
    page = build_page(Session(meta=meta, actions=(Action(theme="wonen", title="W"),)),
                      Place("acties"), NOW)
    assert len(page.blocks) == 2  # the theme heading and the action
    assert "Stemmen" not in "".join(_drawn(block) for block in page.blocks)

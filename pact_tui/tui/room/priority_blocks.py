"""What the room sees of the voting: the tally of the latest round and the impact–effort
matrix, as blocks at the top of the actions page once anyone voted or scored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pact_tui.i18n import t
from pact_tui.model import Action, Session
from pact_tui.model.votes import QUADRANTS, counted_round, has_priorities, quadrant, top
from pact_tui.tui.room.shown import shown

TALLY_SIZE = 10
PER_QUADRANT = 5


def priority_makers(session: Session,
                    actions: Sequence[Action]) -> list[Callable[[], RenderableType]]:
    """The tally and the matrix of `actions`, each drawn when it comes into view; none
    when nobody voted or scored."""
    if not has_priorities(actions):
        return []
    makers: list[Callable[[], RenderableType]] = []
    voting = counted_round(session.meta.voting_rounds, actions)
    if voting is not None:
        makers.append(partial(_tally, voting.name, voting.id, actions))
    if any(quadrant(action) for action in actions):
        makers.append(partial(_matrix, actions))
    return makers


def _tally(name: str, round_id: str, actions: Sequence[Action]) -> RenderableType:
    lines = Text(t("tui.room.tally", name=shown(name), size=TALLY_SIZE),
                 style="bold underline")
    for place, action in enumerate(top(actions, round_id, TALLY_SIZE), start=1):
        lines.append(f"\n{place:>3}. ")
        lines.append(f"{action.votes[round_id]:>4}", style="bold")
        lines.append("  " + shown(action.title))
    return lines


def _matrix(actions: Sequence[Action]) -> RenderableType:
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    cells = []
    for key in QUADRANTS:
        members = [action for action in actions if quadrant(action) == key]
        cell = Text(f"{t(f'model.quadrant.{key}')} ({len(members)})", style="bold")
        for action in members[:PER_QUADRANT]:
            cell.append("\n• " + shown(action.title))
        if len(members) > PER_QUADRANT:
            cell.append("\n  " + t("tui.room.more", count=len(members) - PER_QUADRANT))
        cells.append(cell)
    grid.add_row(cells[0], cells[1])
    grid.add_row(cells[2], cells[3])
    return Group(Text(t("tui.room.impact_effort"), style="bold underline"), grid)

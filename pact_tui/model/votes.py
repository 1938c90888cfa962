"""Dot voting and the impact–effort matrix: rounds, tallies, the top of a round, quadrants.

A round (stemronde) is named and dated once; every action and challenge keeps its count
per round id (`votes`). Impact and effort are optional scores from 1 to 5; together they
place an action in one of four quadrants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from pact_tui.model.items import Action, new_id
from pact_tui.model.limits import LONGEST_TEXT

SCORES = (1, 2, 3, 4, 5)

# A score at or above the middle of the scale counts as high.
HIGH_SCORE = 3

# Quadrants by (impact high, effort high), in reading order of the 2x2.
QUADRANTS = ("quick-wins", "major-projects", "fill-ins", "thankless")
_QUADRANT_OF = {
    (True, False): "quick-wins", (True, True): "major-projects",
    (False, False): "fill-ins", (False, True): "thankless",
}
# The scores an action gets when it is moved into a quadrant without scores of its own.
QUADRANT_SCORES = {
    "quick-wins": (4, 2), "major-projects": (4, 4), "fill-ins": (2, 2), "thankless": (2, 4),
}


class VotingRound(BaseModel):
    """One round of dot voting: its name, its date and, if agreed, the dots each person had."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    id: str = Field(default_factory=new_id)
    name: str = Field(min_length=1)
    date: dt.date = Field(default_factory=dt.date.today)
    dots: int | None = Field(default=None, ge=1)


class Voted(Protocol):
    @property
    def votes(self) -> dict[str, int]: ...


VotedT = TypeVar("VotedT", bound=Voted)


def count(item: Voted, round_id: str) -> int:
    """The votes `item` got in one round (0 when none were counted)."""
    return item.votes.get(round_id, 0)


def with_count(votes: Mapping[str, int], round_id: str, value: int) -> dict[str, int]:
    """`votes` with one round's count set; a count of 0 (or less) removes the round."""
    changed = {key: number for key, number in votes.items() if key != round_id}
    if value > 0:
        changed[round_id] = value
    return changed


def summed_votes(base: Mapping[str, int],
                 versions: Sequence[tuple[Mapping[str, int], int]]) -> dict[str, int]:
    """Votes counted apart in several copies of one item, added up per round.

    Each version is (its votes, how many inputs hold it); what each input added to the
    base (or took away) is added to the base, never below 0, so a count is never a conflict.
    """
    rounds = dict.fromkeys([*base, *(key for votes, _ in versions for key in votes)])
    summed: dict[str, int] = {}
    for key in rounds:
        before = base.get(key, 0)
        total = before + sum(times * (votes.get(key, 0) - before) for votes, times in versions)
        if total > 0:
            summed[key] = total
    return summed


def latest_round(rounds: Sequence[VotingRound]) -> VotingRound | None:
    """The round counted last: the latest date, then the one added last."""
    if not rounds:
        return None
    return max(enumerate(rounds), key=lambda pair: (pair[1].date, pair[0]))[1]


def joined_rounds(*groups: Sequence[VotingRound]) -> tuple[VotingRound, ...]:
    """Rounds of several files as one list: a round id once (its first record), in date order."""
    found: dict[str, VotingRound] = {}
    for rounds in groups:
        for voting in rounds:
            found.setdefault(voting.id, voting)
    return tuple(sorted(found.values(), key=lambda r: (r.date, r.name, r.id)))


def ranked(items: Sequence[VotedT], round_id: str) -> list[VotedT]:
    """Items with votes in the round, most votes first (ties keep their order)."""
    voted = [item for item in items if count(item, round_id) > 0]
    return sorted(voted, key=lambda item: -count(item, round_id))


def top(items: Sequence[VotedT], round_id: str, size: int) -> list[VotedT]:
    """The `size` items with the most votes in the round; ties at the edge all stay in."""
    ordered = ranked(items, round_id)
    if len(ordered) <= size:
        return ordered
    edge = count(ordered[size - 1], round_id)
    return [item for item in ordered if count(item, round_id) >= edge]


def quadrant(action: Action) -> str | None:
    """The quadrant of the impact–effort matrix an action is in; None until both are scored."""
    if action.impact is None or action.effort is None:
        return None
    return _QUADRANT_OF[(action.impact >= HIGH_SCORE, action.effort >= HIGH_SCORE)]


def scores_for(action: Action, target: str) -> tuple[int, int]:
    """The (impact, effort) that moves an action into `target`, changing as little as it can:
    a score already on the right side of the middle stays."""
    impact_high = target in ("quick-wins", "major-projects")
    effort_high = target in ("major-projects", "thankless")
    default_impact, default_effort = QUADRANT_SCORES[target]
    impact = action.impact
    if impact is None or (impact >= HIGH_SCORE) != impact_high:
        impact = default_impact
    effort = action.effort
    if effort is None or (effort >= HIGH_SCORE) != effort_high:
        effort = default_effort
    return impact, effort


def has_priorities(actions: Sequence[Action], challenges: Sequence[Voted] = ()) -> bool:
    """Whether anyone voted or scored: only then does the draft speak of priorities."""
    return (any(a.votes or a.impact is not None or a.effort is not None for a in actions)
            or any(c.votes for c in challenges))


def counted_round(rounds: Sequence[VotingRound], items: Sequence[Voted]) -> VotingRound | None:
    """The latest round in which anything got votes: the one a report speaks of."""
    used = {key for item in items for key in item.votes}
    return latest_round([voting for voting in rounds if voting.id in used])


def round_from_text(text: str, date: dt.date) -> VotingRound:
    """A round from what the facilitator typed: its name, then optionally "/ 3" for the
    dots each person had ("Stippen plakken / 3")."""
    name, slash, dots = text.rpartition("/")
    if slash and dots.strip().isdigit() and name.strip() and int(dots) > 0:
        return VotingRound(name=name.strip(), date=date, dots=int(dots))
    return VotingRound(name=text.strip(), date=date)

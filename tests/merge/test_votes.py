"""Votes of breakout groups add up per round; scores changed differently are a conflict."""

from __future__ import annotations

import pytest

from pact_tui.merge import merge_sessions
from pact_tui.model import RegionProfile, VotingRound


def _voting(mb, profile: RegionProfile, *rounds: VotingRound):
    build = mb.action("Woningbouw versnellen")
    help_ = mb.action("Starters helpen")
    base = mb.programme(profile, build, help_)
    return base.model_copy(update={"meta": base.meta.model_copy(
        update={"voting_rounds": rounds})}), build, help_


@pytest.mark.parametrize("with_programme", [True, False])
def test_votes_of_one_round_in_two_breakouts_are_added_up(mb, profile,
                                                          with_programme: bool) -> None:
    stippen = VotingRound(name="Stippen")
    base, build, help_ = _voting(mb, profile, stippen)
    a = mb.edit(mb.started(base, "A"), build.id, votes={stippen.id: 3})
    a = mb.edit(a, help_.id, votes={stippen.id: 2})
    b = mb.edit(mb.started(base, "B"), build.id, votes={stippen.id: 4})
    b = mb.edit(b, help_.id, votes={stippen.id: 2})

    result = merge_sessions([a, b], previous=base if with_programme else None, now=mb.NOW)

    assert result.conflicts == ()
    merged = {action.title: action.votes for action in result.programme.actions}
    assert merged == {"Woningbouw versnellen": {stippen.id: 7},
                      "Starters helpen": {stippen.id: 4}}
    assert result.programme.meta.voting_rounds == (stippen,)

    again = merge_sessions([result.programme, a, b], now=mb.NOW)
    assert {a.title: a.votes for a in again.programme.actions} == merged


def test_votes_added_to_earlier_votes_count_only_what_each_breakout_added(mb, profile) -> None:
    stippen = VotingRound(name="Stippen")
    base, build, _ = _voting(mb, profile, stippen)
    base = mb.edit(base, build.id, votes={stippen.id: 5})
    a = mb.edit(mb.started(base, "A"), build.id, votes={stippen.id: 6}, goal="Sneller")
    b = mb.edit(mb.started(base, "B"), build.id, votes={stippen.id: 8})

    result = merge_sessions([a, b], previous=base, now=mb.NOW)

    (merged, _) = result.programme.actions
    assert merged.votes == {stippen.id: 9} and merged.goal == "Sneller"


def test_without_the_programme_a_breakout_that_also_changed_text_still_adds_up(mb,
                                                                             profile) -> None:
    stippen = VotingRound(name="Stippen")
    base, build, _ = _voting(mb, profile, stippen)
    a = mb.edit(mb.started(base, "A"), build.id, votes={stippen.id: 6}, goal="Sneller")
    b = mb.edit(mb.started(base, "B"), build.id, votes={stippen.id: 3})

    result = merge_sessions([a, b], now=mb.NOW)

    assert result.conflicts == ()
    merged = next(x for x in result.programme.actions if x.id == build.id)
    assert merged.votes == {stippen.id: 9} and merged.goal == "Sneller"


def test_different_rounds_are_kept_apart(mb, profile) -> None:
    base, build, _ = _voting(mb, profile)
    a, b = mb.started(base, "A"), mb.started(base, "B")
    ronde_a, ronde_b = VotingRound(name="Ronde A"), VotingRound(name="Ronde B")
    a = a.model_copy(update={"meta": a.meta.model_copy(update={"voting_rounds": (ronde_a,)})})
    b = b.model_copy(update={"meta": b.meta.model_copy(update={"voting_rounds": (ronde_b,)})})
    a = mb.edit(a, build.id, votes={ronde_a.id: 3})
    b = mb.edit(b, build.id, votes={ronde_b.id: 5})

    result = merge_sessions([a, b], previous=base, now=mb.NOW)

    merged = next(x for x in result.programme.actions if x.id == build.id)
    assert merged.votes == {ronde_a.id: 3, ronde_b.id: 5}
    assert {r.name for r in result.programme.meta.voting_rounds} == {"Ronde A", "Ronde B"}


def test_scores_changed_differently_are_a_conflict(mb, profile) -> None:
    base, build, _ = _voting(mb, profile)
    a = mb.edit(mb.started(base, "A"), build.id, impact=4)
    b = mb.edit(mb.started(base, "B"), build.id, impact=2)

    result = merge_sessions([a, b], previous=base, now=mb.NOW)

    (conflict,) = result.conflicts
    assert [d.field for d in conflict.differences] == ["impact"]

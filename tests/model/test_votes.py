"""Voting rounds, counts, the top of a round and the quadrants of the impact–effort matrix."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from pact_tui.model import Action, Challenge
from pact_tui.model.votes import (
    VotingRound,
    has_priorities,
    joined_rounds,
    quadrant,
    round_from_text,
    scores_for,
    summed_votes,
    top,
    with_count,
)


def _action(title: str, **fields: object) -> Action:
    return Action(theme="wonen", title=title, **fields)


def test_counts_are_never_negative_and_scores_run_from_1_to_5() -> None:
    with pytest.raises(ValidationError):
        _action("x", votes={"r": -1})
    with pytest.raises(ValidationError):
        _action("x", impact=6)
    with pytest.raises(ValidationError):
        _action("x", effort=0)
    assert _action("x", impact="3").impact == 3


def test_setting_a_count_to_zero_removes_the_round() -> None:
    assert with_count({"r": 2, "s": 1}, "r", 0) == {"s": 1}
    assert with_count({}, "r", 4) == {"r": 4}


def test_summed_votes_add_what_each_version_changed() -> None:
    assert summed_votes({"r": 2}, [({"r": 5}, 1), ({"r": 3}, 2)]) == {"r": 7}
    assert summed_votes({}, [({"r": 1}, 1), ({"s": 2}, 1)]) == {"r": 1, "s": 2}
    assert summed_votes({"r": 2}, [({}, 1), ({}, 1)]) == {}


def test_rounds_with_the_same_id_are_one_round() -> None:
    one = VotingRound(name="Stippen")
    other = VotingRound(name="Tweede ronde")
    assert joined_rounds((one,), (one, other)) == tuple(
        sorted((one, other), key=lambda r: (r.date, r.name, r.id)))


def test_top_keeps_ties_at_the_edge_and_leaves_out_items_without_votes() -> None:
    items = [_action(str(n), votes={"r": n}) for n in (1, 5, 3, 3, 0)]
    assert [a.title for a in top(items, "r", 2)] == ["5", "3", "3"]
    assert [a.title for a in top(items, "r", 10)] == ["5", "3", "3", "1"]


def test_quadrants_split_at_the_middle_of_the_scale() -> None:
    assert quadrant(_action("a", impact=5, effort=1)) == "quick-wins"
    assert quadrant(_action("a", impact=3, effort=3)) == "major-projects"
    assert quadrant(_action("a", impact=2, effort=2)) == "fill-ins"
    assert quadrant(_action("a", impact=1, effort=5)) == "thankless"
    assert quadrant(_action("a", impact=1)) is None


def test_moving_to_a_quadrant_keeps_a_score_already_on_the_right_side() -> None:
    scored = _action("a", impact=5, effort=4)
    assert scores_for(scored, "quick-wins") == (5, 2)
    assert scores_for(_action("b"), "thankless") == (2, 4)


def test_priorities_exist_once_anyone_voted_or_scored() -> None:
    assert not has_priorities([_action("a")], [Challenge(title="c", themes=("wonen",))])
    assert has_priorities([_action("a", effort=2)])
    assert has_priorities([], [Challenge(title="c", themes=("wonen",), votes={"r": 1})])


def test_a_round_typed_with_a_slash_and_a_number_has_that_many_dots() -> None:
    day = dt.date(2026, 11, 30)
    assert (round_from_text("Stippen plakken / 3", day).name,
            round_from_text("Stippen plakken / 3", day).dots) == ("Stippen plakken", 3)
    assert round_from_text("Wonen/zorg", day).dots is None
    assert round_from_text("Wonen/zorg", day).name == "Wonen/zorg"
    assert round_from_text("/ 3", day).name == "/ 3"

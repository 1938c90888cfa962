"""The shared rules: what an action misses, which challenges cross themes, counts, order."""

from __future__ import annotations

import datetime as dt

from pact_tui.model import Action, Challenge, Commitment, PartyRef, Planning
from pact_tui.model.rules import (
    commitments_of,
    counts_by_theme_and_horizon,
    cross_theme_challenges,
    is_cross_theme,
    is_municipality,
    missing_fields,
    open_points,
    ordered_actions,
    theme_matrix,
)


def complete_action(**changes: object) -> Action:
    fields: dict[str, object] = {
        "theme": "wonen",
        "title": "Woningbouw versnellen",
        "goal": "Elk jaar 1.000 woningen erbij",
        "scale": "westfries",
        "planning": Planning(horizon="kort"),
        "parties": (PartyRef(name="Intermaris"),),
        "lead": PartyRef(name="Hoorn"),
    }
    fields.update(changes)
    return Action.model_validate(fields)


def test_a_complete_action_misses_nothing() -> None:
    action = complete_action()
    assert missing_fields(action) == ()
    assert open_points(action) == ()


def test_missing_fields_come_in_template_order() -> None:
    action = complete_action(goal="", scale=None, planning=Planning(), parties=(), lead=None)
    assert missing_fields(action) == ("goal", "scale", "planning", "parties", "lead")


def test_free_timing_or_years_without_a_horizon_leave_the_planning_open() -> None:
    """The programme is split into short and medium term: "jaarlijks" alone does not say which,
    and the draft files such an action under "Nog zonder planning"."""
    for planning in (Planning(timing="jaarlijks"), Planning(start_year=2027, end_year=2029)):
        assert "planning" in open_points(complete_action(planning=planning))
    assert "planning" not in missing_fields(
        complete_action(planning=Planning(horizon="kort", timing="jaarlijks")))


def test_open_points_name_every_missing_field_scale_and_planning_too() -> None:
    action = complete_action(scale=None, planning=Planning(), lead=None)
    assert open_points(action) == ("scale", "planning", "lead")


def test_cross_theme_needs_two_different_themes() -> None:
    assert not is_cross_theme(Challenge(title="Woningtekort", themes=("wonen",)))
    assert is_cross_theme(Challenge(title="Langer thuis wonen", themes=("wonen", "zorg")))
    assert not is_cross_theme(Challenge(title="Dubbel", themes=("zorg", "zorg")))


def test_theme_matrix_lists_each_pair_once() -> None:
    three = Challenge(title="Vitale kernen", themes=("wonen", "zorg", "economie"))
    two = Challenge(title="Langer thuis wonen", themes=("zorg", "wonen"))
    single = Challenge(title="Woningtekort", themes=("wonen",))
    matrix = theme_matrix([three, two, single])
    assert set(matrix) == {("wonen", "zorg"), ("economie", "wonen"), ("economie", "zorg")}
    assert [c.title for c in matrix[("wonen", "zorg")]] == ["Vitale kernen", "Langer thuis wonen"]
    assert cross_theme_challenges([three, two, single]) == [three, two]


def test_counts_by_theme_and_horizon() -> None:
    actions = [
        complete_action(),
        complete_action(title="Sociale huur eerlijker verdelen"),
        complete_action(theme="zorg", planning=Planning(horizon="middellang")),
        complete_action(theme="zorg", planning=Planning()),
    ]
    counts = counts_by_theme_and_horizon(actions)
    assert counts[("wonen", "kort")] == 2
    assert counts[("zorg", "middellang")] == 1
    assert counts[("zorg", None)] == 1


def test_actions_are_ordered_by_position_then_creation() -> None:
    early = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    late = dt.datetime(2020, 6, 1, tzinfo=dt.UTC)
    a = complete_action(title="A", position=2, created_at=early)
    b = complete_action(title="B", position=1, created_at=late)
    c = complete_action(title="C", position=1, created_at=early)
    assert [action.title for action in ordered_actions([a, b, c])] == ["C", "B", "A"]


def test_the_commitments_of_an_action_are_those_made_for_it_in_their_order() -> None:
    first, second = complete_action(), complete_action(title="Zonnedaken")
    made = [
        Commitment(action_id=first.id, party=PartyRef(name="Hoorn"), role="trekker"),
        Commitment(action_id=second.id, party=PartyRef(name="Enkhuizen")),
        Commitment(action_id=first.id, party=PartyRef(name="Intermaris")),
    ]
    assert commitments_of(first.id, made) == [made[0], made[2]]
    assert commitments_of(second.id, made) == [made[1]]
    assert commitments_of(complete_action().id, made) == []


def test_a_municipality_is_known_by_its_kind_or_its_name() -> None:
    places = ("Hoorn", "Stede Broec")
    assert is_municipality("Gemeente Hoorn", "", places)
    assert is_municipality("gemeente  stede broec", "", places)
    assert is_municipality("Gemeente Amsterdam", "Gemeente", places)
    assert not is_municipality("Woonschakel", "woningcorporatie", places)
    assert not is_municipality("Hoorn Bouw BV", "", places)
def test_an_action_with_values_a_merge_kept_beside_it_is_an_open_point() -> None:
    from pact_tui.model import PartyRef as _PartyRef
    from pact_tui.model import PastVersion
    from pact_tui.model.rules import alternatives, open_points

    action = complete_action(title="Starterslening invoeren", goal="100 leningen",
                             lead=_PartyRef(name="Gemeente Hoorn"),
                             parties=(_PartyRef(name="SVn"),))
    assert open_points(action) == ()
    other = action.model_copy(update={"goal": "200 leningen in 2027"})
    combined = action.model_copy(update={"history": (
        PastVersion(reason="combined", item_id=other.id, content=other.content()),)})
    assert alternatives(combined) == {"goal": ["200 leningen in 2027"]}
    assert open_points(combined) == ("alternatives",)
    chosen = action.model_copy(update={"history": (
        PastVersion(reason="chosen", item_id=action.id, content=other.content()),)})
    assert open_points(chosen) == ()


def test_a_combined_copy_that_only_adds_nothing_is_no_open_point() -> None:
    from pact_tui.model import Action as _Action
    from pact_tui.model import PastVersion
    from pact_tui.model.rules import differing, open_points

    action = _Action(theme="wonen", title="Woningbouwmonitor opzetten", goal="Elk half jaar")
    copy = _Action(theme="wonen", title="Woningbouwmonitor opzetten", position=7)
    assert differing(action, copy.content()) == {}  # an empty goal and a grid row say nothing
    combined = action.model_copy(update={"history": (
        PastVersion(reason="combined", item_id=copy.id, content=copy.content()),)})
    assert "alternatives" not in open_points(combined)

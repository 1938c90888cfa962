"""Same id in several inputs: three-way against the version each copied from."""

from __future__ import annotations

import datetime as dt

import pytest

from pact_tui.merge import (
    DELETED,
    KEEP_ALL,
    MergeResult,
    Outcome,
    ProfileMismatchError,
    UnknownChoiceError,
    merge_sessions,
    resolve_conflict,
    resolve_newest,
)
from pact_tui.merge.report import render_report
from pact_tui.model import Action, Commitment, PartyRef, RegionProfile, Session


@pytest.fixture()
def housing(mb, profile: RegionProfile) -> tuple[Action, Action]:
    return (mb.action("Woningbouw versnellen", goal="500 woningen"),
            mb.action("Starters helpen", goal="Starterslening"))


def _outcome(result: MergeResult, item_id: str) -> Outcome:
    return next(e.outcome for e in result.report.entries if e.item_id == item_id)


def _two_goals(mb, profile: RegionProfile, build: Action) -> tuple[Session, Session]:
    """Sessions A and B, started from one programme, that each set `build`'s goal differently."""
    base = mb.programme(profile, build)
    return (mb.edit(mb.started(base, "A"), build.id, goal="600 woningen"),
            mb.edit(mb.started(base, "B"), build.id, goal="700 woningen"))


def test_a_change_in_one_session_wins_and_names_that_session(mb, profile, housing) -> None:
    build, help_ = housing
    base = mb.programme(profile, build, help_)
    a, b = mb.started(base, "Sessie A"), mb.started(base, "Sessie B")
    a = mb.edit(a, build.id, goal="600 woningen")

    result = merge_sessions([a, b], now=mb.NOW)

    merged = mb.by_id(result.programme, build.id)
    assert merged is not None and merged.goal == "600 woningen"
    assert a.meta.as_origin() in merged.origins
    assert b.meta.as_origin() not in merged.origins
    assert result.conflicts == ()
    assert _outcome(result, build.id) == Outcome.CHANGED
    assert _outcome(result, help_.id) == Outcome.UNCHANGED
    assert result.programme.meta.kind == "programme"
    assert set(result.programme.meta.sources) == {a.meta.as_origin(), b.meta.as_origin()}


def test_the_same_change_in_two_sessions_is_one_change(mb, profile, housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    a = mb.edit(mb.started(base, "A"), build.id, goal="600 woningen")
    b = mb.edit(mb.started(base, "B"), build.id, goal="600 woningen")

    result = merge_sessions([a, b], now=mb.NOW)

    assert result.conflicts == ()
    assert [x.goal for x in result.programme.actions] == ["600 woningen"]
    assert set(result.programme.actions[0].origins) == {a.meta.as_origin(), b.meta.as_origin()}


def test_different_changes_are_a_conflict_that_keeps_both_versions(mb, profile, housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    a = mb.edit(mb.started(base, "A"), build.id, goal="600 woningen")
    b = mb.edit(mb.started(base, "B"), build.id, goal="700 woningen", notes="snel")

    result = merge_sessions([a, b], previous=base, now=mb.NOW)

    [conflict] = result.conflicts
    assert conflict.item_id == build.id and conflict.table == "actions"
    assert isinstance(conflict.base, Action) and conflict.base.goal == "500 woningen"
    assert conflict.base_fingerprint == build.fingerprint()
    fields = {d.field: d for d in conflict.differences}
    assert set(fields) == {"goal", "notes"}
    assert fields["goal"].base == "500 woningen"
    assert set(fields["goal"].values) == {"600 woningen", "700 woningen"}
    assert [v.sources[0].title for v in conflict.versions] == ["B", "A"]  # newest first
    assert result.unresolved == (conflict,)
    assert _outcome(result, build.id) == Outcome.CONFLICT
    # Never silently resolved: until someone chooses, the programme holds both versions.
    assert sorted(x.goal for x in result.programme.actions) == ["600 woningen", "700 woningen"]


def test_a_conflict_is_resolved_by_a_chosen_version(mb, profile, housing) -> None:
    build, _ = housing
    a, b = _two_goals(mb, profile, build)
    result = merge_sessions([a, b], now=mb.NOW)
    conflict = result.conflicts[0]
    chosen = next(v for v in conflict.versions
                  if isinstance(v.item, Action) and v.item.goal == "600 woningen")

    resolved = resolve_conflict(result, conflict.id, chosen.key)

    assert resolved.unresolved == ()
    assert [x.goal for x in resolved.programme.actions] == ["600 woningen"]
    assert _outcome(resolved, build.id) == Outcome.RESOLVED
    assert result.unresolved == (conflict,)  # the original result is left as it was


def test_keep_all_keeps_every_version_under_its_own_id(mb, profile, housing) -> None:
    build, _ = housing
    a, b = _two_goals(mb, profile, build)
    result = resolve_conflict(merge_sessions([a, b], now=mb.NOW), f"actions:{build.id}", KEEP_ALL)

    ids = [x.id for x in result.programme.actions]
    assert len(ids) == 2 and build.id in ids and len(set(ids)) == 2
    assert sorted(x.goal for x in result.programme.actions) == ["600 woningen", "700 woningen"]


def test_an_edited_version_resolves_a_conflict(mb, profile, housing) -> None:
    build, _ = housing
    a, b = _two_goals(mb, profile, build)
    result = merge_sessions([a, b], now=mb.NOW)
    own = result.conflicts[0].versions[0].item
    assert own is not None

    resolved = resolve_conflict(result, result.conflicts[0].id, own.edited(goal="650 woningen"))

    assert [x.goal for x in resolved.programme.actions] == ["650 woningen"]
    with pytest.raises(UnknownChoiceError):
        resolve_conflict(result, result.conflicts[0].id, mb.action("Iets anders"))
    with pytest.raises(UnknownChoiceError):
        resolve_conflict(result, "actions:nope", KEEP_ALL)
    with pytest.raises(UnknownChoiceError):
        resolve_conflict(result, result.conflicts[0].id, "no-such-version")


def test_a_deletion_of_an_untouched_item_is_a_deletion(mb, profile, housing) -> None:
    build, help_ = housing
    base = mb.programme(profile, build, help_)
    a = mb.drop(mb.started(base, "A"), help_.id)
    b = mb.started(base, "B")

    result = merge_sessions([a, b], now=mb.NOW)

    assert [x.id for x in result.programme.actions] == [build.id]
    assert _outcome(result, help_.id) == Outcome.DELETED
    assert result.conflicts == ()


def test_deleted_in_one_and_changed_in_another_is_a_conflict(mb, profile, housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    a = mb.drop(mb.started(base, "A"), build.id)
    b = mb.edit(mb.started(base, "B"), build.id, goal="700 woningen")

    result = merge_sessions([a, b], now=mb.NOW)

    [conflict] = result.conflicts
    assert [v.key for v in conflict.versions][-1] == DELETED
    assert conflict.versions[-1].sources == (a.meta.as_origin(),)
    assert [x.goal for x in result.programme.actions] == ["700 woningen"]  # nothing lost
    assert [x.goal for x in resolve_newest(result).programme.actions] == ["700 woningen"]
    assert resolve_conflict(result, conflict.id, DELETED).programme.actions == ()


def test_without_a_start_programme_an_absent_item_is_not_a_deletion(mb, profile, housing) -> None:
    build, _ = housing
    a = mb.fresh(profile, "A", build)
    b = mb.fresh(profile, "B", mb.action("Laadpalen plaatsen", theme="energie"))

    result = merge_sessions([a, b], now=mb.NOW)

    assert {x.title for x in result.programme.actions} == {build.title, "Laadpalen plaatsen"}
    assert {e.outcome for e in result.report.entries} == {Outcome.ADDED}


def test_items_of_the_earlier_programme_that_no_session_knew_are_kept(mb, profile, housing) -> None:
    build, help_ = housing
    old = mb.programme(profile, build)
    later = mb.add(mb.programme(profile, build), help_)
    a = mb.started(old, "A")  # started before `help_` existed, so it cannot have deleted it

    result = merge_sessions([a], previous=later, now=mb.NOW)

    assert {x.id for x in result.programme.actions} == {build.id, help_.id}


def test_a_session_from_the_merged_programme_wins_over_the_older_versions(mb, profile,
                                                                          housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    a = mb.edit(mb.started(base, "A"), build.id, goal="600 woningen")
    b = mb.started(base, "B")
    first = merge_sessions([a, b], now=mb.NOW).programme
    c = mb.edit(mb.started(first, "C"), build.id, goal="800 woningen")

    result = merge_sessions([a, b, c, first], now=mb.NOW)

    assert result.conflicts == ()
    assert [x.goal for x in result.programme.actions] == ["800 woningen"]


def test_a_resolved_conflict_does_not_come_back_when_merging_again(mb, profile, housing) -> None:
    build, _ = housing
    a, b = _two_goals(mb, profile, build)
    first = merge_sessions([a, b], now=mb.NOW)
    resolved = resolve_conflict(first, first.conflicts[0].id, first.conflicts[0].versions[1].key)

    again = merge_sessions([a, b, resolved.programme], now=mb.NOW)

    assert again.conflicts == ()
    assert again.programme == resolved.programme


def test_sessions_with_different_profiles_are_refused(mb, profile) -> None:
    other = profile.model_copy(update={"name": "Elders"})
    a = mb.fresh(profile, "A")
    b = mb.fresh(other, "B")
    with pytest.raises(ProfileMismatchError, match="A"):
        merge_sessions([a, b])


def test_a_programme_edited_after_sessions_started_from_it_wins_where_they_did_not_change(
        mb, profile, housing) -> None:
    build, help_ = housing
    start = mb.edit(mb.started(mb.programme(profile, build, help_), "Start"), build.id,
                    goal="520 woningen")
    first = merge_sessions([start], now=mb.NOW).programme
    a = mb.edit(mb.started(first, "A"), help_.id, goal="Startersregeling")
    edited = mb.edit(first, build.id, goal="550 woningen")  # fixed in the app afterwards

    result = merge_sessions([a, edited], now=mb.NOW)

    assert result.conflicts == ()
    goals = {x.id: x.goal for x in result.programme.actions}
    assert goals == {build.id: "550 woningen", help_.id: "Startersregeling"}


def test_a_session_that_reverts_a_change_of_the_programme_wins(mb, profile, housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    first = merge_sessions([mb.edit(mb.started(base, "A"), build.id, goal="600 woningen")],
                           now=mb.NOW).programme
    back = mb.edit(mb.started(first, "B"), build.id, goal="500 woningen")

    result = merge_sessions([first, back], now=mb.NOW)

    assert result.conflicts == ()
    assert [x.goal for x in result.programme.actions] == ["500 woningen"]


def test_two_groups_changing_different_fields_both_apply(mb, profile, housing) -> None:
    build, _ = housing
    build = build.model_copy(update={"parties": (PartyRef(name="Intermaris"),
                                                 PartyRef(name="Woonschakel"))})
    base = mb.programme(profile, build)
    a = mb.edit(mb.started(base, "A"), build.id, goal="700 woningen",
                parties=(PartyRef(name="Intermaris"), PartyRef(name="Welwonen")))
    b = mb.edit(mb.started(base, "B"), build.id, notes="eerst Hoorn",
                parties=(PartyRef(name="Woonschakel"), PartyRef(name="Intermaris"),
                         PartyRef(name="Provincie Noord-Holland")))

    # The version both started from must be at hand: the programme, or a session that
    # left the action alone.
    result = merge_sessions([a, b, mb.started(base, "C")], now=mb.NOW)

    assert result.conflicts == ()
    [merged] = result.programme.actions
    assert (merged.goal, merged.notes) == ("700 woningen", "eerst Hoorn")
    # A removed Woonschakel and added Welwonen; B added the province: all of it applies.
    assert merged.parties[0].name == "Intermaris"
    assert {p.name for p in merged.parties} == {"Intermaris", "Welwonen",
                                                "Provincie Noord-Holland"}
    assert _outcome(result, build.id) == Outcome.CHANGED
    again = merge_sessions([a, b, result.programme], now=mb.NOW)
    assert again.conflicts == () and again.programme.actions == result.programme.actions


def test_the_same_field_changed_differently_is_still_a_conflict(mb, profile, housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    a = mb.edit(mb.started(base, "A"), build.id, goal="700 woningen", notes="x")
    b = mb.edit(mb.started(base, "B"), build.id, goal="900 woningen")
    [conflict] = merge_sessions([a, b], now=mb.NOW).conflicts
    assert {d.field for d in conflict.differences} == {"goal", "notes"}


def test_newest_keeps_the_losing_version_whole_in_the_history(mb, profile, housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    a = mb.edit(mb.started(base, "A"), build.id, goal="700 woningen met urgentieregeling")
    b = mb.edit(mb.started(base, "B"), build.id, goal="900 woningen")

    settled = resolve_newest(merge_sessions([a, b], now=mb.NOW))

    [kept] = settled.programme.actions
    assert kept.goal == "900 woningen"  # edited last
    [lost] = kept.history
    assert lost.reason == "newest" and lost.content is not None
    assert lost.content["goal"] == "700 woningen met urgentieregeling"
    assert [o.title for o in lost.sources] == ["A"]
    assert "700 woningen met urgentieregeling" in render_report(settled)


def test_newest_lets_a_later_deletion_win_and_records_it(mb, profile, housing) -> None:
    build, _ = housing
    base = mb.programme(profile, build)
    b = mb.edit(mb.started(base, "B"), build.id, goal="700 woningen")
    a = mb.drop(mb.started(base, "A"), build.id)
    later = b.actions[0].updated_at + dt.timedelta(hours=1)
    a = a.model_copy(update={"meta": a.meta.model_copy(update={"updated_at": later})})

    result = merge_sessions([a, b], now=mb.NOW)
    [conflict] = result.conflicts
    assert conflict.latest().deleted
    settled = resolve_newest(result)

    assert settled.programme.actions == ()
    [removed] = settled.programme.meta.removed
    assert removed.content is not None and removed.content["goal"] == "700 woningen"
    assert "verwijderingen meegeteld" in render_report(settled)
    # The same inputs with the result raise nothing again and bring nothing back.
    again = merge_sessions([a, b, settled.programme], now=mb.NOW)
    assert again.conflicts == () and again.programme.actions == ()


def test_an_action_kept_over_its_deletion_keeps_its_commitments(mb, profile, housing) -> None:
    build, _ = housing
    promise = Commitment(action_id=build.id, party=PartyRef(name="Intermaris"), text="grond")
    base = mb.programme(profile, build, promise)
    a = mb.drop(mb.drop(mb.started(base, "A"), promise.id), build.id)
    b = mb.edit(mb.started(base, "B"), build.id, goal="700 woningen")

    result = merge_sessions([a, b], now=mb.NOW)
    [conflict] = result.conflicts
    kept = resolve_conflict(result, conflict.id, conflict.newest().key)

    assert [c.text for c in kept.programme.commitments] == ["grond"]
    removed = resolve_conflict(result, conflict.id, DELETED)
    assert removed.programme.commitments == ()
    # The report names the action a removed commitment belonged to.
    assert "‘Intermaris, bij de actie Woningbouw versnellen’" in render_report(removed)

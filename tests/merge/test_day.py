"""A day of breakouts against its programme: added, changed and deleted actions told by ids
and `base` fingerprints, and duplicates between breakouts proposed by the merge's finder."""

from __future__ import annotations

from pact_tui.merge import merge_sessions
from pact_tui.merge.day import (
    PROGRAMME_NAME,
    breakout_changes,
    day_breakouts,
    day_duplicates,
    day_programme,
    flagged,
    merged_into,
    new_breakout,
)
from pact_tui.model import Laptop


def test_a_breakout_adds_changes_and_deletes_against_its_programme(mb, profile) -> None:
    kept, edited, gone = (mb.action("Flexwoningen"), mb.action("Warmtenet", theme="energie"),
                          mb.action("Fietspad Hoorn-Enkhuizen", theme="bereikbaarheid"))
    programme = mb.programme(profile, kept, edited, gone)
    breakout = mb.drop(mb.edit(mb.started(programme, "Wonen"), edited.id,
                               title="Warmtenet Hoorn-Noord"), gone.id)
    breakout = mb.add(breakout, mb.action("Tiny houses in Medemblik"))  # typed last

    changes = breakout_changes(breakout, programme)

    assert [a.title for a in changes.added] == ["Tiny houses in Medemblik"]
    assert [a.title for a in changes.changed] == ["Warmtenet Hoorn-Noord"]
    assert [a.title for a in changes.deleted] == ["Fietspad Hoorn-Enkhuizen"]
    assert [(is_new, a.title) for is_new, a in changes.newest(5)] == [
        (True, "Tiny houses in Medemblik"), (False, "Warmtenet Hoorn-Noord")]


def test_an_untouched_breakout_has_nothing_to_show(mb, profile) -> None:
    programme = mb.programme(profile, mb.action("Flexwoningen"))
    changes = breakout_changes(mb.started(programme, "Wonen"), programme)
    assert changes.fresh == () and changes.deleted == ()


def test_without_its_programme_a_breakout_still_tells_new_and_changed(mb, profile) -> None:
    existing = mb.action("Flexwoningen")
    programme = mb.programme(profile, existing)
    breakout = mb.add(mb.edit(mb.started(programme, "Wonen"), existing.id, goal="150"),
                      mb.action("Tiny houses"))
    changes = breakout_changes(breakout, None)
    assert len(changes.added) == 1 and len(changes.changed) == 1 and changes.deleted == ()


def test_the_programme_is_programma_json_else_the_one_the_breakouts_started_from(
        mb, profile) -> None:
    old = mb.programme(profile, title="Vorig jaar")
    current = mb.programme(profile, title="Dit jaar")
    sessions = {"oud.json": old, "nieuw.json": current,
                "wonen.json": mb.started(current, "Wonen"),
                "energie.json": mb.started(current, "Energie"),
                "los.json": mb.fresh(profile, "Losse sessie")}
    assert day_programme(sessions) == "nieuw.json"
    assert sorted(day_breakouts(sessions, "nieuw.json")) == ["energie.json", "wonen.json"]
    assert day_programme({**sessions, PROGRAMME_NAME: old}) == PROGRAMME_NAME
    assert day_programme({"los.json": sessions["los.json"]}) is None
    assert day_breakouts({"los.json": sessions["los.json"]}, None) == ["los.json"]


def test_duplicates_between_two_breakouts_are_flagged_not_within_one(mb, profile) -> None:
    programme = mb.programme(profile)
    first = mb.action("Meer laadpalen plaatsen in Hoorn", theme="energie")
    second = mb.action("Meer laadpalen bijplaatsen in Hoorn", theme="energie")
    twin = mb.action("Meer laadpalen plaatsen in Hoorn!", theme="energie")
    wonen = mb.add(mb.started(programme, "Wonen"), first, twin)
    energie = mb.add(mb.started(programme, "Energie"), second)

    found = day_duplicates({"wonen.json": breakout_changes(wonen, programme).fresh,
                            "energie.json": breakout_changes(energie, programme).fresh})

    pairs = {frozenset((d.keep_in, d.other_in)) for d in found}
    assert pairs == {frozenset(("wonen.json", "energie.json"))}
    assert {frozenset((d.proposal.keep_id, d.proposal.other_id)) for d in found} == {
        frozenset((first.id, second.id)), frozenset((twin.id, second.id))}
    flags = flagged(found)
    assert len(flags[("energie.json", second.id)]) == 2
    assert ("wonen.json", first.id) in flags


def test_a_new_breakout_is_kept_on_this_laptop(mb, profile) -> None:
    programme = mb.programme(profile, mb.action("Flexwoningen"))
    anna = Laptop(id="anna", name="laptop van Anna")
    breakout = new_breakout(programme, "Wonen", anna)
    assert breakout.meta.laptop == anna
    assert breakout.meta.sources[0].session_id == programme.meta.id
    assert breakout_changes(breakout, programme).fresh == ()


def test_after_the_merge_the_breakouts_still_belong_to_the_day(mb, profile) -> None:
    programme = mb.programme(profile, mb.action("Flexwoningen"))
    wonen = mb.add(mb.started(programme, "Wonen"), mb.action("Tiny houses"))
    merged = merge_sessions([programme, wonen], now=mb.NOW).programme
    sessions = {"programma.json": merged, "wonen.json": wonen}
    assert day_breakouts(sessions, "programma.json") == ["wonen.json"]
    assert merged_into(wonen, merged) and not merged_into(wonen, programme)


def test_after_the_merge_a_breakout_shows_only_what_it_did_since(mb, profile) -> None:
    from pact_tui.merge import combine_all

    programme = mb.programme(profile, mb.action("Flexwoningen"))
    wonen = mb.add(mb.started(programme, "Wonen"), mb.action("Meer laadpalen plaatsen in Hoorn",
                                                             theme="energie"))
    energie = mb.add(mb.started(programme, "Energie"),
                     mb.action("Meer laadpalen bijplaatsen in Hoorn", theme="energie"))
    energie = mb.edit(energie, programme.actions[0].id, title="Flexwoningen voor starters")
    result = combine_all(merge_sessions([programme, wonen, energie], now=mb.NOW))
    assert result.duplicates, "the two chargers are proposed as one"
    merged = result.programme
    for breakout in (wonen, energie):
        assert breakout_changes(breakout, merged).fresh == (), breakout.meta.title
    assert day_duplicates({"wonen.json": breakout_changes(wonen, merged).fresh,
                           "energie.json": breakout_changes(energie, merged).fresh}) == ()

    later = mb.add(wonen, mb.action("Tiny houses in Medemblik"))
    assert [a.title for a in breakout_changes(later, merged).added] == [
        "Tiny houses in Medemblik"]

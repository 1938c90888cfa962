"""A partner's commitment never loses its action in a merge: an action one breakout deleted
while another made it a commitment stays, as a conflict over its deletion, for a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pact_tui.merge import DELETED, merge_sessions, resolve_conflict, resolve_newest
from pact_tui.merge.report import render_report
from pact_tui.model import Action, Commitment, PartyRef, RegionProfile, Session
from pact_tui.model.commitment_rules import orphaned
from pact_tui.store import SessionFile, read_session, write_session

KEPT = ("verwijderd in Energie, maar deze actie kreeg een toezegging van Intermaris (in Wonen); "
        "daarom is de actie behouden")


def _without_orphans(programme: Session) -> None:
    assert orphaned(programme.commitments, {action.id for action in programme.actions}) == []


def _breakout(tmp_path: Path, mb: Any, programme: Session, title: str) -> Path:
    """A breakout file started from `programme`, as `session new --from` starts one."""
    path = tmp_path / f"{title.lower()}.json"
    write_session(path, mb.started(programme, title))
    return path


def _deleted(path: Path, *items: Action | Commitment) -> Session:
    """`path` with `items` deleted the way the app deletes them (a tombstone each)."""
    with SessionFile.open(path) as opened:
        for item in items:
            opened.delete(type(item), item.id)
    return read_session(path)


def _promised(path: Path, action: Action) -> Session:
    """`path` with Intermaris's commitment to `action` added."""
    with SessionFile.open(path) as opened:
        opened.add(Commitment(action_id=action.id, party=PartyRef(name="Intermaris"),
                              text="Levert twintig woningen"))
    return read_session(path)


def _new_in_programme(tmp_path: Path, mb: Any, profile: RegionProfile,
                      flex: Action) -> Session:
    """A programme merged from a first round in which a breakout added `flex`."""
    first = mb.programme(profile, mb.action("Warmteplan", theme="energie"))
    added = mb.add(mb.started(first, "Ronde 1"), flex)
    return merge_sessions([added], now=mb.NOW).programme


def _from_base(tmp_path: Path, mb: Any, profile: RegionProfile, flex: Action) -> Session:
    return mb.programme(profile, flex, mb.action("Warmteplan", theme="energie"))


@pytest.mark.parametrize("build", [_from_base, _new_in_programme])
@pytest.mark.parametrize("order", ["deleting first", "committing first",
                                   "programme, committing, deleting"])
def test_an_action_one_breakout_deleted_stays_for_a_commitment_another_made(
        tmp_path: Path, mb: Any, profile: RegionProfile, build: Any, order: str) -> None:
    flex = mb.action("Flexwoningen", goal="200 woningen")
    programme = build(tmp_path, mb, profile, flex)
    energie = _deleted(_breakout(tmp_path, mb, programme, "Energie"), flex)
    wonen = _promised(_breakout(tmp_path, mb, programme, "Wonen"), flex)
    inputs = {"deleting first": [energie, wonen], "committing first": [wonen, energie],
              "programme, committing, deleting": [programme, wonen, energie]}[order]

    result = merge_sessions(inputs, now=mb.NOW)

    merged = result.programme
    kept = mb.by_id(merged, flex.id)
    assert kept is not None and kept.goal == "200 woningen"  # as the programme had it
    assert [c.text for c in merged.commitments] == ["Levert twintig woningen"]
    _without_orphans(merged)
    # The deletion is not lost: a conflict for the facilitator, naming who deleted it and
    # whose commitment kept it.
    [conflict] = result.conflicts
    assert conflict.item_id == flex.id
    assert conflict.versions[-1].key == DELETED
    assert [o.title for o in conflict.versions[-1].sources] == ["Energie"]
    assert [c.label() for c in conflict.commitments] == ["Intermaris"]
    assert conflict.base is not None and conflict.base.content() == kept.content()
    holders = ", ".join(origin.title for origin in conflict.versions[0].sources)
    assert holders.endswith("Wonen")
    assert f"ongewijzigd in {holders}\n      {KEPT}\n" in render_report(result)
    # Written as it stands, merged again with its breakouts: nothing comes back to decide.
    again = merge_sessions([*inputs, merged], now=mb.NOW)
    assert again.conflicts == ()
    assert mb.by_id(again.programme, flex.id) is not None
    _without_orphans(again.programme)


def test_an_action_changed_and_promised_in_one_breakout_keeps_that_change(
        tmp_path: Path, mb: Any, profile: RegionProfile) -> None:
    flex = mb.action("Flexwoningen", goal="200 woningen")
    programme = _from_base(tmp_path, mb, profile, flex)
    energie = _deleted(_breakout(tmp_path, mb, programme, "Energie"), flex)
    path = _breakout(tmp_path, mb, programme, "Wonen")
    write_session(path, mb.edit(read_session(path), flex.id, goal="300 woningen"),
                  overwrite=True)
    wonen = _promised(path, flex)

    for inputs in ([energie, wonen], [wonen, energie]):
        result = merge_sessions(inputs, now=mb.NOW)
        kept = mb.by_id(result.programme, flex.id)
        assert kept is not None and kept.goal == "300 woningen"
        [conflict] = result.conflicts
        assert [c.label() for c in conflict.commitments] == ["Intermaris"]
        assert KEPT in render_report(result)
        _without_orphans(resolve_conflict(result, conflict.id, DELETED).programme)


def test_by_the_timestamps_a_commitment_made_after_the_deletion_keeps_its_action(
        tmp_path: Path, mb: Any, profile: RegionProfile) -> None:
    flex = mb.action("Flexwoningen")
    programme = _from_base(tmp_path, mb, profile, flex)
    energie = _deleted(_breakout(tmp_path, mb, programme, "Energie"), flex)
    wonen = _promised(_breakout(tmp_path, mb, programme, "Wonen"), flex)  # after that

    settled = resolve_newest(merge_sessions([energie, wonen], now=mb.NOW)).programme

    assert mb.by_id(settled, flex.id) is not None
    assert [c.text for c in settled.commitments] == ["Levert twintig woningen"]
    # Deleted after the promise: the deletion wins, and takes the promise along.
    later = _deleted(_breakout(tmp_path, mb, programme, "Later"), flex)
    settled = resolve_newest(merge_sessions([later, wonen], now=mb.NOW)).programme
    assert mb.by_id(settled, flex.id) is None
    _without_orphans(settled)


def test_deleting_the_action_after_all_takes_the_commitment_along_whole(
        tmp_path: Path, mb: Any, profile: RegionProfile) -> None:
    flex = mb.action("Flexwoningen")
    programme = _from_base(tmp_path, mb, profile, flex)
    energie = _deleted(_breakout(tmp_path, mb, programme, "Energie"), flex)
    wonen = _promised(_breakout(tmp_path, mb, programme, "Wonen"), flex)
    result = merge_sessions([energie, wonen], now=mb.NOW)
    [conflict] = result.conflicts

    settled = resolve_conflict(result, conflict.id, DELETED)

    assert mb.by_id(settled.programme, flex.id) is None
    assert settled.programme.commitments == ()
    removed = {v.content.get("text") for v in settled.programme.meta.removed if v.content}
    assert "Levert twintig woningen" in removed  # no word lost
    report = render_report(settled)
    assert ("verwijderd in Energie, terwijl deze actie een toezegging kreeg van Intermaris "
            "(in Wonen)") in report
    assert "Toezegging ‘Intermaris, bij de actie Flexwoningen’" in report.split("Verwijderd:")[1]
    again = merge_sessions([energie, wonen, settled.programme], now=mb.NOW)
    assert again.conflicts == () and again.programme.commitments == ()


def test_a_deleted_action_that_no_breakout_promised_anything_stays_deleted_with_its_commitments(
        tmp_path: Path, mb: Any, profile: RegionProfile) -> None:
    flex = mb.action("Flexwoningen")
    promise = Commitment(action_id=flex.id, party=PartyRef(name="Intermaris"), text="grond")
    programme = mb.programme(profile, flex, promise)
    # One breakout deleted the action the way the app does (its commitment with it), one
    # only the action (a file edited by hand), the third left both alone.
    along = _deleted(_breakout(tmp_path, mb, programme, "Energie"), promise, flex)
    alone = _deleted(_breakout(tmp_path, mb, programme, "Zorg"), flex)
    untouched = read_session(_breakout(tmp_path, mb, programme, "Wonen"))

    for inputs in ([along, untouched], [alone, untouched], [untouched, alone]):
        result = merge_sessions(inputs, now=mb.NOW)
        assert result.conflicts == ()
        assert result.programme.actions == () and result.programme.commitments == ()

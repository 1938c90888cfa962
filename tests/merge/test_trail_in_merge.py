"""The trail is a file's own: merged programmes and sessions started from one begin without it."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from pact_tui.merge import merge_sessions
from pact_tui.model import ITEM_KINDS, RegionProfile, Session


def _without_trails(session: Session) -> Session:
    return session.model_copy(update={table: tuple(
        item.model_copy(update={"trail": ()}) for item in session.items(table))
        for table in ITEM_KINDS})


def test_a_merge_is_the_same_with_or_without_trails_and_keeps_none(
        profile: RegionProfile, mb: Any) -> None:
    one, two = mb.action("Flexwoningen"), mb.action("Warmteplan", theme="energie")
    start = mb.programme(profile, one, two)
    first = mb.edit(mb.edit(mb.started(start, "Wonen"), one.id, title="Flexwoningen nu"),
                    one.id, goal="150 in 2027")
    second = mb.edit(mb.started(start, "Energie"), one.id, notes="Met de corporaties")
    assert first.actions[0].trail
    with_trails = merge_sessions([first, second], previous=start, now=mb.NOW)
    without = merge_sessions([_without_trails(first), _without_trails(second)], previous=start,
                             now=mb.NOW)
    assert with_trails.programme == without.programme
    assert not with_trails.conflicts
    merged = next(a for a in with_trails.programme.actions if a.id == one.id)
    assert (merged.title, merged.goal, merged.notes) == (
        "Flexwoningen nu", "150 in 2027", "Met de corporaties")
    assert all(not item.trail for item in with_trails.programme.all_items())


def test_a_session_started_from_a_programme_starts_without_its_trail(
        profile: RegionProfile, mb: ModuleType) -> None:
    one = mb.action("Flexwoningen").edited(title="Flexwoningen voor starters")
    session = mb.started(mb.programme(profile, one), "Wonen")
    (copy,) = session.actions
    assert copy.trail == () and copy.base == one.fingerprint() == copy.fingerprint()

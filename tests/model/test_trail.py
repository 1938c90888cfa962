"""An item's trail: every version it went through in its file, rebuilt from the steps."""

from __future__ import annotations

import json

from pact_tui.model import (
    TRAIL_LIMIT,
    Action,
    Step,
    common_version,
    past_versions,
    stepped,
)


def flex() -> Action:
    return Action(theme="wonen", title="Flexwoningen", goal="150 woningen in 2027")


def test_each_edit_adds_the_version_it_replaced() -> None:
    first = flex()
    second = first.edited(title="Flexwoningen voor starters")
    third = second.edited(goal="180 woningen in 2027", notes="Na de plenaire ronde")
    versions = list(past_versions(third))
    assert [(fp, revision) for fp, revision, _ in versions] == [
        (third.fingerprint(), 3), (second.fingerprint(), 2), (first.fingerprint(), 1)]
    assert [content for _, _, content in versions] == [
        third.content(), second.content(), first.content()]
    # A step keeps only what the next version changed.
    assert third.trail[-1].was == {"goal": "150 woningen in 2027", "notes": ""}


def test_the_trail_is_bookkeeping_content_and_fingerprint_stay_as_they_were() -> None:
    item = flex()
    edited = item.edited(title="Iets anders").edited(title=item.title)
    assert edited.trail and edited.fingerprint() == item.fingerprint()
    assert "trail" not in edited.content()


def test_an_item_without_trail_is_written_without_it() -> None:
    item = flex()
    assert "trail" not in json.loads(item.model_dump_json())
    assert "trail" in json.loads(item.edited(title="Ander").model_dump_json())


def test_an_edit_that_changes_nothing_adds_no_step() -> None:
    item = flex().edited(title="Ander")
    same = item.edited(title="Ander")
    assert same.trail == item.trail and same.revision == item.revision + 1


def test_the_trail_keeps_the_newest_steps_only() -> None:
    item = flex()
    for number in range(TRAIL_LIMIT + 10):
        item = item.edited(notes=f"versie {number}")
    assert len(item.trail) == TRAIL_LIMIT
    assert item.trail[0].revision == 11
    *_, (_, _, oldest) = past_versions(item)
    assert oldest["notes"] == "versie 9"


def test_stepped_gives_after_the_trail_of_before() -> None:
    before = flex().edited(title="Een")
    unrelated = flex().edited(goal="Twee")
    after = stepped(before, unrelated)
    assert after.trail == (*before.trail, after.trail[-1])
    assert after.trail[-1] == Step(fingerprint=before.fingerprint(), revision=before.revision,
                                   was={"title": "Een", "goal": "150 woningen in 2027"})


def test_two_copies_share_the_version_they_went_apart_from() -> None:
    shared = flex().edited(title="Gedeeld")
    mine = shared.edited(goal="Mijn doel").edited(notes="Mijn notitie")
    theirs = shared.edited(title="Hun titel")
    assert common_version(mine, theirs) == (shared.fingerprint(), shared.content())
    assert common_version(theirs, mine) == (shared.fingerprint(), shared.content())
    assert common_version(mine, shared) == (shared.fingerprint(), shared.content())


def test_older_wording_again_is_a_newer_version_not_the_old_one() -> None:
    first = flex()
    changed = first.edited(title="Anders")
    back = changed.edited(title=first.title)
    assert back.fingerprint() == first.fingerprint()
    # `changed` is what both have; `back` only looks like the first version.
    assert common_version(back, changed) == (changed.fingerprint(), changed.content())


def test_items_with_nothing_in_common_share_nothing() -> None:
    assert common_version(flex(), flex().model_copy(update={"title": "Anders"})) is None
    old = flex()
    newer = old
    for number in range(TRAIL_LIMIT + 1):
        newer = newer.edited(notes=f"versie {number}")
    assert common_version(newer, old) is None


def test_a_trail_changed_by_hand_gives_no_base() -> None:
    shared = flex().edited(title="Gedeeld")
    mine = shared.edited(goal="Mijn doel")
    tampered = mine.model_copy(update={"trail": (
        *mine.trail[:-1], mine.trail[-1].model_copy(update={"was": {"goal": "Vervalst"}}))})
    assert common_version(tampered, shared) is None

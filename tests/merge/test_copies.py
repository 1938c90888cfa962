"""Two copies of one session file merged back into one: only real conflicts, no word lost."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pact_tui.merge import DELETED, merge_copies, settle
from pact_tui.merge.result import FieldDifference
from pact_tui.model import (
    TRAIL_LIMIT,
    Action,
    Commitment,
    Deletion,
    Item,
    Participant,
    PartyRef,
    RegionProfile,
    Session,
    VotingRound,
    now_utc,
)
from pact_tui.store import SessionFile, read_session, write_session


def _breakout(profile: RegionProfile, mb: Any, *actions: Action) -> Session:
    return mb.started(mb.programme(profile, *actions), "Wonen")


def _copies(tmp_path: Path, session: Session) -> tuple[Path, Path]:
    """The file and a copy of it on another laptop, both holding `session`."""
    mine, theirs = tmp_path / "wonen.json", tmp_path / "laptop-b" / "wonen.json"
    write_session(mine, session)
    theirs.parent.mkdir()
    shutil.copy(mine, theirs)
    return mine, theirs


def _deleted_in_file(path: Path, item: Item) -> Session:
    with SessionFile.open(path) as opened:
        opened.delete(type(item), item.id)
    return read_session(path)


def _edited_in_file(path: Path, item_id: str, **changes: Any) -> Session:
    with SessionFile.open(path) as opened:
        current = opened.get(Action, item_id)
        assert current is not None
        opened.update(current.edited(**changes))
    return read_session(path)


def _action(session: Session, item_id: str) -> Action:
    return next(action for action in session.actions if action.id == item_id)


def _retitled_both_ways(profile: RegionProfile, mb: Any) -> tuple[Action, Session, Session]:
    """An action, and two copies of its breakout that each gave it another title."""
    flex = mb.action("Flexwoningen")
    shared = _breakout(profile, mb, flex)
    return (flex, mb.edit(shared, flex.id, title="Flexwoningen voor starters"),
            mb.edit(shared, flex.id, title="Flexwoningen voor spoedzoekers"))


def test_a_copy_older_than_the_other_loses_whole(profile: RegionProfile, mb: Any) -> None:
    flex = mb.action("Flexwoningen", goal="150 woningen")
    shared = _breakout(profile, mb, flex)
    newer = mb.edit(mb.edit(shared, flex.id, title="Flexwoningen voor starters"), flex.id,
                    goal="180 woningen")
    for mine, theirs in ((shared, newer), (newer, shared)):
        merged = merge_copies(mine, theirs)
        assert merged.conflicts == ()
        assert merged.session.actions == newer.actions


def test_different_fields_changed_are_joined(profile: RegionProfile, mb: Any) -> None:
    flex = mb.action("Flexwoningen", goal="150 woningen")
    shared = _breakout(profile, mb, flex)
    mine = mb.edit(shared, flex.id, title="Flexwoningen voor starters")
    theirs = mb.edit(shared, flex.id, goal="180 woningen", notes="Met Intermaris")
    merged = merge_copies(mine, theirs)
    assert merged.conflicts == ()
    (action,) = merged.session.actions
    assert (action.title, action.goal, action.notes) == (
        "Flexwoningen voor starters", "180 woningen", "Met Intermaris")
    assert merge_copies(theirs, mine).session.actions[0].content() == action.content()


def test_the_same_field_changed_both_ways_is_a_conflict_that_keeps_both(
        profile: RegionProfile, mb: Any) -> None:
    flex, mine, theirs = _retitled_both_ways(profile, mb)
    merged = merge_copies(mine, theirs)
    (conflict,) = merged.conflicts
    assert conflict.base is not None and conflict.base.content() == flex.content()
    assert conflict.differences == (FieldDifference(
        "title", "Flexwoningen", ("Flexwoningen voor starters", "Flexwoningen voor spoedzoekers")),)
    (kept,) = merged.session.actions
    assert kept.title == "Flexwoningen voor starters"
    (lost,) = kept.history
    assert (lost.reason, lost.content and lost.content["title"]) == (
        "sync", "Flexwoningen voor spoedzoekers")


def test_a_settled_conflict_stays_settled(profile: RegionProfile, mb: Any) -> None:
    _, mine, theirs = _retitled_both_ways(profile, mb)
    merged = merge_copies(mine, theirs)
    (conflict,) = merged.conflicts
    chosen = settle(merged, conflict.id, theirs.actions[0].fingerprint())
    assert chosen.conflicts == ()
    (kept,) = chosen.session.actions
    assert kept.title == "Flexwoningen voor spoedzoekers"
    assert [(v.reason, v.content and v.content["title"]) for v in kept.history] == [
        ("chosen", "Flexwoningen voor starters")]
    for copy in (mine, theirs):
        again = merge_copies(chosen.session, copy)
        assert again.conflicts == () and again.session == chosen.session


def test_parties_added_on_both_sides_are_joined(profile: RegionProfile, mb: Any) -> None:
    flex = mb.action("Flexwoningen", parties=(PartyRef(name="Gemeente Hoorn"),))
    shared = _breakout(profile, mb, flex)
    mine = mb.edit(shared, flex.id, parties=(*flex.parties, PartyRef(name="Intermaris")))
    theirs = mb.edit(shared, flex.id, parties=(*flex.parties, PartyRef(name="Woonschap")))
    merged = merge_copies(mine, theirs)
    assert merged.conflicts == ()
    assert [p.name for p in merged.session.actions[0].parties] == [
        "Gemeente Hoorn", "Intermaris", "Woonschap"]


def test_deleted_in_one_and_unchanged_in_the_other_is_deleted(
        tmp_path: Path, profile: RegionProfile, mb: Any) -> None:
    flex, warmte = mb.action("Flexwoningen"), mb.action("Warmteplan", theme="energie")
    mine_path, theirs_path = _copies(tmp_path, _breakout(profile, mb, flex, warmte))
    mine = _deleted_in_file(mine_path, flex)
    theirs = read_session(theirs_path)
    for first, second in ((mine, theirs), (theirs, mine)):
        merged = merge_copies(first, second)
        assert merged.conflicts == ()
        assert [action.title for action in merged.session.actions] == ["Warmteplan"]
        assert [d.item_id for d in merged.session.meta.deletions] == [flex.id]


def test_an_action_deleted_in_one_copy_comes_back_for_a_commitment_the_other_gave_it(
        tmp_path: Path, profile: RegionProfile, mb: Any) -> None:
    flex, warmte = mb.action("Flexwoningen"), mb.action("Warmteplan", theme="energie")
    mine_path, theirs_path = _copies(tmp_path, _breakout(profile, mb, flex, warmte))
    mine = _deleted_in_file(mine_path, flex)
    with SessionFile.open(theirs_path) as opened:
        opened.add(Commitment(action_id=flex.id, party=PartyRef(name="Intermaris"),
                              text="Levert twintig woningen"))
    theirs = read_session(theirs_path)
    for first, second in ((mine, theirs), (theirs, mine)):
        merged = merge_copies(first, second).session
        # The partner's promise keeps its action: no commitment is left without one.
        assert sorted(action.title for action in merged.actions) == ["Flexwoningen", "Warmteplan"]
        assert [c.text for c in merged.commitments] == ["Levert twintig woningen"]
        assert flex.id not in {d.item_id for d in merged.meta.deletions}
        for copy in (mine, theirs):
            again = merge_copies(merged, copy)
            assert again.conflicts == ()
            assert again.session.actions == merged.actions


def test_deleted_in_one_and_changed_in_the_other_is_a_conflict(
        tmp_path: Path, profile: RegionProfile, mb: Any) -> None:
    flex = mb.action("Flexwoningen")
    mine_path, theirs_path = _copies(tmp_path, _breakout(profile, mb, flex))
    mine = _deleted_in_file(mine_path, flex)
    theirs = _edited_in_file(theirs_path, flex.id, goal="150 woningen voor starters")
    deleting_first = merge_copies(mine, theirs)
    (conflict,) = deleting_first.conflicts
    assert {v.key for v in conflict.versions} == {DELETED, theirs.actions[0].fingerprint()}
    assert conflict.base is not None and conflict.base.content() == flex.content()
    # Deleted stays until a person decides; the edit is kept whole in the meantime.
    assert deleting_first.session.actions == ()
    (kept,) = deleting_first.session.meta.removed
    assert kept.reason == "sync" and kept.content and kept.content["goal"] == (
        "150 woningen voor starters")
    editing_first = merge_copies(theirs, mine)
    assert len(editing_first.conflicts) == 1
    (action,) = editing_first.session.actions
    assert action.goal == "150 woningen voor starters"
    assert [v.content for v in action.history] == [None]
    restored = settle(deleting_first, conflict.id, theirs.actions[0].fingerprint())
    assert [a.goal for a in restored.session.actions] == ["150 woningen voor starters"]
    assert restored.session.meta.removed == () and restored.session.meta.deletions == ()
    assert merge_copies(restored.session, mine).session == restored.session
    gone = settle(editing_first, conflict.id, DELETED)
    assert gone.session.actions == ()
    assert merge_copies(gone.session, theirs).session == gone.session


def test_items_added_on_both_sides_are_all_kept(profile: RegionProfile, mb: Any) -> None:
    shared = _breakout(profile, mb, mb.action("Flexwoningen"))
    mine = mb.add(shared, mb.action("Tiny houses"))
    theirs = mb.add(shared, mb.action("Hofjeswoningen"), mb.action("Warmteplan", "energie"))
    merged = merge_copies(mine, theirs)
    assert merged.conflicts == ()
    assert [a.title for a in merged.session.actions] == [
        "Flexwoningen", "Tiny houses", "Hofjeswoningen", "Warmteplan"]


def test_merging_twice_or_with_itself_changes_nothing(profile: RegionProfile, mb: Any) -> None:
    flex, warmte = mb.action("Flexwoningen"), mb.action("Warmteplan", theme="energie")
    shared = _breakout(profile, mb, flex, warmte)
    mine = mb.add(mb.edit(mb.edit(shared, flex.id, title="Flex"), warmte.id, goal="Warmte"),
                  mb.action("Tiny houses"))
    theirs = mb.edit(mb.edit(shared, flex.id, title="Flexwonen"), warmte.id, notes="Met HVC")
    assert merge_copies(mine, mine).session == mine
    merged = merge_copies(mine, theirs).session
    for copy in (mine, theirs, merged):
        assert merge_copies(merged, copy).session == merged


def test_a_copy_older_than_the_trail_is_a_conflict_that_loses_nothing(
        profile: RegionProfile, mb: Any) -> None:
    flex = mb.action("Flexwoningen")
    shared = _breakout(profile, mb, flex)
    newer = shared
    for number in range(TRAIL_LIMIT + 1):
        newer = mb.edit(newer, flex.id, notes=f"Ronde {number}")
    merged = merge_copies(shared, newer)
    (conflict,) = merged.conflicts
    assert conflict.base is None
    (kept,) = merged.session.actions
    assert kept.notes == "" and kept.history[0].content
    assert kept.history[0].content["notes"] == f"Ronde {TRAIL_LIMIT}"


def test_meta_takes_the_newer_copys_values_and_joins_people_and_rounds(
        profile: RegionProfile, mb: Any) -> None:
    shared = _breakout(profile, mb, mb.action("Flexwoningen"))
    meta = shared.meta
    mine = shared.model_copy(update={"meta": meta.model_copy(update={
        "title": "Wonen, middag", "updated_at": now_utc(),
        "participants": (Participant(organisation="Gemeente Hoorn"),),
        "voting_rounds": (VotingRound(name="Stippen"),)})})
    theirs = shared.model_copy(update={"meta": meta.model_copy(update={
        "title": "Wonen, ochtend", "updated_at": meta.updated_at,
        "participants": (Participant(organisation="Intermaris"),),
        "voting_rounds": (VotingRound(name="Tweede ronde"),)})})
    for first, second in ((mine, theirs), (theirs, mine)):
        merged = merge_copies(first, second).session.meta
        assert merged.title == "Wonen, middag" and merged.id == meta.id
        assert {p.organisation for p in merged.participants} == {"Gemeente Hoorn", "Intermaris"}
        assert {r.name for r in merged.voting_rounds} == {"Stippen", "Tweede ronde"}


def test_a_merge_written_into_the_file_is_merged_again_without_change(
        tmp_path: Path, profile: RegionProfile, mb: Any) -> None:
    flex, warmte = mb.action("Flexwoningen"), mb.action("Warmteplan", theme="energie")
    mine_path, theirs_path = _copies(tmp_path, _breakout(profile, mb, flex, warmte))
    _edited_in_file(mine_path, flex.id, title="Flexwoningen voor starters")
    _edited_in_file(mine_path, warmte.id, goal="Warmteplan in 2026")
    _edited_in_file(theirs_path, flex.id, title="Flexwoningen voor spoedzoekers")
    theirs = _edited_in_file(theirs_path, warmte.id, notes="Met HVC")
    merged = merge_copies(read_session(mine_path), theirs)
    with SessionFile.open(mine_path) as opened:
        opened.replace_all(merged.session)
    written = read_session(mine_path)
    (conflict,) = merge_copies(written, theirs).conflicts
    assert conflict.item_id == flex.id
    assert merge_copies(written, theirs).session == written
    warmte_now = _action(written, warmte.id)
    assert (warmte_now.goal, warmte_now.notes) == ("Warmteplan in 2026", "Met HVC")
    # The copy, edited further, still finds its base in the written file.
    later = _edited_in_file(theirs_path, warmte.id, notes="Met HVC en de woningcorporaties")
    again = merge_copies(written, later)
    assert [c.item_id for c in again.conflicts] == [flex.id]
    assert _action(again.session, warmte.id).notes == "Met HVC en de woningcorporaties"


# --- 100 conflicting syncs with random edits ----------------------------------------------

_WORD = re.compile(r"\w+")


def _texts(item: Item) -> Iterator[str]:
    content = item.content()
    for name in ("title", "goal", "notes"):
        yield content[name]
    for party in content["parties"]:
        yield party["name"]


def _words_of(session: Session) -> dict[str, set[str]]:
    """Per action id, the words of its texts."""
    return {action.id: {w for text in _texts(action) for w in _WORD.findall(text)}
            for action in session.actions}


def _kept_words(session: Session) -> set[str]:
    """Every word anywhere in the session's actions: their texts and their histories."""
    found: set[str] = set()
    versions = [version.content for action in session.actions for version in action.history]
    versions += [version.content for version in session.meta.removed]
    for action in session.actions:
        found.update(w for text in _texts(action) for w in _WORD.findall(text))
    for content in versions:
        if content is not None:
            for name in ("title", "goal", "notes"):
                found.update(_WORD.findall(content.get(name, "")))
            found.update(w for party in content.get("parties", ())
                         for w in _WORD.findall(party["name"]))
    return found


class _Typist:
    """Random edits of one copy, as the store would save them (a deletion leaves a tombstone)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = 0

    def word(self) -> str:
        self.words += 1
        return f"woord{self.words}x{self.rng.randrange(10**6)}"

    def text(self) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(1, 4)))

    def edit(self, session: Session, hot: set[str]) -> Session:
        """1 to 6 edits, most of them of the `hot` actions (both copies edit those)."""
        actions = list(session.actions)
        deletions = session.meta.deletions
        for _ in range(self.rng.randint(1, 6)):
            roll = self.rng.random()
            if roll < 0.1 or not actions:
                actions.append(Action(theme="wonen", title=self.text()))
                continue
            hot_indices = [n for n, action in enumerate(actions) if action.id in hot]
            if hot_indices and self.rng.random() < 0.9:
                index = self.rng.choice(hot_indices)
            else:
                index = self.rng.randrange(len(actions))
            action = actions[index]
            if roll < 0.2:
                del actions[index]
                deletions = (*deletions, Deletion(
                    table="actions", item_id=action.id, fingerprint=action.fingerprint(),
                    revision=action.revision, at=now_utc()))
            elif roll < 0.4:
                party = PartyRef(name=self.text())
                actions[index] = action.edited(parties=(*action.parties, party))
            else:
                name = self.rng.choice(("title", "goal", "notes"))
                old = getattr(action, name)
                new = self.text() if self.rng.random() < 0.5 else f"{old} {self.text()}"
                actions[index] = action.edited(**{name: new.strip()})
        meta = session.meta.model_copy(update={"deletions": deletions})
        return session.model_copy(update={"meta": meta, "actions": tuple(actions)})


def test_no_word_is_lost_in_100_conflicting_syncs(profile: RegionProfile, mb: Any) -> None:
    rng = random.Random(20261204)
    typist = _Typist(rng)
    shared = _breakout(profile, mb, *(mb.action(typist.text(), goal=typist.text())
                                      for _ in range(50)))
    conflicting = 0
    for _ in range(100):
        hot = {action.id for action in rng.sample(shared.actions, min(2, len(shared.actions)))}
        mine, theirs = typist.edit(shared, hot), typist.edit(shared, hot)
        merged = merge_copies(mine, theirs)
        conflicting += bool(merged.conflicts)
        before = _words_of(shared)
        typed = set()
        for side in (mine, theirs):
            for item_id, words in _words_of(side).items():
                typed |= words - before.get(item_id, set())
        assert typed - _kept_words(merged.session) == set()
        for side in (mine, theirs):
            assert merge_copies(merged.session, side).session == merged.session
        shared = merged.session
    assert conflicting > 50  # most syncs had a real conflict to decide

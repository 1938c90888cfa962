"""Two copies of one session file merged back into one, item by item, against the newest
version both went through (the items' trails and the files' tombstones, `model.trail`).

Per item id: a copy unchanged since the version both share loses to the other whole; both
changed are joined field by field (`merge_fields`: lists of parties joined, votes added);
the same field changed both ways, or a change on one side and a deletion on the other, is
a conflict for a person. An item in one copy only was deleted in the other when that one
holds a tombstone for a version on the item's trail, and was added otherwise. Until a
person decides, the first copy's value stays and the other's goes whole into the item's
history (reason "sync"; a deleted item's into `meta.removed`), so no word is lost.
Merging the result again with either copy, or a copy with itself, changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pact_tui.i18n import t
from pact_tui.merge.analysis import deletion_token, field_differences, origin_order
from pact_tui.merge.assemble import resolved_items
from pact_tui.merge.errors import UnknownChoiceError
from pact_tui.merge.fields import merge_fields
from pact_tui.merge.history import joined, past_version
from pact_tui.merge.result import DELETED, Conflict, Version
from pact_tui.model import (
    ITEM_KINDS,
    TRAIL_LIMIT,
    Commitment,
    Deletion,
    Item,
    Origin,
    PastVersion,
    Session,
    SessionMeta,
    Step,
    common_version,
    now_utc,
    past_versions,
)
from pact_tui.model.commitment_rules import orphaned
from pact_tui.model.trail import descends_from, joined_deletions
from pact_tui.model.votes import joined_rounds

SYNC = "sync"

# Meta fields that say which file this is, not what it holds.
_OWN_FIELDS = ("id", "laptop")

Key = tuple[str, str]
"""(table, item id)."""


@dataclass(frozen=True)
class CopiesMerge:
    """Two copies merged: the session with everything of both, and what a person decides."""

    session: Session
    """`mine` with everything of `theirs` merged in. For an open conflict mine's value stays
    and theirs goes whole into the item's history (reason "sync"), so no word is lost."""
    conflicts: tuple[Conflict, ...]
    """Only real conflicts: the same field changed differently in both, or changed in one
    and deleted in the other."""


@dataclass(frozen=True)
class _Side:
    origin: Origin
    tombstones: dict[str, tuple[Deletion, ...]]


def _side(session: Session) -> _Side:
    tombstones: dict[str, list[Deletion]] = {}
    for deletion in session.meta.deletions:
        tombstones.setdefault(deletion.item_id, []).append(deletion)
    return _Side(session.meta.as_origin(),
                 {item_id: tuple(found) for item_id, found in tombstones.items()})


def merge_copies(mine: Session, theirs: Session) -> CopiesMerge:
    """`theirs` merged into `mine` (see the module docstring)."""
    sides = (_side(mine), _side(theirs))
    tables: dict[str, list[Item]] = {}
    removed: list[PastVersion] = []
    conflicts: list[Conflict] = []
    for table in ITEM_KINDS:
        my_items = {item.id: item for item in mine.items(table)}
        their_items = {item.id: item for item in theirs.items(table)}
        kept: list[Item] = []
        for item_id in (*my_items, *(i for i in their_items if i not in my_items)):
            item, conflict, lost = _merged_item(table, my_items.get(item_id),
                                                their_items.get(item_id), sides)
            if item is not None:
                kept.append(item)
            if conflict is not None:
                conflicts.append(conflict)
            removed.extend(lost)
        tables[table] = kept
    removed = _kept_for_commitments(tables, (mine, theirs), sides, removed)
    present = {item.id for items in tables.values() for item in items}
    meta = _merged_meta(mine.meta, theirs.meta, removed, present)
    session = Session.model_validate({"meta": meta, **{k: tuple(v) for k, v in tables.items()}})
    return CopiesMerge(session, tuple(conflicts))


def _kept_for_commitments(tables: dict[str, list[Item]], copies: tuple[Session, Session],
                          sides: tuple[_Side, _Side],
                          removed: list[PastVersion]) -> list[PastVersion]:
    """Bring back an action one copy deleted that a kept commitment still names (the other
    copy gave it a partner's promise meanwhile), so no commitment is left without its action.
    It comes back as the other copy holds it, the deletion waiting in its history as an open
    point and named in its `supersedes`, so a later merge with either copy keeps it; the
    `removed` versions without it are returned."""
    kept = {item.id for item in tables["actions"]}
    named = {commitment.action_id for commitment in orphaned(
        (item for item in tables["commitments"] if isinstance(item, Commitment)), kept)}
    back: list[Item] = []
    for holder, deleting in ((copies[0], sides[1]), (copies[1], sides[0])):
        for action in holder.actions:
            tombstones = deleting.tombstones.get(action.id, ())
            if action.id not in named or not tombstones:
                continue
            tokens = {deletion_token(d.fingerprint) for d in tombstones}
            back.append(action.model_copy(update={
                "supersedes": tuple(sorted({*action.supersedes, *tokens})),
                "history": joined(action.history,
                                  [past_version(None, action.id, SYNC, [deleting.origin])])}))
            named.discard(action.id)
    tables["actions"].extend(back)
    returned = {item.id for item in back}
    return [version for version in removed if version.item_id not in returned]


def _merged_item(table: str, mine: Item | None, theirs: Item | None, sides: tuple[_Side, _Side]
                 ) -> tuple[Item | None, Conflict | None, list[PastVersion]]:
    """The item the merge keeps (None: deleted), its conflict if any, and versions that go
    into `meta.removed` because the kept state is a deletion."""
    mine_side, their_side = sides
    if mine is not None and theirs is not None:
        item, conflict = _both(table, mine, theirs, sides)
        return item, conflict, []
    if mine is not None:
        return _one(table, mine, their_side.tombstones.get(mine.id, ()), mine_side, their_side,
                    held_by_mine=True)
    assert theirs is not None
    return _one(table, theirs, mine_side.tombstones.get(theirs.id, ()), their_side, mine_side,
                held_by_mine=False)


def _both(table: str, mine: Item, theirs: Item, sides: tuple[_Side, _Side]
          ) -> tuple[Item, Conflict | None]:
    if mine == theirs:
        return mine, None
    if descends_from(mine, theirs) or theirs.fingerprint() in mine.supersedes:
        return _with_bookkeeping(mine, theirs), None
    if descends_from(theirs, mine) or mine.fingerprint() in theirs.supersedes:
        return _with_bookkeeping(theirs, mine), None
    if mine.fingerprint() == theirs.fingerprint():
        # The same content reached twice: one version, whichever copy was saved later.
        first, second = sorted((mine, theirs), key=_newest_order, reverse=True)
        return _with_bookkeeping(first, second), None
    shared = common_version(mine, theirs)
    base = _base_item(mine, shared[1]) if shared is not None else None
    content = merge_fields(base, (mine, theirs)) if base is not None else None
    if content is not None and shared is not None:
        return _field_merged(mine, theirs, content, shared[0]), None
    mine_side, their_side = sides
    lost = past_version(theirs, theirs.id, SYNC, [their_side.origin])
    provisional = mine.model_copy(update={"history": joined(mine.history, theirs.history,
                                                            [lost])})
    versions = (_version(mine, mine_side.origin, theirs), _version(theirs, their_side.origin, mine))
    return provisional, Conflict(
        id=f"{table}:{mine.id}", table=table, item_id=mine.id,
        base_fingerprint=shared[0] if shared is not None else None, base=base,
        versions=versions,
        differences=field_differences([mine, theirs], base))


def _one(table: str, item: Item, tombstones: Sequence[Deletion], own: _Side, other: _Side, *,
         held_by_mine: bool) -> tuple[Item | None, Conflict | None, list[PastVersion]]:
    """An item only one copy (`own`) holds; the other holds `tombstones` for its id. In an
    open conflict the item stays when it is mine's, and goes to `meta.removed` when the
    deletion is mine's."""
    if not tombstones:
        return item, None, []  # added in the copy that holds it
    if any(deletion_token(d.fingerprint) in item.supersedes for d in tombstones):
        return item, None, []  # a person kept it over that deletion before
    current = (item.fingerprint(), item.revision)
    if any((d.fingerprint, d.revision) == current for d in tombstones):
        return None, None, []  # deleted in the other copy, unchanged here since
    versions = {(fp, revision): content for fp, revision, content in past_versions(item)}
    seen = next((d for d in reversed(tombstones) if (d.fingerprint, d.revision) in versions),
                None)
    base = _base_item(item, versions[(seen.fingerprint, seen.revision)]) if seen else None
    deletion = Version(key=DELETED, item=None, sources=(other.origin,),
                       tokens=tuple(sorted({deletion_token(d.fingerprint) for d in tombstones})),
                       deleted_at=max(d.at for d in tombstones))
    conflict = Conflict(
        id=f"{table}:{item.id}", table=table, item_id=item.id,
        base_fingerprint=seen.fingerprint if seen else None, base=base,
        versions=(_version(item, own.origin, None), deletion),
        differences=field_differences([item, None], base))
    if held_by_mine:
        kept = item.model_copy(update={"history": joined(
            item.history, [past_version(None, item.id, SYNC, [other.origin])])})
        return kept, conflict, []
    return None, conflict, [past_version(item, item.id, SYNC, [own.origin])]


def _version(item: Item, origin: Origin, other: Item | None) -> Version:
    """One side of a conflict, its history joined with the other side's."""
    history = joined(item.history, other.history) if other is not None else item.history
    fingerprint = item.fingerprint()
    return Version(key=fingerprint, item=item.model_copy(update={"history": history}),
                   sources=(origin,), tokens=(fingerprint,))


def _newest_order(item: Item) -> tuple[dt.datetime, int, str]:
    return (item.updated_at, item.revision, item.model_dump_json())


def _with_bookkeeping(winner: Item, other: Item) -> Item:
    """`winner` with what the other copy's version adds to its bookkeeping (nothing else)."""
    return winner.model_copy(update={
        "origins": tuple(sorted({*winner.origins, *other.origins}, key=origin_order)),
        "combined_from": tuple(sorted({*winner.combined_from, *other.combined_from})),
        "supersedes": tuple(sorted({*winner.supersedes, *other.supersedes})),
        "kept_apart": tuple(sorted({*winner.kept_apart, *other.kept_apart})),
        "history": joined(winner.history, other.history)})


def _base_item(item: Item, content: dict[str, Any]) -> Item:
    """The version `content` as an item (for `merge_fields`), `item`'s bookkeeping aside."""
    data = item.model_dump(mode="json", exclude={"trail", "history"})
    return type(item).model_validate({**data, **content})


def _field_merged(mine: Item, theirs: Item, content: dict[str, Any], shared: str) -> Item:
    """A new version of both: `content`, descending from each copy's version, so merging
    either copy again finds it newer."""
    newer, older = sorted((mine, theirs), key=_newest_order, reverse=True)
    data = newer.model_dump(mode="json", exclude={"trail", "history"})
    item = type(newer).model_validate({**data, **content})
    item = _with_bookkeeping(item, older).model_copy(update={
        "history": joined(mine.history, theirs.history),
        "revision": max(mine.revision, theirs.revision) + 1,
        "updated_at": max(mine.updated_at, theirs.updated_at)})
    # The trail runs through the newer copy's versions since the shared one, then through
    # every version of the older copy: both are versions this one came from.
    chain: list[tuple[str, int, dict[str, Any]]] = []
    for fingerprint, revision, version in past_versions(newer):
        if fingerprint == shared:
            break
        chain.append((fingerprint, revision, version))
    chain.extend(past_versions(older))
    return item.model_copy(update={"trail": _trail_of(item.content(), chain)})


def _trail_of(content: dict[str, Any],
              chain: Iterable[tuple[str, int, dict[str, Any]]]) -> tuple[Step, ...]:
    """Steps for the versions of `chain` (newest first) behind an item of `content`."""
    steps: list[Step] = []
    newer = content
    for fingerprint, revision, version in chain:
        if len(steps) == TRAIL_LIMIT:
            break
        was = {name: value for name, value in version.items()
               if name not in newer or newer[name] != value}
        steps.append(Step(fingerprint=fingerprint, revision=revision, was=was))
        newer = version
    return tuple(reversed(steps))


def _merged_meta(mine: SessionMeta, theirs: SessionMeta, removed: Sequence[PastVersion],
                 present: set[str]) -> SessionMeta:
    """The newer meta's own values (title, date, agenda, ...: a plan, not to be doubled), with
    the lists that only grow joined: people, sources, tombstones, removed versions, rounds."""
    newer, older = sorted((mine, theirs), key=lambda meta: (meta.updated_at,
                                                            meta.model_dump_json()),
                          reverse=True)
    deletions = joined_deletions(mine.deletions, theirs.deletions)
    # Which file this is and which laptop keeps it stay mine's: the result goes into my file.
    own = {name: getattr(mine, name) for name in _OWN_FIELDS}
    return newer.model_copy(update={
        **own,
        "participants": _joined_values(newer.participants, older.participants),
        "sources": tuple(sorted({*mine.sources, *theirs.sources}, key=origin_order)),
        "earlier_sessions": tuple(sorted({*mine.earlier_sessions, *theirs.earlier_sessions},
                                         key=origin_order)),
        "earlier_participants": _joined_values(newer.earlier_participants,
                                               older.earlier_participants),
        "removed": joined(mine.removed, theirs.removed, removed),
        "voting_rounds": joined_rounds(newer.voting_rounds, older.voting_rounds),
        "deletions": tuple(d for d in deletions if d.item_id not in present),
        "updated_at": max(mine.updated_at, theirs.updated_at)})


def _joined_values(first: Sequence[Any], second: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def settle(merged: CopiesMerge, conflict_id: str, choice: str | Item) -> CopiesMerge:
    """Settle one conflict of `merged`. Choice as merge.engine.resolve_conflict takes it (a
    version key, DELETED, KEEP_ALL, or an edited item with the conflict's id); the versions
    that lose go whole into the history of the one kept (or `meta.removed`)."""
    conflict = next((c for c in merged.conflicts if c.id == conflict_id), None)
    if conflict is None:
        raise UnknownChoiceError(t("merge.error.unknown_conflict", conflict=conflict_id))
    kept, lost = resolved_items(conflict, choice)
    session = merged.session
    table = conflict.table
    items = list(session.items(table))
    position = next((n for n, item in enumerate(items) if item.id == conflict.item_id),
                    len(items))
    items = [item for item in items if item.id != conflict.item_id]
    items[position:position] = kept
    meta = session.meta
    provisional = {version.key() for version in meta.removed
                   if version.item_id == conflict.item_id and version.reason == SYNC}
    kept_ids = {item.id for item in kept}
    deletions = tuple(d for d in meta.deletions if d.item_id not in kept_ids)
    if not kept:
        # Every version of the item is deleted now: a copy that still has one learns it.
        at = now_utc()
        deletions = joined_deletions(deletions, tuple(
            Deletion(table=table, item_id=conflict.item_id, fingerprint=v.item.fingerprint(),
                     revision=v.item.revision, at=at)
            for v in conflict.versions if v.item is not None))
    meta = meta.model_copy(update={
        "removed": joined([v for v in meta.removed if v.key() not in provisional], lost),
        "deletions": deletions})
    session = session.model_copy(update={"meta": meta, table: tuple(items)})
    return replace(merged, session=session,
                   conflicts=tuple(c for c in merged.conflicts if c.id != conflict_id))

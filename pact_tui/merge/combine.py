"""Combining duplicates into one item, and pointing every reference at the survivor.

The survivor stays whole: its own text, goal, lead and planning, never a mixture of two
items that nobody wrote. Commitments that end up twins because their actions were
combined (one party twice at one action) are combined the same way. Lists (parties,
themes, links) are joined; each other item goes whole into the survivor's history,
where its different values show as alternatives (an open point until someone chooses);
every origin is kept and the ids of the others are
recorded in `combined_from`, so nothing that went in is lost from view.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from pact_tui.merge.analysis import origin_order
from pact_tui.merge.duplicates import survivor_order
from pact_tui.merge.history import joined, past_version
from pact_tui.merge.normalize import normalize_text
from pact_tui.model import Action, Commitment, Item, PartyRef, Stakeholder
from pact_tui.model.items import BOOKKEEPING_FIELDS


def _identity(value: Any) -> Any:
    if isinstance(value, PartyRef):
        return value.stakeholder_id or normalize_text(value.name)
    return value


def _joined(first: tuple[Any, ...], second: tuple[Any, ...]) -> tuple[Any, ...]:
    seen = {_identity(value) for value in first}
    extra = []
    for value in second:
        if _identity(value) not in seen:
            seen.add(_identity(value))
            extra.append(value)
    return first + tuple(extra)


def own_base(before: Item, after: Item) -> Item:
    """`after` as the programme keeps it: its own base, what it came from in `supersedes`.

    A programme is where the next sessions start, and may be edited in the app before
    the next merge; with itself as base, such an edit reads as a change of the programme.
    The version it was made from (and the one before the merge combined or relinked it)
    goes into `supersedes`, so the inputs' older versions still lose to it.
    """
    fingerprint = after.fingerprint()
    came_from: set[str | None] = {before.base}
    changes: dict[str, Any] = {}
    if after is not before:
        previous = before.fingerprint()
        came_from.add(previous)
        if previous != fingerprint:
            changes["revision"] = before.revision + 1
    supersedes = {*after.supersedes, *came_from} - {fingerprint, None}
    changes.update(base=fingerprint, supersedes=tuple(sorted(s for s in supersedes if s)))
    return after.model_copy(update=changes)


def combine(survivor: Item, others: Iterable[Item]) -> Item:
    """`survivor` with the others folded in (see the module docstring)."""
    merged = survivor
    others = sorted(others, key=survivor_order)
    for other in others:
        changes: dict[str, Any] = {}
        for name in type(survivor).model_fields:
            if name in BOOKKEEPING_FIELDS:
                continue
            mine, theirs = getattr(merged, name), getattr(other, name)
            if isinstance(mine, tuple):
                changes[name] = _joined(mine, theirs)
        changes["origins"] = tuple(sorted({*merged.origins, *other.origins}, key=origin_order))
        changes["combined_from"] = tuple(sorted(
            {*merged.combined_from, other.id, *other.combined_from} - {survivor.id}))
        changes["supersedes"] = tuple(sorted({*merged.supersedes, *other.supersedes}))
        changes["kept_apart"] = tuple(sorted({*merged.kept_apart, *other.kept_apart}
                                             - {survivor.id, other.id}))
        changes["updated_at"] = max(merged.updated_at, other.updated_at)
        merged = merged.model_copy(update=changes)
    # Joined once for the whole group: joining per item would grow with its square.
    history = joined(survivor.history, *(other.history for other in others),
                     [past_version(other, other.id, "combined", other.origins) for other in others])
    return merged.model_copy(update={"history": history})


def plan_groups(items: Mapping[str, Item], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """For each connected group of `pairs` (survivor, other) among `items`: every other id ->
    the survivor's. A group's survivor is the one no pair folds into another; failing
    that (chosen both ways), the first made."""
    parent: dict[str, str] = {}
    pairs = list(pairs)
    folded = {other for _, other in pairs}

    def find(item_id: str) -> str:
        while parent.get(item_id, item_id) != item_id:
            item_id = parent[item_id]
        return item_id

    for first, second in pairs:
        if first in items and second in items and find(first) != find(second):
            parent[find(first)] = find(second)
    groups: dict[str, list[Item]] = defaultdict(list)
    for item_id in {*parent, *parent.values()}:
        groups[find(item_id)].append(items[item_id])
    into: dict[str, str] = {}
    for members in groups.values():
        survivor, *others = sorted(members, key=lambda item: (item.id in folded,
                                                              survivor_order(item)))
        into.update((other.id, survivor.id) for other in others)
    return into


def apply_groups(items: dict[str, Item], into: Mapping[str, str]) -> None:
    """Fold each item of `into` into its survivor (in place)."""
    others: dict[str, list[Item]] = defaultdict(list)
    for other_id, survivor_id in into.items():
        others[survivor_id].append(items.pop(other_id))
    for survivor_id, folded in others.items():
        items[survivor_id] = combine(items[survivor_id], folded)


def _final(item_id: str, into: Mapping[str, str]) -> str:
    seen = set()
    while item_id in into and item_id not in seen:
        seen.add(item_id)
        item_id = into[item_id]
    return item_id


def _links(item: Item) -> set[str]:
    """The ids an item refers to."""
    if isinstance(item, Action):
        parties = (*item.parties, *((item.lead,) if item.lead is not None else ()))
        found = {ref.stakeholder_id for ref in parties if ref.stakeholder_id is not None}
        return found | set(item.challenge_ids) | set(item.ambition_ids)
    if isinstance(item, Commitment):
        found = {item.action_id}
        if item.party.stakeholder_id is not None:
            found.add(item.party.stakeholder_id)
        return found
    return set()


def commitment_folds(items: Mapping[str, Item], relinked: set[str]) -> dict[str, str]:
    """Commitments that pointing links at survivors made twins (one party twice at one
    action): each other one's id -> the survivor's, the first made. Twins the inputs
    already held are a proposed duplicate, for a person; these nobody has seen."""
    groups: dict[tuple[str, Any], list[Item]] = defaultdict(list)
    for item in items.values():
        if isinstance(item, Commitment):
            groups[(item.action_id, _identity(item.party))].append(item)
    into: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1 and any(member.id in relinked for member in members):
            survivor, *others = sorted(members, key=survivor_order)
            into.update((other.id, survivor.id) for other in others)
    return into


def rewrite_references(items: dict[str, Item], into: Mapping[str, str]) -> set[str]:
    """Point links to combined items at their survivors (in place); the ids of the
    commitments now at another action."""
    relinked: set[str] = set()
    if not into:
        return relinked
    names = {i: item.name for i, item in items.items() if isinstance(item, Stakeholder)}

    def party(ref: PartyRef) -> PartyRef:
        if ref.stakeholder_id is None or ref.stakeholder_id not in into:
            return ref
        target = _final(ref.stakeholder_id, into)
        return PartyRef(name=names.get(target, ref.name), stakeholder_id=target)

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_final(value, into) for value in values))

    for item_id, item in list(items.items()):
        if into.keys().isdisjoint(_links(item)):
            continue
        changes: dict[str, Any] = {}
        if isinstance(item, Action):
            parties = tuple(party(ref) for ref in item.parties)
            if parties != item.parties:
                changes["parties"] = _joined((), parties)  # two names may be one stakeholder now
            changes["lead"] = party(item.lead) if item.lead is not None else None
            changes["challenge_ids"] = ids(item.challenge_ids)
            changes["ambition_ids"] = ids(item.ambition_ids)
        elif isinstance(item, Commitment):
            changes = {"action_id": _final(item.action_id, into), "party": party(item.party)}
        changed = {name: value for name, value in changes.items()
                   if value != getattr(item, name)}
        if changed:
            items[item_id] = item.model_copy(update=changed)
            if "action_id" in changed:
                relinked.add(item_id)
    return relinked

"""The three-way part of a merge: for every item id, which version wins, or why none can.

Each version of an item records the fingerprint of the version it was copied from
(`base`). A version is superseded when another version was made from it (its fingerprint
is that one's base) or the version that replaced it says so (`supersedes`: a person's
choice, or what a programme item was before the merge made it); the versions left are
the heads. One head wins; several heads are a conflict. A session started from a
programme names it in `meta.sources`, so an item of that programme missing from the
session was deleted there: a deletion is a head too, superseding the version it saw.
Everything is keyed by ids and fingerprints, never by the order of the inputs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, partial

from pact_tui.i18n import t
from pact_tui.merge.errors import MergeError, ProfileMismatchError
from pact_tui.merge.fields import base_from_votes, merge_fields
from pact_tui.merge.history import joined
from pact_tui.merge.result import DELETED, Conflict, FieldDifference, Outcome, Version
from pact_tui.model import (
    ITEM_KINDS,
    Commitment,
    Item,
    Origin,
    Participant,
    PastVersion,
    RegionProfile,
    Session,
)
from pact_tui.model.commitment_rules import orphaned
from pact_tui.model.votes import VotingRound, joined_rounds

Key = tuple[str, str]
"""(table, item id)."""


@dataclass(frozen=True)
class Held:
    """One version of an item as one input holds it."""

    origin: Origin
    is_session: bool
    item: Item

    @cached_property
    def fingerprint(self) -> str:
        # Hashing costs: once per version, and only when something asks.
        return self.item.fingerprint()


@dataclass(frozen=True)
class Analysis:
    """The inputs digested: merged items, conflicts, deletions, and who holds what."""

    profile: RegionProfile
    inputs: tuple[Origin, ...]
    sources: tuple[Origin, ...]
    participants: tuple[Participant, ...]
    date: dt.date
    default_title: str | None
    resolved: dict[Key, Item]
    outcomes: dict[Key, Outcome]
    conflicts: tuple[Conflict, ...]
    deleted: dict[Key, Item]
    absorbed: dict[Key, Item]
    combined_into: dict[str, str]
    holders: dict[str, frozenset[str]]
    removed: tuple[PastVersion, ...]
    # For each deleted item, the inputs that deleted it.
    deleted_by: dict[Key, frozenset[str]]
    # The voting rounds of all inputs, a round id once.
    voting_rounds: tuple[VotingRound, ...] = ()


def origin_order(origin: Origin) -> tuple[dt.date, str, str]:
    return (origin.date or dt.date.min, origin.title, origin.session_id)


def deletion_token(seen: str) -> str:
    """What a version chosen over a deletion records: the deletion of the version `seen`."""
    return f"{DELETED}:{seen}"


def _common_profile(inputs: Sequence[Session]) -> RegionProfile:
    profile = inputs[0].meta.profile
    for session in inputs[1:]:
        if session.meta.profile != profile:
            raise ProfileMismatchError(t("merge.error.profiles_differ", first=inputs[0].meta.title,
                                         second=session.meta.title))
    return profile


def _authored(held: Held) -> bool:
    """A session made this content itself (it did not just carry a copy along)."""
    return held.is_session and (held.item.base is None or held.item.base != held.fingerprint)


def _authors(helds: Iterable[Held]) -> int:
    """How many sessions made this content on their own (a copy of it carried along is none)."""
    return len({held.origin.session_id for held in helds if _authored(held)})


def _votes_counted_apart(head: Sequence[Held], helds: Sequence[Held]) -> bool:
    """Whether several sessions each changed the votes of their copy the same way, so each
    change counts (equal content has one fingerprint, which would count it once)."""
    if _authors(head) < 2:
        return False
    made = head[0].item
    base = next((held.item for held in helds if held.fingerprint == made.base), None)
    if base is None and made.base is not None:
        base = base_from_votes(made.base, [made])
    return base is not None and getattr(base, "votes", None) != getattr(made, "votes", None)


def _origins(helds: Iterable[Held]) -> tuple[Origin, ...]:
    found: set[Origin] = set()
    for held in helds:
        found.update(held.item.origins)
        if _authored(held):
            found.add(held.origin)
    return tuple(sorted(found, key=origin_order))


def _representative(helds: Sequence[Held]) -> Held:
    """Of several inputs holding the same content, the copy whose bookkeeping is kept: the
    most revised, then the latest (an earlier merge's result, never a copy it came from)."""
    if len(helds) == 1:
        return helds[0]

    def order(held: Held) -> tuple[int, float, str, str]:
        item = held.item
        return (-item.revision, -item.updated_at.timestamp(),
                item.model_dump_json(exclude={"base", "origins", "combined_from", "supersedes",
                                              "kept_apart", "history", "trail"}),
                held.origin.session_id)

    return min(helds, key=order)


def _merged_item(head: Sequence[Held], everything: Sequence[Held], *, final: bool) -> Item:
    """The version `head` holds, with the bookkeeping of every input joined.

    `final`: as the programme keeps it, its own base, with the versions it replaced (the
    bases of all inputs' versions) in `supersedes`; see `combine.own_base` for why.
    """
    only = everything[0].item
    if final and len(everything) == 1 and not (only.supersedes or only.base or only.combined_from
                                               or only.history or only.kept_apart):
        # The common case, a new item of one session: spare the set arithmetic.
        held = everything[0]
        return held.item.model_copy(update={"origins": _origins(everything),
                                            "base": held.fingerprint, "trail": ()})
    chosen = _representative(head)
    combined = {i for held in everything for i in held.item.combined_from}
    supersedes = {token for held in everything for token in held.item.supersedes}
    # The trail is cut: it names versions in one input's file, and the programme is a file
    # of its own, tied to its inputs by `base` and `supersedes`. Carried along it would
    # grow the programme by every breakout's steps, and no longer fit an item whose
    # fields were joined. Saved into the programme file, the store steps each item from
    # the version that file had, so copies of the programme still find their base.
    changes: dict[str, object] = {
        "trail": (), "origins": _origins(head), "combined_from": tuple(sorted(combined)),
        "kept_apart": tuple(sorted({i for held in everything for i in held.item.kept_apart})),
        "history": joined(*(held.item.history for held in everything))}
    if final:
        fingerprint = chosen.fingerprint
        supersedes |= {held.item.base for held in everything if held.item.base is not None}
        supersedes.discard(fingerprint)
        changes["base"] = fingerprint
    changes["supersedes"] = tuple(sorted(supersedes))
    return chosen.item.model_copy(update=changes)


def field_differences(items: Sequence[Item | None],
                      base: Item | None) -> tuple[FieldDifference, ...]:
    """The fields the kept versions disagree on (or, with one kept, where it left the base)."""
    contents = [item.content() if item is not None else None for item in items]
    kept = [content for content in contents if content is not None]
    base_content = base.content() if base is not None else None
    differences = []
    for name in sorted({name for content in kept for name in content}):
        values = tuple(content.get(name) if content is not None else None for content in contents)
        live = [content.get(name) for content in kept]
        if len(kept) == 1:
            differs = base_content is not None and base_content.get(name) != live[0]
        else:
            differs = any(value != live[0] for value in live)
        if differs:
            base_value = base_content.get(name) if base_content is not None else None
            differences.append(FieldDifference(name, base_value, values))
    return tuple(differences)


class _Inputs:
    """The inputs indexed: every version of every item, and what each start programme held."""

    def __init__(self, inputs: Sequence[Session]) -> None:
        self.held: dict[Key, list[Held]] = defaultdict(list)
        self.holders: dict[str, set[str]] = defaultdict(set)
        self.programmes: dict[str, dict[Key, Held]] = {}
        copied: dict[str, dict[Key, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.present: dict[str, set[Key]] = defaultdict(set)
        self.starts: dict[str, frozenset[str]] = {}
        self.session_ids = {s.meta.id for s in inputs if s.meta.kind == "session"}
        # When each file was last saved, as far as it tells: a deletion leaves no stamp,
        # so it is dated by the latest stamp in its file.
        self.saved = {s.meta.id: max((s.meta.updated_at, *(i.updated_at for i in s.all_items())))
                      for s in inputs}
        self.removed: dict[str, set[str]] = defaultdict(set)
        for session in inputs:
            for version in session.meta.removed:
                fingerprint = version.fingerprint()
                if fingerprint is not None:
                    self.removed[version.item_id].add(fingerprint)
        for session in inputs:
            origin = session.meta.as_origin()
            is_session = session.meta.kind == "session"
            self.starts[origin.session_id] = frozenset(o.session_id for o in session.meta.sources)
            if not is_session:
                self.programmes.setdefault(session.meta.id, {})
            for table in ITEM_KINDS:
                for item in session.items(table):
                    key = (table, item.id)
                    held = Held(origin, is_session, item)
                    self.held[key].append(held)
                    self.holders[item.id].add(origin.session_id)
                    self.present[origin.session_id].add(key)
                    if not is_session:
                        self.programmes[session.meta.id][key] = held
                    elif item.base is not None:
                        for start in session.meta.sources:
                            copied[start.session_id][key].add(item.base)
        self.deletions: dict[Key, list[tuple[Origin, str]]] = defaultdict(list)
        for session in inputs:
            if session.meta.kind != "session":
                continue
            origin = session.meta.as_origin()
            for start in session.meta.sources:
                programme = self.programmes.get(start.session_id)
                seen = ({key: held.fingerprint for key, held in programme.items()} if programme
                        else {key: min(bases) for key, bases in copied[start.session_id].items()})
                for key, fingerprint in seen.items():
                    if key not in self.present[origin.session_id]:
                        self.deletions[key].append((origin, fingerprint))


def _superseded(helds: Sequence[Held]) -> set[str]:
    """The fingerprints (and deletion tokens) that a later or chosen version replaced.

    A version is replaced when another was made from it (that one's base), or when a
    version a person chose over it lists it in `supersedes`. A version that was itself
    made into another no longer speaks (its copies carry its list), and no version ever
    replaces itself: a session that goes back to older wording still wins.
    """
    made_from = {held.item.base for held in helds
                 if held.item.base is not None and held.item.base != held.fingerprint}
    chosen_over = {token for held in helds if held.fingerprint not in made_from
                   for token in held.item.supersedes if token != held.fingerprint}
    return made_from | chosen_over


def _outcome(helds: Sequence[Held], head: Held, index: _Inputs) -> Outcome:
    """Added, unless an earlier programme (an input, or one a session started from) had it."""
    known: set[str] = set()
    earlier = False
    for held in helds:
        if not held.is_session:
            known.add(held.fingerprint)
            earlier = True
        elif held.item.base is not None:
            known.add(held.item.base)
            earlier = earlier or not index.starts[held.origin.session_id] <= index.session_ids
    if not earlier:
        return Outcome.ADDED
    return Outcome.UNCHANGED if head.fingerprint in known else Outcome.CHANGED


def analyse(inputs: Sequence[Session]) -> Analysis:
    """Digest the inputs (sessions and earlier programmes) into merged items and conflicts."""
    if not inputs:
        raise MergeError(t("merge.error.no_inputs"))
    profile = _common_profile(inputs)
    index = _Inputs(inputs)
    resolved: dict[Key, Item] = {}
    outcomes: dict[Key, Outcome] = {}
    deleted: dict[Key, Item] = {}
    conflicts: list[Conflict] = []
    # Actions that sessions deleted, as they were before: a commitment may bring one back.
    gone: dict[Key, Callable[[], Conflict]] = {}
    for key in sorted(index.held):
        helds = index.held[key]
        if len(helds) == 1 and key not in index.deletions and key[1] not in index.removed:
            resolved[key] = _merged_item(helds, helds, final=True)
            outcomes[key] = _outcome(helds, helds[0], index)
            continue
        by_fp: dict[str, list[Held]] = defaultdict(list)
        for held in helds:
            by_fp[held.fingerprint].append(held)
        superseded = _superseded(helds)
        deletions = [(origin, seen) for origin, seen in index.deletions.get(key, [])
                     if deletion_token(seen) not in superseded]
        superseded.update(seen for _, seen in deletions)
        heads = sorted(fp for fp in by_fp if fp not in superseded)
        removed = bool(heads) and all(fp in index.removed.get(key[1], ()) for fp in heads)
        if removed:
            heads, deletions = [], []  # removed by an earlier merge's decision
        elif not heads and not deletions:
            heads = sorted(by_fp)  # edited back and forth: no version is provably the newer
        counted = (_field_merged(heads, by_fp, helds)
                   if len(heads) == 1 and not deletions
                   and _votes_counted_apart(by_fp[heads[0]], helds) else None)
        if counted is not None:
            # Several sessions made the same change on their own: their votes all count.
            resolved[key] = counted
            outcomes[key] = Outcome.CHANGED
        elif len(heads) == 1 and not deletions:
            resolved[key] = _merged_item(by_fp[heads[0]], helds, final=True)
            outcomes[key] = _outcome(helds, by_fp[heads[0]][0], index)
        elif not heads:
            last = _representative(helds)
            deleted[key] = last.item
            outcomes[key] = Outcome.DELETED
            if key[0] == "actions" and deletions:
                gone[key] = partial(_conflict, key, [last.fingerprint], by_fp, helds, deletions,
                                    index)
        elif not deletions and (combined := _field_merged(heads, by_fp, helds)) is not None:
            resolved[key] = combined
            outcomes[key] = Outcome.CHANGED
        else:
            conflicts.append(_conflict(key, heads, by_fp, helds, deletions, index))
            outcomes[key] = Outcome.CONFLICT
    conflicts = _kept_for_commitments(resolved, outcomes, deleted, conflicts, gone)
    absorbed, combined_into = _absorbed(resolved, conflicts)
    for key in absorbed:
        resolved.pop(key, None)
        outcomes[key] = Outcome.COMBINED
    conflicts = [conflict for conflict in conflicts
                 if (conflict.table, conflict.item_id) not in absorbed]
    return Analysis(
        profile=profile,
        inputs=tuple(sorted({s.meta.as_origin() for s in inputs}, key=origin_order)),
        sources=_sources(inputs),
        participants=_participants(inputs),
        date=max(session.meta.date for session in inputs),
        default_title=_default_title(inputs),
        resolved=resolved,
        outcomes=outcomes,
        conflicts=tuple(conflicts),
        deleted=deleted,
        absorbed=absorbed,
        combined_into=combined_into,
        holders={item_id: frozenset(held) for item_id, held in index.holders.items()},
        removed=joined(*(session.meta.removed for session in inputs)),
        deleted_by={key: frozenset(origin.session_id for origin, _ in index.deletions.get(key, []))
                    for key in deleted},
        voting_rounds=joined_rounds(*(session.meta.voting_rounds for session in inputs)),
    )


def _kept_for_commitments(resolved: dict[Key, Item], outcomes: dict[Key, Outcome],
                          deleted: dict[Key, Item], conflicts: Sequence[Conflict],
                          gone: dict[Key, Callable[[], Conflict]]) -> list[Conflict]:
    """No commitment is left without its action. An action some sessions deleted while
    others made it a commitment (added or changed one) is a conflict over its deletion, kept
    until a person decides; every action conflict with a deletion names those commitments.
    Any other commitment goes with its deleted action. The conflicts are returned."""
    present = {key[1] for key in resolved if key[0] == "actions"}
    present |= {conflict.item_id for conflict in conflicts if conflict.table == "actions"}
    made: list[Item | None] = [item for key, item in resolved.items()
                               if outcomes[key] in (Outcome.ADDED, Outcome.CHANGED)]
    made += [conflict.newest().item for conflict in conflicts if conflict.table == "commitments"]
    promises = sorted((item for item in made if isinstance(item, Commitment)),
                      key=lambda commitment: (commitment.label(), commitment.id))
    promised = {commitment.action_id for commitment in orphaned(promises, present)}
    back = [gone[key]() for key in sorted(gone) if key[1] in promised]
    for conflict in back:
        key = (conflict.table, conflict.item_id)
        del deleted[key]
        outcomes[key] = Outcome.CONFLICT
    for key, item in list(resolved.items()):
        if isinstance(item, Commitment) and ("actions", item.action_id) in deleted:
            deleted[key] = resolved.pop(key)
            outcomes[key] = Outcome.DELETED
    return [replace(conflict, commitments=tuple(
                c for c in promises if c.action_id == conflict.item_id))
            if conflict.table == "actions" and conflict.version(DELETED) is not None else conflict
            for conflict in (*conflicts, *back)]


def _field_merged(heads: Sequence[str], by_fp: dict[str, list[Held]],
                  helds: Sequence[Held]) -> Item | None:
    """The heads joined field by field (`fields.merge_fields`), if they changed different
    fields of the version they share; the programme keeps it as a new version of its own."""
    # One copy per head, the same whatever the order of the inputs.
    versions = {fp: _representative(by_fp[fp]).item for fp in heads}
    bases = {version.base for version in versions.values()}
    base = next((held.item for held in helds if held.fingerprint in bases), None)
    if base is None and len(bases) == 1 and (shared := next(iter(bases))) is not None:
        base = base_from_votes(shared, list(versions.values()))
    if len(bases) != 1 or base is None:
        return None
    content = merge_fields(base, [versions[fp] for fp in heads],
                           [max(1, _authors(by_fp[fp])) for fp in heads])
    if content is None:
        return None
    newest = max(heads, key=lambda fp: (versions[fp].updated_at, fp))
    joined_item = _merged_item(by_fp[newest], helds, final=False)
    item = type(joined_item).model_validate({**joined_item.model_dump(mode="json"), **content})
    origins = {origin for fp in heads for origin in _origins(by_fp[fp])}
    fingerprint = item.fingerprint()
    supersedes = ({*item.supersedes, *heads, *bases} - {fingerprint, None})
    return item.model_copy(update={
        "origins": tuple(sorted(origins, key=origin_order)), "base": fingerprint,
        "supersedes": tuple(sorted(s for s in supersedes if s)),
        "revision": max(version.revision for version in versions.values()) + 1,
        "updated_at": max(version.updated_at for version in versions.values())})


def _conflict(key: Key, heads: Sequence[str], by_fp: dict[str, list[Held]],
              helds: Sequence[Held], deletions: Sequence[tuple[Origin, str]],
              index: _Inputs) -> Conflict:
    table, item_id = key
    versions = [
        Version(key=fp, item=_merged_item(by_fp[fp], helds, final=False),
                sources=tuple(sorted({h.origin for h in by_fp[fp]}, key=origin_order)),
                tokens=(fp,))
        for fp in heads
    ]
    versions.sort(key=lambda v: (-v.item.updated_at.timestamp() if v.item else 0.0, v.key))
    if deletions:
        versions.append(Version(
            key=DELETED, item=None,
            sources=tuple(sorted({origin for origin, _ in deletions}, key=origin_order)),
            tokens=tuple(sorted({deletion_token(seen) for _, seen in deletions})),
            deleted_at=max(index.saved[origin.session_id] for origin, _ in deletions),
        ))
    seen = {fingerprint for _, fingerprint in deletions}
    # A version kept as the deleting inputs saw it is its own base, whichever copy of it
    # (one that says so, or the programme's own without a base) speaks for it.
    bases = {version.key if version.key in seen else version.item.base
             for version in versions if version.item is not None} | seen
    base_fp = next(iter(bases)) if len(bases) == 1 else None
    base = next((held.item for held in helds if held.fingerprint == base_fp), None)
    return Conflict(
        id=f"{table}:{item_id}", table=table, item_id=item_id, base_fingerprint=base_fp,
        base=base, versions=tuple(versions),
        differences=field_differences([version.item for version in versions], base),
    )


def _absorbed(resolved: dict[Key, Item],
              conflicts: Sequence[Conflict]) -> tuple[dict[Key, Item], dict[str, str]]:
    """Items an earlier merge combined into another: they live on in that one."""
    into: dict[str, str] = {}
    survivors = list(resolved.values())
    survivors += [v.item for c in conflicts for v in c.versions if v.item is not None]
    for item in survivors:
        for other_id in item.combined_from:
            into.setdefault(other_id, item.id)
    absorbed: dict[Key, Item] = {}
    for key, item in resolved.items():
        if key[1] in into and into[key[1]] != key[1]:
            absorbed[key] = item
    for conflict in conflicts:
        if conflict.item_id in into:
            first = next(v.item for v in conflict.versions if v.item is not None)
            absorbed[(conflict.table, conflict.item_id)] = first
    return absorbed, into


def _sources(inputs: Sequence[Session]) -> tuple[Origin, ...]:
    """The sessions behind the programme: each input session, and what each programme came from."""
    found: set[Origin] = set()
    for session in inputs:
        if session.meta.kind == "session":
            found.add(session.meta.as_origin())
            found.update(session.meta.earlier_sessions)
        else:
            found.update(session.meta.sources)
    return tuple(sorted(found, key=origin_order))


def _participants(inputs: Sequence[Session]) -> tuple[Participant, ...]:
    """Who took part, by organisation and role; names stay in the sessions they were given in."""
    found = {(p.organisation, p.role) for s in inputs
             for p in (*s.meta.participants, *s.meta.earlier_participants)}
    return tuple(Participant(organisation=organisation, role=role)
                 for organisation, role in sorted(found))


def _default_title(inputs: Sequence[Session]) -> str | None:
    programmes = [s.meta for s in inputs if s.meta.kind == "programme"]
    if not programmes:
        return None
    return max(programmes, key=lambda meta: (meta.date, meta.id)).title

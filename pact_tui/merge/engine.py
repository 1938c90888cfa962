"""The merge as the CLI and the merge screen use it: merge, then resolve and decide step by step.

Every function returns a new `MergeResult`; none changes the one it is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial

from pact_tui.i18n import t
from pact_tui.merge.analysis import Analysis, analyse
from pact_tui.merge.assemble import assemble, resolved_items
from pact_tui.merge.duplicates import find_duplicates
from pact_tui.merge.errors import UnknownChoiceError
from pact_tui.merge.result import DuplicateProposal, MergeReport, MergeResult, Newest, Outcome
from pact_tui.merge.safe import is_safe
from pact_tui.model import ITEM_KINDS, Item, Session, now_utc
from pact_tui.model.collector import collector_paused


def _assemble_paused(analysis: Analysis, resolutions: Mapping[str, str | Item | Newest],
                     pairs: list[tuple[str, str]], apart: list[tuple[str, str]],
                     title: str | None, now: dt.datetime) -> tuple[Session, MergeReport]:
    """`assemble`, the collector paused as in the merge."""
    with collector_paused():
        return assemble(analysis, resolutions, pairs, apart, title, now)


def merge_sessions(inputs: Sequence[Session], *, previous: Session | None = None,
                   title: str | None = None, now: dt.datetime | None = None) -> MergeResult:
    """Merge sessions (and an earlier programme, as `previous` or among the inputs).

    The result holds the conflicts (unresolved) and the proposed duplicates (undecided);
    `title` names the programme (default: the earlier programme's, else the profile's).
    """
    # Merging 80 files of 200 actions took a sixth longer with the collector running.
    with collector_paused():
        return _merged(inputs, previous, title, now)


def _merged(inputs: Sequence[Session], previous: Session | None, title: str | None,
            now: dt.datetime | None) -> MergeResult:
    sessions = [*inputs, *([previous] if previous is not None else [])]
    analysis = analyse(sessions)
    provisional: dict[str, list[Item]] = {table: [] for table in ITEM_KINDS}
    fresh: set[str] = set()
    for key, item in analysis.resolved.items():
        provisional[key[0]].append(item)
        if analysis.outcomes[key] in (Outcome.ADDED, Outcome.CHANGED):
            fresh.add(key[1])
    for conflict in analysis.conflicts:
        fresh.add(conflict.item_id)
        for version in conflict.versions:
            if version.item is not None:
                provisional[conflict.table].append(version.item)
    proposals = tuple(proposal for table in ITEM_KINDS
                      for proposal in find_duplicates(provisional[table], frozenset(fresh)))
    return _build(analysis, proposals, {}, {}, title, now or now_utc())


def _build(analysis: Analysis, proposals: tuple[DuplicateProposal, ...],
           resolutions: Mapping[str, str | Item | Newest], decisions: Mapping[str, bool],
           title: str | None, now: dt.datetime) -> MergeResult:
    pairs = [(p.keep_id, p.other_id) for p in proposals if decisions.get(p.id)]
    apart = [(p.keep_id, p.other_id) for p in proposals if decisions.get(p.id) is False]
    return MergeResult(conflicts=analysis.conflicts, duplicates=proposals,
                       resolutions=dict(resolutions), decisions=dict(decisions),
                       analysis=analysis, title=title, now=now,
                       assemble=partial(_assemble_paused, analysis, resolutions, pairs, apart,
                                        title, now))


def _rebuilt(result: MergeResult, resolutions: Mapping[str, str | Item | Newest],
             decisions: Mapping[str, bool]) -> MergeResult:
    return _build(result.analysis, result.duplicates, resolutions, decisions, result.title,
                  result.now)


def resolve_conflict(result: MergeResult, conflict_id: str, choice: str | Item) -> MergeResult:
    """Settle one conflict: a version's key (`DELETED` for the deletion), `KEEP_ALL`, or an
    edited item with the conflict's id."""
    conflict = result.conflict(conflict_id)
    if conflict is None:
        raise UnknownChoiceError(t("merge.error.unknown_conflict", conflict=conflict_id))
    resolved_items(conflict, choice)  # a choice that does not fit is refused here, not later
    return _rebuilt(result, {**result.resolutions, conflict_id: choice}, result.decisions)


def resolve_newest(result: MergeResult) -> MergeResult:
    """Settle every open conflict with its most recent version by the timestamps, a deletion
    included (`Conflict.latest`); the losing versions go whole into the item's history."""
    resolutions: dict[str, str | Item | Newest] = dict(result.resolutions)
    for conflict in result.unresolved:
        resolutions[conflict.id] = Newest(conflict.latest().key)
    return _rebuilt(result, resolutions, result.decisions)


def _decided(result: MergeResult, proposal_id: str, combine: bool) -> MergeResult:
    if result.duplicate(proposal_id) is None:
        raise UnknownChoiceError(t("merge.error.unknown_duplicate", proposal=proposal_id))
    return _rebuilt(result, result.resolutions, {**result.decisions, proposal_id: combine})


def combine_duplicate(result: MergeResult, proposal_id: str,
                      keep: str | None = None) -> MergeResult:
    """Combine a proposed duplicate: `keep` (an id of the pair; default the earlier item)
    survives whole, the other goes into its history."""
    proposal = result.duplicate(proposal_id)
    if proposal is None or keep is None or keep == proposal.keep_id:
        return _decided(result, proposal_id, True)
    if keep != proposal.other_id:
        raise UnknownChoiceError(t("merge.error.unknown_duplicate", proposal=proposal_id))
    swapped = replace(proposal, keep_id=proposal.other_id, other_id=proposal.keep_id,
                      labels=(proposal.labels[1], proposal.labels[0]))
    duplicates = tuple(swapped if p.id == proposal_id else p for p in result.duplicates)
    return _build(result.analysis, duplicates, result.resolutions,
                  {**result.decisions, proposal_id: True}, result.title, result.now)


def keep_apart(result: MergeResult, proposal_id: str) -> MergeResult:
    """Keep the two items of a proposed duplicate apart."""
    return _decided(result, proposal_id, False)


def retitled(result: MergeResult, title: str) -> MergeResult:
    """The same merge and choices, the programme under another title."""
    return _build(result.analysis, result.duplicates, result.resolutions, result.decisions,
                  title, result.now)


def combine_all(result: MergeResult) -> MergeResult:
    """Combine every proposed duplicate not yet decided."""
    decisions = {**{p.id: True for p in result.undecided}, **result.decisions}
    return _rebuilt(result, result.resolutions, decisions)


def proposed_item(result: MergeResult, table: str, item_id: str) -> Item | None:
    """An item of a proposed duplicate as it was proposed (before any combining)."""
    analysis = result.analysis
    if (table, item_id) in analysis.resolved:
        return analysis.resolved[(table, item_id)]
    conflict = next((c for c in analysis.conflicts if c.item_id == item_id), None)
    return conflict.newest().item if conflict is not None else None


def combine_safe(result: MergeResult) -> MergeResult:
    """Combine the undecided duplicates that are safe without a person (`merge.safe`); the
    others stay undecided, for a person."""
    safe = {p.id: True for p in result.undecided
            if is_safe(p, proposed_item(result, p.table, p.keep_id),
                       proposed_item(result, p.table, p.other_id))}
    return _rebuilt(result, result.resolutions, {**safe, **result.decisions})

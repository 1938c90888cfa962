"""Putting the programme together from the analysis and the choices made: items, meta and report."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping

from pact_tui.i18n import t
from pact_tui.merge.analysis import Analysis, origin_order
from pact_tui.merge.combine import (
    apply_groups,
    commitment_folds,
    own_base,
    plan_groups,
    rewrite_references,
)
from pact_tui.merge.errors import UnknownChoiceError
from pact_tui.merge.history import joined, past_version, with_history
from pact_tui.merge.result import (
    DELETED,
    KEEP_ALL,
    Conflict,
    MergeReport,
    Newest,
    Outcome,
    ReportEntry,
)
from pact_tui.model import (
    ITEM_KINDS,
    Action,
    Ambition,
    Challenge,
    Commitment,
    Item,
    PastVersion,
    Session,
    SessionMeta,
    StatusNote,
)

# Ids derived from content stay the same however often the same merge is run.
_NAMESPACE = uuid.UUID("5b0c6c2e-2f4b-4f55-9d59-7a2f1e6c0d11")


def theme_of(item: Item) -> str | None:
    if isinstance(item, (Action, Ambition, StatusNote)):
        return item.theme
    if isinstance(item, Challenge):
        return item.themes[0]
    return None


def _tokens_except(conflict: Conflict, keep: str) -> tuple[str, ...]:
    return tuple(token for version in conflict.versions if version.key != keep
                 for token in version.tokens)


def _superseding(item: Item, tokens: Iterable[str]) -> Item:
    return item.model_copy(update={"supersedes": tuple(sorted({*item.supersedes, *tokens}))})


def resolved_items(conflict: Conflict, choice: str | Item | Newest
                   ) -> tuple[list[Item], tuple[PastVersion, ...]]:
    """The items a conflict leaves in the programme once `choice` is made, and, if the
    item is removed, the versions that lost to its removal. Every losing version goes
    whole into the history of the version kept."""
    reason = "chosen"
    if isinstance(choice, Newest):
        reason, choice = "newest", choice.key

    def lost(keep: str | None) -> list[PastVersion]:
        return [past_version(v.item, conflict.item_id, reason, v.sources)
                for v in conflict.versions if v.key != keep]

    if isinstance(choice, Item):
        if choice.id != conflict.item_id or conflict.table != choice.TABLE:
            raise UnknownChoiceError(t("merge.error.wrong_item", item=choice.label()))
        origins = {o for v in conflict.versions if v.item for o in v.item.origins}
        chosen = choice.model_copy(update={
            "origins": tuple(sorted(origins | set(choice.origins), key=origin_order))})
        chosen = with_history(chosen, lost(choice.fingerprint()))
        return [_superseding(chosen, _tokens_except(conflict, choice.fingerprint()))], ()
    if choice == DELETED:
        return [], tuple(lost(DELETED))
    if choice == KEEP_ALL:
        kept = [(v.key, v.item) for v in conflict.versions if v.item is not None]
        (first_key, first), copies = kept[0], kept[1:]
        items = [_superseding(first, _tokens_except(conflict, first_key))]
        for key, item in copies:
            copy_id = str(uuid.uuid5(_NAMESPACE, f"{conflict.item_id}:{key}"))
            items.append(item.model_copy(update={
                "id": copy_id, "base": None, "supersedes": (), "combined_from": ()}))
        return items, ()
    picked = conflict.version(choice)
    if picked is None or picked.item is None:
        raise UnknownChoiceError(t("merge.error.unknown_version", version=choice,
                                   item=conflict.label()))
    kept_item = with_history(picked.item, lost(picked.key))
    return [_superseding(kept_item, _tokens_except(conflict, picked.key))], ()


def _labeller(analysis: Analysis) -> Callable[[Item], str]:
    """How the report names an item: a commitment with the action it belongs to."""
    titles = {key[1]: item.label()
              for found in (analysis.resolved, analysis.deleted, analysis.absorbed)
              for key, item in found.items() if isinstance(item, Action)}
    titles.update((c.item_id, c.label()) for c in analysis.conflicts if c.table == "actions")

    def label(item: Item) -> str:
        if isinstance(item, Commitment):
            return t("merge.report.commitment", party=item.label(),
                     action=titles.get(item.action_id, item.action_id))
        return item.label()

    return label


def _restore_commitments(analysis: Analysis, conflict: Conflict, items: dict[str, Item],
                         entries: dict[str, ReportEntry], label: Callable[[Item], str]) -> None:
    """An action kept over its deletion keeps the commitments deleted along with it."""
    deleted = next((v for v in conflict.versions if v.deleted), None)
    if deleted is None or conflict.item_id not in items:
        return
    deleting = {origin.session_id for origin in deleted.sources}
    for key, item in analysis.deleted.items():
        if isinstance(item, Commitment) and item.action_id == conflict.item_id \
                and analysis.deleted_by.get(key, frozenset()) <= deleting:
            items[item.id] = item
            entries[item.id] = ReportEntry(Outcome.RESTORED, key[0], item.id, label(item), None)


def _remove_commitments(gone: Mapping[str, str], items: dict[str, Item],
                        entries: dict[str, ReportEntry], label: Callable[[Item], str]
                        ) -> list[PastVersion]:
    """An action a decision removed (`gone`: its id and the decision's reason) takes the
    commitments made to it along, whole into the removed versions: none is left without
    its action."""
    found = [item for item in items.values()
             if isinstance(item, Commitment) and item.action_id in gone]
    for item in found:
        del items[item.id]
        entries[item.id] = ReportEntry(Outcome.DELETED, item.TABLE, item.id, label(item), None)
    return [past_version(item, item.id, gone[item.action_id], item.origins) for item in found]


def _title(analysis: Analysis, title: str | None) -> str:
    return (title or analysis.default_title or analysis.profile.programme_title
            or t("merge.programme_title", region=analysis.profile.name))


def _meta(analysis: Analysis, title: str | None, now: dt.datetime) -> SessionMeta:
    seed = ",".join(sorted(origin.session_id for origin in analysis.sources))
    return SessionMeta(
        id=str(uuid.uuid5(_NAMESPACE, f"programme:{seed}")),
        kind="programme",
        profile=analysis.profile,
        title=_title(analysis, title),
        date=analysis.date,
        participants=analysis.participants,
        sources=analysis.sources,
        voting_rounds=analysis.voting_rounds,
        created_at=now,
        updated_at=now,
    )


def _keep_apart(items: dict[str, Item], apart: Iterable[tuple[str, str]]) -> None:
    """Each item of a pair kept apart remembers the other, so it is not proposed again."""
    for first, second in apart:
        for one, other in ((first, second), (second, first)):
            if one in items and other not in items[one].kept_apart:
                items[one] = items[one].model_copy(
                    update={"kept_apart": tuple(sorted({*items[one].kept_apart, other}))})


def assemble(analysis: Analysis, resolutions: Mapping[str, str | Item | Newest],
             pairs: Iterable[tuple[str, str]], apart: Iterable[tuple[str, str]],
             title: str | None, now: dt.datetime) -> tuple[Session, MergeReport]:
    """The programme and the report for these choices (unresolved conflicts: keep all)."""
    items = {key[1]: item for key, item in analysis.resolved.items()}
    label = _labeller(analysis)
    entries: dict[str, ReportEntry] = {}
    for key, item in analysis.resolved.items():
        entries[key[1]] = ReportEntry(analysis.outcomes[key], key[0], key[1], label(item),
                                      theme_of(item))
    for key, item in analysis.deleted.items():
        entries[key[1]] = ReportEntry(Outcome.DELETED, key[0], key[1], label(item), theme_of(item))
    for key, item in analysis.absorbed.items():
        entries[key[1]] = ReportEntry(Outcome.COMBINED, key[0], key[1], label(item),
                                      theme_of(item), analysis.combined_into[key[1]])
    removed: list[PastVersion] = []
    # Actions removed by a decision, with its reason.
    gone: dict[str, str] = {}
    for conflict in analysis.conflicts:
        choice = resolutions.get(conflict.id, KEEP_ALL)
        outcome = (Outcome.CONFLICT if conflict.id not in resolutions
                   else Outcome.NEWEST if isinstance(choice, Newest) else Outcome.RESOLVED)
        newest = conflict.newest().item
        entries[conflict.item_id] = ReportEntry(outcome, conflict.table, conflict.item_id,
                                                label(newest) if newest else conflict.label(),
                                                theme_of(newest) if newest else None)
        kept, lost = resolved_items(conflict, choice)
        removed.extend(lost)
        for item in kept:
            items[item.id] = item
        if conflict.table == "actions" and not kept:
            gone[conflict.item_id] = lost[0].reason
        _restore_commitments(analysis, conflict, items, entries, label)
    removed.extend(_remove_commitments(gone, items, entries, label))
    _keep_apart(items, apart)
    before = dict(items)
    into = plan_groups(items, pairs)
    for loser, survivor in into.items():
        entry = entries[loser]
        entries[loser] = ReportEntry(Outcome.COMBINED, entry.table, loser, entry.label,
                                     entry.theme, survivor)
    relinked = rewrite_references(items, {**analysis.combined_into, **into})
    apply_groups(items, into)
    # One party twice at one action, because the two actions became one: one commitment,
    # the other's text kept as an alternative.
    twins = commitment_folds(items, relinked)
    for loser, survivor in twins.items():
        entry = entries[loser]
        entries[loser] = ReportEntry(Outcome.COMBINED, entry.table, loser, entry.label,
                                     entry.theme, survivor)
    apply_groups(items, twins)
    finished = {id(item) for item in analysis.resolved.values()}
    items = {item_id: item if id(item) in finished else own_base(before[item_id], item)
             for item_id, item in items.items()}
    tables: dict[str, list[Item]] = {table: [] for table in ITEM_KINDS}
    for item in items.values():
        tables[item.TABLE].append(item)
    programme = Session.model_validate({
        "meta": _meta(analysis, title, now).model_copy(
            update={"removed": joined(analysis.removed, removed)}),
        **{table: tuple(sorted(found, key=lambda i: (i.created_at, i.id)))
           for table, found in tables.items()},
    })
    table_order = {table: number for number, table in enumerate(ITEM_KINDS)}
    ordered = sorted(entries.values(), key=lambda e: (table_order[e.table], e.label, e.item_id))
    return programme, MergeReport(analysis.inputs, tuple(ordered))

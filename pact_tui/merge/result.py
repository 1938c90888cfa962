"""What a merge hands back: conflicts, proposed duplicates, report entries and the result itself."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pact_tui.merge.signals import Signal
from pact_tui.model import Commitment, Item, Origin, Session

if TYPE_CHECKING:
    from pact_tui.merge.analysis import Analysis

DELETED = "deleted"
"""The key of the version of a conflict in which the item was deleted."""

KEEP_ALL = "all"
"""Resolve a conflict keeping every version: the newest keeps the id, the others become copies."""


class Outcome(StrEnum):
    """What happened to one item in the merge."""

    ADDED = "added"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    DELETED = "deleted"
    COMBINED = "combined"
    CONFLICT = "conflict"
    RESOLVED = "resolved"  # a person chose
    NEWEST = "newest"  # the timestamps chose (`--conflicts newest`)
    RESTORED = "restored"  # deleted with an action, back because the action was kept


@dataclass(frozen=True)
class Version:
    """One side of a conflict: the item as some inputs hold it, or its deletion (`item` None)."""

    key: str
    item: Item | None
    sources: tuple[Origin, ...]
    # What choosing another version records in `Item.supersedes` so this one never returns.
    tokens: tuple[str, ...]
    # For the deletion: the latest stamp in the files that deleted the item (meta or item).
    deleted_at: dt.datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.item is None


@dataclass(frozen=True)
class Newest:
    """A conflict settled by the timestamps (`--conflicts newest`), not by a person."""

    key: str


@dataclass(frozen=True)
class FieldDifference:
    """A field on which the versions of a conflict disagree: its base value and each version's."""

    field: str
    base: Any
    values: tuple[Any, ...]


@dataclass(frozen=True)
class Conflict:
    """One item changed differently (or changed and deleted) in several inputs."""

    id: str
    table: str
    item_id: str
    base_fingerprint: str | None
    base: Item | None
    versions: tuple[Version, ...]
    differences: tuple[FieldDifference, ...]
    # For an action deleted in some inputs: the commitments other inputs made to it, which
    # keep it in the programme until a person decides (deleting it takes them along).
    commitments: tuple[Commitment, ...] = ()

    def label(self) -> str:
        item = next(version.item for version in self.versions if version.item is not None)
        return item.label()

    def version(self, key: str) -> Version | None:
        return next((version for version in self.versions if version.key == key), None)

    def newest(self) -> Version:
        """The most recently edited version that still has the item."""
        kept = [(version.item, version) for version in self.versions if version.item is not None]
        return max(kept, key=lambda pair: (pair[0].updated_at, pair[0].revision, pair[1].key))[1]

    def latest(self) -> Version:
        """The most recent version by the timestamps, a deletion included. A file does not
        say when an item was deleted from it, so a deletion counts from the latest stamp in
        its file (`Version.deleted_at`); an edit made later than that wins, and so does a
        commitment made to the item later than that."""
        best = self.newest()
        assert best.item is not None
        kept_at = max((best.item.updated_at, *(c.updated_at for c in self.commitments)))
        for version in self.versions:
            if version.deleted_at is not None and version.deleted_at > kept_at:
                return version
        return best


@dataclass(frozen=True)
class DuplicateProposal:
    """Two items with different ids that look like the same thing; a person decides."""

    id: str
    table: str
    keep_id: str
    other_id: str
    score: float
    theme: str | None
    labels: tuple[str, str]
    # Why they look alike (`merge.signals`), strongest first.
    signals: tuple[Signal, ...] = ()


@dataclass(frozen=True)
class ReportEntry:
    """One item in the report: what happened to it, and for a combined one, what it went into."""

    outcome: Outcome
    table: str
    item_id: str
    label: str
    theme: str | None
    into_id: str | None = None


@dataclass(frozen=True)
class MergeReport:
    """Everything that happened, item by item, plus the sessions that went in."""

    sources: tuple[Origin, ...]
    entries: tuple[ReportEntry, ...]

    def count(self, outcome: Outcome, table: str | None = None) -> int:
        return sum(1 for entry in self.entries
                   if entry.outcome == outcome and (table is None or entry.table == table))

    def by_table(self) -> dict[str, Counter[Outcome]]:
        counts: dict[str, Counter[Outcome]] = {}
        for entry in self.entries:
            counts.setdefault(entry.table, Counter())[entry.outcome] += 1
        return counts

    def by_theme(self) -> dict[str, Counter[Outcome]]:
        counts: dict[str, Counter[Outcome]] = {}
        for entry in self.entries:
            if entry.theme is not None:
                counts.setdefault(entry.theme, Counter())[entry.outcome] += 1
        return counts


@dataclass(frozen=True)
class MergeResult:
    """A merge: the programme as it stands with the choices made so far, and what is still open.

    Unresolved conflicts keep every version in `programme` (nothing is lost if it is
    written anyway); undecided duplicates are kept apart. The programme and the report
    are put together when first asked for, so a chain of choices costs one assembly.
    """

    conflicts: tuple[Conflict, ...]
    duplicates: tuple[DuplicateProposal, ...]
    resolutions: Mapping[str, str | Item | Newest]
    decisions: Mapping[str, bool]
    analysis: Analysis = field(repr=False)
    title: str | None
    now: dt.datetime = field(repr=False)
    assemble: Callable[[], tuple[Session, MergeReport]] = field(repr=False, compare=False)

    @cached_property
    def _assembled(self) -> tuple[Session, MergeReport]:
        return self.assemble()

    @property
    def programme(self) -> Session:
        return self._assembled[0]

    @property
    def report(self) -> MergeReport:
        return self._assembled[1]

    @property
    def unresolved(self) -> tuple[Conflict, ...]:
        return tuple(conflict for conflict in self.conflicts if conflict.id not in self.resolutions)

    @property
    def undecided(self) -> tuple[DuplicateProposal, ...]:
        return tuple(proposal for proposal in self.duplicates if proposal.id not in self.decisions)

    def conflict(self, conflict_id: str) -> Conflict | None:
        return next((c for c in self.conflicts if c.id == conflict_id), None)

    def duplicate(self, proposal_id: str) -> DuplicateProposal | None:
        return next((p for p in self.duplicates if p.id == proposal_id), None)

"""Field by field three-way: versions of one item that changed different fields agree.

Against the version they were copied from, each field takes the one value every version
that changed it agrees on. A list of parties takes the additions and removals of every
version. Votes are added up: every version's change to a round's count counts. Only the
same field changed in different ways is a conflict.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Any

from pact_tui.merge.normalize import normalize_text
from pact_tui.model import Item
from pact_tui.model.votes import summed_votes

# Lists merged by additions and removals rather than as one value.
LIST_FIELDS = frozenset({"parties", "themes", "challenge_ids", "ambition_ids"})


def _identity(value: Any) -> Any:
    if isinstance(value, dict) and "name" in value:
        return value.get("stakeholder_id") or normalize_text(str(value["name"]))
    return repr(value)


def _merged_list(base: list[Any], versions: Sequence[list[Any]]) -> list[Any]:
    """The base list with what any version removed taken out and what any added put in."""
    base_ids = {_identity(value) for value in base}
    removed = {_identity(value) for value in base} - set.intersection(
        *({_identity(value) for value in version} for version in versions))
    result = [value for value in base if _identity(value) not in removed]
    seen = {_identity(value) for value in result}
    for version in versions:
        for value in version:
            key = _identity(value)
            if key not in seen and key not in base_ids:
                seen.add(key)
                result.append(value)
    return result


def merge_fields(base: Item, versions: Sequence[Item],
                 copies: Sequence[int] | None = None) -> dict[str, Any] | None:
    """The content all `versions` agree on field by field, or None if a field conflicts.

    `copies` says for each version how many inputs made it on their own (default 1 each):
    their votes count that many times.
    """
    before = base.content()
    contents = [version.content() for version in versions]
    times = list(copies) if copies is not None else [1] * len(contents)
    merged: dict[str, Any] = {}
    for name, old in before.items():
        if name == "votes" and isinstance(old, dict):
            merged[name] = summed_votes(old, [(content[name], n)
                                              for content, n in zip(contents, times, strict=True)])
            continue
        changed = [content[name] for content in contents if content.get(name) != old]
        if not changed:
            merged[name] = old
        elif all(value == changed[0] for value in changed):
            merged[name] = changed[0]
        elif name in LIST_FIELDS and isinstance(old, list):
            merged[name] = _merged_list(old, [content[name] for content in contents])
        else:
            return None
    return merged


def _votes_before(votes: dict[str, int]) -> Iterator[dict[str, int]]:
    """What a copy's votes may have been before it was counted: none, or some rounds
    fewer (a breakout adds a round of its own, or counts a round the programme opened)."""
    rounds = sorted(votes)
    for size in range(len(rounds) + 1):
        for kept in combinations(rounds, size):
            yield {key: votes[key] for key in kept}


def base_from_votes(fingerprint: str, versions: Sequence[Item]) -> Item | None:
    """The version `fingerprint` names, rebuilt from a version that changed only its votes.

    Breakouts are often merged without the programme they started from; their copies
    still name its version, and a copy whose only change is its votes gives it back.
    """
    for version in versions:
        votes = getattr(version, "votes", None)
        if not isinstance(votes, dict) or len(votes) > 6:
            continue
        for before in _votes_before(votes):
            candidate = version.model_copy(update={"votes": before})
            if candidate.fingerprint() == fingerprint:
                return candidate
    return None

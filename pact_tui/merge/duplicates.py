"""Proposed duplicates: items with different ids that say nearly the same thing.

Scored on normalized text with the better of rapidfuzz's `ratio` on the words as written
(a word changed) and on the words sorted (words reordered), within a theme (actions,
ambitions, status notes, challenges per theme they share), per action and role
(commitments), or across all stakeholders. Not a token-set scorer: that one calls every
sentence containing another's words identical. Only items no single input holds both
of are proposed: whoever had both side by side already kept them apart.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.result import DuplicateProposal
from pact_tui.model import (
    Action,
    Ambition,
    Challenge,
    Commitment,
    Item,
    Stakeholder,
    StatusNote,
)

# Scores (0-100) from which two texts count as the same thing said differently.
THRESHOLD = 88.0
STAKEHOLDER_THRESHOLD = 90.0


def survivor_order(item: Item) -> tuple[dt.datetime, str]:
    """Of items combined, the first made survives: the earliest, then the smallest id."""
    return (item.created_at, item.id)


def _groups(item: Item) -> Iterable[tuple[str, str | None, str]]:
    """(group, theme, text) under which an item is compared; it meets only its own groups."""
    if isinstance(item, Stakeholder):
        yield ("", None, normalize_text(item.name))
    elif isinstance(item, (Action, Ambition)):
        yield (item.theme, item.theme, normalize_text(item.title))
    elif isinstance(item, StatusNote):
        yield (item.theme, item.theme, normalize_text(item.text))
    elif isinstance(item, Challenge):
        for theme in item.themes:
            yield (theme, theme, normalize_text(item.title))
    elif isinstance(item, Commitment):
        yield (f"{item.action_id}:{item.role}", None, normalize_text(item.party.name))


def find_duplicates(items: Sequence[Item],
                    holders: Mapping[str, frozenset[str]]) -> tuple[DuplicateProposal, ...]:
    """The proposed duplicates among `items` (one table), best match first."""
    if not items:
        return ()
    table = items[0].TABLE
    threshold = STAKEHOLDER_THRESHOLD if table == "stakeholders" else THRESHOLD
    groups: dict[str, list[tuple[str, Item]]] = defaultdict(list)
    themes: dict[str, str | None] = {}
    for item in sorted(items, key=lambda item: item.id):
        for group, theme, text in _groups(item):
            if text:
                groups[group].append((text, item))
                themes[group] = theme
    found: dict[str, DuplicateProposal] = {}
    for group in sorted(groups):
        members = groups[group]
        texts = [text for text, _ in members]
        for row, column, score in similar_pairs(texts, threshold):
            first, second = members[row][1], members[column][1]
            if holders.get(first.id, frozenset()) & holders.get(second.id, frozenset()):
                continue
            proposal = _proposal(table, first, second, score, themes[group])
            if proposal.id not in found or found[proposal.id].score < proposal.score:
                found[proposal.id] = proposal
    return tuple(sorted(found.values(), key=lambda p: (-p.score, p.id)))


def similar_pairs(texts: Sequence[str], threshold: float,
                  block: int = 64) -> list[tuple[int, int, float]]:
    """Every pair (i < j) of `texts` scoring at least `threshold`, with its best score.

    A text is compared as written (a word changed) and with its words sorted (words
    moved). Both scores are Indel similarities, which cannot reach the threshold t
    when the longer text exceeds the shorter by more than a factor (2 - t) / t; so the
    texts are sorted by length and each block of them meets only texts short enough.
    """
    order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
    written = [texts[i] for i in order]
    reordered = [" ".join(sorted(text.split())) for text in written]
    lengths = [len(text) for text in written]
    stretch = (200.0 - threshold) / threshold
    best: dict[tuple[int, int], float] = {}
    for start in range(0, len(written), block):
        end = min(start + block, len(written))
        reach = bisect.bisect_right(lengths, lengths[end - 1] * stretch)
        for strings in (written, reordered):
            scores = process.cdist(strings[start:end], strings[start:reach], scorer=fuzz.ratio,
                                   processor=None, score_cutoff=threshold, dtype=np.float32,
                                   workers=-1)
            rows, columns = np.nonzero(scores)
            for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
                if row < column:
                    pair = (order[start + row], order[start + column])
                    key = (min(pair), max(pair))
                    best[key] = max(best.get(key, 0.0), float(scores[row, column]))
    return sorted((first, second, score) for (first, second), score in best.items())


def _proposal(table: str, first: Item, second: Item, score: float,
              theme: str | None) -> DuplicateProposal:
    keep, other = sorted((first, second), key=survivor_order)
    low, high = sorted((first.id, second.id))
    return DuplicateProposal(id=f"{table}:{low}:{high}", table=table, keep_id=keep.id,
                             other_id=other.id, score=round(score, 1), theme=theme,
                             labels=(keep.label(), other.label()))

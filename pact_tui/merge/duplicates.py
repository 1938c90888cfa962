"""Proposed duplicates: items with different ids that say nearly the same thing.

Scored on normalized text with the better of rapidfuzz's `ratio` on the words as written
(a word changed) and on the words sorted (words moved), within a theme (actions,
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
from rapidfuzz import fuzz

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


def _character_bins() -> np.ndarray:
    """Character code -> bin (below 256): a letter each, digits, space, the rest in four."""
    bins = np.array([28 + code % 4 for code in range(256)], dtype=np.uint32)
    for number, letter in enumerate(b"abcdefghijklmnopqrstuvwxyz"):
        bins[letter] = number
    for digit in b"0123456789":
        bins[digit] = 26
    bins[ord(" ")] = 27
    return bins


_BINS = _character_bins()


def _counts(texts: Sequence[str]) -> np.ndarray:
    """Per text, how many characters fall in each bin (counted by character, as scored)."""
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    bins = np.where(codes < 256, _BINS[np.minimum(codes, 255)], 28 + codes % 4)
    rows = np.repeat(np.arange(len(texts)), [len(text) for text in texts])
    flat = np.bincount(rows * 32 + bins, minlength=len(texts) * 32)
    # Capped counts still bound the distance from below, and fit in 16 bits.
    return np.minimum(flat, 16_000).reshape(len(texts), 32).astype(np.int16)


def similar_pairs(texts: Sequence[str], threshold: float,
                  block: int = 32) -> list[tuple[int, int, float]]:
    """Every pair (i < j) of `texts` scoring at least `threshold`, with its best score.

    A text is compared as written (a word changed) and with its words sorted (words
    moved), by rapidfuzz's `ratio`: an Indel similarity, 1 - d / (len_a + len_b). Two
    cheap bounds rule out most pairs before any is scored: d is at least the length
    difference, so the texts are sorted by length and each block meets only texts short
    enough for it; and d is at least the difference in character counts (the same for
    both orders of the words), so only pairs within that bound are scored.
    """
    order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
    written = [texts[i] for i in order]
    reordered = [" ".join(sorted(text.split())) for text in written]
    lengths = [len(text) for text in written]
    sizes = np.array(lengths, dtype=np.float64)
    counts = _counts(written)
    slack = 1.0 - threshold / 100.0
    stretch = (200.0 - threshold) / threshold
    best: dict[tuple[int, int], float] = {}
    for start in range(0, len(written), block):
        end = min(start + block, len(written))
        reach = bisect.bisect_right(lengths, lengths[end - 1] * stretch)
        apart = np.abs(counts[start:end, None, :] - counts[None, start:reach, :]).sum(axis=2)
        room = slack * (sizes[start:end, None] + sizes[None, start:reach])
        rows, columns = np.nonzero(apart <= room + 1e-9)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            if row >= column:
                continue
            first, second = start + row, start + column
            score = max(fuzz.ratio(written[first], written[second], score_cutoff=threshold),
                        fuzz.ratio(reordered[first], reordered[second],
                                   score_cutoff=threshold))
            if score:
                pair = (order[first], order[second])
                best[(min(pair), max(pair))] = score
    return sorted((first, second, score) for (first, second), score in best.items())


def _proposal(table: str, first: Item, second: Item, score: float,
              theme: str | None) -> DuplicateProposal:
    keep, other = sorted((first, second), key=survivor_order)
    low, high = sorted((first.id, second.id))
    return DuplicateProposal(id=f"{table}:{low}:{high}", table=table, keep_id=keep.id,
                             other_id=other.id, score=round(score, 1), theme=theme,
                             labels=(keep.label(), other.label()))

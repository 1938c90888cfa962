"""Proposed duplicates: items with different ids that say the same thing; a person decides.

Every item that is new or changed in this merge is compared with every other item of
its kind within a theme (actions, ambitions, status notes; challenges per theme they
share), across all stakeholders, or per action and role (commitments), whichever inputs
hold them; `signals.assess` says whether and why they look alike. Pairs a person already
decided (combined, or kept apart: `Item.kept_apart`) are not proposed again.

Comparing every pair would grow with the square of the programme. Instead each text is
filed under blocking keys (its word stems, their first and last four letters, and every
pair of its stems; for names the initials too), and only texts sharing a key are
compared. A key shared by many texts (a word every action uses) proposes nothing on its
own, but two such words together still do; so the work stays in proportion to the
programme.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.result import DuplicateProposal
from pact_tui.merge.signals import Signal, Vocabulary, assess, name_key
from pact_tui.merge.words import content_words, stem
from pact_tui.model import (
    Action,
    Ambition,
    Challenge,
    Commitment,
    Item,
    Stakeholder,
    StatusNote,
)

# A blocking key held by more texts than this is too common to say anything.
COMMON_KEY = 16
# At most this many words of a text are paired into keys (a long text has many pairs).
_PAIRED = 12
# Each text is compared with at most this many others: those sharing the most keys.
CANDIDATES = 12


def survivor_order(item: Item) -> tuple[dt.datetime, str]:
    """Of items combined, the first made survives: the earliest, then the smallest id."""
    return (item.created_at, item.id)


def _groups(item: Item) -> Iterable[tuple[str, str | None, str]]:
    """(group, theme, text) under which an item is compared; it meets only its own groups."""
    if isinstance(item, Stakeholder):
        yield ("", None, item.name)
    elif isinstance(item, (Action, Ambition)):
        yield (item.theme, item.theme, item.title)
    elif isinstance(item, StatusNote):
        yield (item.theme, item.theme, item.text)
    elif isinstance(item, Challenge):
        for theme in item.themes:
            yield (theme, theme, item.title)
    elif isinstance(item, Commitment):
        yield (f"{item.action_id}:{item.role}", None, item.party.name)


def is_name_table(table: str) -> bool:
    """Stakeholders and commitments are compared by the name of an organisation."""
    return table in ("stakeholders", "commitments")


def block_keys(text: str, *, names: bool) -> set[str]:
    """The keys under which `text` meets the texts it might duplicate: single words (and
    their first and last letters, for compounds) and every pair of its word stems, so
    two texts sharing two common words still meet where each word alone says too little."""
    if names:
        words = name_key(text)
        keys = set(words)
        if words:
            keys.add("c:" + "".join(words)[:5])
            keys.add("a:" + "".join(word[0] for word in words[:2]))
            keys.update("a:" + word[:2] for word in words if len(word) <= 6)
        return keys
    # The same words in any order, however few of them carry meaning ("in meer" / "meer in").
    keys = {"t:" + " ".join(sorted(normalize_text(text).split()))}
    roots = sorted({stem(word) for word in content_words(text)})[:_PAIRED]
    for root in roots:
        keys.update((root, "p:" + root[:4], "s:" + root[-4:]))
    keys.update(f"{first}+{second}" for number, first in enumerate(roots)
                for second in roots[number + 1:])
    return keys


def candidate_pairs(texts: Sequence[str], fresh: Sequence[bool], *,
                    names: bool) -> set[tuple[int, int]]:
    """Pairs (i < j) of `texts` sharing blocking keys, at least one of them fresh; for each
    text only its `CANDIDATES` partners sharing the most keys."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        for key in block_keys(text, names=names):
            holders[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for members in holders.values():
        if len(members) > COMMON_KEY:
            continue
        for position, first in enumerate(members):
            for second in members[position + 1:]:
                if fresh[first] or fresh[second]:
                    shared[(first, second)] += 1
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (first, second), count in shared.items():
        partners[first].append((-count, second))
        partners[second].append((-count, first))
    pairs: set[tuple[int, int]] = set()
    for index, found in partners.items():
        for _, other in heapq.nsmallest(CANDIDATES, found):
            pairs.add((min(index, other), max(index, other)))
    return pairs


def find_duplicates(items: Sequence[Item], fresh: frozenset[str]) -> tuple[DuplicateProposal, ...]:
    """The proposed duplicates among `items` (one table), best match first; `fresh` are
    the ids of the items new or changed in this merge."""
    if not items:
        return ()
    table = items[0].TABLE
    names = is_name_table(table)
    groups: dict[str, list[tuple[str, Item]]] = defaultdict(list)
    themes: dict[str, str | None] = {}
    for item in sorted(items, key=lambda item: item.id):
        for group, theme, text in _groups(item):
            if text.strip():
                groups[group].append((text, item))
                themes[group] = theme
    vocabulary = Vocabulary(text for members in groups.values() for text, _ in members)
    found: dict[str, DuplicateProposal] = {}
    for group in sorted(groups):
        members = groups[group]
        texts = [text for text, _ in members]
        for row, column in candidate_pairs(texts, [item.id in fresh for _, item in members],
                                           names=names):
            first, second = members[row][1], members[column][1]
            if first.id == second.id or first.id in second.kept_apart \
                    or second.id in first.kept_apart:
                continue
            signals = assess(texts[row], texts[column], vocabulary, names=names)
            if signals:
                proposal = _proposal(table, first, second, signals, themes[group])
                if proposal.id not in found or found[proposal.id].score < proposal.score:
                    found[proposal.id] = proposal
    return tuple(sorted(found.values(), key=lambda p: (-p.score, p.id)))


def _proposal(table: str, first: Item, second: Item, signals: tuple[Signal, ...],
              theme: str | None) -> DuplicateProposal:
    keep, other = sorted((first, second), key=survivor_order)
    low, high = sorted((first.id, second.id))
    return DuplicateProposal(id=f"{table}:{low}:{high}", table=table, keep_id=keep.id,
                             other_id=other.id, score=signals[0].score, theme=theme,
                             labels=(keep.label(), other.label()), signals=signals)

"""Proposed duplicates: items with different ids that say the same thing; a person decides.

Every item that is new or changed in this merge is compared with every other item of
its kind within a theme (actions, ambitions, status notes; challenges per theme they
share), across all stakeholders, or per action and role (commitments), whichever inputs
hold them; `signals.assess` says whether and why they look alike. Pairs a person already
decided (combined, or kept apart: `Item.kept_apart`) are not proposed again.

Comparing every pair in Python would grow with the square of the programme; instead the
pairs the scorer could accept are found whole, so no pair it accepts is ever left out and
the order or ids of the items change nothing:
- texts that are nearly the same words, which close wording needs: filed under the set of
  their words' groups, and that set less one group;
- texts sharing an idea: an idea needs a distinctive word of one text to match a word of
  the other (`signals.idea`), so each text meets the texts holding a word its distinctive
  words match (`Vocabulary.matches`); of those, only pairs whose matched words could
  weigh half of both texts are scored;
- names, far fewer, are scored every distinct name against every other;
- identical texts always meet.
Each text's words, stems and weights are worked out once per merge (`Vocabulary`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from pact_tui.merge.result import DuplicateProposal
from pact_tui.merge.signals import (
    IDEA,
    THESAURUS,
    THRESHOLDS,
    Signal,
    Vocabulary,
    assess,
)
from pact_tui.merge.words import content_words
from pact_tui.model import (
    Action,
    Ambition,
    Challenge,
    Commitment,
    Item,
    Stakeholder,
    StatusNote,
)


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


def _close_wording(texts: Sequence[str], vocabulary: Vocabulary) -> set[tuple[int, int]]:
    """Pairs of `texts` that are nearly the same words (`signals.nearly_the_same_words`),
    which the wording signal needs. Each text's words are named by their groups
    (`Vocabulary.component`); two such texts keep the same set of groups once one group at
    most is taken from each, so each set is filed under itself and under itself less each
    group, and only texts whose sets are filed together meet."""
    by_groups: dict[frozenset[str], list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        by_groups[frozenset(map(vocabulary.component, content_words(text)))].append(index)
    filed: dict[frozenset[str], list[frozenset[str]]] = defaultdict(list)
    for groups in by_groups:
        for key in {groups, *(groups - {group} for group in groups)}:
            filed[key].append(groups)
    pairs = {(first, second) for members in by_groups.values()
             for number, first in enumerate(members) for second in members[number + 1:]}
    for sets in filed.values():
        for number, one in enumerate(sets):
            for other in sets[number + 1:]:
                pairs.update((min(first, second), max(first, second))
                             for first in by_groups[one] for second in by_groups[other])
    return pairs


def _shared_ideas(texts: Sequence[str], vocabulary: Vocabulary) -> set[tuple[int, int]]:
    """Pairs of `texts` where a distinctive word of one matches a word of the other, and the
    words that match could weigh half of both texts (the least an idea needs)."""
    words = [content_words(text) for text in texts]
    holders: dict[str, list[int]] = defaultdict(list)
    for index, found in enumerate(words):
        for word in found:
            holders[word].append(index)
    least = min(THRESHOLDS[IDEA], THRESHOLDS[THESAURUS]) - 0.1
    covers: dict[int, set[str]] = {}

    def covered(index: int, other: int) -> float:
        """The weight of the words of `index` that some word of `other` matches."""
        if other not in covers:
            covers[other] = {match for word in words[other]
                             for match in (word, *vocabulary.matches.get(word, ()))}
        return sum(vocabulary.weight(word) for word in words[index] if word in covers[other])

    def total(index: int) -> float:
        return sum(vocabulary.weight(word) for word in words[index])

    pairs: set[tuple[int, int]] = set()
    for index, found in enumerate(words):
        met: set[int] = set()
        for word in found:
            if vocabulary.is_distinctive(word):
                for match in (word, *vocabulary.matches.get(word, ())):
                    met.update(holders.get(match, ()))
        for other in met:
            pair = (min(index, other), max(index, other))
            if other == index or pair in pairs:
                continue
            shared = covered(index, other) + covered(other, index)
            if 100.0 * shared >= least * (total(index) + total(other)):
                pairs.add(pair)
    return pairs


def candidate_pairs(texts: Sequence[str], fresh: Sequence[bool], vocabulary: Vocabulary, *,
                    names: bool) -> set[tuple[int, int]]:
    """Pairs (i < j) of `texts`, at least one of them fresh, that the scorer could accept:
    every pair it accepts is among them."""
    positions: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        positions[text].append(index)
    distinct = sorted(positions)
    if names:
        close = {(row, column) for row in range(len(distinct))
                 for column in range(row + 1, len(distinct))}
    else:
        close = _close_wording(distinct, vocabulary) | _shared_ideas(distinct, vocabulary)
    pairs: set[tuple[int, int]] = set()
    for same in positions.values():
        pairs.update((first, second) for number, first in enumerate(same)
                     for second in same[number + 1:])
    for row, column in close:
        pairs.update((min(first, second), max(first, second))
                     for first in positions[distinct[row]]
                     for second in positions[distinct[column]])
    return {(first, second) for first, second in pairs if fresh[first] or fresh[second]}


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
    scored: dict[tuple[str, str], tuple[Signal, ...]] = {}
    for group in sorted(groups):
        members = groups[group]
        texts = [text for text, _ in members]
        for row, column in sorted(candidate_pairs(
                texts, [item.id in fresh for _, item in members], vocabulary, names=names)):
            first, second = members[row][1], members[column][1]
            if first.id == second.id or first.id in second.kept_apart \
                    or second.id in first.kept_apart:
                continue
            texts_pair = (texts[row], texts[column])
            if texts_pair not in scored:  # many copies of one text are scored once
                scored[texts_pair] = assess(*texts_pair, vocabulary, names=names)
            signals = scored[texts_pair]
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

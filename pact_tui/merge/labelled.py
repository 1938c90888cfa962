"""Precision and recall of the duplicate finder on a labelled set of pairs.

The set (tests/data/duplicates-nl.tsv) holds pairs a person labelled as the same thing
or not, with what kind of pair each is (typo, reorder, paraphrase, name, different).
Each pair is scored as the merge would, against a vocabulary of the set's own texts.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pact_tui.merge.signals import Vocabulary, assess


@dataclass(frozen=True)
class LabelledPair:
    kind: str
    pair: str
    same: bool
    first: str
    second: str


@dataclass(frozen=True)
class Measured:
    """Recall per kind of pair (of the pairs that are the same) and precision overall."""

    recall: dict[str, float]
    precision: float
    proposed: int
    total: int


def parse_pairs(text: str) -> list[LabelledPair]:
    """The pairs of the set's text (tab-separated, `#` lines are comments)."""
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [LabelledPair(row["kind"], row["pair"], row["same"] == "1", row["first"],
                         row["second"]) for row in rows]


def measure(pairs: Iterable[LabelledPair]) -> Measured:
    pairs = list(pairs)
    vocabularies = {kind: Vocabulary(text for p in pairs if p.kind == kind
                                     for text in (p.first, p.second))
                    for kind in {p.kind for p in pairs}}
    found: dict[str, list[bool]] = defaultdict(list)
    true_positive = proposed = 0
    for pair in pairs:
        hit = bool(assess(pair.first, pair.second, vocabularies[pair.kind],
                          names=pair.kind == "stakeholder"))
        proposed += hit
        true_positive += hit and pair.same
        if pair.same:
            found[pair.pair].append(hit)
    recall = {kind: sum(hits) / len(hits) for kind, hits in sorted(found.items())}
    return Measured(recall, true_positive / proposed if proposed else 1.0, proposed, len(pairs))

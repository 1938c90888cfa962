"""Duplicate finder: precision and recall per kind of pair on the labelled Dutch set.

Not a timing: the share of labelled pairs found at the default thresholds, against the
targets (recall >= 0.95 for typos and names, >= 0.75 for paraphrases; precision >= 0.85).
A figure is reported as the shortfall from its target, so `ok` means the target is met.
"""

from __future__ import annotations

from pathlib import Path

from bench.harness import Figure
from pact_tui.merge.labelled import LabelledPair, measure, parse_pairs

SET = Path(__file__).parents[1] / "tests" / "data" / "duplicates-nl.tsv"


def read_pairs() -> list[LabelledPair]:
    return parse_pairs(SET.read_text("utf-8"))
TARGETS = {"typo": 0.95, "reorder": 0.95, "name": 0.95, "paraphrase": 0.75}
PRECISION = 0.85


def run() -> list[Figure]:
    measured = measure(read_pairs())
    figures = [Figure(f"duplicates: recall {kind}", round(value, 3), "share",
                      baseline_name="target", baseline_value=TARGETS.get(kind, 1.0),
                      note="higher is better; must reach the target")
               for kind, value in measured.recall.items()]
    figures.append(Figure("duplicates: precision overall", round(measured.precision, 3), "share",
                          baseline_name="target", baseline_value=PRECISION,
                          note=f"{measured.proposed} of {measured.total} pairs proposed"))
    for kind, value in measured.recall.items():
        print(f"recall {kind:<11} {value:.2f} (target {TARGETS.get(kind, 1.0):.2f})")
    print(f"precision   {measured.precision:.2f} (target {PRECISION:.2f})")
    return figures

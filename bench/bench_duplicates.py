"""Duplicate finder: precision and recall per kind of pair on the labelled Dutch set.

Not a timing: the share of labelled pairs found at the default thresholds, against the
targets (recall >= 0.95 for typos, reorders and names, >= 0.85 for paraphrases; precision
>= 0.90), for each part of the set:
- "tuned": the pairs the finder was tuned on (tests/data/duplicates-nl.tsv);
- "seen": a first held-out part (duplicates-nl-holdout.tsv) whose misses were once named
  as examples to the finder's rules, so it is held out no more;
- "developed": a second part written by someone who never read how the finder scores
  (duplicates-nl-holdout2.tsv), measured as held out once, then used to develop rules on
  (abbreviations in titles, more thesaurus groups, "ver" verbs), so held out no more either;
- "held-out": a third part (duplicates-nl-holdout3.tsv) written the same way, in the
  wording of eight other regions, with stakeholders and challenges too, never used for
  tuning and never read for its misses: the honest one.
Each figure's baseline is its target.
"""

from __future__ import annotations

from pathlib import Path

from bench.harness import Figure
from pact_tui.merge.labelled import LabelledPair, measure, parse_pairs

DATA = Path(__file__).parents[1] / "tests" / "data"
PARTS = {"tuned": DATA / "duplicates-nl.tsv", "seen": DATA / "duplicates-nl-holdout.tsv",
         "developed": DATA / "duplicates-nl-holdout2.tsv",
         "held-out": DATA / "duplicates-nl-holdout3.tsv"}
TARGETS = {"typo": 0.95, "reorder": 0.95, "name": 0.95, "paraphrase": 0.85}
PRECISION = 0.90


def read_pairs(part: str = "tuned") -> list[LabelledPair]:
    return parse_pairs(PARTS[part].read_text("utf-8"))


def run() -> list[Figure]:
    figures = []
    for part in PARTS:
        measured = measure(read_pairs(part))
        figures += [Figure(f"duplicates ({part}): recall {kind}", round(value, 3), "share",
                           baseline_name="target", baseline_value=TARGETS.get(kind, 1.0),
                           note="higher is better; must reach the target")
                    for kind, value in measured.recall.items()]
        figures.append(Figure(f"duplicates ({part}): precision overall",
                              round(measured.precision, 3), "share", baseline_name="target",
                              baseline_value=PRECISION,
                              note=f"{measured.proposed} of {measured.total} pairs proposed"))
        for kind, value in measured.recall.items():
            print(f"{part:<10} recall {kind:<11} {value:.2f} (target {TARGETS.get(kind, 1.0):.2f})")
        print(f"{part:<10} precision   {measured.precision:.2f} (target {PRECISION:.2f})")
    return figures

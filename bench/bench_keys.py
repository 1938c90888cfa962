"""Benchmark: keystrokes to type 22 actions in the app vs in a spreadsheet template.

The app's keys are exactly those the burst test sends (`bench.key_rows.app_keys`), and
that test checks that every value arrives in the file. The spreadsheet is modelled
the way the template would be built there: free text typed in full; a validation-list
cell (Thema, Schaalniveau, the planning horizon) costs its unique prefix plus one key
to pick; the planning's years and timing are a text cell of their own; parties and
lead are typed in full (names joined by "; "); one key per move to the next cell and
to the next row.

Two ratios: the whole row, and the structure (everything but the free text of Actie
and Doel, which costs the same anywhere). Targets: 0.75x and 0.45x. A third figure,
without a target, shows the structure of the rows that use neither a party group nor
ctrl+b: what the other savings (digits, → completion, inherited scale) come to alone.
"""

from __future__ import annotations

import sys

from bench.harness import Figure
from bench.key_rows import ROWS, KeyRow, app_keys
from pact_tui.model import RegionProfile
from pact_tui.model.planning_text import format_planning
from pact_tui.store import load_profile

WHOLE_TARGET = 0.75
STRUCTURE_TARGET = 0.45


def unique_prefix(label: str, labels: list[str]) -> int:
    """How many letters pick `label` out of `labels` by its start (at least one)."""
    folded = label.casefold()
    others = [other.casefold() for other in labels if other != label]
    for length in range(1, len(folded) + 1):
        if not any(other.startswith(folded[:length]) for other in others):
            return length
    return len(folded)


def spreadsheet_keys(row: KeyRow, profile: RegionProfile) -> int:
    """Keys for one row in the spreadsheet template (see the module docstring)."""
    def pick(label: str, labels: list[str]) -> int:
        return unique_prefix(label, labels) + 1

    themes = [theme.label for theme in profile.themes]
    scales = [scale.label for scale in profile.scales]
    horizons = [horizon.label for horizon in profile.horizons]
    keys = pick(profile.theme_label(row.theme), themes)
    keys += len(row.title) + len(row.goal)
    keys += pick(profile.scale_label(row.scale), scales)
    if row.planning.horizon:
        keys += pick(profile.horizon_label(row.planning.horizon), horizons)
    period = format_planning(row.planning.model_copy(update={"horizon": None}), profile)
    keys += len(period)
    keys += len("; ".join(row.parties)) + len(row.lead)
    moves = 8  # eight cells: seven moves to the next cell, one to the next row
    return keys + moves


def counts(profile: RegionProfile) -> list[tuple[int, int, int]]:
    """Per row: app keys, spreadsheet keys, and the free text both type (Actie and Doel)."""
    per_row = app_keys()
    return [(len(keys), spreadsheet_keys(row, profile), len(row.title) + len(row.goal))
            for keys, row in zip(per_row, ROWS, strict=True)]


def run() -> list[Figure]:
    profile = load_profile(None)
    rows = counts(profile)
    print("row | app keys | spreadsheet keys | of which Actie+Doel text", file=sys.stderr)
    for number, (app, sheet, text) in enumerate(rows, 1):
        print(f"{number:3} | {app:8} | {sheet:16} | {text}", file=sys.stderr)
    app_total = sum(app for app, _, _ in rows)
    sheet_total = sum(sheet for _, sheet, _ in rows)
    text_total = sum(text for _, _, text in rows)
    count = len(rows)
    plain = [(app, sheet, text) for (app, sheet, text), row in zip(rows, ROWS, strict=True)
             if "7g" not in row.parties_typed and "^b" not in row.planning_typed]
    plain_app = sum(app - text for app, _, text in plain) / len(plain)
    plain_sheet = sum(sheet - text for _, sheet, text in plain) / len(plain)
    return [
        Figure(name=f"keys per action, whole row ({count} rows)", value=app_total / count,
               unit="keys", baseline_name="spreadsheet template",
               baseline_value=sheet_total / count, target_ratio=WHOLE_TARGET),
        Figure(name="keys per action, all but Actie/Doel text",
               value=(app_total - text_total) / count, unit="keys",
               baseline_name="spreadsheet template",
               baseline_value=(sheet_total - text_total) / count,
               target_ratio=STRUCTURE_TARGET),
        Figure(name=f"  the same, {len(plain)} rows without a group or ctrl+b",
               value=plain_app, unit="keys", baseline_name="spreadsheet template",
               baseline_value=plain_sheet),
    ]

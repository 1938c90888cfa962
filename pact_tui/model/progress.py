"""The programme's progress: counts per theme per traffic light, what needs attention, and
what changed since a date. Shared by the Overzicht screen and the progress report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pact_tui.model.items import PROGRESS_LIGHTS, Action

# Counted beside the lights: actions whose light has not been set.
NO_LIGHT = "none"


@dataclass(frozen=True)
class ThemeProgress:
    """One theme's actions counted per light (and without one), in the order of the lights."""

    theme: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def light_counts(actions: Sequence[Action], themes: Sequence[str]) -> list[ThemeProgress]:
    """Per theme (in `themes` order, then any other theme met) the count of each light."""
    order = list(dict.fromkeys([*themes, *(action.theme for action in actions)]))
    counts = {theme: dict.fromkeys([*PROGRESS_LIGHTS, NO_LIGHT], 0) for theme in order}
    for action in actions:
        counts[action.theme][action.light or NO_LIGHT] += 1
    return [ThemeProgress(theme, counts[theme]) for theme in order if any(counts[theme].values())]


def needs_attention(actions: Sequence[Action]) -> list[Action]:
    """Actions whose light is not green, the problems first, in programme order."""
    rank = {"problem": 0, "attention": 1}
    flagged = [action for action in actions if action.light in rank]
    return sorted(flagged, key=lambda action: (rank[action.light or ""], action.position))


def changed_since(actions: Sequence[Action], since: dt.date) -> list[Action]:
    """Actions whose progress was updated on or after `since`, the latest first."""
    updated = [action for action in actions
               if action.progress_date is not None and action.progress_date >= since]
    return sorted(updated, key=lambda action: (action.progress_date, -action.position),
                  reverse=True)

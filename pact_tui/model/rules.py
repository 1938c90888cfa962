"""The rules the app and the Word draft share: what an action still misses, what crosses themes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from pact_tui.model.items import Action, Challenge, Commitment

# The template's fields after thema and actie, in the order of the action grid.
TEMPLATE_FIELDS = ("goal", "scale", "planning", "parties", "lead")

# An action missing any field of the template is an open point (openstaand punt) of the programme.
OPEN_POINT_FIELDS = TEMPLATE_FIELDS


def missing_fields(action: Action, fields: Sequence[str] = TEMPLATE_FIELDS) -> tuple[str, ...]:
    """The template fields of `action` that are still empty, in template order."""
    filled = {
        "goal": bool(action.goal),
        "scale": action.scale is not None,
        "planning": not action.planning.is_empty(),
        "parties": bool(action.parties),
        "lead": action.lead is not None,
    }
    return tuple(field for field in fields if not filled[field])


def open_points(action: Action) -> tuple[str, ...]:
    """What makes an action an open point: every template field still empty, in template order."""
    return missing_fields(action, OPEN_POINT_FIELDS)


def is_cross_theme(challenge: Challenge) -> bool:
    """A challenge is cross-theme (thema-overstijgend) when it touches two or more themes."""
    return len(set(challenge.themes)) >= 2


def cross_theme_challenges(challenges: Iterable[Challenge]) -> list[Challenge]:
    return [challenge for challenge in challenges if is_cross_theme(challenge)]


def theme_matrix(challenges: Iterable[Challenge]) -> dict[tuple[str, str], list[Challenge]]:
    """For every pair of themes (a, b) with a < b, the challenges that touch both."""
    matrix: dict[tuple[str, str], list[Challenge]] = {}
    for challenge in challenges:
        themes = sorted(set(challenge.themes))
        for i, first in enumerate(themes):
            for second in themes[i + 1 :]:
                matrix.setdefault((first, second), []).append(challenge)
    return matrix


def counts_by_theme_and_horizon(actions: Iterable[Action]) -> Counter[tuple[str, str | None]]:
    """How many actions each (theme, horizon) pair has; horizon None means not planned yet."""
    return Counter((action.theme, action.planning.horizon) for action in actions)


def ordered_actions(actions: Iterable[Action]) -> list[Action]:
    """Actions in the facilitator's order: by position, then by when they were made."""
    return sorted(actions, key=lambda action: (action.position, action.created_at, action.id))


def commitments_of(action_id: str, commitments: Iterable[Commitment]) -> list[Commitment]:
    """The commitments (toezeggingen) made for the action `action_id`, in the order given."""
    return [commitment for commitment in commitments if commitment.action_id == action_id]


def is_municipality(name: str, category: str, municipalities: Iterable[str]) -> bool:
    """A party is a municipality when its kind says so or it is named after one of the region's."""
    if category.strip().casefold() in {"gemeente", "gemeenten", "municipality"}:
        return True
    spelled = " ".join(name.casefold().split())
    return any(spelled in {place.casefold(), f"gemeente {place.casefold()}"}
               for place in municipalities)

"""The rules the app and the Word draft share: what an action still misses, what crosses themes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from pact_tui.model.items import Action, Challenge, Commitment, Item
from pact_tui.model.parties import name_key
from pact_tui.model.template import open_point_fields, required_fields, template_field

# The fields an action is incomplete without (the template's `required` ones).
TEMPLATE_FIELDS = required_fields()

# An action missing any of these (the template's `open_point` fields) is an open point
# (openstaand punt) of the programme.
OPEN_POINT_FIELDS = open_point_fields()


def missing_fields(action: Action, fields: Sequence[str] = TEMPLATE_FIELDS) -> tuple[str, ...]:
    """The fields of `action` among `fields` that are still empty, in the given order (a
    planning line kept as typed because it cannot be read has no horizon: it is empty)."""
    return tuple(key for key in fields if not template_field(key).filled(action))


# An action whose merge left other values beside it (a combined duplicate, a conflict
# settled by the timestamps) is an open point until someone chooses.
ALTERNATIVES = "alternatives"


# Fields a person does not write: where a row stands in the grid.
_NOT_WRITTEN = frozenset({"position"})


def _blank(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_blank(inner) for inner in value.values())
    return value is None or value in ("", [], {})


def differing(item: Item, content: dict[str, Any]) -> dict[str, Any]:
    """The values of another version (`content`, as `Item.content()`) that say something
    `item` does not: filled in, different, and written by a person."""
    mine = item.content()
    return {name: value for name, value in content.items()
            if name not in _NOT_WRITTEN and not _blank(value) and value != mine.get(name)}


def alternatives(item: Item) -> dict[str, list[Any]]:
    """Per field, the values of versions that lost to `item` by merge rather than by a
    person (combined duplicates, conflicts settled as newest) and differ from its own."""
    found: dict[str, list[Any]] = {}
    for version in item.history:
        if version.content is None or version.reason == "chosen":
            continue
        for name, value in differing(item, version.content).items():
            if value not in found.setdefault(name, []):
                found[name].append(value)
    return found


def open_points(action: Action) -> tuple[str, ...]:
    """What makes an action an open point: every template field still empty (in template
    order), and other values a merge kept beside its own (`ALTERNATIVES`)."""
    missing = missing_fields(action, OPEN_POINT_FIELDS)
    return (*missing, ALTERNATIVES) if alternatives(action) else missing


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
    spelled = name_key(name)
    return any(spelled in {name_key(place), name_key(f"gemeente {place}")}
               for place in municipalities)

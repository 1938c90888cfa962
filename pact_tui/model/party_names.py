"""The spellings that mean one party: any case and spacing, its abbreviation, and a
municipality bare or as "Gemeente Hoorn". Pure string rules, shared by the party rules
of the grid and the region profile's check of its party groups."""

from __future__ import annotations

import re
from collections.abc import Iterable

MUNICIPALITY_PREFIX = "gemeente"

_ABBREVIATED = re.compile(r"^(?P<name>.*\S)\s*\((?P<short>[^()]*\S[^()]*)\)$")
"""A name followed by its abbreviation in brackets: "Westfriese Bedrijvengroep (WBG)"."""


def name_key(name: str) -> str:
    """What two spellings of one party's name have in common: any case, any spacing."""
    return " ".join(name.casefold().split())


def name_forms(name: str, municipalities: Iterable[str] = ()) -> set[str]:
    """Every key `name` may be typed as: itself; for "Westfriese Bedrijvengroep (WBG)"
    also the name without the brackets and "wbg"; for a municipality of the region (bare
    or "Gemeente Hoorn") both of those."""
    key = name_key(name)
    forms = {key}
    match = _ABBREVIATED.match(name.strip())
    if match:
        forms |= {name_key(match["name"]), name_key(match["short"])}
    place = municipality_of(key, {name_key(place) for place in municipalities})
    if place is not None:
        forms |= {place, f"{MUNICIPALITY_PREFIX} {place}"}
    return forms


def municipality_of(key: str, places: set[str]) -> str | None:
    """The municipality a name key means, bare or as "gemeente hoorn", or None."""
    bare = key.removeprefix(MUNICIPALITY_PREFIX + " ")
    return bare if bare in places else None

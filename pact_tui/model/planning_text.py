"""A planning as one line of text, the way the action template writes it, and back.

"Kort 2021–2025 jaarlijks": a horizon (its number in the profile, its key or its
label, or the first letters of one), then optional years (one year or a range, with a
hyphen or a dash), then free timing ("september 2022", "doorlopend"); each part may be
left out, so `2 2020-2025` and `jaarlijks` are both a planning. `format_planning` writes
what `parse_planning` reads, so a cell can be shown and edited as the same text.
"""

from __future__ import annotations

import re

from pact_tui.i18n import t
from pact_tui.model.errors import UserError
from pact_tui.model.items import Planning
from pact_tui.model.profile import RegionProfile

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a planning may name (the same bounds as `Planning`)."""

_YEARS = re.compile(r"(\d{4})(?:\s*[-–—]\s*(\d{4}))?(?=\s|$)")


class PlanningTextError(UserError):
    """Text in a planning cell that names no horizon of the profile, or years that cannot be."""


def format_planning(planning: Planning, profile: RegionProfile) -> str:
    """The planning as one line: horizon label, years (start–end), timing."""
    parts = [profile.horizon_label(planning.horizon)] if planning.horizon else []
    if planning.start_year and planning.end_year:
        parts.append(f"{planning.start_year}–{planning.end_year}")
    elif planning.start_year or planning.end_year:
        parts.append(str(planning.start_year or planning.end_year))
    if planning.timing:
        parts.append(planning.timing)
    return " ".join(parts)


def parse_planning(text: str, profile: RegionProfile) -> Planning:
    """Read a planning line such as "1 2021-2023", "2 2022–2025 jaarlijks",
    "kort september 2022" or "2021–2025 doorlopend" (years without a horizon).

    Raises PlanningTextError, one sentence naming the text, for a word that is no horizon
    or for years out of order or out of range. An empty text is an empty planning.
    """
    rest = " ".join(text.split())
    if not rest:
        return Planning()
    horizon, rest = _horizon(rest, text, profile)
    start_year = end_year = None
    years = _YEARS.match(rest)
    if years:
        start_year = int(years.group(1))
        end_year = int(years.group(2)) if years.group(2) else None
        rest = rest[years.end():].strip()
        for year in (start_year, end_year):
            if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
                raise PlanningTextError(t("model.planning_text.year_out_of_range", text=text,
                                          year=year, first=FIRST_YEAR, last=LAST_YEAR))
        if end_year is not None and end_year < start_year:
            raise PlanningTextError(t("model.planning_text.years_reversed", text=text,
                                      start=start_year, end=end_year))
    return Planning(horizon=horizon, start_year=start_year, end_year=end_year, timing=rest)


def read_planning(text: str, profile: RegionProfile) -> tuple[Planning, str | None]:
    """Like `parse_planning`, but a line that cannot be read is kept as typed (as its
    timing) together with the sentence saying why, so nothing typed is ever lost."""
    try:
        return parse_planning(text, profile), None
    except PlanningTextError as error:
        return Planning(timing=" ".join(text.split())), str(error)


def planning_problem(planning: Planning, profile: RegionProfile) -> str | None:
    """Why the planning as shown cannot be read back (a line kept as typed), or None."""
    if planning.horizon or planning.start_year or not planning.timing:
        return None
    try:
        parse_planning(planning.timing, profile)
    except PlanningTextError as error:
        return str(error)
    return None


def _horizon(line: str, text: str, profile: RegionProfile) -> tuple[str | None, str]:
    """The horizon `line` starts with (by number, key, label or the first letters of one
    horizon's key or label) and the text after it."""
    first, _, after = line.partition(" ")
    if first.isdigit() and len(first) < 4:
        number = int(first)
        if not 1 <= number <= len(profile.horizons):
            raise PlanningTextError(_unknown_horizon(first, text, profile))
        return profile.horizons[number - 1].key, after
    folded = line.casefold()
    names = [(name.casefold(), horizon.key) for horizon in profile.horizons
             for name in (horizon.label, horizon.key)]
    # The longest name first: "Middellange termijn" before a key that is its first word.
    for name, key in sorted(names, key=lambda pair: -len(pair[0])):
        if folded == name or folded.startswith(name + " "):
            return key, line[len(name):].strip()
    first_folded = first.casefold()
    if not first_folded.isalpha():
        return None, line
    starts = {key for name, key in names if name.split()[0].startswith(first_folded)}
    if len(starts) == 1:
        return starts.pop(), after
    return None, line


def _unknown_horizon(word: str, text: str, profile: RegionProfile) -> str:
    choices = ", ".join(f"{number} {horizon.label}"
                        for number, horizon in enumerate(profile.horizons, 1))
    return t("model.planning_text.unknown_horizon", text=text, word=word, choices=choices)

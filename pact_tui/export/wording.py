"""How values read in the document: dates and small numbers in words, lists, planning, labels.

Everything here is text for people, taken from the export catalogue, so the draft
reads in the language of the catalogue (Dutch by default).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from pact_tui.i18n import t
from pact_tui.model import PartyRef, Planning, RegionProfile


def long_date(day: dt.date) -> str:
    """`28 november 2026`."""
    return f"{day.day} {t(f'export.month.{day.month}')} {day.year}"


def date_span(first: dt.date, last: dt.date) -> str:
    """`op 28 november 2026`, `van 3 tot en met 14 oktober 2019`,
    `van 3 oktober tot en met 14 november 2019`, or across years with both years."""
    if first == last:
        return t("export.doc.on_date", date=long_date(first))
    if (first.year, first.month) == (last.year, last.month):
        start = str(first.day)
    elif first.year == last.year:
        start = f"{first.day} {t(f'export.month.{first.month}')}"
    else:
        start = long_date(first)
    return t("export.doc.date_span", first=start, last=long_date(last))


def count(number: int) -> str:
    """A count as a reader expects it: up to twenty in words (`drie`), larger in digits."""
    words = t("export.number.words").split(",")
    return words[number] if 0 <= number < len(words) else str(number)


def clock_time(moment: dt.datetime) -> str:
    """`14:05` in the computer's own time zone."""
    return moment.astimezone().strftime("%H:%M")


def joined(names: Sequence[str]) -> str:
    """`a, b en c`."""
    if len(names) <= 1:
        return "".join(names)
    return t("export.doc.list_separator").join(names[:-1]) + t("export.doc.list_last") + names[-1]


def party_lines(parties: Iterable[PartyRef]) -> str:
    """One party per line: narrow table columns read better that way than a long comma list."""
    return "\n".join(party.name for party in parties)


def planning_text(planning: Planning) -> str:
    """The years and free timing of a planning; the horizon is in the table's heading."""
    start, end = planning.start_year, planning.end_year
    timing = planning.timing.strip()
    if start and not end and timing.startswith(t("export.doc.from_word")):
        # "vanaf 2020" above "vanaf het tweede kwartaal" says "from" twice: say it once.
        if str(start) in timing:
            return timing
        return t("export.doc.from_timing", timing=timing, start=start)
    if start and end:
        years = t("export.doc.years", start=start, end=end) if start != end else str(start)
    elif start:
        years = t("export.doc.from_year", start=start)
    elif end:
        years = t("export.doc.until_year", end=end)
    else:
        years = ""
    return "\n".join(part for part in (years, planning.timing) if part)


def planning_cell(profile: RegionProfile, planning: Planning) -> str:
    """A planning in a table under its horizon's heading: the years and timing, or the horizon
    itself when that is all there is ("2–5 jaar"), so a planned action never reads as missing."""
    text = planning_text(planning)
    if text or planning.horizon is None:
        return text
    horizon = profile.horizon(planning.horizon)
    if horizon is None:
        return planning.horizon
    return horizon.description or horizon.label


def theme_lines(profile: RegionProfile, keys: Iterable[str]) -> str:
    """One theme per line, for table cells."""
    return "\n".join(profile.theme_label(key) for key in keys)


def horizon_heading(profile: RegionProfile, key: str | None) -> str:
    """`Korte termijn (0–2 jaar)`; actions without a horizon get a heading of their own."""
    if key is None:
        return t("export.doc.no_horizon")
    horizon = profile.horizon(key)
    if horizon is None or not horizon.description:
        return profile.horizon_label(key)
    return t("export.doc.horizon_heading", label=horizon.label, description=horizon.description)

"""Dates as people type them."""

from __future__ import annotations

import datetime as dt

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y")


def read_date(text: str) -> dt.date | None:
    """A date as people type it: 2026-05-14, 14-5-2026, 14/05/2026; None if it is none."""
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None

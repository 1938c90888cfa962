"""Which column holds which field: the header row found, columns mapped by name.

Headers are matched on their words, Dutch or English, with the synonyms people put
in their own lists ("Maatregel", "Eigenaar", "Termijn"); the template's own labels and
the hidden columns of an exported sheet are known too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from pact_tui.i18n import catalogue
from pact_tui.model.template import ACTION_TEMPLATE
from pact_tui.sheets.reading import Row

# The hidden columns of a sheet pact-tui wrote: the action's id, the fingerprint of the
# version written, and a check over the visible cells of the row as written.
ID, VERSION, CHECK = "id", "version", "check"
HIDDEN_HEADERS = {ID: "pact-id", VERSION: "pact-versie", CHECK: "pact-controle"}

FIELDS = tuple(field.key for field in ACTION_TEMPLATE)

SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "theme": ("thema", "programmalijn", "theme", "programme line"),
    "title": ("actie", "acties", "maatregel", "project", "action", "measure"),
    "goal": ("doel", "beoogd resultaat", "resultaat", "goal", "intended result", "result"),
    "scale": ("schaalniveau", "schaal", "scale", "scale level"),
    "planning": ("planning", "termijn", "wanneer", "horizon", "when", "timing"),
    "parties": ("betrokken partijen", "partners", "partijen", "parties", "involved parties"),
    "lead": ("trekker", "eigenaar", "verantwoordelijke", "lead", "owner", "responsible"),
    "status": ("status", "voortgang", "progress"),
    "light": ("stoplicht", "traffic light", "light", "kleur"),
    "progress_note": ("toelichting", "opmerking", "opmerkingen", "note", "remarks", "comment"),
    "progress_date": ("laatst bijgewerkt", "bijgewerkt", "datum", "last updated", "updated",
                      "date"),
}

# Enough alike for "Betrokken partij" or "Beoogd resultaat 2027" to count as the header.
_FUZZY = 88
# The header is searched for in the first rows only: a title block above it is short.
_HEADER_SEARCH = 30

ColumnMap = dict[int, str]
# A mapping as remembered: normalized heading -> field, or None for a column not read.
Remembered = dict[str, str | None]


def normalize_header(text: str) -> str:
    """Lower case, without punctuation or doubled spaces: "Betrokken  partijen:" -> words."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for field, words in SYNONYMS.items():
        for word in words:
            names.setdefault(normalize_header(word), field)
    for language in ("nl", "en"):
        messages = catalogue(language)
        for field in FIELDS:
            for suffix in ("", ".short"):
                label = messages.get(f"model.template.{field}{suffix}")
                if label:
                    names.setdefault(normalize_header(label), field)
    for field, header in HIDDEN_HEADERS.items():
        names[normalize_header(header)] = field
    return names


def field_for_header(header: str) -> str | None:
    """The field a column heading names, or None."""
    wanted = normalize_header(header)
    if not wanted:
        return None
    names = _names()
    if wanted in names:
        return names[wanted]
    best, score = None, 0.0
    for name, field in names.items():
        alike = fuzz.ratio(wanted, name)
        if alike > score:
            best, score = field, alike
    return best if score >= _FUZZY else None


def field_named(name: str) -> str | None:
    """The field a --map names: its key ("title") or its Dutch or English name ("actie")."""
    if name in FIELDS or name in HIDDEN_HEADERS:
        return name
    return _names().get(normalize_header(name))


def guess_mapping(header: Sequence[str]) -> ColumnMap:
    """Column index -> field, each field taken by its first column only."""
    mapping: ColumnMap = {}
    for index, text in enumerate(header):
        field = field_for_header(text)
        if field is not None and field not in mapping.values():
            mapping[index] = field
    return mapping


def mapping_from(header: Sequence[str], remembered: Mapping[str, str | None]) -> ColumnMap:
    """The columns named in `remembered` as they were mapped, wherever they stand now; the
    columns it does not know (added since) as their headings suggest, if the field is free."""
    mapping: ColumnMap = {}
    for index, text in enumerate(header):
        field = remembered.get(normalize_header(text))
        if field is not None and field not in mapping.values():
            mapping[index] = field
    for index, text in enumerate(header):
        if normalize_header(text) in remembered:
            continue
        field = field_for_header(text)
        if field is not None and field not in mapping.values():
            mapping[index] = field
    return mapping


def find_header(rows: Sequence[Row]) -> int | None:
    """The index in `rows` of the header: the first row naming the action and another field."""
    for index, row in enumerate(rows[:_HEADER_SEARCH]):
        fields = set(guess_mapping(row.cells).values())
        if "title" in fields and len(fields) >= 2:
            return index
    return None


def row_naming(rows: Sequence[Row], names: Sequence[str]) -> int | None:
    """The index in `rows` of the first row holding a heading for each of `names`."""
    wanted = {normalize_header(name) for name in names}
    for index, row in enumerate(rows[:_HEADER_SEARCH]):
        if wanted <= {normalize_header(cell) for cell in row.cells}:
            return index
    return None


def apply_overrides(header: Sequence[str], mapping: ColumnMap,
                    overrides: Mapping[str, str | None]) -> ColumnMap:
    """`mapping` with columns named in `overrides` (by heading, any case) set or skipped."""
    result = dict(mapping)
    by_name = {normalize_header(text): index for index, text in enumerate(header)}
    for name, field in overrides.items():
        index = by_name.get(normalize_header(name))
        if index is None:
            raise KeyError(name)
        for other, taken in list(result.items()):
            if field is not None and taken == field:
                del result[other]
        if field is None:
            result.pop(index, None)
        else:
            result[index] = field
    return result

"""A cell's text matched to a known value: a profile choice, a stakeholder, a status, a light.

Exact (ignoring case and punctuation) first, then fuzzy with rapidfuzz; a fuzzy match is
returned with its score so the import can show it. Nothing here ever adds a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pact_tui.i18n import catalogue
from pact_tui.model import PROGRESS_LIGHTS, PROGRESS_STATUSES, Choice
from pact_tui.sheets.columns import normalize_header

# "Energietransitie" for "Energietransitie en klimaatadaptatie" scores about 90 on WRatio.
CHOICE_CUTOFF = 85
NAME_CUTOFF = 90

# Colours people write in a light column, besides the labels and symbols.
_LIGHT_WORDS = {
    "on-track": ("groen", "green", "●"),
    "attention": ("oranje", "geel", "amber", "orange", "yellow", "▲"),
    "problem": ("rood", "red", "■"),
}


@dataclass(frozen=True)
class Match:
    """What a text was taken to mean: the key found, how alike (100: the same)."""

    text: str
    key: str
    label: str
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 100


def match_text(text: str, options: Iterable[tuple[str, str, Sequence[str]]],
               cutoff: float = CHOICE_CUTOFF) -> Match | None:
    """`text` matched to one of `options` (key, label, other names), or None."""
    wanted = normalize_header(text)
    if not wanted:
        return None
    names: dict[str, tuple[str, str]] = {}
    for key, label, others in options:
        for name in (key, label, *others):
            names.setdefault(normalize_header(name) or name, (key, label))
    if wanted in names:
        key, label = names[wanted]
        return Match(text, key, label, 100.0)
    found = process.extractOne(wanted, list(names), scorer=fuzz.WRatio, score_cutoff=cutoff)
    if found is None:
        return None
    key, label = names[found[0]]
    return Match(text, key, label, min(float(found[1]), 99.0))


def match_choice(text: str, choices: Sequence[Choice]) -> Match | None:
    """A theme, scale or horizon of the profile, by key or label."""
    return match_text(text, ((c.key, c.label, ()) for c in choices))


def match_status(text: str) -> Match | None:
    """A progress status by its Dutch or English label or its key."""
    return match_text(text, ((key, catalogue("nl")[f"model.progress.status.{key}"],
                              (catalogue("en")[f"model.progress.status.{key}"],))
                             for key in PROGRESS_STATUSES))


def match_light(text: str) -> Match | None:
    """A traffic light by word, colour or symbol ("▲ aandacht", "oranje", "amber")."""
    if text.strip() in {words[-1] for words in _LIGHT_WORDS.values()}:
        key = next(k for k, words in _LIGHT_WORDS.items() if words[-1] == text.strip())
        return Match(text, key, catalogue("nl")[f"model.progress.light.{key}"], 100.0)
    cleaned = text.strip().lstrip("●▲■").strip()
    return match_text(cleaned, ((key, catalogue("nl")[f"model.progress.light.{key}"],
                                 (catalogue("en")[f"model.progress.light.{key}"],
                                  *_LIGHT_WORDS[key][:-1]))
                                for key in PROGRESS_LIGHTS))


def match_name(text: str, names: Sequence[tuple[str, str]]) -> Match | None:
    """A stakeholder (id, name) by name; only very close spellings count."""
    return match_text(text, ((ident, name, ()) for ident, name in names), cutoff=NAME_CUTOFF)

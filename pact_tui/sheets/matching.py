"""A cell's text matched to a known value: a profile choice, a stakeholder, a status, a light.

Exact (ignoring case and punctuation) first, then fuzzy with rapidfuzz; a fuzzy match is
returned with its score so the import can show it. Nothing here ever adds a value. A
`Matcher` indexes its options once and remembers each text it has seen, since a sheet
names the same themes and parties on row after row.
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
# Status words are short and a negation is one word more: "niet gereed" scores 90 against
# "gereed" and must not be read as done.
STATUS_CUTOFF = 91

# Words people write in a status column, besides the labels ("loopt", "gereed"): Dutch
# first, then the English ones of lists kept in English.
_STATUS_WORDS = {
    "not-started": ("nog niet gestart", "nog niet begonnen", "niet begonnen", "nog te starten",
                    "te doen", "nieuw", "open", "not started", "to do", "todo", "new"),
    "preparing": ("voorbereiding", "in voorbereiding", "gepland", "in ontwikkeling",
                  "verkenning", "opstart", "planned", "preparing", "preparation"),
    "in-progress": ("loopt", "lopend", "lopende", "bezig", "uitvoering", "in uitvoering",
                    "gestart", "gaande", "actief", "onderhanden", "in behandeling",
                    "ongoing", "started", "running", "active", "in progress"),
    "done": ("gereed", "klaar", "afgerond", "voltooid", "afgesloten", "gerealiseerd",
             "uitgevoerd", "done", "finished", "completed", "complete", "closed"),
    "dropped": ("vervallen", "geschrapt", "gestopt", "stopgezet", "geannuleerd", "afgevoerd",
                "dropped", "cancelled", "canceled", "stopped"),
}

# Colours and symbols people write in a light column, besides the labels.
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


class Matcher:
    """Texts matched to a fixed set of options (key, label, other names)."""

    def __init__(self, options: Iterable[tuple[str, str, Sequence[str]]],
                 cutoff: float = CHOICE_CUTOFF) -> None:
        self.cutoff = cutoff
        self.names: dict[str, tuple[str, str]] = {}
        for key, label, others in options:
            for name in (key, label, *others):
                self.names.setdefault(normalize_header(name) or name, (key, label))
        self.choices = list(self.names)
        self.seen: dict[str, tuple[str, str, float] | None] = {}

    def __call__(self, text: str) -> Match | None:
        """`text` matched to one option, or None."""
        if text not in self.seen:
            self.seen[text] = self._find(text)
        found = self.seen[text]
        return Match(text, *found) if found else None

    def _find(self, text: str) -> tuple[str, str, float] | None:
        wanted = normalize_header(text) or text.strip()
        if not wanted:
            return None
        if wanted in self.names:
            return (*self.names[wanted], 100.0)
        found = process.extractOne(wanted, self.choices, scorer=fuzz.WRatio,
                                   score_cutoff=self.cutoff)
        if found is None:
            return None
        return (*self.names[found[0]], min(float(found[1]), 99.0))


def choice_matcher(choices: Sequence[Choice]) -> Matcher:
    """A theme, scale or horizon of the profile, by key or label."""
    return Matcher((c.key, c.label, ()) for c in choices)


def status_matcher() -> Matcher:
    """A progress status by its Dutch or English label, its key or a common word for it."""
    return Matcher(((key, catalogue("nl")[f"model.progress.status.{key}"],
                     (catalogue("en")[f"model.progress.status.{key}"], *_STATUS_WORDS[key]))
                    for key in PROGRESS_STATUSES), cutoff=STATUS_CUTOFF)


def light_matcher() -> Matcher:
    """A traffic light by word, colour or symbol ("▲ aandacht", "oranje", "amber", "▲")."""
    return Matcher((key, catalogue("nl")[f"model.progress.light.{key}"],
                    (catalogue("en")[f"model.progress.light.{key}"], *_LIGHT_WORDS[key],
                     f"{_LIGHT_WORDS[key][-1]} {catalogue('nl')[f'model.progress.light.{key}']}"))
                   for key in PROGRESS_LIGHTS)


def name_matcher(names: Sequence[tuple[str, str]]) -> Matcher:
    """A stakeholder (id, name) by name; only very close spellings count."""
    return Matcher(((ident, name, ()) for ident, name in names), cutoff=NAME_CUTOFF)

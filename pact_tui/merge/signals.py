"""Why two items look like the same thing: three signals, each with a score from 0 to 100.

- wording: nearly the same words (a typo, a word moved), rapidfuzz's `ratio` on the text
  as written and with its words sorted;
- name: a stakeholder's name once normalized ("gem. Hoorn", "Gemeente Hoorn"), an
  abbreviation against the words it stands for ("WBG", "Westfriese Bedrijvengroep"), or
  one name the start of the other ("Dijklander Ziekenhuis Hoorn"), not just inside it
  ("Provincie Noord-Holland" is not "Omgevingsdienst Noord-Holland Noord");
- idea: the same idea in other words, the share of content words both texts hold,
  weighted by how rare each word is in the programme. Words match on their stem, as a
  typo of each other, or as part of a compound ("loket" in "energieloket"). At least one
  shared word must be distinctive (used by few texts): words every action uses
  ("regionaal", "gemeenten", "opzetten") do not make two actions one idea.

One rule overrides them all: when all but one content word match and the one left on
each side differs ("Starterslening"/"Blijverslening", "opzetten"/"evalueren", "2025"/
"2030"), the texts are a pattern filled in differently, not one thing said twice.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from os.path import commonpath

from rapidfuzz import fuzz

from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.words import content_words, stem

WORDING = "wording"
NAME = "name"
IDEA = "idea"

# Scores (0-100) from which a signal proposes a pair; for an idea: half the weight of the
# words of both texts is shared.
THRESHOLDS = {WORDING: 88.0, NAME: 90.0, IDEA: 50.0}

# Words that say what kind of organisation, not which one.
GENERIC_NAME_WORDS = frozenset({"gemeente", "stichting", "vereniging", "provincie"})

_TYPO_RATIO = 80.0
_PART = 3
# A word used by at most this many texts, or the square root of their number (words in a
# programme fall off like Zipf's law: only a handful are used by more), is distinctive.
_FEW = 2
_ROOT = 5
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_PARENTHESES = re.compile(r"[()]")


@dataclass(frozen=True)
class Signal:
    """One reason two items may be the same, with its score and the words it rests on."""

    kind: str
    score: float
    words: tuple[str, ...] = ()


class Vocabulary:
    """How rare each word stem is among the texts of one kind (inverse document frequency)."""

    def __init__(self, texts: Iterable[str]) -> None:
        frequency: Counter[str] = Counter()
        count = 0
        for text in texts:
            count += 1
            frequency.update({stem(word) for word in content_words(text)})
        self._frequency = frequency
        self._count = count
        self._weights: dict[str, float] = {}
        self._distinctive: dict[str, bool] = {}
        self._any: dict[tuple[str, ...], bool] = {}

    def is_distinctive(self, word: str) -> bool:
        """Used by few texts: enough to say what a text is about, unlike "gemeenten"."""
        found = self._distinctive.get(word)
        if found is None:
            found = self._frequency.get(stem(word), 0) <= max(_FEW, math.sqrt(self._count))
            self._distinctive[word] = found
        return found

    def any_distinctive(self, words: tuple[str, ...]) -> bool:
        found = self._any.get(words)
        if found is None:
            found = self._any[words] = any(self.is_distinctive(word) for word in words)
        return found

    def weight(self, word: str) -> float:
        """Rare words weigh more; a word the programme never used weighs most."""
        found = self._weights.get(word)
        if found is None:
            found = math.log(1.0 + (self._count + 1) / (self._frequency.get(stem(word), 0) + 0.5))
            self._weights[word] = found
        return found


@functools.lru_cache(maxsize=1 << 18)
def words_match(first: str, second: str) -> bool:
    """The same word: one stem, a typo of each other, or one a part of the other's compound."""
    if first == second:
        return True
    if first.isdigit() or second.isdigit():
        return False
    one, other = stem(first), stem(second)
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    if len(short) >= _PART and len(long) >= len(short) + _PART and (
            long.startswith(short) or long.endswith(short)):
        return True
    if len(commonpath((one, other))) >= max(_ROOT, len(short) - 1):
        return True  # one root, another ending: "isoleer" (isolatie) and "isoler" (isoleren)
    return min(len(first), len(second)) >= 4 and fuzz.ratio(first, second) >= _TYPO_RATIO


def _unmatched(words: Sequence[str], others: Sequence[str]) -> list[str]:
    roots = {stem(other) for other in others}
    return [word for word in words if stem(word) not in roots
            and not any(words_match(word, other) for other in others)]


def is_contrast(first: Sequence[str], second: Sequence[str]) -> bool:
    """The same words in the same order but one, which differs: a pattern filled in differently.

    "Starterslening in alle zeven gemeenten invoeren" and "Blijverslening in ..." are two
    instruments; "Bestaande woningen verduurzamen" and "Verduurzaming van de bestaande
    woningvoorraad" (the words moved) is one idea said twice.
    """
    if len(first) != len(second):
        return False
    differing = [(one, other) for one, other in zip(first, second, strict=True)
                 if not words_match(one, other)]
    if len(differing) != 1:
        return False
    one, other = differing[0]
    return not any(words_match(one, word) for word in second) and not any(
        words_match(other, word) for word in first)


def wording(first: str, second: str) -> float:
    """rapidfuzz `ratio` of the normalized texts, as written or with their words sorted."""
    one, other = normalize_text(first), normalize_text(second)
    if not one or not other:
        return 0.0
    return max(fuzz.ratio(one, other), fuzz.ratio(_sorted_words(one), _sorted_words(other)))


@functools.lru_cache(maxsize=16384)
def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def idea(first: str, second: str, vocabulary: Vocabulary) -> Signal:
    """The weighted share of content words that match a word of the other text."""
    one, other = content_words(first), content_words(second)
    if not one or not other or not (vocabulary.any_distinctive(one)
                                    or vocabulary.any_distinctive(other)):
        return Signal(IDEA, 0.0)  # common words alone make no idea
    total = matched = 0.0
    shared: list[str] = []
    distinctive = False
    for words, others in ((one, other), (other, one)):
        missing = set(_unmatched(words, others))
        for word in words:
            weight = vocabulary.weight(word)
            total += weight
            if word not in missing:
                matched += weight
                distinctive = distinctive or vocabulary.is_distinctive(word)
                if words is one:
                    shared.append(word)
    if not distinctive:
        return Signal(IDEA, 0.0, tuple(shared))
    return Signal(IDEA, round(100.0 * matched / total, 1), tuple(shared))


def _name_words(name: str) -> tuple[list[str], list[str]]:
    """A name's normalized words without generic ones, and its abbreviations (all capitals)."""
    acronyms = [normalize_text(token) for token in _PARENTHESES.sub(" ", name).split()
                if _ACRONYM.match(token.strip(".,;:"))]
    words = [word for word in normalize_text(name).split() if word not in GENERIC_NAME_WORDS]
    return words, acronyms


def _abbreviates(acronym: str, words: Sequence[str]) -> list[str] | None:
    """The run of `words` (two or more) whose initials, with letters inside, spell `acronym`."""
    for start in range(len(words)):
        for end in range(start + 2, len(words) + 1):
            if _spells(acronym, words[start:end]):
                return list(words[start:end])
    return None


def _spells(acronym: str, words: Sequence[str]) -> bool:
    """Each word gives its initial, and may give later letters of its own, in order."""
    if not words:
        return not acronym
    if not acronym or words[0][0] != acronym[0]:
        return False
    inside, rest = words[0][1:], acronym[1:]
    for taken in range(len(rest) + 1):
        if _is_subsequence(rest[:taken], inside) and _spells(rest[taken:], words[1:]):
            return True
    return False


def _is_subsequence(letters: str, word: str) -> bool:
    remaining = iter(word)
    return all(letter in remaining for letter in letters)


def name_key(name: str) -> tuple[str, ...]:
    """A stakeholder name as compared: normalized, generic words and its own abbreviation out."""
    words, acronyms = _name_words(name)
    for acronym in acronyms:
        rest = [word for word in words if word != acronym]
        if _abbreviates(acronym, rest) is not None:
            words = rest
    return tuple(words)


def name(first: str, second: str) -> Signal:
    """How surely two stakeholder names name one organisation."""
    one, other = name_key(first), name_key(second)
    if not one or not other:
        return Signal(NAME, 0.0)
    if "".join(one) == "".join(other):
        return Signal(NAME, 100.0, one)
    for left, right, source in ((one, other, first), (other, one, second)):
        for acronym in _name_words(source)[1]:
            run = _abbreviates(acronym, right) if acronym in left else None
            if run is not None:
                rest_left = [word for word in left if word != acronym]
                rest_right = [word for word in right if word not in run]
                if "".join(rest_left) == "".join(rest_right):
                    return Signal(NAME, 95.0, (acronym, *run))
    short, long = sorted((one, other), key=len)
    if long[:len(short)] == short:  # "Dijklander Ziekenhuis" and "... Ziekenhuis Hoorn"
        return Signal(NAME, 90.0, short)
    if is_contrast(one, other):
        return Signal(NAME, 0.0)
    return Signal(NAME, round(fuzz.ratio("".join(one), "".join(other)), 1))


def assess(first: str, second: str, vocabulary: Vocabulary, *,
           names: bool = False) -> tuple[Signal, ...]:
    """The signals by which `first` and `second` are proposed as one, strongest first."""
    found = [Signal(WORDING, round(wording(first, second), 1))]
    found.append(name(first, second) if names else idea(first, second, vocabulary))
    passing = [signal for signal in found if signal.score >= THRESHOLDS[signal.kind]]
    if not passing:
        return ()
    words = (name_key(first), name_key(second)) if names else (
        content_words(first), content_words(second))
    if is_contrast(*words):
        return ()
    return tuple(sorted(passing, key=lambda signal: -signal.score))

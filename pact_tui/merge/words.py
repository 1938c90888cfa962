"""Dutch words as the duplicate finder weighs them: stop words out, the rest stemmed.

The Snowball Dutch stemmer folds "kernen" and "kern", "isoleren" and "isolatie" nearly
together, so two groups writing the same idea in another form of the same words still
meet. Stop words (articles, prepositions, "alle", "elke", "steeds", a verb's particle
standing apart as in "neemt toe") say nothing about the idea.
Abbreviations of the region's organisations and places are written out first
(`thesaurus.expand_abbreviations`), so "HHNK" and "Hoogheemraadschap Hollands
Noorderkwartier" are the same words.
"""

from __future__ import annotations

import functools

import snowballstemmer  # type: ignore[import-untyped]

from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.thesaurus import expand_abbreviations

STOP_WORDS = frozenset({
    "aan", "af", "al", "alle", "alles", "als", "bij", "dan", "dat", "de", "deze", "die", "dit",
    "door", "een", "eén", "één", "elk", "elke", "en", "er", "extra", "hele", "het", "hoe",
    "hoeveel", "hun", "in", "is", "je", "kan", "meer", "met", "mee", "moet", "moeten", "na",
    "naar", "niet",
    "nog", "of", "om", "onder", "ons", "onze", "ook", "op", "over", "per", "steeds", "te",
    "tegen", "ten", "ter", "toe", "tot", "tussen", "uit", "van", "veel", "voor", "waar", "wat",
    "we", "wij", "worden", "wordt", "zal", "ze", "zich", "zijn", "zo", "zodat",
    # Abbreviated phrases of the same kind: "o.a.", "i.v.m.", "m.b.t.", "t.b.v.", "n.a.v."
    "ev", "ivm", "mbt", "nav", "oa", "tbv",
})

_STEMMER = snowballstemmer.stemmer("dutch")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of one normalized word; numbers stay as they are."""
    return word if word.isdigit() else _STEMMER.stemWord(word)


@functools.lru_cache(maxsize=65536)
def comparable_text(text: str) -> str:
    """`text` normalized, with the region's abbreviations written out."""
    return expand_abbreviations(normalize_text(text))


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> tuple[str, ...]:
    """The comparable words of `text` that carry meaning, in order, each once."""
    words = [word for word in comparable_text(text).split() if word not in STOP_WORDS]
    return tuple(dict.fromkeys(words))

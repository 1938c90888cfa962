"""Text as the duplicate finder compares it: case, accents, punctuation, abbreviations ironed out.

"Gemeente Hoorn", "gem. Hoorn" and "gemeente  hoorn " all become "gemeente hoorn".
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Abbreviations people type for the organisations in a region, written out in full.
ABBREVIATIONS = {
    "gem": "gemeente",
    "gemeenten": "gemeente",
    "prov": "provincie",
    "st": "stichting",
    "stg": "stichting",
    "ver": "vereniging",
    "reg": "regio",
    "coop": "cooperatie",
    "bv": "",
    "nv": "",
}

_NOT_WORD = re.compile(r"[\W_]+")
# Letters with dots are one abbreviation: "i.s.m.", "w.f.", "B.V.".
_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}")


@functools.lru_cache(maxsize=8192)
def normalize_text(text: str) -> str:
    """Lower case, no accents, words separated by single spaces, abbreviations written out."""
    plain = text.casefold()
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _DOTTED.sub(lambda dotted: dotted.group(0).replace(".", ""), plain)
    words = (ABBREVIATIONS.get(word, word) for word in _NOT_WORD.split(plain))
    return " ".join(word for word in words if word)

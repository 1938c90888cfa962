"""The reviewed Dutch thesaurus the duplicate finder reads titles with (data/thesaurus-nl.toml).

Two things other people's words can hide: a synonym ("opzetten" for "oprichten",
"bewoners" for "inwoners", "collectief" for "gezamenlijk"), matched by stem, and an
abbreviation of one of the region's organisations or places ("HHNK", "WF", "W-F"),
written out in full before any comparison.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources


@functools.cache
def _thesaurus() -> dict[str, dict[str, object]]:
    data = resources.files("pact_tui.merge").joinpath("data", "thesaurus-nl.toml")
    return tomllib.loads(data.read_text("utf-8"))


@functools.cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """The groups of synonyms by name, each with its words as written."""
    return {group: tuple(str(word) for word in words)  # type: ignore[attr-defined]
            for group, words in _thesaurus()["synonyms"].items()}


@functools.cache
def _abbreviations() -> tuple[dict[str, str], re.Pattern[str], frozenset[str]]:
    table = {str(short): str(full) for short, full in _thesaurus()["abbreviations"].items()}
    # Longest first, so "w f" is read before a shorter key could take its first letter.
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, keys)) + r")(?!\S)")
    return table, pattern, frozenset(key.split()[0] for key in keys)


@functools.lru_cache(maxsize=65536)
def expand_abbreviations(normalized: str) -> str:
    """`normalized` text with the region's abbreviations written out; an abbreviation next
    to its own full form ("hollands noorderkwartier hhnk") is dropped rather than doubled."""
    table, pattern, first_words = _abbreviations()
    if first_words.isdisjoint(normalized.split()):
        return normalized  # most titles: no abbreviation to look for
    padded = f" {normalized} "

    def written_out(match: re.Match[str]) -> str:
        full = table[match.group(0)]
        return "" if f" {full} " in padded else full

    expanded = pattern.sub(written_out, normalized)
    return " ".join(expanded.split()) if expanded != normalized else normalized

"""Abbreviations people type in capitals, and the words elsewhere in the texts they stand for.

One group writes "Samen met GGD HN een hitteplan maken", another "... GGD Hollands Noorden
...": "HN" is spelled by the initials of "Hollands Noorden". Which organisation or place an
abbreviation stands for differs per region, so instead of a list the texts of a merge are
read for runs of words whose initials spell it: each word gives its initial and may give
later letters of its own ("HHNK", "Hoogheemraadschap Hollands Noorderkwartier"); a small
word of a name gives its initial or nothing ("RvT", "Raad van Toezicht"; "VNG",
"Vereniging van Nederlandse Gemeenten"). Abbreviations typed next to each other are read
together too ("OD NHN", "Omgevingsdienst Noord-Holland Noord").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

# Written in capitals (a small "v" or "e" for "van", "en" may stand between: "RvT", "VvE"),
# or as letters with dots ("i.s.m."); at most eight letters.
_CAPITALS = re.compile(r"^(?:[A-Z][a-z]?){1,7}[A-Z]$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,8}$")
_TOKEN = re.compile(r"[A-Za-z.]+")
# Anything that could begin one: most titles have none, and are read no further.
_MAYBE = re.compile(r"[A-Z][a-z]?[A-Z]|[A-Za-z]\.[A-Za-z]\.")
_LONGEST = 8
# The small words of organisations' names, which their abbreviations may leave out.
SMALL_WORDS = frozenset({"de", "den", "der", "en", "het", "op", "te", "van", "voor"})


def is_acronym(token: str) -> bool:
    """Written in capitals ("GGD", "RvT") or as letters with dots ("i.s.m.")."""
    return bool(_CAPITALS.match(token) or _DOTTED.match(token))


def typed_acronyms(text: str) -> list[tuple[str, ...]]:
    """The abbreviations in `text` as written, lower case, without dots, each alone and,
    typed next to each other, together ("OD NHN": ("od",), ("nhn",), ("od", "nhn")). A text
    typed all in capitals has none: its capitals say nothing."""
    rest = text[1:]
    if "." not in rest and rest == rest.lower():
        return []  # most titles: a capital at most at the start, no dot (checked fast)
    if _MAYBE.search(text) is None or text == text.upper():
        return []
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    for token in [*_TOKEN.findall(text), ""]:
        if is_acronym(token):
            letters = token.replace(".", "").casefold()
            found.append((letters,))
            run.append(letters)
            continue
        if len(run) > 1 and sum(map(len, run)) <= _LONGEST:
            found.append(tuple(run))
        run = []
    return list(dict.fromkeys(found))


def spelling(acronym: str, words: Sequence[str]) -> list[int] | None:
    """How `words` (two or more) spell `acronym`, if they do: the number of letters each
    word gives. Each gives its initial and may give later letters of its own, in order; a
    small word of a name may give nothing, but not the first or the last."""
    if len(words) < 2 or acronym[0] != words[0][0] or acronym[-1] not in words[-1]:
        return None
    return _spelling(acronym, words)


def _spelling(acronym: str, words: Sequence[str]) -> list[int] | None:
    if not words:
        return [] if not acronym else None
    word, rest_words = words[0], words[1:]
    if word in SMALL_WORDS and rest_words and (skipped := _spelling(acronym, rest_words)):
        return [0, *skipped]
    if not acronym or word[0] != acronym[0]:
        return None
    inside, rest = word[1:], acronym[1:]
    for taken in range(len(rest) + 1):
        if is_subsequence(rest[:taken], inside):
            given = _spelling(rest[taken:], rest_words)
            if given is not None:
                return [1 + taken, *given]
    return None


def is_subsequence(letters: str, word: str) -> bool:
    remaining = iter(word)
    return all(letter in remaining for letter in letters)


def words_spelling(acronyms: Collection[tuple[str, ...]],
                   texts: Iterable[Sequence[str]]) -> dict[str, set[str]]:
    """For each abbreviation of `acronyms` (alone or typed together), the other words of
    every run of a text's words (normalized, in order) that spells it, by the abbreviation
    the word gives its first letter to. A run has at most as many words (small ones aside)
    as the abbreviations have letters."""
    found: dict[str, set[str]] = defaultdict(set)
    by_initial: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for parts in acronyms:
        by_initial[parts[0][0]].append(parts)
    for words in texts:
        for start, word in enumerate(words):
            if word in SMALL_WORDS:
                continue
            for parts in by_initial.get(word[0], ()):
                letters = "".join(parts)
                for end in range(start + 2, len(words) + 1):
                    run = words[start:end]
                    if sum(part not in SMALL_WORDS for part in run) > len(letters):
                        break
                    given = spelling(letters, run)
                    if given is not None:
                        _file(found, parts, run, given)
    return found


def _file(found: dict[str, set[str]], parts: tuple[str, ...], run: Sequence[str],
          given: Sequence[int]) -> None:
    """Each word of `run` under the abbreviation of `parts` its first letter went to."""
    ends = [sum(map(len, parts[:index + 1])) for index in range(len(parts))]
    position = 0
    for word, count in zip(run, given, strict=True):
        if count and word not in parts:
            found[parts[next(i for i, end in enumerate(ends) if position < end)]].add(word)
        position += count

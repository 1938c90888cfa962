"""Names of organisations as the merge compares them: the words that say which one.

"Gemeente Hoorn" and "gem. Hoorn" are one name once normalized; words that only say what
kind of organisation ("Stichting", "Woningcorporatie") are left out. An abbreviation is
spelled by the other name's words, the kind included ("PZH", "Provincie Zuid-Holland";
"VNG", "Vereniging van Nederlandse Gemeenten"; "KvK"), by one word of several parts
("HH Rijnland", "Hoogheemraadschap van Rijnland"), and a word shortened to its first
letter or cut off with a dot is that word ("Prov. N-Brabant", "Univ. Leiden").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pact_tui.merge.acronyms import SMALL_WORDS, is_acronym, is_subsequence, spelling
from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.words import comparable_text

# Words that say what kind of organisation, not which one.
GENERIC_NAME_WORDS = frozenset({
    "gemeente", "stichting", "vereniging", "provincie",
    "woningcorporatie", "wooncorporatie", "corporatie", "woonstichting", "woningstichting",
    "woningbouwvereniging",
})
_PARENTHESES = re.compile(r"[()]")
# A word cut off with a dot ("Univ.", "Prov."), not letters with dots ("i.s.m.").
_CUT = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.(?![^\W\d_]\.)")
# One word spells an abbreviation with its initial and later letters of it ("RWS",
# "Rijkswaterstaat"): two letters alone could be spelled by too many words, so a name of
# two letters is one word's only where the rest of the names agree ("HH Rijnland").
_ONE_WORD = 3


def name_words(name: str) -> tuple[list[str], list[str]]:
    """A name's normalized words without generic ones, and its abbreviations."""
    acronyms = [token.strip(",;:").replace(".", "").casefold()
                for token in _PARENTHESES.sub(" ", name).split()
                if is_acronym(token.strip(",;:"))]
    words = [word for word in comparable_text(name).split() if word not in GENERIC_NAME_WORDS]
    return words, acronyms


def name_key(name: str) -> tuple[str, ...]:
    """A stakeholder name as compared: normalized, generic words and its own abbreviation out."""
    words, acronyms = name_words(name)
    for acronym in acronyms:
        rest = [word for word in words if word != acronym]
        if next(_abbreviated_runs(acronym, rest), None) is not None:
            words = rest
    return tuple(words)


def _abbreviated_runs(acronym: str, words: Sequence[str], *,
                      one_word: bool = False) -> Iterator[list[str]]:
    """The runs of `words` that spell `acronym` (`acronyms.spelling`): two or more words,
    or with `one_word` a single word as well."""
    for start in range(len(words)):
        if one_word and _spelled_by_word(acronym, words[start]):
            yield [words[start]]
        for end in range(start + 2, len(words) + 1):
            if spelling(acronym, words[start:end]) is not None:
                yield list(words[start:end])


def _spelled_by_word(acronym: str, word: str) -> bool:
    return len(word) > len(acronym) and word[0] == acronym[0] and is_subsequence(
        acronym[1:], word[1:])


def abbreviation(first: str, second: str) -> tuple[str, ...] | None:
    """An abbreviation of one name spelled by words of the other, the rest of both names
    the same (small words aside): the abbreviation and the words that spell it."""
    for source, target in ((first, second), (second, first)):
        own, acronyms = name_words(source)
        words = comparable_text(target).split()  # its kind too: "PZH"
        for acronym in acronyms:
            rest = [word for word in own if word != acronym and word not in SMALL_WORDS]
            for run in _abbreviated_runs(acronym, words,
                                         one_word=bool(rest) or len(acronym) >= _ONE_WORD):
                others = [word for word in name_words(target)[0]
                          if word not in run and word not in SMALL_WORDS]
                if "".join(rest) == "".join(others):
                    return (acronym, *run)
    return None


def shortened(first: str, second: str) -> tuple[str, ...] | None:
    """The same name but for words one of them shortened: to a first letter ("N-Brabant",
    "Z-H") or cut off with a dot ("Univ."). The words written in full are returned."""
    one, other = name_key(first), name_key(second)
    if len(one) != len(other) or one == other:
        return None
    cut = {normalize_text(word) for text in (first, second) for word in _CUT.findall(text)}
    for left, right in zip(one, other, strict=True):
        short, long = sorted((left, right), key=len)
        if short != long and not (long.startswith(short) and (len(short) == 1 or short in cut)):
            return None
    return tuple(max(pair, key=len) for pair in zip(one, other, strict=True))

"""Why two items look like the same thing: four signals, each with a score from 0 to 100.

- wording: nearly the same words (a typo, a word moved), rapidfuzz's `ratio` on the text
  as written and with its words sorted, where at most one content word of each text is no
  word of the other;
- name: a stakeholder's name once normalized ("gem. Hoorn", "Gemeente Hoorn"), an
  abbreviation against the words it stands for ("WBG", "Westfriese Bedrijvengroep"; "PZH",
  "Provincie Zuid-Holland"), a word shortened ("Prov. N-Brabant"; `names`), or one name the
  start of the other ("Dijklander Ziekenhuis Hoorn"), not just inside it ("Provincie
  Noord-Holland" is not "Omgevingsdienst Noord-Holland Noord");
- idea: the same idea in other words, the share of content words both texts hold,
  weighted by how rare each word is in the programme. Words match on their stem, as a
  typo of each other, as one root with another ending ("isolatie", "isoleren"; the noun
  and the verb, "de oprichting", "oprichten"; a long vowel written once or twice,
  "eenzaam", "eenzame"; a verb of "ver" and an adjective, and its comparative,
  "versnellen", "sneller"), as a separable verb ("stelt ... op", "opstellen"), or as part of
  a compound ("loket" in "energieloket"; half a match unless the compound's other part is
  in the other text too, so "expertpool" is not "pool flexwoningen"). A compound is also
  split into parts where one part is known (a word of the programme or the thesaurus),
  so its other part meets that word in another form ("woningisolatie", "woningen
  isoleren"). At least one shared word must be distinctive (used by few texts): words
  every action uses ("regionaal", "gemeenten", "opzetten") do not make two actions one idea;
- thesaurus: the idea again, with words of one meaning in the reviewed thesaurus
  (`thesaurus`, "opzetten"/"oprichten", "bewoners"/"inwoners") counted as shared.

Before any comparison the region's abbreviations are written out ("HHNK", "W-F"); an
abbreviation typed in capitals matches the words another text spells it with ("GGD HN",
"GGD Hollands Noorden"; `acronyms`).

Two rules override them all. When the texts are one frame with one or two words filled
in differently on each side ("Starterslening"/"Blijverslening", "opzetten"/"evalueren",
"Wmo-hulpmiddelen"/"Jeugdhulp", "wind op land"/"zon op dak"), they are a pattern filled
in differently, not one thing said twice. When they are the same words but for a compound
whose extra part says which kind ("Fonds"/"Innovatiefonds", "Woonvisie"/"Woonzorgvisie"),
they are a thing and a narrower one (`is_narrower`).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from os.path import commonprefix
from typing import NamedTuple

from rapidfuzz import fuzz, process

from pact_tui.merge.acronyms import typed_acronyms, words_spelling
from pact_tui.merge.names import abbreviation, name_key, shortened
from pact_tui.merge.thesaurus import synonyms
from pact_tui.merge.words import comparable_text, content_words, stem

WORDING = "wording"
NAME = "name"
IDEA = "idea"
THESAURUS = "thesaurus"

# Scores (0-100) from which a signal proposes a pair; for an idea: half the weight of the
# words of both texts is shared.
THRESHOLDS = {WORDING: 88.0, NAME: 90.0, IDEA: 50.0, THESAURUS: 50.0}

# How two words match (`match_kind`).
SAME = "same"
SYNONYM = "synonym"
PART = "part"
ROOT = "root"
TYPO = "typo"
ABBREVIATION = "abbreviation"

_TYPO_RATIO = 80.0
# `ratio` is 2 * common / (a + b), so it reaches the typo ratio only where b <= a * 1.5.
_TYPO_LENGTHS = (200.0 - _TYPO_RATIO) / _TYPO_RATIO
_PART = 3
# A word used by at most this many texts, or the square root of their number (words in a
# programme fall off like Zipf's law: only a handful are used by more), is distinctive.
_FEW = 2
_ROOT = 5
# A compound matched by one of its parts only, its other part nowhere in the other text.
_PART_CREDIT = 0.4
# The most words filled in differently, on each side, for texts to be one pattern.
_FILLED_IN = 2
# Particles of Dutch separable verbs: "stelt ... op" is "opstellen".
_PARTICLES = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "samen",
              "terug", "toe", "uit", "vast", "voor", "weg")
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")
_DOUBLE_LETTER = re.compile(r"(.)\1")
_COMPARATIVE = ("er", "ere")
# How a "ver" verb is written when it is one (`made_into`): the verb, its noun, its
# participle ("vergroenen", "vergroening", "verouderde"), not "verslag" or "verkeer".
_VERB_ENDINGS = ("en", "ing", "d", "de", "t", "te")


@dataclass(frozen=True)
class Signal:
    """One reason two items may be the same, with its score and the words it rests on."""

    kind: str
    score: float
    words: tuple[str, ...] = ()


@functools.cache
def _synonym_of() -> dict[str, str]:
    return {stem(word): group for group, words in synonyms().items() for word in words}


@functools.cache
def _thesaurus_words() -> tuple[str, ...]:
    return tuple(word for words in synonyms().values() for word in words)


def _without_particle(root: str) -> str | None:
    particle = next((p for p in _PARTICLES if root.startswith(p)), None)
    rest = root[len(particle):] if particle else ""
    return rest if len(rest) >= _PART else None


@functools.lru_cache(maxsize=1 << 18)
def match_kind(first: str, second: str) -> str | None:
    """How two words are the same word, if they are: one stem, synonyms, one a part of the
    other's compound, one root with another ending, a separable verb, or a typo."""
    if first == second:
        return SAME
    if first.isdigit() or second.isdigit():
        return None
    one, other = stem(first), stem(second)
    if one == other:
        return SAME
    group = _synonym_of().get(one)
    if group is not None and group == _synonym_of().get(other):
        return SYNONYM
    if made_more(one, second) or made_more(other, first):
        return ROOT  # "versnellen" and "sneller"
    if made_into(one, first, second) or made_into(other, second, first):
        return ROOT  # "vergroenen" and "groen", "verouderde" and "oude"
    for verb, form in ((one, other), (other, one)):
        rest = _without_particle(verb)
        if rest is not None and form.startswith(rest) and len(form) <= len(rest) + 1:
            return ROOT  # "opstel" (opstellen) and "stelt"
    if _part_of(first, second):
        return PART  # "energieloket" and "loket"
    compound = _part_of(one, other)
    if not compound and _one_root(one, other):
        return ROOT  # "isoleer" (isolatie) and "isoler" (isoleren); "eenzaam" and "eenzame"
    if inserted_part(first, second) is not None:
        return PART  # "woonzorgvisie" is a "woonvisie" with "zorg" in it, no typo of it
    if min(len(first), len(second)) >= 3 and max(len(first), len(second)) >= 4 \
            and fuzz.ratio(first, second) >= _TYPO_RATIO:
        return TYPO  # before a compound of stems: "versnellee" is "versnellen" mistyped
    return PART if compound else None


def made_more(verb: str, word: str) -> bool:
    """`verb` (a stem) is "ver" and an adjective, making it more, and `word` (as written)
    is that adjective's comparative: "versnel" (versnellen) and "sneller", "vergroot" and
    "groter", "verbeteer" and "beter". Doubled letters count once ("snel", "sneller")."""
    if not (verb.startswith("ver") and word.endswith(_COMPARATIVE)):
        return False
    rest = _without_doubles(verb[3:])
    return rest in {_without_doubles(form) for form in _comparative_bases(word)}


def made_into(verb: str, written: str, word: str) -> bool:
    """`verb` (a stem; `written` as written) is "ver" and an adjective, making something
    so, and `word` (as written) is that adjective: "vergroen" (vergroenen) and "groen",
    "verduurzaam" and "duurzame", "verouder" (verouderde, made older) and "oude". A word
    the stemmer shortens is a verb or a plural, no adjective: "verbouwen" is no "bouwen"."""
    return (verb.startswith("ver") and written.endswith(_VERB_ENDINGS) and stem(word) == word
            and plain_adjective(word) in made_from(verb))


@functools.lru_cache(maxsize=65536)
def made_from(verb: str) -> frozenset[str]:
    """What a "ver" verb (a stem) may make something (`plain_adjective`): its rest, without
    a participle's ending, and the rest of a comparative ("ouder" of "verouder": "oud")."""
    rest = verb[3:]
    forms = {rest, rest[:-1]} if rest.endswith(("d", "t")) else {rest}
    bases = {form[:-2] for form in forms if form.endswith("er")}
    return frozenset(plain_adjective(form) for form in
                     {*(form for form in forms if len(form) > _PART),
                      *(base for base in bases if len(base) >= _PART)})


@functools.lru_cache(maxsize=65536)
def plain_adjective(word: str) -> str:
    """An adjective without its ending "e", with doubled letters written once: "groene",
    "groen"; "duurzame", "duurzaam"; "grote", "groot" are one form each."""
    return _without_doubles(word.removesuffix("e"))


def _comparative_bases(word: str) -> tuple[str, ...]:
    """What a comparative ("groter", "hogere") can be the comparative of: the word less
    its ending, or, long enough, the word itself ("beter")."""
    base = word[:-3] if word.endswith("ere") else word[:-2]
    return (*((base,) if len(base) >= _PART else ()), *((word,) if len(word) >= _ROOT else ()))


def _without_doubles(letters: str) -> str:
    return _DOUBLE_LETTER.sub(r"\1", letters)


def _one_root(one: str, other: str) -> bool:
    """Two stems share all but their last letter, and at least `_ROOT` letters, as written
    or with their long vowels written once."""
    shared = max(_ROOT, min(len(one), len(other)) - 1)
    if len(one) >= shared <= len(other) and one[:shared] == other[:shared]:
        return True
    one, other = single_vowels(one), single_vowels(other)
    shared = max(_ROOT, min(len(one), len(other)) - 1)
    return len(one) >= shared <= len(other) and one[:shared] == other[:shared]


@functools.lru_cache(maxsize=65536)
def single_vowels(root: str) -> str:
    """A stem with its long vowels written once: Dutch doubles a vowel in a closed syllable
    only ("eenzaam", "eenzame"; "koop", "kopen"), which the stemmer leaves as it is."""
    return _DOUBLE_VOWEL.sub(r"\1", root)


def inserted_part(first: str, second: str) -> str | None:
    """The part the longer word holds inside, between the start and end of the shorter:
    "zorg" of "woonzorgvisie" against "woonvisie". A typo adds a letter or two, never a
    whole part."""
    if abs(len(first) - len(second)) < _PART:
        return None
    short, long = sorted((first, second), key=len)
    size = len(long) - len(short)
    if len(short) < 2 * _PART:
        return None
    start = len(commonprefix((short, long)))  # noqa: RUF071
    end = len(commonprefix((short[::-1], long[::-1])))  # noqa: RUF071
    if min(start, end) < _PART or max(start, end) >= len(short) or start + end < len(short):
        return None  # the shorter word is not split in two around it
    return long[start:start + size]


def _part_of(one: str, other: str) -> bool:
    """The shorter word is the start or the end of the longer, a compound of it."""
    short, long = sorted((one, other), key=len)
    return len(short) >= _PART and len(long) >= len(short) + _PART and (
        long.startswith(short) or long.endswith(short))


def words_match(first: str, second: str) -> bool:
    """The same word, in any of the ways `match_kind` knows."""
    return match_kind(first, second) is not None


def match_table(words: Iterable[str]) -> dict[str, dict[str, str]]:
    """Every pair of `words` that match, with how (`match_kind`), found without trying all
    pairs: words meet on their stem, synonym group, compound parts, first letters (also with
    long vowels written once), start and end (around a part inside), verb without particle,
    and adjective ("snel" of "versnellen" and "sneller"), and rapidfuzz scores each word
    against the words of a length it could be a typo of, in C++. Each meeting is then
    confirmed by `match_kind`, so the table is exact."""
    vocabulary = sorted(set(words))
    table: dict[str, dict[str, str]] = {word: {} for word in vocabulary}
    # Words that meet when they share a key: one stem, one synonym group, one start.
    shared: dict[str, list[str]] = defaultdict(list)
    # Words by how they start and end: a compound with a part inside ("woonzorgvisie")
    # starts and ends as the word without it ("woonvisie").
    ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    # Words found by what another word holds: its parts, its verb without particle.
    by_form: dict[str, list[str]] = defaultdict(list)
    for word in vocabulary:
        if word.isdigit():
            continue
        root = stem(word)
        shared["s:" + root].append(word)
        if len(root) >= _ROOT:
            shared["r:" + root[:_ROOT]].append(word)
            shared["v:" + single_vowels(root)[:_ROOT]].append(word)
        if len(word) >= 2 * _PART:
            ends[(word[:_PART], word[-_PART:])].append(word)
        if root.startswith("ver"):
            shared["m:" + _without_doubles(root[3:])].append(word)
            if word.endswith(_VERB_ENDINGS):
                for form in made_from(root):
                    shared["a:" + form].append(word)
        if root == word:
            shared["a:" + plain_adjective(word)].append(word)
        if word.endswith(_COMPARATIVE):
            for form in _comparative_bases(word):
                shared["m:" + _without_doubles(form)].append(word)
        group = _synonym_of().get(root)
        if group is not None:
            shared["g:" + group].append(word)
        for form in {word, root, root[:-1]}:
            by_form[form].append(word)
    pairs: set[tuple[str, str]] = set()
    for members in shared.values():
        pairs.update((a, b) for index, a in enumerate(members) for b in members[index + 1:])
    for word in vocabulary:
        if word.isdigit():
            continue
        root = stem(word)
        held = {held for whole in (word, root)
                for size in range(_PART, len(whole) - _PART + 1)
                for held in (whole[:size], whole[-size:])}
        rest = _without_particle(root)
        if rest is not None:
            held.add(rest)
        for form in held:
            pairs.update((word, other) for other in by_form.get(form, ()) if other != word)
    for members in ends.values():
        pairs.update((short, long) for short in members for long in members
                     if inserted_part(short, long) is not None)
    # Typos: each word scored in C++ against the words long enough and short enough to
    # reach the typo ratio (`process.extract`; `cdist` would need numpy, whose import alone
    # costs more than all of this).
    letters = sorted((word for word in vocabulary if len(word) >= 3 and not word.isdigit()),
                     key=lambda word: (len(word), word))
    lengths = [len(word) for word in letters]
    for position, word in enumerate(letters):
        end = bisect.bisect_right(lengths, len(word) * _TYPO_LENGTHS)
        for other, _, _ in process.extract(word, letters[position + 1:end], scorer=fuzz.ratio,
                                           score_cutoff=_TYPO_RATIO, limit=None):
            pairs.add((word, other))
    for first, second in pairs:
        kind = match_kind(first, second)
        if kind is not None:
            table[first][second] = table[second][first] = kind
    return table


def _linked(part: str) -> tuple[str, ...]:
    """A compound's first part as written, and without the linking "s" it may end with
    ("verkeers" in "verkeersveiligheid")."""
    return (part, part[:-1]) if part.endswith("s") and len(part) > _PART else (part,)


def _known_forms(word: str) -> tuple[str, ...]:
    """A word as a compound's part may write it: as written, its stem, without the plural
    ending ("woning" of "woningen": its stem is "woon")."""
    plural = word[:-2] if word.endswith("en") else word[:-1] if word.endswith("s") else word
    return (word, stem(word), plural)


def split_compounds(table: dict[str, dict[str, str]]) -> dict[tuple[str, str], tuple[str, bool]]:
    """Compounds split into known parts, each part then meeting the words it is in another
    form: "woningisolatie" meets "isoleren" (its part "isolatie") where "woning" is known.

    A part is known when it is a word of these texts or of the thesaurus (`_known_forms`);
    the other part must be one of the texts' words by stem or root (`_one_root`). The stems
    compared are the compound's own stem cut at the split, never a part stemmed apart (the
    stemmer is the costly step; it changes only a word's ending). Each split found is added
    to `table` as a compound's part (`PART`); returned: the compound's extra part, and
    whether it stands in front (`Extra.narrows`), by (compound, word its other part is).
    """
    words = [word for word in table if not word.isdigit()]
    known = {form for word in (*words, *_thesaurus_words()) for form in _known_forms(word)}
    roots = {word: stem(word) for word in words}
    by_root: dict[str, list[str]] = defaultdict(list)
    for word, root in roots.items():
        by_root[root].append(word)
        if len(root) >= _ROOT:
            by_root[root[:_ROOT]].append(word)
    found: dict[tuple[str, str], tuple[str, bool]] = {}

    def is_known(part: str) -> bool:
        return any(form in known for form in _linked(part))

    def meet(word: str, part: str, extra: str, narrows: bool) -> None:
        candidates = {*by_root.get(part, ()), *by_root.get(part[:_ROOT], ())}
        for other in candidates:
            if other != word and other not in table[word] and (part == roots[other] or (
                    _one_root(part, roots[other]) and not _part_of(part, roots[other]))):
                table[word][other] = table[other][word] = PART
                found[(word, other)] = (extra, narrows)

    for word, root in roots.items():
        for at in range(_PART, len(word) - _PART + 1):
            head, tail = word[:at], word[at:]
            if is_known(tail):
                for part in _linked(head):  # "woning" of "woningisolatie", as it is
                    meet(word, part, tail, narrows=False)
            if len(root) - at >= _PART and root.startswith(head) and is_known(head):
                meet(word, root[at:], head, narrows=True)  # "isoleer" of "woningisoleer"
    return found


def _add_abbreviations(table: dict[str, dict[str, str]], texts: Collection[str]) -> None:
    """Each abbreviation typed in capitals in one of `texts` matches the words it is spelled
    with in any of them (`acronyms.words_spelling`), where it and they are words of `table`
    and match in no other way already."""
    typed = {parts for text in texts for parts in typed_acronyms(text)}
    if not typed:
        return
    spelled = words_spelling(typed, {tuple(comparable_text(text).split()) for text in texts})
    for acronym, words in spelled.items():
        if acronym not in table:
            continue  # written out already ("HHNK"), or in no text on its own
        for word in words:
            if word in table and word not in table[acronym]:
                table[acronym][word] = table[word][acronym] = ABBREVIATION


class Vocabulary:
    """The words of the texts of one kind: which words match which (`match_table`), and how
    rare each word is with the words of its stem, its typos and synonyms (inverse document
    frequency), worked out once."""

    def __init__(self, texts: Iterable[str]) -> None:
        holders: dict[str, set[int]] = defaultdict(set)
        distinct: set[str] = set()
        count = 0
        for count, text in enumerate(texts, start=1):
            distinct.add(text)
            for word in content_words(text):
                holders[word].add(count)
        self._count = count
        self.matches = match_table(holders)
        _add_abbreviations(self.matches, distinct)
        self._splits = split_compounds(self.matches)
        # A word is as common as the words it stands for: a typo of "kernen", or a synonym
        # of "opzetten", is no rarer than they are (a compound has a meaning of its own).
        self._frequency = {
            word: len(found.union(*(holders[other] for other, kind in self.matches[word].items()
                                    if kind != PART)))
            for word, found in holders.items()}
        self._weights: dict[str, float] = {}
        self._distinctive: dict[str, bool] = {}
        self._any: dict[tuple[str, ...], bool] = {}
        self._components = self._join_components()
        # Each word with the words it is the same as (more than a compound's part).
        self._same = {word: {word, *(other for other, kind in found.items() if kind != PART)}
                      for word, found in self.matches.items()}

    def _join_components(self) -> dict[str, str]:
        """Each word's group of words joined by matches other than a compound's part, named
        by its first word: two words that match (`is_same_word`) are always in one group."""
        parent = {word: word for word in self.matches}

        def root(word: str) -> str:
            while parent[word] != word:
                parent[word] = parent[parent[word]]
                word = parent[word]
            return word

        for word, found in self.matches.items():
            for other, kind in found.items():
                if kind != PART:
                    one, two = root(word), root(other)
                    if one != two:
                        parent[max(one, two)] = min(one, two)
        return {word: root(word) for word in parent}

    def component(self, word: str) -> str:
        """The name of the group of words `word` is one of (`_join_components`)."""
        return self._components.get(word, word)

    def is_same_word(self, first: str, others: Iterable[str]) -> bool:
        """`first` is one of `others` in another form, a typo or a synonym: more than a
        compound's part."""
        same = self._same.get(first)
        if same is not None:
            return not same.isdisjoint(others)
        return any(self.kind(first, other) not in (None, PART) for other in others)

    def kind(self, first: str, second: str) -> str | None:
        """`match_kind`, from the table where it holds both words."""
        if first == second:
            return SAME
        known = self.matches.get(first)
        if known is not None and second in self.matches:
            return known.get(second)
        return match_kind(first, second)

    def extra_parts(self, first: str, second: str) -> tuple[Extra, ...]:
        """`_extra_parts`, or the extra part of a compound split into known parts
        (`split_compounds`)."""
        if (split := self._splits.get((first, second))) is not None:
            return (Extra(split[0], True, split[1]),)
        if (split := self._splits.get((second, first))) is not None:
            return (Extra(split[0], False, split[1]),)
        return _extra_parts(first, second)

    def is_distinctive(self, word: str) -> bool:
        """Used by few texts: enough to say what a text is about, unlike "gemeenten"."""
        found = self._distinctive.get(word)
        if found is None:
            found = self._frequency.get(word, 0) <= max(_FEW, math.sqrt(self._count))
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
            found = math.log(1.0 + (self._count + 1) / (self._frequency.get(word, 0) + 0.5))
            self._weights[word] = found
        return found


def is_contrast(first: Sequence[str], second: Sequence[str],
                vocabulary: Vocabulary | None = None) -> bool:
    """One frame, filled in differently: the words before and after match in order, and the
    one or two words left on each side match no word of the other text.

    "Starterslening in alle zeven gemeenten invoeren" and "Blijverslening in ..." are two
    instruments; "Bestaande woningen verduurzamen" and "Verduurzaming van de bestaande
    woningvoorraad" (the words moved) is one idea said twice.
    """
    same = vocabulary.kind if vocabulary is not None else match_kind
    before = 0
    while before < min(len(first), len(second)) and same(first[before], second[before]):
        before += 1
    after = 0
    while after < min(len(first), len(second)) - before and same(first[-1 - after],
                                                                  second[-1 - after]):
        after += 1
    left, right = first[before:len(first) - after], second[before:len(second) - after]
    if not (1 <= len(left) <= _FILLED_IN and 1 <= len(right) <= _FILLED_IN):
        return False
    if before + after == 0 and not len(first) == len(second) == 1:
        return False  # nothing in common to be a frame
    return not any(same(one, other) for one in left for other in second) and not any(
        same(other, one) for other in right for one in first)


def wording(first: str, second: str) -> float:
    """rapidfuzz `ratio` of the comparable texts, as written or with their words sorted."""
    one, other = comparable_text(first), comparable_text(second)
    if not one or not other:
        return 0.0
    return max(fuzz.ratio(one, other), fuzz.ratio(sorted_words(one), sorted_words(other)))


@functools.lru_cache(maxsize=65536)
def sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


class Extra(NamedTuple):
    """What a compound holds beyond the other word of a pair, a part of it."""

    part: str
    compound_is_first: bool
    # In front of or inside the compound's last part, so it says which kind of that part
    # ("innovatie" in "innovatiefonds"); at its end it is the compound's own head
    # ("werk" in "vrijwilligerswerk").
    narrows: bool


def _extra_parts(first: str, second: str) -> tuple[Extra, ...]:
    """What a compound holds beyond its part, for a word that is a part of the other's
    compound: "energie" for "loket" and "energieloket", "zorg" for "woonzorgvisie" and
    "woonvisie"."""
    found = []
    for one, two in ((first, second), (stem(first), stem(second))):
        if len(one) == len(two):
            continue
        first_is_long = len(one) > len(two)
        long, short = (one, two) if first_is_long else (two, one)
        if long.startswith(short):
            found.append(Extra(long[len(short):], first_is_long, narrows=False))
        elif long.endswith(short):
            found.append(Extra(long[:-len(short)], first_is_long, narrows=True))
        elif (inside := inserted_part(long, short)) is not None:
            found.append(Extra(inside, first_is_long, narrows=True))
    return tuple(found)


def _credit(vocabulary: Vocabulary, word: str, other: str, words: Sequence[str],
            others: Sequence[str]) -> float:
    """How much of a match a compound `word` (of `words`) and its part `other` (of `others`),
    or the other way round, are: half a match, unless the compound's extra part is in the
    text of its part too, or is the part again in other words ("dorpskernen": a "kern"
    that is a "dorp")."""
    for extra in vocabulary.extra_parts(word, other):
        compound, holder = (word, others) if extra.compound_is_first else (other, words)
        if any(words_match(extra.part, held) for held in holder if held != compound):
            return 1.0
    return _PART_CREDIT


def is_narrower(first: Sequence[str], second: Sequence[str], vocabulary: Vocabulary) -> bool:
    """The texts say the same but for one word each, a compound on one side and its part on
    the other, and the compound's extra part stands in front of (or inside) the part they
    share and is in neither text: it says which kind, so the compound names a narrower thing.

    "Innovatiefonds voor ondernemers" is one fund of the "Fonds voor ondernemers", the
    "Woonzorgvisie" a vision of its own beside the "Woonvisie"; "Voorzieningen in de
    dorpskernen" are the "voorzieningen in de kernen" (a village is one of the "kernen"),
    and "Vrijwilligerswerk stimuleren" is "vrijwilligers stimuleren" (the extra "werk" is
    the compound's head, what it is about stays the same).
    """
    left = [word for word in first if not vocabulary.is_same_word(word, second)]
    right = [word for word in second if not vocabulary.is_same_word(word, first)]
    if len(left) != 1 or len(right) != 1 or vocabulary.kind(left[0], right[0]) != PART:
        return False
    extras = [extra for extra in vocabulary.extra_parts(left[0], right[0]) if extra.narrows]
    return bool(extras) and not any(
        words_match(extra.part, held) for extra in extras for held in (*first, *second)
        if held != (left[0] if extra.compound_is_first else right[0]))


def idea(first: str, second: str, vocabulary: Vocabulary) -> tuple[Signal, ...]:
    """The weighted share of content words that match a word of the other text: as the
    idea signal, and counting the thesaurus's synonyms as the thesaurus signal."""
    one, other = content_words(first), content_words(second)
    if not one or not other or not (vocabulary.any_distinctive(one)
                                    or vocabulary.any_distinctive(other)):
        return ()  # common words alone make no idea
    total = plain = with_synonyms = 0.0
    shared: list[str] = []
    meanings: list[str] = []
    distinctive = distinctive_plain = False
    for words, others in ((one, other), (other, one)):
        for word in words:
            weight = vocabulary.weight(word)
            total += weight
            best = best_plain = 0.0
            synonym = ""
            for candidate in others:
                kind = vocabulary.kind(word, candidate)
                if kind is None:
                    continue
                credit = 1.0 if kind != PART else _credit(vocabulary, word, candidate, words,
                                                              others)
                best = max(best, credit)
                if kind == SYNONYM:
                    synonym = synonym or candidate
                else:
                    best_plain = max(best_plain, credit)
            if best:
                with_synonyms += weight * best
                distinctive = distinctive or vocabulary.is_distinctive(word)
            if best_plain:
                plain += weight * best_plain
                distinctive_plain = distinctive_plain or vocabulary.is_distinctive(word)
                if words is one:
                    shared.append(word)
            elif synonym and words is one:
                meanings.append(f"{word} = {synonym}")
    found = []
    if distinctive_plain:
        found.append(Signal(IDEA, round(100.0 * plain / total, 1), tuple(shared)))
    if meanings and distinctive:
        found.append(Signal(THESAURUS, round(100.0 * with_synonyms / total, 1),
                            tuple(meanings)))
    return tuple(found)


def name(first: str, second: str) -> Signal:
    """How surely two stakeholder names name one organisation. A name recognised whole
    (the same, an abbreviation of the other, shortened, the start of the other) carries the
    words it rests on; a score of close spelling alone carries none."""
    one, other = name_key(first), name_key(second)
    if not one or not other:
        return Signal(NAME, 0.0)
    if "".join(one) == "".join(other):
        return Signal(NAME, 100.0, one)
    if (spelled := abbreviation(first, second)) is not None:
        return Signal(NAME, 95.0, spelled)
    if (written_out := shortened(first, second)) is not None:
        return Signal(NAME, 90.0, written_out)
    short, long = sorted((one, other), key=len)
    if long[:len(short)] == short:  # "Dijklander Ziekenhuis" and "... Ziekenhuis Hoorn"
        return Signal(NAME, 90.0, short)
    if is_contrast(one, other):
        return Signal(NAME, 0.0)
    return Signal(NAME, round(fuzz.ratio("".join(one), "".join(other)), 1))


def nearly_the_same_words(first: Sequence[str], second: Sequence[str],
                          vocabulary: Vocabulary) -> bool:
    """At most one content word of each text is no word of the other (in any form)."""
    for words, others in ((first, second), (second, first)):
        missing = 0
        for word in words:
            if not vocabulary.is_same_word(word, others):
                missing += 1
                if missing > 1:
                    return False
    return True


def assess(first: str, second: str, vocabulary: Vocabulary, *,
           names: bool = False) -> tuple[Signal, ...]:
    """The signals by which `first` and `second` are proposed as one, strongest first.

    Wording counts where the texts are nearly the same words: close characters alone
    ("Wmo-hulp" and "Wmo-hulpmiddelen plus", a short word for another) are not."""
    found = []
    if names or nearly_the_same_words(content_words(first), content_words(second), vocabulary):
        found.append(Signal(WORDING, round(wording(first, second), 1)))
    said = name(first, second) if names else None
    if said is not None:
        found.append(said)
    else:
        found.extend(idea(first, second, vocabulary))
    passing = [signal for signal in found if signal.score >= THRESHOLDS[signal.kind]]
    if not passing:
        return ()
    if said is not None:
        # A name recognised whole is no frame filled in differently ("GGD HM", "GGD
        # Hollands Midden"); close spelling alone may be ("Provincie Zuid-Holland").
        if not said.words and is_contrast(name_key(first), name_key(second)):
            return ()
    else:
        one, other = content_words(first), content_words(second)
        if is_contrast(one, other, vocabulary) or is_narrower(one, other, vocabulary):
            return ()
    return tuple(sorted(passing, key=lambda signal: -signal.score))

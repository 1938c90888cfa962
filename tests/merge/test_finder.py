"""The duplicate finder reads other people's words: one root with another ending, synonyms
of the thesaurus, the region's abbreviations inside titles; it keeps apart a frame filled
in differently; and it proposes every pair its scorer accepts, whatever the ids or order."""

from __future__ import annotations

import itertools
import random
import tomllib
from collections.abc import Sequence
from importlib import resources

import pytest

from pact_tui.merge import merge_sessions
from pact_tui.merge.duplicates import find_duplicates
from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.signals import (
    ROOT,
    SYNONYM,
    THESAURUS,
    Vocabulary,
    assess,
    match_kind,
    match_table,
)
from pact_tui.merge.words import content_words
from pact_tui.model import Action

# Titles from other groups' programmes, so that a word of each pair is rare enough to
# carry an idea, as in a real programme.
BACKGROUND = ("Laadpalen plaatsen bij sporthallen", "Monitor arbeidsmarkt bijhouden",
              "Dorpshuizen verduurzamen", "Fietspaden langs de dijk verbreden",
              "Statushouders aan werk helpen", "Sportaccommodaties delen tussen clubs")


def proposed(first: str, second: str) -> bool:
    vocabulary = Vocabulary((first, second, *BACKGROUND))
    return bool(assess(first, second, vocabulary))


def test_words_of_one_root_with_another_ending_match() -> None:
    assert match_kind("isolatie", "isoleren") is not None
    assert proposed("Isolatie van huurwoningen versnellen", "Sneller huurwoningen isoleren")


@pytest.mark.parametrize(("first", "second"), [
    ("Regionaal woningbouwfonds opzetten", "Regionaal woningbouwfonds oprichten"),
    ("Warmtevisie per gemeente opstellen", "Elke gemeente stelt een warmtevisie op"),
    ("Wind op land: participatie van omwonenden regelen",
     "Wnd op land: participatie van omwonenden regelen"),
    ("Collectieve zonnedaken voor particulieren", "Gezamenlijke zonnedaken voor inwoners"),
])
def test_a_synonym_a_separable_verb_or_a_short_typo_is_not_a_difference(first: str,
                                                                       second: str) -> None:
    assert proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Toeristische routes in het buitengebied versterken",
     "Recreatieve routes in het buitengebied verbeteren"),
    ("Gebrek aan woonruimte voor arbeidsmigranten", "Tekort aan huisvesting voor arbeidsmigranten"),
    ("Collectieve inkoopactie voor zonnepanelen organiseren",
     "Gezamenlijke inkoop van zonnepanelen opzetten"),
    ("Het aantal laadpalen bij sporthallen verhogen", "Laadpalen bij sporthallen uitbreiden"),
    ("Onvoldoende stageplekken in de zorg", "Tekort aan stageplekken in de zorg"),
    ("Krapte aan personeel in de kinderopvang", "Gebrek aan personeel in de kinderopvang"),
])
def test_adjectives_and_verbs_of_one_meaning_in_programmes_are_synonyms(first: str,
                                                                        second: str) -> None:
    assert proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Deelname aan sport door kinderen bevorderen",
     "Deelname aan sport door kinderen stimuleren"),
    ("Winkelcentra revitaliseren", "Winkelcentra herstructureren"),
    ("Vergunninghouders huisvesten in de kleine kernen",
     "Statushouders huisvesten in de kleine kernen"),
    ("Laadpunten bij sporthallen plaatsen", "Laadpalen bij sporthallen plaatsen"),
    ("Zoekgebied voor zonnevelden langs de A7", "Zoekgebied voor zonneparken langs de A7"),
    ("Hemelwater afkoppelen in de dorpen", "Regenwater afkoppelen in de dorpen"),
    ("Kantoren ombouwen", "Kantoren transformeren"),
    ("Het ov naar de kernen verbeteren", "Het openbaar vervoer naar de kernen verbeteren"),
    ("Uitstoot van stikstof verlagen", "Uitstoot van stikstof verminderen"),
])
def test_words_of_one_meaning_from_other_programmes_are_synonyms(first: str,
                                                                second: str) -> None:
    assert proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Leerlingenvervoer gezamenlijk inkopen", "Leerlingenvervoer gezamenlijk aanbesteden"),
    ("Kennis over droogte delen met boeren", "Kennis over droogte uitwisselen met boeren"),
    ("Tekort aan docenten in het basisonderwijs", "Tekort aan leraren in het basisonderwijs"),
    ("Aanpak laaggeletterdheid borgen", "Aanpak laaggeletterdheid verankeren"),
    ("Pilot met deelauto's in de kernen", "Proef met deelauto's in de kernen"),
    ("Knelpunten voor mantelzorgers wegnemen", "Belemmeringen voor mantelzorgers wegnemen"),
    ("Wachtlijsten in de jeugdzorg verkorten", "Wachttijden in de jeugdzorg verkorten"),
    ("Glasvezel in het buitengebied aanleggen", "Breedband in het buitengebied aanleggen"),
    ("Bestemmingsplan aanpassen voor tiny houses", "Omgevingsplan aanpassen voor tiny houses"),
    ("Klimaatbestendige inrichting van schoolpleinen",
     "Klimaatadaptieve inrichting van schoolpleinen"),
    ("Opvang voor daklozen uitbreiden", "Opvang voor thuislozen uitbreiden"),
    ("Personeel voor de kinderopvang werven", "Personeel voor de kinderopvang aantrekken"),
    ("Energieloket voor woningeigenaren voortzetten",
     "Energieloket voor woningeigenaren continueren"),
    ("Regels voor mantelzorgwoningen harmoniseren",
     "Regels voor mantelzorgwoningen gelijktrekken"),
])
def test_public_administration_words_of_one_meaning_are_synonyms(first: str,
                                                                 second: str) -> None:
    assert proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Pilot met deelauto's evalueren", "Pilot met deelauto's voortzetten"),
    ("Kinderen met overgewicht bereiken", "Jongeren met overgewicht bereiken"),
    ("Leerlingen naar een stage begeleiden", "Studenten naar een stage begeleiden"),
    ("Grond aankopen voor woningbouw", "Grond verkopen voor woningbouw"),
    ("Kennis delen met het onderwijs", "Kennis borgen in het onderwijs"),
])
def test_related_words_of_another_action_or_group_of_people_are_no_synonyms(
        first: str, second: str) -> None:
    assert not proposed(first, second)


def test_regional_is_where_an_action_happens_and_joint_is_with_whom() -> None:
    assert match_kind("regionaal", "regio") == SYNONYM
    assert match_kind("regionaal", "gezamenlijk") is None


def test_each_group_of_the_thesaurus_says_what_it_means() -> None:
    lines = resources.files("pact_tui.merge").joinpath(
        "data", "thesaurus-nl.toml").read_text("utf-8").splitlines()
    section = lines[lines.index("[synonyms]"):lines.index("[abbreviations]")]
    for number, line in enumerate(section):
        if "= [" in line:
            assert section[number - 1].startswith("# "), line


def test_one_root_with_its_long_vowel_written_once_or_twice_matches() -> None:
    assert match_kind("eenzaamheid", "eenzame") == ROOT
    assert match_table(["eenzaamheid", "eenzame"])["eenzaamheid"] == {"eenzame": ROOT}


@pytest.mark.parametrize(("first", "second"), [
    ("Dijken verhogen", "Hogere dijken"),
    ("Vergroten van de zichtbaarheid", "Zichtbaarheid groter maken"),
])
def test_a_verb_of_ver_and_an_adjective_is_that_adjective_made_more(first: str,
                                                                   second: str) -> None:
    assert match_kind("versnellen", "sneller") == match_kind("verbeteren", "beter") == ROOT
    assert match_kind("verbouwen", "bouwen") != ROOT  # no comparative: another verb
    assert proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Verouderde winkelcentra aanpakken", "Oude winkelcentra aanpakken"),
    ("Versterking van de dorpskernen", "Sterke dorpskernen"),
])
def test_a_verb_of_ver_and_an_adjective_is_that_adjective_made_so(first: str,
                                                                  second: str) -> None:
    assert match_kind("vergroenen", "groen") is not None
    assert match_kind("verduurzaming", "duurzame") == match_kind("vergroten", "grote") == ROOT
    assert match_kind("verslag", "slag") != ROOT  # a noun of its own, no verb
    assert match_kind("verkeer", "keer") != ROOT
    assert proposed(first, second)


def test_a_particle_or_steeds_standing_apart_says_nothing_about_the_idea() -> None:
    assert content_words("Eenzaamheid onder ouderen neemt steeds toe") == (
        "eenzaamheid", "ouderen", "neemt")
    assert proposed("Eenzaamheid onder ouderen neemt toe", "Steeds meer eenzame senioren")


def test_the_thesaurus_says_which_words_it_read_as_one() -> None:
    first, second = "Regionaal woningbouwfonds opzetten", "Regionaal woningbouwfonds oprichten"
    signals = assess(first, second, Vocabulary((first, second, *BACKGROUND)))
    assert any(signal.kind == THESAURUS and "opzetten = oprichten" in signal.words
               for signal in signals)


@pytest.mark.parametrize(("first", "second"), [
    ("Afspraken met HHNK over piekberging",
     "Afspraken met Hoogheemraadschap Hollands Noorderkwartier over piekberging"),
    ("Gebiedsagenda WF opstellen met de provincie",
     "Gebiedsagenda Westfriesland opstellen met de provincie"),
    ("Woonzorgvisie W-F actualiseren", "Woonzorgvisie Westfriesland actualiseren"),
])
def test_the_regions_abbreviations_inside_a_title_are_read_in_full(first: str,
                                                                   second: str) -> None:
    assert proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Wmo-hulpmiddelen gezamenlijk aanbesteden", "Jeugdhulp gezamenlijk aanbesteden"),
    ("Loopbaanscan voor 50-plussers aanbieden", "Loopbaanscan voor jongeren aanbieden"),
    ("Zoekgebieden wind op land vaststellen", "Zoekgebieden zon op dak vaststellen"),
    ("Regionale expertpool opzetten", "Pool flexwoningen opzetten"),
])
def test_a_frame_filled_in_with_other_words_or_a_part_of_a_compound_is_not_proposed(
        first: str, second: str) -> None:
    assert not proposed(first, second)


def test_the_thesaurus_is_one_meaning_per_word_and_written_as_compared() -> None:
    data = tomllib.loads(resources.files("pact_tui.merge").joinpath(
        "data", "thesaurus-nl.toml").read_text("utf-8"))
    words = [word for group in data["synonyms"].values() for word in group]
    assert len(words) == len(set(words))
    for short, full in data["abbreviations"].items():
        assert short == normalize_text(short) and full == normalize_text(full)


def test_the_match_table_holds_exactly_the_pairs_of_words_that_match() -> None:
    words = ["isolatie", "isoleren", "opstellen", "stelt", "energieloket", "loket", "wind",
             "wnd", "zon", "zoon", "opzetten", "oprichten", "woningbouw", "woningbouwmonitor",
             "kernen", "kern", "kenren", "2025", "2030", "versnellen", "versnellee", "dorpen",
             "eenzaam", "eenzame", "straat", "straten", "woonvisie", "woonzorgvisie",
             "zorgplan", "zorgcrisisplan", "snellere", "verbeteren", "beter",
             "vergroten", "groter", "verhogen", "hogere", "verkeer", "keer"]
    table = match_table(words)
    for first, second in itertools.combinations(words, 2):
        assert (second in table[first]) == (match_kind(first, second) is not None), (first,
                                                                                   second)


def _programme_day(rng: random.Random) -> list[str]:
    """Titles as forty groups write them: the same actions with typos, moved and added
    words, synonyms, over a few themes' common words, so that many texts share words."""
    actions = ["Laadpalen plaatsen in de kernen", "Regionaal energieloket voor inwoners opzetten",
               "Woningbouwmonitor regionaal opzetten", "Flexwoningen voor starters realiseren",
               "Zoekgebieden voor zon en wind vaststellen", "Fietspaden tussen de kernen",
               "Mantelzorgers in de kernen ondersteunen", "Leegstand in winkelcentra aanpakken"]
    titles = []
    for _ in range(40):
        for action in actions:
            words = action.split()
            change = rng.choice(("typo", "move", "extra", "same", "synonym"))
            at = rng.randrange(len(words))
            if change == "typo" and len(words[at]) > 4:
                words[at] = words[at][:-2] + words[at][-1]
            elif change == "move":
                words.append(words.pop(at))
            elif change == "extra":
                words.insert(at, rng.choice(("snel", "samen", "regionaal", "ook")))
            elif change == "synonym":
                words = [{"opzetten": "oprichten", "inwoners": "bewoners", "kernen": "dorpen"}
                         .get(word, word) for word in words]
            titles.append(" ".join(words))
    return titles


def _brute_force(titles: Sequence[str]) -> set[frozenset[str]]:
    vocabulary = Vocabulary(titles)
    return {frozenset((first, second)) for first, second in itertools.combinations(titles, 2)
            if first != second and assess(first, second, vocabulary)}


def _proposed_texts(actions: Sequence[Action]) -> set[frozenset[str]]:
    titles = {action.id: action.title for action in actions}
    return {frozenset((titles[p.keep_id], titles[p.other_id]))
            for p in find_duplicates(actions, frozenset(titles))
            if titles[p.keep_id] != titles[p.other_id]}


def test_every_pair_the_scorer_accepts_is_proposed_whatever_the_ids_or_order() -> None:
    titles = list(dict.fromkeys(_programme_day(random.Random(7))))
    expected = _brute_force(titles)
    partners = [sum(title in pair for pair in expected) for title in titles]
    assert max(partners) > 12  # more alike texts than a fixed number of candidates per text
    for seed in range(3):
        shuffled = titles[:]
        random.Random(seed).shuffle(shuffled)
        actions = [Action(theme="wonen", title=title) for title in shuffled]  # new ids
        assert _proposed_texts(actions) == expected


def test_a_merge_proposes_the_same_pairs_whatever_the_order_of_its_inputs(mb, profile) -> None:
    titles = _programme_day(random.Random(3))
    sessions = [mb.fresh(profile, f"Groep {group}",
                         *(mb.action(title) for title in titles[group::4]))
                for group in range(4)]
    first = merge_sessions(sessions, now=mb.NOW)
    second = merge_sessions(sessions[::-1], now=mb.NOW)
    assert [p.id for p in first.duplicates] == [p.id for p in second.duplicates]
    assert first.duplicates == second.duplicates

"""Abbreviations typed in capitals inside titles are read as the words another group wrote
in full, whatever the region: no list of the region's organisations is needed."""

from __future__ import annotations

import pytest

from pact_tui.merge.acronyms import spelling, typed_acronyms
from pact_tui.merge.signals import Vocabulary, assess
from tests.merge.test_finder import proposed


@pytest.mark.parametrize(("first", "second"), [
    ("Hitteplan met GGD HN voor ouderen opstellen",
     "Hitteplan met GGD Hollands Noorden voor ouderen opstellen"),
    ("Piekberging afspreken met HHSK",
     "Piekberging afspreken met Hoogheemraadschap van Schieland en de Krimpenerwaard"),
    ("Asbestdaken saneren met de OD ZHZ",
     "Asbestdaken saneren met de Omgevingsdienst Zuid-Holland Zuid"),
    ("Stageplekken werven met de HZ en Scalda",
     "Stageplekken werven met de Hogeschool Zeeland en Scalda"),
    ("Schuldhulp i.s.m. de kredietbank aanbieden",
     "Schuldhulp in samenwerking met de kredietbank aanbieden"),
])
def test_an_abbreviation_in_a_title_is_the_words_another_title_spells_it_with(
        first: str, second: str) -> None:
    assert proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Hitteplan met GGD HN voor ouderen opstellen",
     "Hitteplan met GGD Zuid-Limburg voor ouderen opstellen"),
    ("Stageplekken werven met de HZ en Scalda",
     "Stageplekken werven met de Hogeschool Rotterdam en Scalda"),
])
def test_an_abbreviation_the_other_words_do_not_spell_is_another_organisation(
        first: str, second: str) -> None:
    assert not proposed(first, second)


def test_a_title_typed_in_capitals_has_no_abbreviations() -> None:
    assert typed_acronyms("WONINGBOUW VERSNELLEN MET DE PROVINCIE") == []
    assert typed_acronyms("Samen met OD NHN en de RvT") == [("od",), ("nhn",), ("od", "nhn"),
                                                              ("rvt",)]


@pytest.mark.parametrize(("acronym", "words", "given"), [
    ("hhnk", "hoogheemraadschap hollands noorderkwartier", [1, 1, 2]),
    ("rvt", "raad van toezicht", [1, 1, 1]),
    ("vng", "vereniging van nederlandse gemeenten", [1, 0, 1, 1]),
    ("res", "regionale energiestrategie", [1, 2]),
    ("nh", "noorden een hitteplan", None),  # "een" is no word of a name
    ("hn", "hitteplan", None),  # one word alone spells nothing
])
def test_the_words_of_a_name_spell_its_abbreviation(acronym: str, words: str,
                                                    given: list[int] | None) -> None:
    assert spelling(acronym, words.split()) == given


def test_an_abbreviation_alone_is_no_idea_shared_with_every_title_it_could_spell() -> None:
    first, second = "Stagebank met UT opzetten", "Uitvoering Toekomstagenda bespreken"
    assert not assess(first, second, Vocabulary((first, second)))

"""Dutch compounds in the duplicate finder: a compound meets the words its known parts are
in another form, and a compound whose extra part says which kind names a narrower thing."""

from __future__ import annotations

import pytest

from pact_tui.merge.signals import PART, Vocabulary, match_kind
from tests.merge.test_finder import proposed


def test_a_compound_meets_its_part_in_another_form_where_the_other_part_is_known() -> None:
    first, second = "Dakrenovatie bij scholen", "Daken van scholen renoveren"
    assert Vocabulary((first, second)).kind("dakrenovatie", "renoveren") == PART
    assert proposed(first, second)
    # Nothing says "dak" is a word: "dakrenovatie" is not split, "renoveren" stays apart.
    assert Vocabulary(("Dakrenovatie bij scholen", "Scholen renoveren")).kind(
        "dakrenovatie", "renoveren") is None


@pytest.mark.parametrize(("first", "second"), [
    ("Fonds voor ondernemers oprichten", "Innovatiefonds voor ondernemers oprichten"),
    ("Participatie van inwoners vergroten", "Arbeidsparticipatie van inwoners vergroten"),
    ("Veiligheid rond scholen verbeteren", "Verkeersveiligheid rond scholen verbeteren"),
    ("Woonvisie voor de regio opstellen", "Woonzorgvisie voor de regio opstellen"),
])
def test_a_compound_with_an_extra_part_saying_which_kind_names_a_narrower_thing(
        first: str, second: str) -> None:
    assert not proposed(first, second)


@pytest.mark.parametrize(("first", "second"), [
    # The extra part is the compound's head: volunteer work is what volunteers do.
    ("Vrijwilligerswerk onder jongeren stimuleren",
     "Jongeren stimuleren om vrijwilliger te worden"),
    # The extra part says again what its part says: a "dorpskern" is a "kern".
    ("Voorzieningen in de dorpskernen", "Voorzieningen in kleine kernen staan onder druk"),
])
def test_a_compound_whose_extra_part_narrows_nothing_is_still_the_same_thing(
        first: str, second: str) -> None:
    assert proposed(first, second)


def test_a_part_inside_a_compound_is_no_typo() -> None:
    assert match_kind("woonvisie", "woonzorgvisie") == PART
    assert match_kind("kerngesprek", "kernengesprek") != PART  # two letters: a typo

"""Stakeholder names written other ways by other groups are one organisation: abbreviated,
with its kind or without, a word shortened; another organisation of one kind is not."""

from __future__ import annotations

import pytest

from pact_tui.merge.signals import Vocabulary, assess

NAMES = ("Provincie Noord-Holland", "GGD Zeeland", "Waterschap Rivierenland", "Rabobank Zeeland",
         "Omgevingsdienst Haaglanden", "Veiligheidsregio Zeeland")


def same_organisation(first: str, second: str) -> bool:
    return bool(assess(first, second, Vocabulary((first, second, *NAMES)), names=True))


@pytest.mark.parametrize(("first", "second"), [
    ("Provincie Zuid-Holland", "PZH"),
    ("Vereniging van Nederlandse Gemeenten", "VNG"),
    ("Kamer van Koophandel", "KvK"),
    ("Rijkswaterstaat", "RWS"),
    ("Hoogheemraadschap van Rijnland", "HH Rijnland"),
    ("Omgevingsdienst West-Holland", "OD West-Holland"),
    ("Veiligheidsregio Hollands Midden", "Veiligheidsregio HM"),
    ("Provincie Zuid-Holland", "prov. Z-H"),
    ("Provincie Noord-Brabant", "Prov. N-Brabant"),
    ("Universiteit Leiden", "Univ. Leiden"),
    ("Woningcorporatie Portaal", "Portaal"),
    ("Woonstichting De Key", "De Key"),
])
def test_a_name_abbreviated_shortened_or_without_its_kind_is_one_organisation(
        first: str, second: str) -> None:
    assert same_organisation(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Provincie Zuid-Holland", "Provincie Noord-Holland"),
    ("Veiligheidsregio HM", "Veiligheidsregio Zeeland"),
    ("Omgevingsdienst West-Holland", "Omgevingsdienst Haaglanden"),
    ("OD West-Holland", "Onderwijs Oost-Holland"),
    ("Univ. Leiden", "Universiteit Utrecht"),
    ("Rabobank Zeeland", "Rabobank Achterhoek"),
])
def test_another_organisation_of_one_kind_is_not(first: str, second: str) -> None:
    assert not same_organisation(first, second)

"""The region profile: the built-in one is complete, broken ones get a clear sentence."""

from __future__ import annotations

import pytest

from pact_tui.model import ProfileError, RegionProfile, parse_profile


def test_builtin_profile_has_the_region_of_the_case(profile: RegionProfile) -> None:
    assert profile.key == "westfriesland"
    assert list(profile.municipalities) == [
        "Drechterland", "Enkhuizen", "Hoorn", "Koggenland", "Medemblik", "Opmeer", "Stede Broec",
    ]
    assert [theme.label for theme in profile.themes] == [
        "Wonen en Leefbaarheid",
        "Energietransitie en klimaatadaptatie",
        "Onderwijs en Arbeidsmarkt",
        "Vrije tijd",
        "Ondernemen en Economie",
        "Zorg en Sociaal domein",
    ]
    assert [scale.label for scale in profile.scales][:3] == ["Lokaal", "Subregionaal", "Westfries"]
    assert [horizon.key for horizon in profile.horizons] == ["kort", "middellang"]


def test_labels_are_found_by_stable_key(profile: RegionProfile) -> None:
    assert profile.theme_label("energie") == "Energietransitie en klimaatadaptatie"
    assert profile.scale_label("nhn") == "Noord-Holland Noord"
    assert profile.horizon_label("kort") == "Korte termijn"
    assert profile.theme_label("verdwenen") == "verdwenen"


MINIMAL = """
key = "testregio"
name = "Testregio"
municipalities = ["Aadorp"]
[[themes]]
key = "wonen"
label = "Wonen"
[[scales]]
key = "lokaal"
label = "Lokaal"
[[horizons]]
key = "kort"
label = "Kort"
"""


def test_a_renamed_theme_keeps_its_key() -> None:
    renamed = parse_profile(MINIMAL.replace('label = "Wonen"', 'label = "Wonen en bereikbaarheid"'),
                            "regio.toml")
    assert renamed.theme("wonen") is not None
    assert renamed.theme_label("wonen") == "Wonen en bereikbaarheid"


def test_broken_toml_names_the_file() -> None:
    with pytest.raises(ProfileError, match=r"regio\.toml is geen geldige TOML"):
        parse_profile("key = ", "regio.toml")


def test_missing_field_names_file_and_field() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile(MINIMAL.replace('name = "Testregio"', ""), "regio.toml")
    assert "regio.toml" in str(caught.value)
    assert "‘name’" in str(caught.value)


def test_duplicate_theme_keys_are_refused() -> None:
    twice = MINIMAL + '[[themes]]\nkey = "wonen"\nlabel = "Nog eens"\n'
    with pytest.raises(ProfileError, match="wonen"):
        parse_profile(twice, "regio.toml")


def test_a_key_with_spaces_is_refused() -> None:
    with pytest.raises(ProfileError, match=r"themes\.0\.key"):
        parse_profile(MINIMAL.replace('key = "wonen"', 'key = "Wonen en zo"'), "regio.toml")


def test_party_groups_name_the_seven_municipalities(profile: RegionProfile) -> None:
    group = profile.party_group("7G")
    assert group is not None and len(group) == 7 and "Gemeente Stede Broec" in group
    assert profile.party_group("geen-groep") is None


@pytest.mark.parametrize(("groups", "fragment"), [
    ('"7g" = []', "partijgroep ‘7g’ heeft geen leden"),
    ('"7 g" = ["Hoorn"]', "partijgroep ‘7 g’ heeft een ongeldige naam"),
    ('"wbg" = ["Intermaris", ""]', "partijgroep ‘wbg’ heeft geen leden"),
])
def test_a_broken_party_group_is_named(groups: str, fragment: str) -> None:
    with pytest.raises(ProfileError) as error:
        parse_profile(MINIMAL + "\n[party_groups]\n" + groups + "\n", "mijnregio.toml")
    assert "mijnregio.toml" in str(error.value) and fragment in str(error.value)


def test_no_builtin_party_group_is_named_like_a_stakeholder(profile: RegionProfile) -> None:
    # "wbg" is the Westfriese Bedrijvengroep: it cannot also be the housing corporations.
    assert "wbg" not in {key.casefold() for key in profile.party_groups}
    assert profile.party_group("corporaties") == ("Woonschakel", "Intermaris", "Het Grootslag")


@pytest.mark.parametrize(("group", "party"), [
    ('wbg = ["Westfriese Bedrijvengroep (WBG)", "Rabobank"]', "Westfriese Bedrijvengroep (WBG)"),
    ('Hoorn = ["Intermaris"]', "Gemeente Hoorn"),
])
def test_a_party_group_named_like_a_party_of_the_profile_is_refused(
    group: str, party: str
) -> None:
    with pytest.raises(ProfileError) as error:
        parse_profile(MINIMAL.replace('"Aadorp"', '"Aadorp", "Hoorn"')
                      + "\n[party_groups]\n" + group + "\n", "mijnregio.toml")
    message = str(error.value)
    assert "mijnregio.toml" in message and f"‘{group.split()[0]}’" in message
    assert party in message and message.endswith(".") and ". " not in message

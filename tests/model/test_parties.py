"""The party rules of the action grid: ranking by use, groups, and which names are new."""

from __future__ import annotations

from pact_tui.model import Action, PartyRef, RegionProfile, Stakeholder
from pact_tui.model.parties import (
    expand_party_groups,
    find_stakeholder,
    group_members,
    linked,
    name_key,
    new_party_names,
    ranked_party_names,
)


def action(*names: str, lead: str | None = None) -> Action:
    return Action(theme="wonen", title="Iets", parties=tuple(PartyRef(name=n) for n in names),
                  lead=PartyRef(name=lead) if lead else None)


def test_names_used_most_in_the_session_come_first(profile: RegionProfile) -> None:
    stakeholders = [Stakeholder(name="Intermaris"), Stakeholder(name="Woonschakel")]
    actions = [action("Woonschakel", "IT-bedrijven"), action("it-bedrijven", lead="Woonschakel")]
    names = ranked_party_names(actions, stakeholders, profile)
    assert names[:2] == ["Woonschakel", "IT-bedrijven"]
    assert "Intermaris" in names and "Gemeente Hoorn" in names
    assert len([n for n in names if n.casefold() == "it-bedrijven"]) == 1


def test_a_group_becomes_its_members_each_once(profile: RegionProfile) -> None:
    names = expand_party_groups(["Provincie", "7g", "gemeente hoorn"], profile)
    assert names[0] == "Provincie" and len(names) == 8
    assert names.count("Gemeente Hoorn") == 1


def test_only_names_without_a_stakeholder_are_new() -> None:
    stakeholders = [Stakeholder(name="Intermaris")]
    refs = [PartyRef(name="intermaris"), PartyRef(name="Recreatieschap Westfriesland"),
            None, PartyRef(name="recreatieschap westfriesland")]
    assert new_party_names(refs, stakeholders) == ["Recreatieschap Westfriesland"]
    assert linked("INTERMARIS", stakeholders).stakeholder_id == stakeholders[0].id
    assert linked("Provincie", stakeholders) == PartyRef(name="Provincie")


def test_a_captured_row_takes_theme_and_scale_from_the_row_before(
    profile: RegionProfile,
) -> None:
    from pact_tui.model.capture import captured_action

    before = Action(theme="energie", title="Zon", scale="westfries")
    row = captured_action("Wind", previous=before, theme=None, profile=profile, position=4)
    assert (row.theme, row.scale, row.position) == ("energie", "westfries", 4)
    other = captured_action("Stages", previous=before, theme="onderwijs", profile=profile,
                            position=5)
    assert (other.theme, other.scale) == ("onderwijs", None)
    first = captured_action("Eerste", previous=None, theme=None, profile=profile, position=0)
    assert first.theme == profile.themes[0].key


def test_a_stakeholder_is_found_by_name_in_any_case_and_spacing() -> None:
    stakeholders = [Stakeholder(name="Gemeente Hoorn"), Stakeholder(name="Intermaris")]
    assert find_stakeholder("  gemeente   HOORN ", stakeholders) is stakeholders[0]
    assert find_stakeholder("Gemeente Hoorns", stakeholders) is None
    assert name_key(" Gemeente\tHoorn ") == name_key("gemeente hoorn")
    assert linked("gemeente  hoorn", stakeholders).stakeholder_id == stakeholders[0].id


WBG = Stakeholder(name="Westfriese Bedrijvengroep (WBG)")


def test_a_stakeholder_is_found_by_its_abbreviation_or_its_name_without() -> None:
    stakeholders = [Stakeholder(name="Intermaris"), WBG]
    assert find_stakeholder("wbg", stakeholders) is WBG
    assert find_stakeholder("Westfriese  bedrijvengroep", stakeholders) is WBG
    assert linked("WBG", stakeholders) == PartyRef(name=WBG.name, stakeholder_id=WBG.id)
    assert new_party_names([PartyRef(name="WBG")], stakeholders) == []


def test_a_group_named_like_a_stakeholder_means_the_stakeholder(
    profile: RegionProfile,
) -> None:
    # A session made with an older profile still has the group "wbg" for three corporations.
    old = profile.model_copy(update={"party_groups": {
        **profile.party_groups, "wbg": ("Woonschakel", "Intermaris", "Het Grootslag")}})
    assert group_members("WBG", old, [WBG]) is None
    assert expand_party_groups(["WBG", "Provincie"], old, [WBG]) == ["WBG", "Provincie"]
    assert group_members("wbg", old, []) == ("Woonschakel", "Intermaris", "Het Grootslag")
    assert group_members("7g", old, [WBG]) is not None


def test_a_municipality_bare_or_as_gemeente_is_one_party(profile: RegionProfile) -> None:
    hoorn = Stakeholder(name="Gemeente Hoorn")
    places = profile.municipalities
    assert find_stakeholder("hoorn", [hoorn], places) is hoorn
    assert new_party_names([PartyRef(name="Hoorn")], [hoorn], places) == []
    assert new_party_names([PartyRef(name="Enkhuizen"), PartyRef(name="Gemeente Enkhuizen")],
                           [], places) == ["Enkhuizen"]
    names = ranked_party_names([action("Hoorn")], [hoorn], profile)
    assert [n for n in names if "hoorn" in n.casefold()] == ["Gemeente Hoorn"]
    bare = ranked_party_names([], [], profile)
    assert "Gemeente Opmeer" in bare and "Opmeer" not in bare
    # A stakeholder called after the place alone stays the one offered.
    assert "Opmeer" in ranked_party_names([], [Stakeholder(name="Opmeer")], profile)

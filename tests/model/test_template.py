"""The action template: one description of every field, in the grid's order."""

from __future__ import annotations

import datetime as dt

from pact_tui.i18n import set_language
from pact_tui.model import Action, PartyRef, Planning, RegionProfile
from pact_tui.model.template import ACTION_TEMPLATE, FieldKind, search_text, template_field


def test_the_template_has_the_seven_columns_of_the_workshop_form_then_progress() -> None:
    assert [field.label for field in ACTION_TEMPLATE] == [
        "Thema", "Actie", "Doel", "Schaalniveau", "Planning", "Betrokken partijen", "Trekker",
        "Status", "Stoplicht", "Toelichting voortgang", "Laatst bijgewerkt", "Impact", "Inspanning"]


def test_a_light_reads_as_a_symbol_and_a_word(profile: RegionProfile) -> None:
    light = template_field("light")
    action = Action(theme="wonen", title="Flexwoningen", status="in-progress", light="problem")
    assert light.text(action, profile) == "■ knelpunt"
    assert [choice.label for choice in light.choices(profile)] == [  # type: ignore[misc]
        "● op schema", "▲ aandacht", "■ knelpunt"]
    assert template_field("status").text(action, profile) == "in uitvoering"
    assert light.text(Action(theme="wonen", title="Nog niets"), profile) == ""


def test_labels_follow_the_language() -> None:
    set_language("en")
    assert template_field("lead").label == "Lead"
    assert template_field("scale").short_label == "Scale"
    assert template_field("goal").short_label == "Goal"


def test_values_are_shown_as_people_read_them(profile: RegionProfile) -> None:
    action = Action(theme="wonen", title="Woningbouw versnellen", scale="westfries",
                    planning=Planning(horizon="kort", start_year=2021, end_year=2023),
                    parties=(PartyRef(name="Gemeente Hoorn"), PartyRef(name="Intermaris")),
                    lead=PartyRef(name="Gemeente Hoorn"))
    shown = {field.key: field.text(action, profile) for field in ACTION_TEMPLATE}
    assert shown["theme"] == profile.theme_label("wonen")
    assert shown["scale"] == profile.scale_label("westfries")
    assert shown["planning"].endswith("2021–2023")
    assert shown["parties"] == "Gemeente Hoorn; Intermaris"
    assert shown["lead"] == "Gemeente Hoorn"
    assert shown["goal"] == ""


def test_choice_fields_sort_in_profile_order_and_empty_cells_last(
        profile: RegionProfile) -> None:
    first, second = (scale.key for scale in profile.scales[:2])
    actions = [Action(theme="wonen", title="c"), Action(theme="wonen", title="b", scale=second),
               Action(theme="wonen", title="a", scale=first)]
    scale = template_field("scale")
    ordered = sorted(actions, key=lambda a: scale.sort_key(a, profile))
    assert [a.title for a in ordered] == ["a", "b", "c"]
    goal = template_field("goal")
    with_goal = Action(theme="wonen", title="x", goal="Zonnepanelen")
    assert goal.sort_key(with_goal, profile) < goal.sort_key(actions[0], profile)


def test_filled_follows_the_value() -> None:
    empty = Action(theme="wonen", title="Iets")
    full = Action(theme="wonen", title="Iets", goal="Doel", scale="westfries",
                  planning=Planning(horizon="kort", timing="jaarlijks"),
                  parties=(PartyRef(name="WBG"),),
                  lead=PartyRef(name="WBG"), light="on-track", progress_note="Loopt",
                  progress_date=dt.date(2026, 5, 1), impact=4, effort=2)
    required = [field for field in ACTION_TEMPLATE if field.required]
    assert [field.key for field in required if not field.filled(empty)] == [
        "goal", "scale", "planning", "parties", "lead"]
    assert all(field.filled(full) for field in ACTION_TEMPLATE)


def test_every_choice_field_offers_the_profile_choices(profile: RegionProfile) -> None:
    for field in ACTION_TEMPLATE:
        if field.kind in {FieldKind.CHOICE, FieldKind.PLANNING}:
            assert field.choices is not None and list(field.choices(profile))


def test_search_looks_in_text_and_parties(profile: RegionProfile) -> None:
    action = Action(theme="wonen", title="Woningbouw", goal="Meer huizen",
                    parties=(PartyRef(name="Intermaris"),), notes="zie verslag")
    text = search_text(action, profile)
    for word in ("woningbouw", "meer huizen", "intermaris", "verslag"):
        assert word in text

"""Items: identity, bookkeeping, fingerprints and the Dutch messages for bad values."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from pact_tui.i18n import set_language
from pact_tui.model import (
    Action,
    Challenge,
    Commitment,
    InvalidItemError,
    Origin,
    PartyRef,
    Planning,
    RegionProfile,
    Stakeholder,
    validate_item,
)


def test_new_items_get_a_uuid_and_first_revision() -> None:
    first = Action(theme="wonen", title="Woningbouw versnellen")
    second = Action(theme="wonen", title="Woningbouw versnellen")
    assert first.id != second.id
    assert len(first.id) == 36
    assert first.revision == 1
    assert first.created_at.tzinfo is not None


def test_whitespace_is_stripped() -> None:
    action = Action(theme="wonen", title="  Woningbouw versnellen \n", goal=" 500 woningen ")
    assert action.title == "Woningbouw versnellen"
    assert action.goal == "500 woningen"


def test_edited_bumps_revision_and_keeps_identity() -> None:
    action = Action(theme="wonen", title="Woningbouw versnellen")
    edited = action.edited(goal="Elk jaar 1.000 woningen erbij")
    assert edited.id == action.id
    assert edited.revision == 2
    assert edited.updated_at >= action.updated_at
    assert edited.created_at == action.created_at
    assert action.goal == ""


def test_edited_validates_the_change() -> None:
    action = Action(theme="wonen", title="Woningbouw versnellen")
    with pytest.raises(ValidationError):
        action.edited(title="   ")


def test_fingerprint_follows_content_not_bookkeeping() -> None:
    action = Action(theme="wonen", title="Woningbouw versnellen")
    origins = (Origin(session_id="s", title="S"),)
    touched = action.model_copy(update={"revision": 7, "origins": origins})
    assert touched.fingerprint() == action.fingerprint()
    assert action.edited(goal="meer").fingerprint() != action.fingerprint()


def test_planning_years_must_be_in_order() -> None:
    with pytest.raises(ValidationError, match="eindjaar ligt vóór het beginjaar"):
        Planning(horizon="kort", start_year=2024, end_year=2021)


def test_challenge_themes_are_kept_once_in_order() -> None:
    challenge = Challenge(title="Vergrijzing", themes=("zorg", "wonen", "zorg"))
    assert challenge.themes == ("zorg", "wonen")


def test_commitment_role_must_be_known() -> None:
    with pytest.raises(ValidationError, match="rol ‘sponsor’ bestaat niet"):
        Commitment(action_id="x", party=PartyRef(name="Rabobank"), role="sponsor")


def test_ids_must_be_uuids() -> None:
    with pytest.raises(ValidationError):
        Stakeholder(id="nope", name="Omring")


def test_unknown_theme_is_named_with_item_and_field(profile: RegionProfile) -> None:
    with pytest.raises(InvalidItemError) as caught:
        validate_item(Action, {"theme": "sport", "title": "Sportpark delen"}, profile)
    assert str(caught.value) == (
        "Actie, ‘Sportpark delen’, veld ‘thema’: ‘sport’ bestaat niet in regioprofiel Westfriesland"
    )


def test_unknown_scale_and_horizon_are_both_reported(profile: RegionProfile) -> None:
    raw = {"theme": "wonen", "title": "X", "scale": "wereld", "planning": {"horizon": "ooit"}}
    with pytest.raises(InvalidItemError) as caught:
        validate_item(Action, raw, profile)
    fields = [problem.field for problem in caught.value.problems]
    assert fields == ["schaalniveau", "planning"]


def test_empty_title_is_reported_in_dutch(profile: RegionProfile) -> None:
    with pytest.raises(InvalidItemError) as caught:
        validate_item(Action, {"theme": "wonen", "title": "  "}, profile)
    assert str(caught.value) == "Actie, ‘actie zonder titel’, veld ‘titel’: mag niet leeg zijn"


def test_messages_follow_the_language(profile: RegionProfile) -> None:
    set_language("en")
    with pytest.raises(InvalidItemError) as caught:
        validate_item(Action, {"theme": "wonen", "title": "X", "scale": "wereld"}, profile)
    assert "field ‘scale level’" in str(caught.value)
    assert "does not exist in region profile Westfriesland" in str(caught.value)


def test_valid_item_passes_profile_check(profile: RegionProfile) -> None:
    raw = {
        "theme": "energie",
        "title": "Eén energieloket",
        "scale": "westfries",
        "planning": {"horizon": "kort", "start_year": 2020, "end_year": 2021},
        "parties": [{"name": "Energie Coöperatie West-Friesland"}],
        "created_at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC).isoformat(),
    }
    action = validate_item(Action, raw, profile)
    assert isinstance(action, Action)
    assert action.parties[0].name == "Energie Coöperatie West-Friesland"

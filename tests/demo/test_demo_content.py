"""The demo programme is realistic, complete where it should be, and the same on every build."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from pact_tui.demo import build_demo_programme, build_demo_sessions, demo_id
from pact_tui.merge import merge_sessions
from pact_tui.model import Action, RegionProfile, Session, check_against_profile, validate_item
from pact_tui.model.rules import (
    counts_by_theme_and_horizon,
    cross_theme_challenges,
    missing_fields,
    open_points,
)

# The three actions left incomplete on purpose, and what each one misses.
INTENDED_GAPS = {
    demo_id("actions", "w-kernen"): ("lead",),
    demo_id("actions", "e-groen"): ("goal",),
    demo_id("actions", "v-promotie"): ("parties",),
}


@pytest.fixture(scope="module")
def sessions() -> list[Session]:
    return build_demo_sessions()


@pytest.fixture(scope="module")
def programme(sessions: list[Session]) -> Session:
    return build_demo_programme(sessions)


def test_three_sessions_in_the_order_of_the_real_case(sessions: list[Session]) -> None:
    assert [s.meta.title for s in sessions] == [
        "Stakeholders en stand van zaken",
        "Thema-overstijgende opgaven",
        "Van ambitie naar actie",
    ]
    assert all(s.meta.kind == "session" for s in sessions)
    dates = [s.meta.date for s in sessions]
    assert dates == sorted(dates)
    assert all(dt.date(2019, 1, 1) <= d <= dt.date(2020, 12, 31) for d in dates)


def test_each_session_holds_what_its_phase_produced(sessions: list[Session]) -> None:
    first, second, third = sessions
    assert first.stakeholders and first.status and not first.challenges and not first.actions
    assert second.challenges and not second.ambitions and not second.actions
    assert third.ambitions and third.actions and third.commitments


def test_participants_are_organisations_and_roles_without_names(sessions: list[Session]) -> None:
    for session in sessions:
        assert session.meta.participants
        assert session.meta.names_consent is False
        for participant in session.meta.participants:
            assert participant.organisation and participant.role and participant.name == ""


def test_stakeholders_include_the_seven_municipalities(
    programme: Session, profile: RegionProfile
) -> None:
    names = {stakeholder.name for stakeholder in programme.stakeholders}
    assert len(programme.stakeholders) >= 20
    assert {f"Gemeente {m}" for m in profile.municipalities} <= names
    assert {"Provincie Noord-Holland", "WerkSaam Westfriesland", "Horizon College"} <= names


def test_every_theme_has_status_notes_and_ambitions(
    programme: Session, profile: RegionProfile
) -> None:
    themes = {theme.key for theme in profile.themes}
    assert {note.theme for note in programme.status} == themes
    assert {ambition.theme for ambition in programme.ambitions} == themes


def test_challenges_cross_themes(programme: Session) -> None:
    assert len(programme.challenges) >= 8
    assert len(cross_theme_challenges(programme.challenges)) >= 3
    assert any(len(challenge.themes) == 1 for challenge in programme.challenges)


def test_actions_cover_every_theme_in_both_horizons(
    programme: Session, profile: RegionProfile
) -> None:
    assert len(programme.actions) >= 30
    counts = counts_by_theme_and_horizon(programme.actions)
    for theme in profile.themes:
        for horizon in profile.horizons:
            assert counts[(theme.key, horizon.key)] >= 1, (theme.key, horizon.key)


def test_template_filled_in_except_the_intended_gaps(programme: Session) -> None:
    gaps = {action.id: missing_fields(action) for action in programme.actions
            if missing_fields(action)}
    assert gaps == INTENDED_GAPS
    assert {action.id for action in programme.actions if open_points(action)} == set(INTENDED_GAPS)


def test_planning_uses_years_and_free_timing(programme: Session) -> None:
    plannings = [action.planning for action in programme.actions]
    assert sum(1 for p in plannings if p.start_year and p.end_year) >= 10
    timings = {p.timing for p in plannings}
    assert {"jaarlijks", "doorlopend"} <= timings


def test_parties_and_leads_point_at_stakeholders_by_id_and_name(programme: Session) -> None:
    by_id = {stakeholder.id: stakeholder.name for stakeholder in programme.stakeholders}
    refs = [party for action in programme.actions for party in action.parties]
    refs += [action.lead for action in programme.actions if action.lead]
    refs += [commitment.party for commitment in programme.commitments]
    assert refs
    for ref in refs:
        assert ref.stakeholder_id in by_id
        assert by_id[ref.stakeholder_id] == ref.name


def test_actions_link_to_existing_challenges_and_ambitions(programme: Session) -> None:
    challenges = {challenge.id for challenge in programme.challenges}
    ambitions = {ambition.id for ambition in programme.ambitions}
    linked = [a for a in programme.actions if a.challenge_ids or a.ambition_ids]
    assert len(linked) == len(programme.actions)
    for action in programme.actions:
        assert set(action.challenge_ids) <= challenges
        assert set(action.ambition_ids) <= ambitions


def test_commitments_name_a_role_and_a_sentence_and_the_trekker_is_the_lead(
    programme: Session,
) -> None:
    actions: dict[str, Action] = {action.id: action for action in programme.actions}
    assert {c.role for c in programme.commitments} == {"trekker", "partner", "financier"}
    committed = {c.action_id for c in programme.commitments}
    assert len(committed) >= len(actions) / 3
    for action_id in committed:
        roles = [c.role for c in programme.commitments if c.action_id == action_id]
        assert roles.count("trekker") == 1 and len(roles) >= 2
    for commitment in programme.commitments:
        assert commitment.action_id in actions
        assert commitment.text.endswith(".")
        if commitment.role == "trekker":
            lead = actions[commitment.action_id].lead
            assert lead is not None and lead.stakeholder_id == commitment.party.stakeholder_id


def test_every_item_is_valid_against_the_profile(
    sessions: list[Session], programme: Session
) -> None:
    for session in [*sessions, programme]:
        for item in session.all_items():
            assert check_against_profile(item, session.profile) == []
            again = validate_item(type(item), item.model_dump(mode="json"), session.profile)
            assert again == item


def test_two_builds_are_equal(sessions: list[Session], programme: Session) -> None:
    assert build_demo_sessions() == sessions
    assert build_demo_programme() == programme
    assert [s.model_dump(mode="json") for s in build_demo_sessions()] == [
        s.model_dump(mode="json") for s in sessions
    ]


def test_ids_are_fixed_uuid5_and_times_fixed_in_the_sessions_era(
    sessions: list[Session], programme: Session
) -> None:
    for session in [*sessions, programme]:
        assert uuid.UUID(session.meta.id).version == 5
        for item in session.all_items():
            assert uuid.UUID(item.id).version == 5
            for stamp in (item.created_at, item.updated_at):
                assert dt.datetime(2019, 1, 1, tzinfo=dt.UTC) <= stamp < dt.datetime(
                    2021, 1, 1, tzinfo=dt.UTC)


def test_later_sessions_start_from_the_one_before(sessions: list[Session]) -> None:
    first, second, third = sessions
    assert second.meta.sources == (first.meta.as_origin(),)
    assert third.meta.sources == (second.meta.as_origin(),)
    earlier = {item.id: item for item in first.all_items()}
    for item in second.all_items():
        if item.id in earlier:
            assert item.base == earlier[item.id].fingerprint()


def test_a_status_note_rewritten_in_the_second_session_keeps_both_origins(
    sessions: list[Session], programme: Session
) -> None:
    first, second, _ = sessions
    note_id = demo_id("status", "st-wonen-vraag")
    before = next(n for n in first.status if n.id == note_id)
    after = next(n for n in second.status if n.id == note_id)
    assert after.text != before.text and after.revision == 2
    assert after.base == before.fingerprint()
    merged = next(n for n in programme.status if n.id == note_id)
    assert merged.text == after.text
    assert [o.session_id for o in merged.origins] == [first.meta.id, second.meta.id]


def test_the_programme_is_a_clean_merge_with_provenance(
    sessions: list[Session], programme: Session
) -> None:
    assert programme.meta.kind == "programme"
    assert [o.session_id for o in programme.meta.sources] == [s.meta.id for s in sessions]
    result = merge_sessions(sessions, now=sessions[-1].meta.updated_at)
    assert result.conflicts == () and result.duplicates == ()
    last = sessions[-1]
    for table in ("stakeholders", "status", "challenges", "ambitions", "actions", "commitments"):
        assert {i.id for i in programme.items(table)} == {i.id for i in last.items(table)}
    assert all(action.origins == (last.meta.as_origin(),) for action in programme.actions)

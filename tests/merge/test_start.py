"""A session started from a programme keeps every item's id and records its base."""

from __future__ import annotations

import datetime as dt

from pact_tui.merge import start_session_from
from pact_tui.model import Action, RegionProfile, Session, SessionMeta, Stakeholder


def _programme(profile: RegionProfile) -> Session:
    meta = SessionMeta(profile=profile, title="Uitvoeringsprogramma", kind="programme")
    return Session(
        meta=meta,
        stakeholders=(Stakeholder(name="Gemeente Hoorn"),),
        actions=(Action(theme="wonen", title="Woningbouw versnellen", goal="500 woningen"),),
    )


def test_new_session_keeps_ids_and_sets_base_to_the_programme_fingerprint(
    profile: RegionProfile,
) -> None:
    programme = _programme(profile)
    session = start_session_from(programme, "Werksessie wonen", dt.date(2026, 12, 1), "Anna")

    assert session.meta.kind == "session"
    assert session.meta.id != programme.meta.id
    assert session.meta.title == "Werksessie wonen"
    assert session.meta.date == dt.date(2026, 12, 1)
    assert session.meta.facilitator == "Anna"
    assert session.meta.profile == programme.meta.profile
    assert session.meta.sources == (programme.meta.as_origin(),)
    for table in ("stakeholders", "actions"):
        copies, originals = session.items(table), programme.items(table)
        assert [item.id for item in copies] == [item.id for item in originals]
        assert [item.base for item in copies] == [item.fingerprint() for item in originals]
        assert [item.fingerprint() for item in copies] == [item.base for item in copies]


def test_the_programme_itself_is_left_alone(profile: RegionProfile) -> None:
    programme = _programme(profile)
    before = programme.model_dump()
    start_session_from(programme, "Werksessie")
    assert programme.model_dump() == before
    assert programme.actions[0].base is None


def test_a_new_session_carries_the_programmes_sessions_and_participants(
    profile: RegionProfile,
) -> None:
    from pact_tui.model import Origin, Participant

    earlier = Origin(session_id="5f0d6a3e-0000-4000-8000-000000000001", title="Sessie 1",
                     date=dt.date(2019, 10, 3))
    programme = _programme(profile)
    programme = programme.model_copy(update={"meta": programme.meta.model_copy(update={
        "sources": (earlier,),
        "participants": (Participant(organisation="Intermaris", role="corporatie"),)})})

    session = start_session_from(programme, "Breakout", dt.date(2026, 12, 1))

    assert session.meta.participants == ()  # nobody is at this table yet
    assert session.meta.earlier_sessions == (earlier,)
    assert [p.organisation for p in session.meta.earlier_participants] == ["Intermaris"]

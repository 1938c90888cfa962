"""Store fixtures: a session with one item of every kind, and a file holding it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pact_tui.model import (
    Action,
    AgendaItem,
    Ambition,
    Challenge,
    Commitment,
    Participant,
    PartyRef,
    Planning,
    RegionProfile,
    Session,
    SessionMeta,
    Stakeholder,
    StatusNote,
)
from pact_tui.store import write_session


def make_session(profile: RegionProfile, title: str = "Werksessie Wonen") -> Session:
    meta = SessionMeta(
        profile=profile, title=title, date=dt.date(2026, 11, 28), facilitator="Procesbegeleider",
        location="Stadhuis Hoorn",
        participants=(Participant(organisation="Gemeente Hoorn", role="wethouder"),),
        agenda=(AgendaItem(title="Van ambitie naar actie", phase="acties", minutes=60),),
    )
    hoorn = Stakeholder(name="Gemeente Hoorn", category="gemeente", themes=("wonen",))
    challenge = Challenge(title="Bouwen en verduurzamen", themes=("wonen", "energie"))
    ambition = Ambition(theme="wonen", title="Betaalbaar wonen in elke kern")
    action = Action(
        theme="wonen", title="Flexwoningen voor starters", goal="150 woningen in 2027",
        scale="westfries", planning=Planning(horizon="kort", start_year=2026, end_year=2027),
        parties=(PartyRef(name="Gemeente Hoorn", stakeholder_id=hoorn.id),
                 PartyRef(name="Intermaris")),
        lead=PartyRef(name="Gemeente Hoorn", stakeholder_id=hoorn.id),
        challenge_ids=(challenge.id,), ambition_ids=(ambition.id,), notes="Locaties zoeken",
    )
    return Session(
        meta=meta,
        stakeholders=(hoorn,),
        status=(StatusNote(theme="wonen", text="Wachttijd negen jaar", source="onderzoek"),),
        challenges=(challenge,),
        ambitions=(ambition,),
        actions=(action,),
        commitments=(Commitment(action_id=action.id, party=PartyRef(name="Intermaris"),
                                text="Een projectleider"),),
    )


@pytest.fixture
def session(profile: RegionProfile) -> Session:
    return make_session(profile)


@pytest.fixture
def session_path(tmp_path: Path, session: Session) -> Path:
    path = tmp_path / "sessie.json"
    write_session(path, session)
    return path

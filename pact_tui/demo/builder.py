"""Turn the demo's records into three validated sessions and the programme made from them.

The sessions form the chain a facilitator would make: the second session starts from
the first (`start_session_from`, so every copied item records its `base`), the third
from the second. Ids are uuid5 of a fixed namespace and every timestamp is fixed, so
two builds are equal, on any machine, on any day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from itertools import count
from typing import Any, TypeVar, cast

from pact_tui.demo import data
from pact_tui.demo.records import SessionRecord
from pact_tui.merge import merge_sessions, start_session_from
from pact_tui.model import (
    Action,
    AgendaItem,
    Ambition,
    Challenge,
    Commitment,
    Item,
    Participant,
    PartyRef,
    Planning,
    RegionProfile,
    Session,
    SessionMeta,
    Stakeholder,
    StatusNote,
    validate_item,
)
from pact_tui.store import load_profile

# Never change: every demo id derives from it, so the demo files stay the same across versions.
DEMO_NAMESPACE = uuid.UUID("5d0c7a0e-3c1b-4f7e-9a51-70a7c7e1f201")

_DAY_START = dt.time(9, 30, tzinfo=dt.UTC)

ItemT = TypeVar("ItemT", bound=Item)


def demo_id(kind: str, key: str) -> str:
    """The fixed id of one demo record."""
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}"))


class _Clock:
    """Fixed, increasing timestamps through one session's morning."""

    def __init__(self, day: dt.date) -> None:
        self.start = dt.datetime.combine(day, _DAY_START)
        self.end = self.start + dt.timedelta(hours=3)
        self._ticks = count(1)

    def tick(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=45 * next(self._ticks))


class _SessionBuilder:
    """Makes the items recorded in one session, stamped with its clock and its origin."""

    def __init__(self, record: SessionRecord, profile: RegionProfile,
                 source: SessionMeta | None) -> None:
        self.key = record.key
        self.clock = _Clock(dt.date.fromisoformat(record.date))
        self.meta = SessionMeta(
            id=demo_id("session", record.key),
            profile=profile,
            title=record.title,
            date=self.clock.start.date(),
            facilitator=record.facilitator,
            location=record.location,
            participants=tuple(Participant(organisation=organisation, role=role)
                               for organisation, role in record.participants),
            names_consent=False,
            agenda=tuple(AgendaItem(title=title, phase=phase, minutes=minutes)
                         for title, phase, minutes in record.agenda),
            sources=(source.as_origin(),) if source else (),
            created_at=self.clock.start,
            updated_at=self.clock.end,
        )
        self._names = {record.key: record.name for record in data.STAKEHOLDERS}

    def _item(self, kind: type[ItemT], key: str, **fields: Any) -> ItemT:
        stamp = self.clock.tick()
        raw = {"id": demo_id(kind.TABLE, key), "created_at": stamp, "updated_at": stamp,
               "origins": (self.meta.as_origin(),), **fields}
        return cast(ItemT, validate_item(kind, raw, self.meta.profile))

    def _party(self, key: str) -> PartyRef:
        return PartyRef(name=self._names[key], stakeholder_id=demo_id(Stakeholder.TABLE, key))

    def stakeholders(self) -> tuple[Stakeholder, ...]:
        return tuple(self._item(Stakeholder, r.key, name=r.name, category=r.category,
                                themes=r.themes, notes=r.notes)
                     for r in data.STAKEHOLDERS if r.session == self.key)

    def status(self) -> tuple[StatusNote, ...]:
        return tuple(self._item(StatusNote, r.key, theme=r.theme, text=r.text, source=r.source)
                     for r in data.STATUS if r.session == self.key)

    def challenges(self) -> tuple[Challenge, ...]:
        return tuple(self._item(Challenge, r.key, title=r.title, themes=r.themes,
                                description=r.description)
                     for r in data.CHALLENGES if r.session == self.key)

    def ambitions(self) -> tuple[Ambition, ...]:
        return tuple(self._item(Ambition, r.key, theme=r.theme, title=r.title,
                                description=r.description)
                     for r in data.AMBITIONS if r.session == self.key)

    def actions(self) -> tuple[Action, ...]:
        return tuple(
            self._item(
                Action, r.key, theme=r.theme, title=r.title, goal=r.goal, scale=r.scale,
                planning=Planning(horizon=r.horizon, start_year=r.years[0], end_year=r.years[1],
                                  timing=r.timing),
                parties=tuple(self._party(key) for key in r.parties),
                lead=self._party(r.lead) if r.lead else None,
                challenge_ids=tuple(demo_id(Challenge.TABLE, key) for key in r.challenges),
                ambition_ids=tuple(demo_id(Ambition.TABLE, key) for key in r.ambitions),
                notes=r.notes,
                position=10 * position,
            )
            for position, r in enumerate(data.ACTIONS)
        )

    def commitments(self) -> tuple[Commitment, ...]:
        return tuple(self._item(Commitment, f"{r.action}:{r.party}:{r.role}",
                                action_id=demo_id(Action.TABLE, r.action),
                                party=self._party(r.party), role=r.role, text=r.text)
                     for r in data.COMMITMENTS)

    def rewrite_status(self, notes: tuple[StatusNote, ...]) -> tuple[StatusNote, ...]:
        """The copied status notes, with those rewritten in this session edited here."""
        texts = {demo_id(StatusNote.TABLE, u.status): u.text
                 for u in data.STATUS_UPDATES if u.session == self.key}
        return tuple(
            note.edited(text=texts[note.id]).model_copy(update={"updated_at": self.clock.tick()})
            if note.id in texts else note
            for note in notes
        )

    def continue_from(self, previous: Session) -> Session:
        """This session started from `previous`: its items copied, with their bases recorded."""
        copy = start_session_from(previous, self.meta.title, self.meta.date)
        return copy.model_copy(update={"meta": self.meta})


def _added(session: Session, **tables: tuple[Item, ...]) -> Session:
    """`session` with items appended to the named tables, validated as a whole."""
    content = {table: (*session.items(table), *items) for table, items in tables.items()}
    return Session.model_validate({**dict(session), **content})


def build_demo_sessions(profile: RegionProfile | None = None) -> list[Session]:
    """The three demo sessions in order; the built-in West-Friesland profile by default."""
    profile = profile or load_profile(None)
    first, second, third = data.SESSIONS

    one = _SessionBuilder(first, profile, None)
    session1 = Session(meta=one.meta, stakeholders=one.stakeholders(), status=one.status())

    two = _SessionBuilder(second, profile, session1.meta)
    session2 = two.continue_from(session1)
    session2 = _added(session2.model_copy(update={"status": two.rewrite_status(session2.status)}),
                      challenges=two.challenges())

    three = _SessionBuilder(third, profile, session2.meta)
    session3 = _added(three.continue_from(session2), stakeholders=three.stakeholders(),
                      ambitions=three.ambitions(), actions=three.actions(),
                      commitments=three.commitments())
    return [session1, session2, session3]


def build_demo_programme(sessions: list[Session] | None = None) -> Session:
    """The programme merged from the three demo sessions, each item with its provenance.

    The merge is stamped with the end of the last session, so it is fixed too.
    """
    sessions = sessions or build_demo_sessions()
    merged = merge_sessions(sessions, now=sessions[-1].meta.updated_at)
    programme = merged.programme
    meta = programme.meta.model_copy(update={"facilitator": sessions[-1].meta.facilitator})
    return programme.model_copy(update={"meta": meta})

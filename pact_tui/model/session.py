"""A session (werksessie) or a programme (uitvoeringsprogramma): its meta data and all its items.

A merged programme has exactly the same shape as a session, so it can be opened,
edited, exported and used as the start of the next session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pact_tui.model.items import (
    ITEM_KINDS,
    Action,
    Ambition,
    Challenge,
    Commitment,
    Item,
    Origin,
    PastVersion,
    Stakeholder,
    StatusNote,
    new_id,
    now_utc,
)
from pact_tui.model.laptop import Laptop
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.model.profile import RegionProfile
from pact_tui.model.trail import Deletion
from pact_tui.model.votes import VotingRound

SCHEMA_VERSION = 6

class Phase(StrEnum):
    """The phases of a session, in the order the room goes through them. The values are
    what files and follow files store, so they stay as they are."""

    SESSION = "sessie"
    STAKEHOLDERS = "stakeholders"
    CHALLENGES = "opgaven"
    ACTIONS = "acties"
    PARTNERS = "partners"
    OVERVIEW = "overzicht"


PHASES = tuple(Phase)

SessionKind = Literal["session", "programme"]


class Participant(BaseModel):
    """Someone at the table: the organisation and role; the name only with consent."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    organisation: str = Field(min_length=1)
    role: str = ""
    name: str = ""


class AgendaItem(BaseModel):
    """One block of the session's agenda, with its timebox in minutes."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    title: str = Field(min_length=1)
    phase: str | None = None
    minutes: int = Field(default=0, ge=0, le=24 * 60)


class SessionMeta(BaseModel):
    """What a session file says about itself (its `meta` table)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=new_id)
    kind: SessionKind = "session"
    # A session read from a spreadsheet (`pact-tui import`), not held as a workshop; its
    # origin says so too. Left out of the file when false.
    imported: bool = Field(default=False, exclude_if=lambda imported: not imported)
    # The laptop that keeps this file on a day of several laptops (`pact-tui day`): any
    # other opens it read-only. Left out of the file when None (a file of one laptop).
    laptop: Laptop | None = Field(default=None, exclude_if=lambda laptop: laptop is None)
    profile: RegionProfile
    title: str = Field(min_length=1)
    date: dt.date = Field(default_factory=dt.date.today)
    facilitator: str = ""
    location: str = ""
    participants: tuple[Participant, ...] = ()
    names_consent: bool = False
    agenda: tuple[AgendaItem, ...] = ()
    sources: tuple[Origin, ...] = ()
    created_at: dt.datetime = Field(default_factory=now_utc)
    updated_at: dt.datetime = Field(default_factory=now_utc)
    # What a session started from a programme carries of that programme's history: the
    # sessions behind it and who took part, so a merge without the programme knows them.
    earlier_sessions: tuple[Origin, ...] = ()
    earlier_participants: tuple[Participant, ...] = ()
    # A programme's items that a merge removed (a deletion chosen over an edit), each
    # with the versions that lost, so merging the same inputs again does not revive them.
    removed: tuple[PastVersion, ...] = ()
    # Rounds of dot voting, in the order they were held; items count votes by round id.
    voting_rounds: tuple[VotingRound, ...] = ()
    # A tombstone per item that left this file (`model.trail`), so a copy of the file that
    # still has the item learns it was deleted, not added. Left out of the file when empty.
    deletions: tuple[Deletion, ...] = Field(default=(), exclude_if=lambda deletions: not deletions)

    def as_origin(self) -> Origin:
        """This session as the provenance of the items made in it."""
        return Origin(session_id=self.id, title=self.title, date=self.date,
                      imported=self.imported)


class Session(BaseModel):
    """A whole session in memory: meta plus one tuple of items per kind."""

    model_config = ConfigDict(extra="forbid")

    meta: SessionMeta
    stakeholders: tuple[Stakeholder, ...] = ()
    status: tuple[StatusNote, ...] = ()
    challenges: tuple[Challenge, ...] = ()
    ambitions: tuple[Ambition, ...] = ()
    actions: tuple[Action, ...] = ()
    commitments: tuple[Commitment, ...] = ()

    @property
    def profile(self) -> RegionProfile:
        return self.meta.profile

    def items(self, table: str) -> tuple[Item, ...]:
        """The items of one kind, by table name ("actions", "stakeholders", ...)."""
        if table not in ITEM_KINDS:
            raise KeyError(table)
        items: tuple[Item, ...] = getattr(self, table)
        return items

    def all_items(self) -> Iterator[Item]:
        for table in ITEM_KINDS:
            yield from self.items(table)

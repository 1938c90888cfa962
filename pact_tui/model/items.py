"""The items of a session: stakeholders, status notes, challenges, ambitions, actions, commitments.

Every item carries its own UUID (never TinyDB's per-file doc_id), timestamps, a revision
counter, the fingerprint of the version it was copied from (`base`, for three-way merge)
and its provenance (`origins`: the sessions it came from).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pact_tui.i18n import t
from pact_tui.model.fingerprints import content_fingerprint
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.model.trail import Step, stepped

# Fields every item has that say nothing about its content: left out of its fingerprint.
BOOKKEEPING_FIELDS = frozenset({
    "id", "created_at", "updated_at", "revision", "base", "origins", "combined_from", "supersedes",
    "kept_apart", "history", "trail",
})

# Why a version lost to the item that keeps it in its history: a conflict settled by the
# most recent edit, a conflict settled by a person, an item combined into this one, or the
# other copy's version of a conflict between two copies of one file, not yet decided.
PAST_REASONS = ("newest", "chosen", "combined", "sync")

COMMITMENT_ROLES = ("trekker", "partner", "financier")

# Progress after the sessions: an action's status and its traffic light, stored as
# stable keys (labels come from the catalogue, `model.progress.status.<key>`).
PROGRESS_STATUSES = ("not-started", "preparing", "in-progress", "done", "dropped")
PROGRESS_LIGHTS = ("on-track", "attention", "problem")

# Dot votes per voting round (its id), never negative; a round without votes is left out.
Votes = dict[str, Annotated[int, Field(ge=0)]]
# An impact or effort score: 1 (low) to 5 (high), or not scored.
Score = Annotated[int, Field(ge=1, le=5)] | None


def new_id() -> str:
    return str(uuid.uuid4())


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Origin(BaseModel):
    """A session an item came from (provenance)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_max_length=LONGEST_TEXT)

    session_id: str
    title: str
    date: dt.date | None = None
    # A spreadsheet read in, not a workshop held: the draft counts workshops only. Left out
    # of the file when false, so every other origin is written as before.
    imported: bool = Field(default=False, exclude_if=lambda imported: not imported)


class PartyRef(BaseModel):
    """A party named in an action: a stakeholder of the session, or free text."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    name: str = Field(min_length=1)
    stakeholder_id: str | None = None


def _longest_text(value: Any) -> int:
    """The length of the longest text anywhere in JSON data."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple):
        return max(map(_longest_text, value), default=0)
    return 0


class PastVersion(BaseModel):
    """A version that lost to this item in a merge, kept whole so no word is lost."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_max_length=LONGEST_TEXT)

    reason: str
    item_id: str
    # The version's content as in `Item.content()`; None when the losing version was
    # the item's deletion.
    content: dict[str, Any] | None
    sources: tuple[Origin, ...] = ()
    updated_at: dt.datetime | None = None

    @field_validator("content")
    @classmethod
    def _no_text_too_long(cls, content: dict[str, Any] | None) -> dict[str, Any] | None:
        # Free JSON, so the models' own limit does not reach the texts in it.
        if content is not None and _longest_text(content) > LONGEST_TEXT:
            raise ValueError(t("model.error.string_too_long", max_length=LONGEST_TEXT))
        return content

    @field_validator("reason")
    @classmethod
    def _known_reason(cls, reason: str) -> str:
        if reason not in PAST_REASONS:
            raise ValueError(t("model.unknown_past_reason", value=reason,
                               choices=", ".join(PAST_REASONS)))
        return reason

    def fingerprint(self) -> str | None:
        """The fingerprint the version had as an item (`Item.fingerprint`); None: a deletion."""
        if self.content is None:
            return None
        return content_fingerprint(self.content)

    def key(self) -> str:
        """What tells two records of the same lost version apart from other versions."""
        content = json.dumps(self.content, sort_keys=True, ensure_ascii=False)
        return f"{self.reason}:{self.item_id}:{content}"


class Item(BaseModel):
    """What every kind of item shares."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    TABLE: ClassVar[str]

    id: str = Field(default_factory=new_id)
    created_at: dt.datetime = Field(default_factory=now_utc)
    updated_at: dt.datetime = Field(default_factory=now_utc)
    revision: int = Field(default=1, ge=1)
    base: str | None = None
    origins: tuple[Origin, ...] = ()
    # Set by the merge: ids of items combined into this one (duplicates), and fingerprints
    # of conflicting versions (or "deleted:<base>") a person chose this version over, so
    # merging the programme again with its sessions raises nothing twice.
    combined_from: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    # Set by the merge: items a person kept apart from this one (never proposed as its
    # duplicate again), and the versions that lost to this one, whole.
    kept_apart: tuple[str, ...] = ()
    history: tuple[PastVersion, ...] = ()
    # The versions the item went through in its file (`model.trail`), so two copies of one
    # file find the newest version they share. Left out of the file when empty.
    trail: tuple[Step, ...] = Field(default=(), exclude_if=lambda trail: not trail)

    @field_validator("id")
    @classmethod
    def _id_is_uuid(cls, value: str) -> str:
        return str(uuid.UUID(value))

    def label(self) -> str:
        """A short human name for the item, used in messages and lists; each kind names its text."""
        return self.id

    def content(self) -> dict[str, Any]:
        """The item's content as JSON data, without its bookkeeping fields."""
        return self.model_dump(mode="json", exclude=set(BOOKKEEPING_FIELDS))

    def fingerprint(self) -> str:
        """A hash of the content: equal content, equal fingerprint, whatever the bookkeeping."""
        return content_fingerprint(self.content())

    def edited(self, **changes: Any) -> Self:
        """A validated copy with `changes` applied, its revision bumped, its time stamped and
        this version added to its trail."""
        data = self.model_dump(exclude={"trail"})
        data.update(changes)
        data["revision"] = self.revision + 1
        data["updated_at"] = now_utc()
        return stepped(self, type(self).model_validate(data))


class Stakeholder(Item):
    """An organisation (stakeholder / partij) that has a stake in the programme."""

    TABLE: ClassVar[str] = "stakeholders"

    name: str = Field(min_length=1)
    category: str = ""
    themes: tuple[str, ...] = ()
    contact: str = ""
    notes: str = ""

    def label(self) -> str:
        return self.name


class StatusNote(Item):
    """The latest state of affairs (stand van zaken) on a theme."""

    TABLE: ClassVar[str] = "status"

    theme: str = Field(min_length=1)
    text: str = Field(min_length=1)
    source: str = ""

    def label(self) -> str:
        return self.text


class Challenge(Item):
    """A challenge (opgave); with two or more themes it is cross-theme."""

    TABLE: ClassVar[str] = "challenges"

    title: str = Field(min_length=1)
    description: str = ""
    themes: tuple[str, ...] = Field(min_length=1)
    # Dot votes per voting round (`SessionMeta.voting_rounds`).
    votes: Votes = Field(default_factory=dict)

    @field_validator("themes")
    @classmethod
    def _themes_once(cls, themes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(themes))

    def label(self) -> str:
        return self.title


class Ambition(Item):
    """An ambition (ambitie) of a theme, which actions make concrete."""

    TABLE: ClassVar[str] = "ambitions"

    theme: str = Field(min_length=1)
    title: str = Field(min_length=1)
    description: str = ""

    def label(self) -> str:
        return self.title


class Planning(BaseModel):
    """When an action happens: a horizon from the profile plus optional years and free timing."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    horizon: str | None = None
    start_year: int | None = Field(default=None, ge=1900, le=2200)
    end_year: int | None = Field(default=None, ge=1900, le=2200)
    timing: str = ""

    @model_validator(mode="after")
    def _years_in_order(self) -> Planning:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValueError(t("model.planning_years_reversed"))
        return self


class Action(Item):
    """A concrete action in the template: thema, actie, doel, schaalniveau, planning, partijen."""

    TABLE: ClassVar[str] = "actions"

    theme: str = Field(min_length=1)
    title: str = Field(min_length=1)
    goal: str = ""
    scale: str | None = None
    planning: Planning = Planning()
    parties: tuple[PartyRef, ...] = ()
    lead: PartyRef | None = None
    challenge_ids: tuple[str, ...] = ()
    ambition_ids: tuple[str, ...] = ()
    notes: str = ""
    position: int = 0
    # Progress once the programme runs: status, traffic light, the note on cause,
    # consequence and correction, and the date of the last progress update.
    status: str = "not-started"
    light: str | None = None
    progress_note: str = ""
    progress_date: dt.date | None = None
    # Priority: dot votes per voting round (`SessionMeta.voting_rounds`), impact and effort.
    votes: Votes = Field(default_factory=dict)
    impact: Score = None
    effort: Score = None

    @field_validator("status")
    @classmethod
    def _known_status(cls, status: str) -> str:
        if status not in PROGRESS_STATUSES:
            choices = ", ".join(PROGRESS_STATUSES)
            raise ValueError(t("model.unknown_status", value=status, choices=choices))
        return status

    @field_validator("light")
    @classmethod
    def _known_light(cls, light: str | None) -> str | None:
        if light is not None and light not in PROGRESS_LIGHTS:
            choices = ", ".join(PROGRESS_LIGHTS)
            raise ValueError(t("model.unknown_light", value=light, choices=choices))
        return light

    def label(self) -> str:
        return self.title


class Commitment(Item):
    """A commitment (toezegging): what one party does for one action, in which role."""

    TABLE: ClassVar[str] = "commitments"

    action_id: str
    party: PartyRef
    role: str = "partner"
    text: str = ""

    @field_validator("role")
    @classmethod
    def _known_role(cls, role: str) -> str:
        if role not in COMMITMENT_ROLES:
            choices = ", ".join(COMMITMENT_ROLES)
            raise ValueError(t("model.unknown_role", value=role, choices=choices))
        return role

    def label(self) -> str:
        return self.party.name


ITEM_KINDS: dict[str, type[Item]] = {
    kind.TABLE: kind for kind in (Stakeholder, StatusNote, Challenge, Ambition, Action, Commitment)
}

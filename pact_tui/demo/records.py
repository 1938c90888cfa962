"""The shapes of the demo's raw data: short records that name each other by a readable key.

The demo's content (`data.py`) is written in these records so it reads like the
minutes of the sessions; the builder turns the keys into fixed UUIDs and the
records into validated model items.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SessionRecord:
    """One workshop of the demo series and its set-up."""

    key: str
    title: str
    date: str  # ISO date, fixed so the demo is the same on every run
    location: str
    facilitator: str
    participants: tuple[tuple[str, str], ...]  # (organisation, role)
    agenda: tuple[tuple[str, str | None, int], ...]  # (title, phase, minutes)


@dataclass(frozen=True)
class StakeholderRecord:
    key: str
    session: str
    name: str
    category: str
    themes: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class StatusRecord:
    key: str
    session: str
    theme: str
    text: str
    source: str


@dataclass(frozen=True)
class StatusUpdate:
    """A status note rewritten in a later session (so the programme shows a real change)."""

    status: str
    session: str
    text: str


@dataclass(frozen=True)
class ChallengeRecord:
    key: str
    session: str
    title: str
    themes: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class AmbitionRecord:
    key: str
    session: str
    theme: str
    title: str
    description: str


@dataclass(frozen=True)
class ActionRecord:
    """A row of the action template; `lead` and `parties` are stakeholder keys."""

    key: str
    theme: str
    title: str
    goal: str
    scale: str
    horizon: str
    years: tuple[int | None, int | None]
    timing: str
    parties: tuple[str, ...]
    lead: str | None
    challenges: tuple[str, ...] = ()
    ambitions: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class CommitmentRecord:
    """What one party promised for one action at the partner meeting."""

    action: str
    party: str
    role: str
    text: str

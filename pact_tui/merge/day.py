"""A day of breakouts against its programme: what each breakout added, changed and deleted,
and which new actions of different breakouts look like the same thing.

A breakout is a session started from the programme (`session new --from`): each item it
copied records the programme version's fingerprint as its `base`. So an action without a
base was made in the breakout, one whose fingerprint is no longer its base was changed
there, and a programme action the breakout (which names the programme in its sources) no
longer holds was deleted there. Duplicates are proposed by the merge's own finder, so the
plenary sees live what the merge will ask at the end of the day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pact_tui.merge.duplicates import find_duplicates
from pact_tui.merge.result import DuplicateProposal
from pact_tui.merge.start import start_session_from
from pact_tui.model import Action, Laptop, Session

PROGRAMME_NAME = "programma.json"
"""The file name a day folder's programme has; otherwise the programme the breakouts name."""


@dataclass(frozen=True)
class BreakoutChanges:
    """One breakout's actions against the programme it started from."""

    added: tuple[Action, ...] = ()
    changed: tuple[Action, ...] = ()
    deleted: tuple[Action, ...] = ()
    """The programme's versions of the actions the breakout deleted."""

    @property
    def fresh(self) -> tuple[Action, ...]:
        """What the breakout wrote itself: its new and changed actions."""
        return self.added + self.changed

    def newest(self, count: int) -> tuple[tuple[bool, Action], ...]:
        """The `count` most recently typed new or changed actions, newest first, each with
        whether it is new (True) or a changed programme action (False)."""
        marked = [(True, action) for action in self.added] + \
                 [(False, action) for action in self.changed]
        marked.sort(key=lambda pair: (pair[1].updated_at, pair[1].id), reverse=True)
        return tuple(marked[:count])


def breakout_changes(breakout: Session, programme: Session | None) -> BreakoutChanges:
    """What `breakout` did to the actions; deletions only when `programme` is known and is
    the one the breakout started from."""
    added: list[Action] = []
    changed: list[Action] = []
    copied = {action.id: action for action in programme.actions} if programme else {}
    if programme is not None and merged_into(breakout, programme):
        return _since_merge(breakout, copied)
    for action in breakout.actions:
        if action.base is None:
            added.append(action)
        elif not _same_version(action, copied.get(action.id)) and \
                action.fingerprint() != action.base:
            changed.append(action)
    deleted: tuple[Action, ...] = ()
    if programme is not None and started_from(breakout, programme):
        held = {action.id for action in breakout.actions}
        deleted = tuple(action for action in programme.actions if action.id not in held)
    return BreakoutChanges(tuple(added), tuple(changed), deleted)


def _since_merge(breakout: Session, programme: dict[str, Action]) -> BreakoutChanges:
    """What a breakout merged into the programme did since: actions the programme does not
    hold (nor holds combined into another), and those whose version it neither holds nor
    chose another over."""
    combined = {other for action in programme.values() for other in action.combined_from}
    added: list[Action] = []
    changed: list[Action] = []
    for action in breakout.actions:
        merged = programme.get(action.id)
        if merged is None:
            if action.id not in combined:
                added.append(action)
        elif not _same_version(action, merged) and (
                fingerprint := action.fingerprint()) != merged.fingerprint() \
                and fingerprint not in merged.supersedes:
            changed.append(action)
    return BreakoutChanges(tuple(added), tuple(changed), ())


def _same_version(copy: Action, original: Action | None) -> bool:
    """Whether `copy` is still the programme's version, told without hashing (a day of
    breakouts holds thousands of copies): every change the app saves gets a new revision
    and time, so a copy with the original's revision and time was never changed. The
    overview's shortcut only; the merge compares fingerprints."""
    return original is not None and copy.revision == original.revision and \
        copy.updated_at == original.updated_at


def started_from(session: Session, programme: Session) -> bool:
    return any(origin.session_id == programme.meta.id for origin in session.meta.sources)


def day_programme(sessions: Mapping[str, Session]) -> str | None:
    """Which of the folder's sessions (by file name) is the day's programme: the file named
    `programma.json`, else the programme most sessions started from (the newest on a tie),
    else the only programme; None when there is none."""
    if PROGRAMME_NAME in sessions:
        return PROGRAMME_NAME
    programmes = {name: session for name, session in sessions.items()
                  if session.meta.kind == "programme"}
    if not programmes:
        return None

    def followers(name: str) -> tuple[int, str, str]:
        programme = programmes[name]
        count = sum(started_from(session, programme) for session in sessions.values())
        return count, programme.meta.updated_at.isoformat(), name

    return max(programmes, key=followers)


def merged_into(session: Session, programme: Session) -> bool:
    """Whether the programme holds the session already (a merge names it in its sources)."""
    return any(origin.session_id == session.meta.id for origin in programme.meta.sources)


def day_breakouts(sessions: Mapping[str, Session], programme: str | None) -> list[str]:
    """The breakouts of the day (by file name): the sessions started from the programme or
    merged into it (after `m`), or every session when there is no programme."""
    chosen = sessions.get(programme) if programme is not None else None
    return [name for name, session in sessions.items()
            if name != programme and session.meta.kind == "session"
            and (chosen is None or started_from(session, chosen)
                 or merged_into(session, chosen))]


@dataclass(frozen=True)
class DayDuplicate:
    """A proposed duplicate between actions of two different breakouts."""

    proposal: DuplicateProposal
    keep_in: str
    other_in: str
    """The breakouts (by file name) holding the two actions."""


def day_duplicates(fresh: Mapping[str, Sequence[Action]]) -> tuple[DayDuplicate, ...]:
    """The proposed duplicates among the new and changed actions of the breakouts (by file
    name), only those between two different breakouts, best match first."""
    holders: dict[str, list[str]] = defaultdict(list)
    items: list[Action] = []
    for name in sorted(fresh):
        for action in fresh[name]:
            if not holders[action.id]:
                items.append(action)
            holders[action.id].append(name)
    found = []
    for proposal in find_duplicates(items, frozenset(holders)):
        keep_in, other_in = holders[proposal.keep_id], holders[proposal.other_id]
        pair = next(((first, second) for first in keep_in for second in other_in
                     if first != second), None)
        if pair is not None:
            found.append(DayDuplicate(proposal, *pair))
    return tuple(found)


def flagged(duplicates: Sequence[DayDuplicate]) -> dict[tuple[str, str], list[DayDuplicate]]:
    """Per (breakout, action id) the duplicates it takes part in."""
    flags: dict[tuple[str, str], list[DayDuplicate]] = defaultdict(list)
    for duplicate in duplicates:
        flags[(duplicate.keep_in, duplicate.proposal.keep_id)].append(duplicate)
        flags[(duplicate.other_in, duplicate.proposal.other_id)].append(duplicate)
    return dict(flags)


def new_breakout(programme: Session, title: str, laptop: Laptop) -> Session:
    """A breakout of the day: started from the programme, kept on `laptop`."""
    session = start_session_from(programme, title)
    return session.model_copy(
        update={"meta": session.meta.model_copy(update={"laptop": laptop})})

"""A read sheet becomes a session: new actions, or updates of a programme's actions.

Rows without an id become new actions of a new session. Rows with the id of an action
of the programme (a sheet pact-tui wrote) become that action as the sheet has it, in a
session started from the programme: the merge then brings the changes in, and a change
the programme made meanwhile beside a different one in the sheet is a conflict there.
An action whose row was deleted from such a sheet is left out of the session, which the
merge takes as its deletion; the order of the rows is no change. Either way the session
is marked as an import, so the draft does not count it as a workshop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from pact_tui.merge import start_session_from
from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.model.template import ACTION_TEMPLATE, FieldGroup, FieldKind
from pact_tui.sheets.commitments import CommitmentChanges, read_commitments
from pact_tui.sheets.reading import Row
from pact_tui.sheets.rows import ReadResult, SheetAction, row_check

# A change of any of these dates the progress (when the sheet did not change the date).
_PROGRESS = tuple(field.key for field in ACTION_TEMPLATE
                  if field.group is FieldGroup.PROGRESS and field.kind is not FieldKind.DATE)


@dataclass(frozen=True)
class Update:
    """What the sheet changed in one action of the programme (field keys)."""

    number: int
    action: Action
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Imported:
    """The session to write, the rows that made new actions and the actions they change."""

    session: Session
    added: tuple[SheetAction, ...]
    updates: tuple[Update, ...]
    # Rows with an id the programme does not have (a sheet of another programme, or the
    # action was removed since): added as new actions, and said.
    unknown_ids: tuple[SheetAction, ...] = ()
    # Actions of the programme whose row is gone from the sheet: deleted by the merge.
    removed: tuple[Action, ...] = ()
    commitments: CommitmentChanges = field(default_factory=CommitmentChanges)


def new_session(result: ReadResult, profile: RegionProfile, title: str,
                date: dt.date | None = None) -> Imported:
    """A new session holding every read action, in the order of the sheet."""
    meta = SessionMeta(profile=profile, title=title, date=date or dt.date.today(),
                       imported=True)
    origin = meta.as_origin()
    actions = tuple(read.action.model_copy(update={"position": index, "origins": (origin,)})
                    for index, read in enumerate(result.actions))
    return Imported(Session(meta=meta, actions=actions), tuple(result.actions), ())


def update_session(result: ReadResult, programme: Session, title: str,
                   today: dt.date | None = None,
                   commitment_rows: Sequence[Row] = ()) -> Imported:
    """A session started from `programme`, with the sheet's changes to its actions and
    those of its commitments sheet (`commitment_rows`, header first)."""
    today = today or dt.date.today()
    started = start_session_from(programme, title, today)
    session = started.model_copy(update={"meta": started.meta.model_copy(
        update={"imported": True})})
    origin = session.meta.as_origin()
    actions = {action.id: action for action in session.actions}
    # Only a sheet that carries ids (one pact-tui wrote) can say a row was deleted.
    removed = tuple(action for action in session.actions
                    if result.ids and action.id not in result.ids)
    for action in removed:
        del actions[action.id]
    added: list[SheetAction] = []
    updates: list[Update] = []
    unknown: list[SheetAction] = []
    for read in result.actions:
        current = actions.get(read.item_id)
        if current is None:
            added.append(read)
            if read.item_id:
                unknown.append(read)
            continue
        texts = [read.texts.get(field.key, "") for field in ACTION_TEMPLATE]
        if read.check and row_check(texts) == read.check:
            continue
        changed = _changed_fields(current, read)
        if not changed:
            continue
        changes = {name: getattr(read.action, name) for name in changed}
        if set(changed) & set(_PROGRESS) and "progress_date" not in changed:
            changes["progress_date"] = today
        edited = current.edited(**changes)
        if read.version:
            # The version the sheet was written from: if the programme has moved on
            # since, the merge sees two edits of one version.
            edited = edited.model_copy(update={"base": read.version})
        actions[current.id] = edited.model_copy(update={"origins": (*current.origins, origin)})
        updates.append(Update(read.number, edited, tuple(changes)))
    start = len(actions)
    new = [read.action.model_copy(update={"position": start + index, "origins": (origin,)})
           for index, read in enumerate(added)]
    commitment_changes = read_commitments(commitment_rows, session, origin)
    gone = {action.id for action in removed}
    commitments = tuple(c for c in commitment_changes.apply(session.commitments)
                        if c.action_id not in gone)
    session = session.model_copy(update={"actions": (*actions.values(), *new),
                                         "commitments": commitments})
    return Imported(Session.model_validate(session.model_dump()), tuple(added), tuple(updates),
                    tuple(unknown), removed, commitment_changes)


def _changed_fields(current: Action, read: SheetAction) -> list[str]:
    """The template fields (in the sheet) whose value as read differs from the action's."""
    return [field.key for field in ACTION_TEMPLATE
            if field.key in read.texts and field.key not in read.unread
            and getattr(read.action, field.key) != getattr(current, field.key)]


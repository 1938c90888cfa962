"""A new session that starts from the programme so far (`pact-tui session new --from`).

Every item keeps its id and records the fingerprint of the programme's version as its
`base`, so the later merge can tell what this session changed, added or deleted.
The programme is recorded in the session's `meta.sources`: that is how the merge knows
that an item of the programme missing from this session was deleted here. The sessions
and participants behind the programme travel along, so a merge of sessions alone still
names every earlier session.
"""

from __future__ import annotations

import datetime as dt

from pact_tui.model import ITEM_KINDS, Item, Session, SessionMeta


def _copied(item: Item) -> Item:
    # The programme's trail names versions in the programme file; the session is a file of
    # its own, whose copies share the version copied here and record their steps from it.
    return item.model_copy(update={"base": item.fingerprint(), "trail": ()})


def start_session_from(
    programme: Session, title: str, date: dt.date | None = None, facilitator: str = ""
) -> Session:
    """A new session (new id, kind "session", same profile) holding a copy of every item."""
    meta = SessionMeta(
        profile=programme.meta.profile,
        title=title,
        date=date or dt.date.today(),
        facilitator=facilitator,
        sources=(programme.meta.as_origin(),),
        earlier_sessions=programme.meta.sources,
        earlier_participants=programme.meta.participants,
        voting_rounds=programme.meta.voting_rounds,
    )
    tables = {
        table: tuple(_copied(item) for item in programme.items(table)) for table in ITEM_KINDS
    }
    return Session.model_validate({"meta": meta, **tables})

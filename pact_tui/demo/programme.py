"""The demo programme: the three demo sessions made into one, with fixed meta data.

The sessions are a chain (each starts from the one before), so their union by id,
latest version first, is what a merge gives; every item's origins name each session
in which it was made or changed.
"""

from __future__ import annotations

from pact_tui.model import ITEM_KINDS, Item, Origin, Session, SessionMeta


def programme_meta(sessions: list[Session], programme_id: str) -> SessionMeta:
    """Fixed meta data for the programme: dated and stamped like the last session."""
    last = sessions[-1].meta
    profile = last.profile
    return SessionMeta(
        id=programme_id,
        kind="programme",
        profile=profile,
        title=profile.programme_title or profile.name,
        date=last.date,
        facilitator=last.facilitator,
        participants=tuple(dict.fromkeys(p for s in sessions for p in s.meta.participants)),
        names_consent=False,
        sources=tuple(session.meta.as_origin() for session in sessions),
        created_at=last.updated_at,
        updated_at=last.updated_at,
    )


def _changed_here(item: Item) -> bool:
    return item.base is None or item.base != item.fingerprint()


def programme_from(sessions: list[Session], programme_id: str) -> Session:
    """The union of `sessions` (oldest first) by id, the newest version of each item kept."""
    tables: dict[str, tuple[Item, ...]] = {}
    for table in ITEM_KINDS:
        newest: dict[str, Item] = {}
        origins: dict[str, dict[Origin, None]] = {}
        for session in sessions:
            for item in session.items(table):
                newest[item.id] = item
                seen = origins.setdefault(item.id, {})
                seen.update(dict.fromkeys(item.origins))
                if _changed_here(item):
                    seen[session.meta.as_origin()] = None
        tables[table] = tuple(
            item.model_copy(update={"origins": tuple(origins[item.id]), "base": None})
            for item in newest.values()
        )
    meta = programme_meta(sessions, programme_id)
    return Session.model_validate({"meta": meta, **tables})

"""The versions that lost in a merge, kept whole on the item that won (`Item.history`).

A decision never drops a word: the losing version of a conflict, or the item combined
into another, goes into the survivor's history with the inputs it came from. Merged
again, the histories of every copy are joined, so nothing recorded is lost either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pact_tui.model import Item, Origin, PastVersion


def past_version(item: Item | None, item_id: str, reason: str,
                 sources: Iterable[Origin]) -> PastVersion:
    """`item` (None: its deletion) as a version that lost, for `reason`."""
    return PastVersion(reason=reason, item_id=item_id,
                       content=item.content() if item is not None else None,
                       sources=tuple(sorted(set(sources), key=_origin_order)),
                       updated_at=item.updated_at if item is not None else None)


def _origin_order(origin: Origin) -> tuple[dt.date, str, str]:
    return (origin.date or dt.date.min, origin.title, origin.session_id)


def joined(*histories: Iterable[PastVersion]) -> tuple[PastVersion, ...]:
    """Every recorded version once, oldest first."""
    found: dict[str, PastVersion] = {}
    for history in histories:
        for version in history:
            found.setdefault(version.key(), version)
    return tuple(sorted(found.values(), key=lambda v: (
        v.updated_at or dt.datetime.min.replace(tzinfo=dt.UTC), v.key())))


def with_history(item: Item, versions: Iterable[PastVersion]) -> Item:
    """`item` with `versions` added to its history."""
    return item.model_copy(update={"history": joined(item.history, versions)})

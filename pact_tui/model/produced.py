"""What a session produced compared with the programme it started from.

An item copied from a programme records that version's fingerprint as its `base`
(see merge.start_session_from). An item without a base was made in this session; an
item whose content no longer matches its base was changed in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from pact_tui.model.items import Item

ItemT = TypeVar("ItemT", bound=Item)


def is_new(item: Item) -> bool:
    """Made in this session: it was copied from no earlier version."""
    return item.base is None


def is_changed(item: Item) -> bool:
    """Copied from an earlier version and edited since: its content left its base."""
    return item.base is not None and item.base != item.fingerprint()


def produced(items: Iterable[ItemT]) -> list[ItemT]:
    """The items of `items` that are new or changed, in the order given."""
    return [item for item in items if is_new(item) or is_changed(item)]


def changed_fields(item: Item, base: Item) -> list[str]:
    """The fields of `item` whose values differ from `base`, the version it was copied from,
    in the item's own field order ("goal", "votes")."""
    mine, theirs = item.content(), base.content()
    return [name for name, value in mine.items() if value != theirs.get(name)]

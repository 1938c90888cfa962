"""How an item's revision grows: one up per saved change, stamped with the time of the change."""

from __future__ import annotations

from typing import TypeVar

from pact_tui.model import Item, now_utc

ItemT = TypeVar("ItemT", bound=Item)


def next_revision(current: ItemT, content: ItemT) -> ItemT:
    """`content` as the revision after `current`: one up, stamped now (merge relies on it)."""
    return content.model_copy(update={"revision": current.revision + 1, "updated_at": now_utc()})

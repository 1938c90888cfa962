"""How an item's revision grows: one up per saved change, stamped with the time of the change,
the version it replaced added to its trail."""

from __future__ import annotations

from typing import TypeVar

from pact_tui.model import Item, now_utc, stepped

ItemT = TypeVar("ItemT", bound=Item)


def next_revision(current: ItemT, content: ItemT) -> ItemT:
    """`content` as the revision after `current`: one up, stamped now (merge relies on it)."""
    return stepped(current, content).model_copy(
        update={"revision": current.revision + 1, "updated_at": now_utc()})

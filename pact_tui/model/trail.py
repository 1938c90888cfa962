"""An item's recent past in its own file (its trail), and the tombstone a deleted item leaves.

An item's `base` names the programme version a session started from. Two copies of one
session file that went apart (a laptop offline for a while, a copy on a USB stick, a sync
client's conflict copy) need the newest version both still had, which `base` does not
know. So each change of an item adds a step to its trail: the version it replaced, by
fingerprint and revision, with only the values the change altered; walking the trail back
from the item rebuilds every version it went through. A deletion leaves a `Deletion` in
the file's meta, naming the version that was deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from pact_tui.model.fingerprints import content_fingerprint

if TYPE_CHECKING:
    from pact_tui.model.items import Item

ItemT = TypeVar("ItemT", bound="Item")

TRAIL_LIMIT = 64
"""Steps kept per item; older ones are dropped (a copy older than that: a real conflict)."""


class Step(BaseModel):
    """A version an item went through: the one its next version replaced."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str
    revision: int = Field(ge=1)
    # That version's values (JSON data as in `Item.content()`) of the fields the next
    # version changed: the rest it shared with the next version.
    was: dict[str, Any]


class Deletion(BaseModel):
    """A tombstone: an item left the file; the version it had then."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table: str
    item_id: str
    fingerprint: str
    revision: int = Field(ge=1)
    at: dt.datetime


def stepped(before: Item, after: ItemT) -> ItemT:
    """`after` with `before`'s trail plus one step for `before` (none when the content is
    equal), capped at TRAIL_LIMIT steps."""
    old, new = before.content(), after.content()
    was = {name: value for name, value in old.items() if name not in new or new[name] != value}
    trail = before.trail
    if was:
        # The content just made, hashed: `before.fingerprint()` would make it again.
        trail = (*trail, Step(fingerprint=content_fingerprint(old), revision=before.revision,
                              was=was))[-TRAIL_LIMIT:]
    if trail is after.trail:
        return after
    return after.model_copy(update={"trail": trail})


def past_versions(item: Item) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(fingerprint, revision, content) of the item itself, then of each version on its
    trail, newest first."""
    content = item.content()
    yield item.fingerprint(), item.revision, content
    for step in reversed(item.trail):
        content = {**content, **step.was}
        yield step.fingerprint, step.revision, content


def descends_from(item: Item, version: Item) -> bool:
    """Whether `version` is `item` itself or a version on `item`'s trail."""
    if item.revision == version.revision:
        return item.fingerprint() == version.fingerprint()
    if not any(step.revision == version.revision for step in item.trail):
        return False  # spares the hashing in the common case
    fingerprint = version.fingerprint()
    return any(step.revision == version.revision and step.fingerprint == fingerprint
               for step in item.trail)


def common_version(a: Item, b: Item) -> tuple[str, dict[str, Any]] | None:
    """The newest version (fingerprint, content) that both `a` and `b` are or descend from;
    None: nothing shared.

    A version is known by its fingerprint and revision together, so an item edited back to
    older wording is not mistaken for that older version. A trail whose rebuilt content
    does not hash to its fingerprint (changed by hand) shares nothing: a real conflict
    then, never a wrong base.
    """
    theirs = {(b.fingerprint(), b.revision)}
    theirs.update((step.fingerprint, step.revision) for step in b.trail)
    for fingerprint, revision, content in past_versions(a):
        if (fingerprint, revision) in theirs:
            if content_fingerprint(content) != fingerprint:
                return None
            return fingerprint, content
    return None


def joined_deletions(*lists: tuple[Deletion, ...]) -> tuple[Deletion, ...]:
    """Every tombstone once (an item deleted at two versions keeps both), in order found."""
    found: dict[tuple[str, str, str, int], Deletion] = {}
    for deletions in lists:
        for deletion in deletions:
            found.setdefault((deletion.table, deletion.item_id, deletion.fingerprint,
                              deletion.revision), deletion)
    return tuple(found.values())

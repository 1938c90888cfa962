"""Planning a whole-content replacement so that only what really changed is written anew.

`SessionFile.replace_all` (bulk undo, the merge screen) hands over a whole Session,
mostly the same items as before. Items equal to the stored ones keep their line and
every item keeps its doc id, so the file changes only where the content did: a small
diff, and a save at 20,000 actions that costs what a single edit costs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pact_tui.i18n import t
from pact_tui.model import Item, Problem


def changes_to(items: Sequence[Item], stored: Mapping[str, Item]) -> dict[str, Item | None]:
    """Item id -> the item as it is to be stored, or None to remove it (stored, not in `items`)."""
    changes: dict[str, Item | None] = {item.id: item for item in items}
    changes.update((item_id, None) for item_id in stored if item_id not in changes)
    return changes


def kept_in_place(order: Sequence[str], stored: Mapping[str, Item]) -> bool:
    """Whether `order` keeps the stored items in their order, with new ones after them."""
    position = {item_id: index for index, item_id in enumerate(stored)}
    last = -1
    for index, item_id in enumerate(order):
        place = position.get(item_id)
        if place is None:
            # A new item: everything after it must be new too.
            return all(later not in position for later in order[index:])
        if place < last:
            return False
        last = place
    return True


def twice(table: str, items: Sequence[Item]) -> list[Problem]:
    """An item id used more than once in one table."""
    seen: set[str] = set()
    problems = []
    for item in items:
        if item.id in seen:
            problems.append(Problem(table=table, item=item.label()[:60], field="id",
                                    message=t("store.duplicate_id", id=item.id)))
        seen.add(item.id)
    return problems

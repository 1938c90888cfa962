"""Planning a whole-content replacement so that only what really changed is written anew.

`SessionFile.replace_all` (bulk undo, the merge screen) hands over a whole Session,
mostly the same items as before. Items equal to the stored ones keep their document
and its serialized line, and every item keeps its doc id, so the file changes only
where the content did: a small diff, and a save at 20,000 actions that costs what
a single edit costs rather than a second of serializing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pact_tui.model import Item


@dataclass(frozen=True)
class TablePlan:
    """The new content of one table."""

    documents: dict[str, dict[str, Any]]
    """The table as it will be stored, in the session's order."""
    doc_ids: dict[str, int]
    """Item id -> doc id."""
    changed: list[str] | None
    """Doc ids to serialize again; None when the order changed and the table is redone."""
    new_items: list[Item]
    """Items that are not stored as they are (they need checking against the profile)."""


def plan_table(items: Sequence[Item], stored_items: Mapping[str, Item],
               stored_ids: Mapping[str, int],
               stored_documents: Mapping[str, dict[str, Any]]) -> TablePlan:
    documents: dict[str, dict[str, Any]] = {}
    doc_ids: dict[str, int] = {}
    changed: list[str] = []
    new_items: list[Item] = []
    next_id = max((int(key) for key in stored_documents), default=0) + 1
    for item in items:
        doc_id = stored_ids.get(item.id)
        if doc_id is None:
            doc_id, next_id = next_id, next_id + 1
        key = str(doc_id)
        stored = stored_items.get(item.id)
        if stored is not None and key in stored_documents and (stored is item or stored == item):
            documents[key] = stored_documents[key]
        else:
            documents[key] = item.model_dump(mode="json")
            changed.append(key)
            new_items.append(item)
        doc_ids[item.id] = doc_id
    changed.extend(key for key in stored_documents if key not in documents)
    # The lines stay in stored order with new ones appended; any other order: redo the table.
    expected = [key for key in stored_documents if key in documents]
    expected.extend(key for key in documents if key not in stored_documents)
    in_order = list(documents) == expected
    return TablePlan(documents=documents, doc_ids=doc_ids,
                     changed=changed if in_order else None, new_items=new_items)

"""A change of the session in words, for the user who must decide what to do with unsaved work.

"Actie ‘Woningbouwmonitor’: doel gewijzigd", "Stakeholder ‘Intermaris’ toegevoegd": one
line per item, naming the kind, the item and the fields that differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pact_tui.i18n import t
from pact_tui.model import Item

if TYPE_CHECKING:
    from pact_tui.editor import Change

_LABEL_LENGTH = 50
# The meta fields a user edits; the rest is bookkeeping (schema version, kind, profile).
_META_SHOWN = ("title", "date", "facilitator", "location", "participants", "names_consent",
               "agenda")


def describe_change(change: Change) -> list[str]:
    """One line per item (and for the session's own data) that `change` touched."""
    lines = [_item_line(step.before, step.after) for step in change.items]
    if change.meta_before is not None and change.meta_after is not None:
        before = change.meta_before.model_dump(mode="json", include=set(_META_SHOWN))
        after = change.meta_after.model_dump(mode="json", include=set(_META_SHOWN))
        fields = _changed_fields(before, after)
        lines.append(t("tui.unsaved.meta_changed", fields=", ".join(fields)))
    return lines


def _item_line(before: Item | None, after: Item | None) -> str:
    item = after or before
    assert item is not None
    kind = t(f"model.table.{item.TABLE}")
    label = _short(item.label())
    if before is None:
        return t("tui.unsaved.added", kind=kind, item=label)
    if after is None:
        return t("tui.unsaved.deleted", kind=kind, item=label)
    fields = _changed_fields(before.content(), after.content())
    return t("tui.unsaved.changed", kind=kind, item=label, fields=", ".join(fields))


def _changed_fields(before: dict[str, object], after: dict[str, object]) -> list[str]:
    names = [name for name in after if before.get(name) != after[name]]
    return [_field_label(name) for name in names]


def _field_label(name: str) -> str:
    label = t(f"model.field.{name}")
    return name if label == f"model.field.{name}" else label


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _LABEL_LENGTH else line[: _LABEL_LENGTH - 1] + "…"

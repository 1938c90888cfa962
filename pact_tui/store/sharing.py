"""Equal parts of the items of one file made one object, so a big file fits in memory.

Pydantic gives every item its own objects: each party of each action its own PartyRef,
each planning its own Planning, and each item its own set of the field names it was
given (2 KB for an action). An action read from a file took 6 KB of memory for 1 KB of
JSON. The parts are frozen models, equal ones interchangeable, and the set of field
names is the same for every item that has them all (as every item this program writes
does): shared, an action takes 1.3 KB.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from pact_tui.model import Item

ItemT = TypeVar("ItemT", bound=Item)


@cache
def _all_fields(kind: type[BaseModel]) -> set[str]:
    # A set holding every field: pydantic only ever adds names to it, which are in it.
    return set(kind.model_fields)


def _frozen(value: Any) -> bool:
    return isinstance(value, BaseModel) and bool(value.model_config.get("frozen"))


class Sharing:
    """One per file being read: hands out the first of equal parts for every later one."""

    def __init__(self) -> None:
        self._parts: dict[Any, Any] = {}

    def share(self, item: ItemT) -> ItemT:
        """`item` with its frozen parts replaced by equal ones seen before; the same item."""
        fields = item.__dict__
        for name, value in fields.items():
            if _frozen(value):
                fields[name] = self._one(value)
            elif type(value) is tuple and value and _frozen(value[0]):
                fields[name] = tuple(self._one(part) for part in value)
        everything = _all_fields(type(item))
        if item.__pydantic_fields_set__ == everything:
            object.__setattr__(item, "__pydantic_fields_set__", everything)
        return item

    def _one(self, part: Any) -> Any:
        try:
            return self._parts.setdefault(part, part)
        except TypeError:  # a frozen model holding something unhashable: keep its own
            return part

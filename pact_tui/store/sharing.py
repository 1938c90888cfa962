"""Equal parts of the items of one file made one object, so a big file fits in memory.

Pydantic gives every item its own objects: each party of each action its own PartyRef,
each planning its own Planning, and each item its own set of the field names it was
given (2 KB for an action). An action read from a file took 6 KB of memory for 1 KB of
JSON. The parts are frozen models, equal ones interchangeable, and the set of field
names is the same for every item that has them all (as every item this program writes
does): shared, an action takes 1.5 KB.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from pact_tui.model import Item

ItemT = TypeVar("ItemT", bound=Item)


@cache
def _all_fields(kind: type[BaseModel]) -> set[str]:
    # A set holding every field: pydantic only ever adds names to it, which are in it.
    return set(kind.model_fields)


@cache
def _left_out_at_default(kind: type[BaseModel]) -> frozenset[str]:
    """Fields the file leaves out at their default (the trail): read without them, an item
    still has every field."""
    return frozenset(name for name, field in kind.model_fields.items()
                     if field.exclude_if is not None)


def _options(annotation: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(annotation)
    return typing.get_args(annotation) if origin in (typing.Union, types.UnionType) \
        else (annotation,)


def _holds_dict(annotation: Any) -> bool:
    return any(option is dict or typing.get_origin(option) is dict
               for option in _options(annotation))


def _frozen_model(annotation: Any) -> bool:
    """A frozen model whose equal copies can be one object: one holding a dict (a trail's
    step, a past version) cannot be hashed, and is never equal to another item's anyway."""
    return isinstance(annotation, type) and issubclass(annotation, BaseModel) and bool(
        annotation.model_config.get("frozen")) and not any(
        _holds_dict(field.annotation) for field in annotation.model_fields.values())


@cache
def _shared_fields(kind: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of `kind` that hold one frozen model (or None), and those holding a tuple."""
    single: list[str] = []
    many: list[str] = []
    for name, field in kind.model_fields.items():
        annotation = field.annotation
        origin = typing.get_origin(annotation)
        if any(_frozen_model(option) for option in _options(annotation)):
            single.append(name)
        elif origin is tuple and any(_frozen_model(arg) for arg in typing.get_args(annotation)):
            many.append(name)
    return tuple(single), tuple(many)


class Sharing:
    """One per file being read: hands out the first of equal parts for every later one."""

    def __init__(self) -> None:
        self._parts: dict[Any, Any] = {}

    def share(self, item: ItemT) -> ItemT:
        """`item` with its frozen parts replaced by equal ones seen before; the same item."""
        kind = type(item)
        fields = item.__dict__
        single, many = _shared_fields(kind)
        for name in single:
            if fields[name] is not None:
                fields[name] = self._one(fields[name])
        for name in many:
            if fields[name]:
                fields[name] = tuple(self._one(part) for part in fields[name])
        everything = _all_fields(kind)
        given = item.__pydantic_fields_set__
        if given == everything or everything - given <= _left_out_at_default(kind):
            object.__setattr__(item, "__pydantic_fields_set__", everything)
        return item

    def _one(self, part: Any) -> Any:
        if not isinstance(part, BaseModel):
            return part
        try:
            key = (type(part), *part.__dict__.values())
            return self._parts.setdefault(key, part)
        except TypeError:  # a part holding something unhashable: it keeps its own
            return part

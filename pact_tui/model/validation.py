"""Checks that go beyond an item's own fields, and readable Dutch messages for every problem.

Pydantic checks each item on its own; here an item is checked against the session's
region profile (does its theme, scale level and horizon exist?), and pydantic's
errors are turned into one sentence that names the item and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from pact_tui.i18n import t
from pact_tui.model.errors import UserError
from pact_tui.model.items import Action, Ambition, Challenge, Item, Stakeholder, StatusNote
from pact_tui.model.profile import RegionProfile


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one item: which table, which item, which field, and what."""

    table: str
    item: str
    field: str
    message: str

    def sentence(self) -> str:
        return t("model.problem", table=t(f"model.table.{self.table}"), item=self.item,
                 field=self.field, message=self.message)


class InvalidItemError(UserError):
    """An item that does not fit its kind or its profile."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(problems[0].sentence())


def item_name(table: str, raw: Mapping[str, Any] | Item) -> str:
    """How to name an item in a message: its label if it has one, else its id."""
    if isinstance(raw, Item):
        return raw.label()[:60]
    for key in ("title", "name", "text", "organisation", "id"):
        value = raw.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:60]
    return t("model.unnamed", table=t(f"model.table.{table}").lower())


def problems_from_validation_error(
    error: ValidationError, table: str, raw: Mapping[str, Any]
) -> list[Problem]:
    """Pydantic's errors as Problems, with the field names people use."""
    problems = []
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"]) or "-"
        problems.append(
            Problem(table=table, item=item_name(table, raw), field=field_label(field),
                    message=error_message(detail))
        )
    return problems


def field_label(field: str) -> str:
    """The Dutch name of a field ("goal" -> "doel"); unknown fields as they are."""
    head = field.split(".")[0]
    label = t(f"model.field.{head}")
    return field if label == f"model.field.{head}" else field.replace(head, label, 1)


def error_message(detail: Mapping[str, Any]) -> str:
    """One of pydantic's error details (`ValidationError.errors()`) in the catalogue's words."""
    kind = str(detail.get("type", ""))
    key = f"model.error.{kind}"
    message = t(key, **(detail.get("ctx") or {}))
    if message == key:
        return t("model.error.generic", detail=str(detail.get("msg", kind)))
    return message


def check_against_profile(item: Item, profile: RegionProfile) -> list[Problem]:
    """Problems of an item whose themes, scale level or horizon are not in the profile."""
    problems: list[Problem] = []

    def unknown(field: str, value: str) -> None:
        problems.append(Problem(table=item.TABLE, item=item.label()[:60], field=field_label(field),
                                message=t("model.error.not_in_profile", value=value,
                                          profile=profile.name)))

    themes: Iterable[str] = ()
    if isinstance(item, (Action, Ambition, StatusNote)):
        themes = (item.theme,)
    elif isinstance(item, (Challenge, Stakeholder)):
        themes = item.themes
    for theme in themes:
        if profile.theme(theme) is None:
            unknown("theme" if not isinstance(item, (Challenge, Stakeholder)) else "themes", theme)
    if isinstance(item, Action):
        if item.scale is not None and profile.scale(item.scale) is None:
            unknown("scale", item.scale)
        horizon = item.planning.horizon
        if horizon is not None and profile.horizon(horizon) is None:
            unknown("planning", horizon)
    return problems


def validate_item(item_class: type[Item], raw: Mapping[str, Any], profile: RegionProfile) -> Item:
    """Build an item from raw data and check it against the profile, or raise InvalidItemError."""
    try:
        item = item_class.model_validate(raw)
    except ValidationError as error:
        raise InvalidItemError(
            problems_from_validation_error(error, item_class.TABLE, raw)
        ) from None
    problems = check_against_profile(item, profile)
    if problems:
        raise InvalidItemError(problems)
    return item

"""The columns of the action grid, built from the action template, and how a committed
cell becomes a change of an action.

Every field of `ACTION_TEMPLATE` becomes a column; what a column does beyond showing
and typing text (completing party names, expanding party groups, marking a planning
line it cannot read) follows from the field's kind. `apply_cell` turns what the user
typed (a choice key, a text, party names, a date) into one undoable change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pact_tui.editor import SessionEditor
from pact_tui.i18n import t
from pact_tui.model import Action, PartyRef, RegionProfile, Stakeholder, UserError
from pact_tui.model.dates import read_date
from pact_tui.model.parties import expand_party_groups, group_members, ranked_party_names
from pact_tui.model.planning_text import planning_problem, read_planning
from pact_tui.model.template import FieldGroup, FieldKind, TemplateField, fields_of, template_field
from pact_tui.tui.widgets.grid import CellKind, Column, Option

CELL_KINDS: dict[FieldKind, CellKind] = {
    FieldKind.TEXT: CellKind.TEXT,
    FieldKind.LONG_TEXT: CellKind.LONG_TEXT,
    FieldKind.CHOICE: CellKind.CHOICE,
    # A digit sets the horizon at once; typed, the whole line: "2 2022–2025 jaarlijks".
    FieldKind.PLANNING: CellKind.CHOICE_TEXT,
    FieldKind.PARTIES: CellKind.PARTIES,
    FieldKind.PARTY: CellKind.PARTY,
    FieldKind.DATE: CellKind.TEXT,
}


def party_names(editor: SessionEditor) -> Callable[[Action], Sequence[Option]]:
    """The names a party cell completes from: the row's own parties (so the lead is one
    keystroke away), then every name of the session, the most used first."""
    ranked: tuple[int, list[str]] = (-1, [])

    def names(action: Action) -> Sequence[Option]:
        nonlocal ranked
        if ranked[0] != editor.version:  # once per change of the session, not per key
            ranked = (editor.version, ranked_party_names(
                editor.items(Action), editor.items(Stakeholder), editor.meta.profile))
        seen: dict[str, Option] = {}
        for name in [*(p.name for p in action.parties), *ranked[1]]:
            seen.setdefault(name.casefold(), Option(name, name))
        return list(seen.values())

    return names


def action_columns(editor: SessionEditor,
                   group: FieldGroup = FieldGroup.WORKSHOP) -> list[Column]:
    """The grid columns of `group` (and the pinned ones), reading the profile and the
    stakeholders as they are when a cell is drawn or edited."""
    names = party_names(editor)
    return [_column(field, editor, names) for field in fields_of(group)]


def _column(field: TemplateField, editor: SessionEditor,
            names: Callable[[Action], Sequence[Option]]) -> Column:
    def profile() -> RegionProfile:
        return editor.meta.profile

    def options(action: Action) -> Sequence[Option]:
        if field.kind in (FieldKind.PARTIES, FieldKind.PARTY):
            return names(action)
        if field.choices is None:
            return ()
        return [Option(choice.key, choice.label) for choice in field.choices(profile())]

    problem = None
    if field.kind is FieldKind.PLANNING:
        def problem(action: Action) -> str | None:
            return planning_problem(getattr(action, field.key), profile())

    expand = None
    if field.kind is FieldKind.PARTIES:
        def expand(name: str) -> Sequence[str] | None:
            return group_members(name, profile(), editor.items(Stakeholder))

    short = field.short_label
    return Column(field.key, field.label, lambda a: field.text(a, profile()),
                  CELL_KINDS[field.kind], field.min_width, field.ratio, options=options,
                  short_title=short if short != field.label else "", problem=problem,
                  expand=expand)


@dataclass(frozen=True)
class CellOutcome:
    """What committing a cell did beyond the cell: stakeholders made, a line kept unread."""

    new_stakeholders: tuple[str, ...] = ()
    problem: str | None = None


def _cleared(key: str) -> Any:
    """What an emptied choice or date cell stores: the model's default (None, or a first
    status); a field the model cannot do without keeps the empty text, which it refuses."""
    info = Action.model_fields[key]
    return "" if info.is_required() else info.get_default(call_default_factory=True)


def cell_value(field: TemplateField, action: Action, value: Any, profile: RegionProfile,
               stakeholders: Sequence[Stakeholder] = ()) -> tuple[Any, str | None]:
    """The value `field` stores for what was committed in its cell, and a problem to say
    (a planning line kept as typed because it could not be read)."""
    kind = field.kind
    if kind is FieldKind.PLANNING:
        if isinstance(value, Option):  # a digit: only the horizon, years and timing stay
            return getattr(action, field.key).model_copy(update={"horizon": value.key}), None
        return read_planning(value, profile)
    if kind is FieldKind.CHOICE:
        return value or _cleared(field.key), None
    if kind is FieldKind.DATE:
        if not value.strip():
            return _cleared(field.key), None
        date = read_date(value)
        if date is None:
            raise UserError(t("tui.meta.bad_date", value=value))
        return date, None
    if kind is FieldKind.PARTIES:
        names = expand_party_groups(value, profile, stakeholders)
        return [PartyRef(name=n) for n in names], None
    if kind is FieldKind.PARTY:
        return (PartyRef(name=value) if value else None), None
    return value, None


def apply_cell(editor: SessionEditor, action: Action, column: str, value: Any) -> CellOutcome:
    """Change `action` for a value committed in `column`, as one undo step.

    A party name that is no stakeholder yet becomes one in the same step; a planning
    line that cannot be read is kept as typed and its problem handed back.
    """
    field = template_field(column)
    stored, problem = cell_value(field, action, value, editor.meta.profile,
                                 editor.items(Stakeholder))
    new: tuple[str, ...] = ()
    with editor.transaction():
        if field.kind is FieldKind.PARTIES:
            new, stored = editor.link_parties(stored)
        elif field.kind is FieldKind.PARTY and stored is not None:
            new, (stored,) = editor.link_parties([stored])
        editor.update(action, **{column: stored})
    return CellOutcome(new, problem)

"""The columns of the action template grid, and how a committed cell becomes a change of an action.

Thema | Actie | Doel | Schaalniveau | Planning | Betrokken partijen | Trekker. The grid
shows and edits them through these specs; `apply_cell` turns what the user typed
(a choice key, a text, party names) into one undoable change of the session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pact_tui.i18n import t
from pact_tui.model import Action, PartyRef, RegionProfile, Stakeholder
from pact_tui.model.parties import (
    expand_party_groups,
    linked,
    new_party_names,
    ranked_party_names,
)
from pact_tui.model.planning_text import format_planning, planning_problem, read_planning
from pact_tui.tui.editing import SessionEditor
from pact_tui.tui.widgets.grid import CellKind, Column, Option, join_parties

ACTION_COLUMNS = ("theme", "title", "goal", "scale", "planning", "parties", "lead")


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


def action_columns(editor: SessionEditor) -> list[Column]:
    """The seven template columns, reading the profile and stakeholders as they are now."""

    def profile() -> RegionProfile:
        return editor.meta.profile

    def themes(action: Action) -> Sequence[Option]:
        return [Option(theme.key, theme.label) for theme in profile().themes]

    def scales(action: Action) -> Sequence[Option]:
        return [Option(scale.key, scale.label) for scale in profile().scales]

    def horizons(action: Action) -> Sequence[Option]:
        return [Option(horizon.key, horizon.label) for horizon in profile().horizons]

    names = party_names(editor)
    return [
        Column("theme", t("tui.actions.col.theme"),
               lambda a: profile().theme_label(a.theme), CellKind.CHOICE, 9, 1.0,
               options=themes),
        Column("title", t("tui.actions.col.title"), lambda a: a.title, CellKind.LONG_TEXT,
               12, 4.0),
        Column("goal", t("tui.actions.col.goal"), lambda a: a.goal, CellKind.LONG_TEXT, 8, 3.0),
        Column("scale", t("tui.actions.col.scale"),
               lambda a: profile().scale_label(a.scale) if a.scale else "", CellKind.CHOICE,
               7, 0.8, options=scales, short_title=t("tui.actions.col.scale_short")),
        # A digit sets the horizon at once; typed, the whole line: "2 2022–2025 jaarlijks".
        Column("planning", t("tui.actions.col.planning"),
               lambda a: format_planning(a.planning, profile()), CellKind.CHOICE_TEXT, 7, 0.8,
               options=horizons,
               problem=lambda a: planning_problem(a.planning, profile())),
        Column("parties", t("tui.actions.col.parties"),
               lambda a: join_parties([p.name for p in a.parties]), CellKind.PARTIES, 8, 2.0,
               options=names, short_title=t("tui.actions.col.parties_short"),
               expand=lambda name: profile().party_group(name)),
        Column("lead", t("tui.actions.col.lead"), lambda a: a.lead.name if a.lead else "",
               CellKind.PARTY, 7, 1.0, options=names),
    ]


def party_ref(name: str, stakeholders: Sequence[Stakeholder]) -> PartyRef:
    """A party by name, linked to the stakeholder of that name when there is one."""
    return linked(name, stakeholders)


@dataclass(frozen=True)
class CellOutcome:
    """What committing a cell did beyond the cell: stakeholders made, a line kept unread."""

    new_stakeholders: tuple[str, ...] = ()
    problem: str | None = None


def apply_cell(editor: SessionEditor, action: Action, column: str, value: Any) -> CellOutcome:
    """Change `action` for a value committed in `column`, as one undo step.

    A party or lead name that is no stakeholder yet becomes one in the same step; a
    planning line that cannot be read is kept as typed and its problem handed back.
    """
    profile = editor.meta.profile
    problem = None
    if column == "planning":
        if isinstance(value, Option):  # a digit: only the horizon, years and timing stay
            changes: dict[str, Any] = {
                "planning": action.planning.model_copy(update={"horizon": value.key})}
        else:
            planning, problem = read_planning(value, profile)
            changes = {"planning": planning}
    elif column == "scale":
        changes = {"scale": value or None}
    elif column == "parties":
        changes = {"parties": [PartyRef(name=n) for n in expand_party_groups(value, profile)]}
    elif column == "lead":
        changes = {"lead": PartyRef(name=value) if value else None}
    else:
        changes = {column: value}
    new: list[str] = []
    with editor.transaction():
        if column in ("parties", "lead"):
            refs = changes[column] if column == "parties" else [changes["lead"]]
            new = new_party_names(refs, editor.items(Stakeholder))
            for name in new:
                editor.add(Stakeholder(name=name))
            stakeholders = editor.items(Stakeholder)
            if column == "parties":
                changes["parties"] = tuple(linked(r.name, stakeholders) for r in refs)
            elif changes["lead"] is not None:
                changes["lead"] = linked(changes["lead"].name, stakeholders)
        editor.update(action, **changes)
    return CellOutcome(tuple(new), problem)

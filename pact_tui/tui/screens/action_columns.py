"""The columns of the action template grid, and how a committed cell becomes a change of an action.

Thema | Actie | Doel | Schaalniveau | Planning | Betrokken partijen | Trekker. The grid
shows and edits them through these specs; `changes_for` turns what the user typed
(a choice key, a text, party names) into the fields `SessionEditor.update` takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pact_tui.i18n import t
from pact_tui.model import Action, PartyRef, RegionProfile, Stakeholder
from pact_tui.model.planning_text import format_planning, parse_planning
from pact_tui.tui.editing import SessionEditor
from pact_tui.tui.widgets.grid import CellKind, Column, Option, join_parties

ACTION_COLUMNS = ("theme", "title", "goal", "scale", "planning", "parties", "lead")


def party_names(editor: SessionEditor) -> Callable[[Action], Sequence[Option]]:
    """The names a party cell completes from: the row's own parties (so the lead is one
    keystroke away), the stakeholders, then the municipalities."""

    def names(action: Action) -> Sequence[Option]:
        seen: dict[str, Option] = {}
        for name in [
            *(p.name for p in action.parties),
            *(s.name for s in editor.items(Stakeholder)),
            *editor.meta.profile.municipalities,
        ]:
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
               options=horizons),
        Column("parties", t("tui.actions.col.parties"),
               lambda a: join_parties([p.name for p in a.parties]), CellKind.PARTIES, 8, 2.0,
               options=names, short_title=t("tui.actions.col.parties_short")),
        Column("lead", t("tui.actions.col.lead"), lambda a: a.lead.name if a.lead else "",
               CellKind.PARTY, 7, 1.0, options=names),
    ]


def party_ref(name: str, stakeholders: Sequence[Stakeholder]) -> PartyRef:
    """A party by name, linked to the stakeholder of that name when there is one."""
    folded = name.casefold()
    match = next((s for s in stakeholders if s.name.casefold() == folded), None)
    return PartyRef(name=match.name if match else name,
                    stakeholder_id=match.id if match else None)


def changes_for(action: Action, column: str, value: Any, editor: SessionEditor) -> dict[str, Any]:
    """The fields to change on `action` for a value committed in `column`.

    Raises a UserError (PlanningTextError) for a planning line that cannot be read.
    """
    stakeholders = editor.items(Stakeholder)
    if column == "planning":
        if isinstance(value, Option):  # a digit: only the horizon, years and timing stay
            return {"planning": action.planning.model_copy(update={"horizon": value.key})}
        return {"planning": parse_planning(value, editor.meta.profile)}
    if column == "scale":
        return {"scale": value or None}
    if column == "parties":
        return {"parties": tuple(party_ref(name, stakeholders) for name in value)}
    if column == "lead":
        return {"lead": party_ref(value, stakeholders) if value else None}
    return {column: value}

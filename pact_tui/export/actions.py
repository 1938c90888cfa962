"""The actions per theme as tables in the template's columns, split by planning horizon.

The tables need the width, so this chapter is a landscape section. An action that
is an open point (no goal, lead or parties) gets a Word comment on its row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pact_tui.export.draft import Draft
from pact_tui.export.grouping import horizon_groups, theme_keys
from pact_tui.export.priorities import with_priority
from pact_tui.export.tables import Column
from pact_tui.export.wording import horizon_heading, joined, party_lines, planning_cell
from pact_tui.i18n import t, tn
from pact_tui.model import Action, RegionProfile
from pact_tui.model.rules import ALTERNATIVES, open_points
from pact_tui.model.template import ACTION_TEMPLATE, FieldKind, TemplateField
from pact_tui.model.validation import field_label

# The Word table's own wording where it differs from the app's one line per field:
# planning as a sentence, one party a line.
_WORDING: dict[FieldKind, Callable[[RegionProfile, Any], str]] = {
    FieldKind.PLANNING: planning_cell,
    FieldKind.PARTIES: lambda _, parties: party_lines(parties),
}


def table_fields() -> tuple[TemplateField, ...]:
    """The template's fields that have a column in the Word table, in template order."""
    return tuple(field for field in ACTION_TEMPLATE if field.page_share > 0)


def action_columns() -> list[Column]:
    """Actie, Doel, Schaalniveau, Planning, Betrokken partijen, Trekker (the template's
    fields with a share of the page)."""
    return [Column(field.label, field.page_share) for field in table_fields()]


def action_row(profile: RegionProfile, action: Action) -> list[str]:
    """The cells of an action's row, in the order of `action_columns`."""
    return [_WORDING[field.kind](profile, getattr(action, field.key)) if field.kind in _WORDING
            else field.text(action, profile) for field in table_fields()]


def _with_ambitions(draft: Draft) -> Callable[[Action], list[str]]:
    """An action's cells, its title followed by the ambitions it serves: the reader sees why."""
    titles = {ambition.id: ambition.title for ambition in draft.session.ambitions}
    title_column = [field.key for field in table_fields()].index("title")

    def cells(action: Action) -> list[str]:
        row = action_row(draft.profile, action)
        served = [t("export.doc.quoted", text=titles[key])
                  for key in action.ambition_ids if key in titles]
        if served:
            row[title_column] += "\n" + tn("export.actions.serves", len(served),
                                            ambitions=joined(served))
        return row

    return cells


def _open_point_comment(action: Action) -> str:
    """"Nog in te vullen: trekker." and the facilitator's notes, which often say why."""
    missing = [field for field in open_points(action) if field != ALTERNATIVES]
    sentences = []
    if missing:
        fields = joined([field_label(field) for field in missing])
        sentences.append(t("export.comment.open_point", fields=fields))
    if len(missing) < len(open_points(action)):
        sentences.append(t("export.comment.alternatives"))
    if action.notes:
        sentences.append(t("export.comment.notes", notes=action.notes))
    return " ".join(sentences)


def write_actions(draft: Draft, progress: Callable[[float], None]) -> None:
    """`progress` gets the share of themes done, for long programmes."""
    session = draft.session
    if not session.actions:
        return
    draft.landscape(True)
    draft.heading(t("export.actions.heading"), 1)
    draft.paragraph(t("export.actions.intro"), keep_with_next=True)
    keys = theme_keys(session)
    heads, cells = with_priority(session, action_columns(), _with_ambitions(draft))
    for number, key in enumerate(keys, start=1):
        actions = [action for action in session.actions if action.theme == key]
        if actions:
            draft.heading(draft.profile.theme_label(key), 2)
            for horizon, group in horizon_groups(session, actions):
                heading = horizon_heading(draft.profile, horizon)
                draft.heading(heading, 3)
                caption = t("export.actions.caption", theme=draft.profile.theme_label(key),
                            horizon=heading)
                rows = draft.table(heads, (cells(action) for action in group), caption)
                for row, action in zip(rows, group, strict=True):
                    if open_points(action):
                        draft.comment(row, _open_point_comment(action))
        progress(number / len(keys))
    draft.landscape(False)

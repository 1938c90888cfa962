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
from pact_tui.export.wording import horizon_heading, joined, party_lines, planning_text
from pact_tui.i18n import t
from pact_tui.model import Action, RegionProfile
from pact_tui.model.rules import open_points
from pact_tui.model.template import ACTION_TEMPLATE, FieldKind, TemplateField
from pact_tui.model.validation import field_label

# The Word table's own wording where it differs from the app's one line per field:
# planning as a sentence, one party a line.
_WORDING: dict[FieldKind, Callable[[Any], str]] = {
    FieldKind.PLANNING: planning_text,
    FieldKind.PARTIES: party_lines,
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
    return [_WORDING[field.kind](getattr(action, field.key)) if field.kind in _WORDING
            else field.text(action, profile) for field in table_fields()]


def write_actions(draft: Draft, progress: Callable[[float], None]) -> None:
    """`progress` gets the share of themes done, for long programmes."""
    session = draft.session
    if not session.actions:
        return
    draft.landscape(True)
    draft.heading(t("export.actions.heading"), 1)
    draft.paragraph(t("export.actions.intro"), keep_with_next=True)
    keys = theme_keys(session)
    heads, cells = with_priority(session, action_columns(),
                                 lambda action: action_row(draft.profile, action))
    for number, key in enumerate(keys, start=1):
        actions = [action for action in session.actions if action.theme == key]
        if actions:
            draft.heading(draft.profile.theme_label(key), 2)
            for horizon, group in horizon_groups(session, actions):
                draft.heading(horizon_heading(draft.profile, horizon), 3)
                rows = draft.table(heads, (cells(action) for action in group))
                for row, action in zip(rows, group, strict=True):
                    missing = open_points(action)
                    if missing:
                        fields = joined([field_label(field) for field in missing])
                        draft.comment(row, t("export.comment.open_point", fields=fields))
        progress(number / len(keys))
    draft.landscape(False)

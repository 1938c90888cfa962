"""The detail pane's text for one action: every filled field of the template, and what
the action still misses.

Fields are placed by kind, so a new field of the template shows without an edit here:
the choices, planning and dates on one bold line; the pinned text (the action itself);
every other text with its label; what is missing; last the lead, then the parties, whose
list may run past the pane's bottom edge.
"""

from __future__ import annotations

from rich.text import Text

from pact_tui.i18n import t
from pact_tui.model import Action, RegionProfile
from pact_tui.model.planning_text import planning_problem
from pact_tui.model.rules import missing_fields
from pact_tui.model.template import ACTION_TEMPLATE, FieldKind, template_field

_HEAD = frozenset({FieldKind.CHOICE, FieldKind.PLANNING, FieldKind.DATE})
_PEOPLE = frozenset({FieldKind.PARTY, FieldKind.PARTIES})


def action_detail(action: Action, profile: RegionProfile) -> Text:
    """The pane's text for `action`."""
    filled = [(field, field.text(action, profile)) for field in ACTION_TEMPLATE
              if field.filled(action)]
    text = Text()
    text.append(" · ".join(shown for field, shown in filled if field.kind in _HEAD),
                style="bold")
    for field, shown in filled:
        if field.kind in _HEAD or field.kind in _PEOPLE:
            continue
        if field.pinned:
            text.append("\n" + shown)
        else:
            text.append("\n" + t("tui.actions.detail_field", label=field.label) + " ",
                        style="bold")
            text.append(shown)
    missing = missing_fields(action)
    if missing:
        names = ", ".join(
            t("tui.actions.unreadable", field=template_field(name).missing_label)
            if name == "planning" and planning_problem(action.planning, profile)
            else template_field(name).missing_label for name in missing)
        text.append("\n" + t("tui.actions.missing", fields=names), style="bold yellow")
    else:
        text.append("\n" + t("tui.actions.complete"), style="green")
    # A single party (the lead) before the lists, which may run past the bottom edge.
    people = [t("tui.actions.detail_field", label=field.short_label) + " " + shown
              for field, shown in sorted(filled, key=lambda pair: pair[0].kind is FieldKind.PARTIES)
              if field.kind in _PEOPLE]
    if people:
        text.append("\n" + " · ".join(people))
    return text

"""Samen optrekken: per partner, what it commits to for which action and in which role."""

from __future__ import annotations

from pact_tui.export.draft import Draft
from pact_tui.export.tables import columns
from pact_tui.i18n import t
from pact_tui.model import Commitment
from pact_tui.model.rules import ordered_actions


def partner_groups(draft: Draft) -> list[tuple[str, list[Commitment]]]:
    """Commitments per party (a stakeholder, else its name), parties in alphabetical order."""
    groups: dict[str, list[Commitment]] = {}
    names: dict[str, str] = {}
    actions = ordered_actions(draft.session.actions)
    order = {action.id: index for index, action in enumerate(actions)}
    for commitment in draft.session.commitments:
        if commitment.action_id not in order:
            continue
        party = commitment.party
        key = party.stakeholder_id or " ".join(party.name.casefold().split())
        groups.setdefault(key, []).append(commitment)
        names.setdefault(key, party.name)
    return sorted(((names[key], sorted(group, key=lambda c: order[c.action_id]))
                   for key, group in groups.items()),
                  key=lambda pair: pair[0].casefold())


def write_partners(draft: Draft) -> None:
    groups = partner_groups(draft)
    if not groups:
        return
    actions = {action.id: action for action in draft.session.actions}
    draft.heading(t("export.partners.heading"), 1, new_page=True)
    draft.paragraph(t("export.partners.intro"))
    heads = columns(("export.partners.col.action", 5), ("export.partners.col.theme", 3),
                    ("export.partners.col.role", 2), ("export.partners.col.commitment", 6))
    for name, commitments in groups:
        draft.heading(name, 2)
        draft.table(heads, ([actions[c.action_id].title,
                               draft.profile.theme_label(actions[c.action_id].theme),
                               t(f"export.role.{c.role}"), c.text] for c in commitments))

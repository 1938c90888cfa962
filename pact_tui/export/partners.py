"""Samen optrekken: per partner, what it commits to for which action and in which role.

Partners are grouped under the kind of organisation they are (the stakeholder's
category), so the table of contents stays short when many partners commit.
"""

from __future__ import annotations

from pact_tui.export.draft import Draft
from pact_tui.export.tables import columns
from pact_tui.i18n import t
from pact_tui.model import Commitment, PartyRef, Stakeholder
from pact_tui.model.rules import ordered_actions

Partner = tuple[str, list[Commitment]]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def partner_groups(draft: Draft) -> list[tuple[str, list[Partner]]]:
    """(category, partners) pairs; each partner with its commitments in the actions' order.

    Categories and partners are in alphabetical order; partners whose kind is not
    known come last under "other partners".
    """
    session = draft.session
    order = {action.id: index for index, action in enumerate(ordered_actions(session.actions))}
    by_id = {stakeholder.id: stakeholder for stakeholder in session.stakeholders}
    by_name = {_key(stakeholder.name): stakeholder for stakeholder in session.stakeholders}

    def stakeholder_of(party: PartyRef) -> Stakeholder | None:
        found = by_id.get(party.stakeholder_id or "")
        return found or by_name.get(_key(party.name))

    partners: dict[str, Partner] = {}
    categories: dict[str, str] = {}
    for commitment in session.commitments:
        if commitment.action_id not in order:
            continue
        stakeholder = stakeholder_of(commitment.party)
        key = stakeholder.id if stakeholder else _key(commitment.party.name)
        name = stakeholder.name if stakeholder else commitment.party.name
        partners.setdefault(key, (name, []))[1].append(commitment)
        categories[key] = stakeholder.category if stakeholder else ""
    groups: dict[str, list[Partner]] = {}
    for key, (name, commitments) in partners.items():
        commitments.sort(key=lambda c: order[c.action_id])
        groups.setdefault(_key(categories[key]), []).append((name, commitments))
    labels = {_key(category): category for category in categories.values()}

    def category_rank(key: str) -> tuple[bool, str]:
        return (not key, key)

    return [
        (_heading(labels[key]), sorted(groups[key], key=lambda partner: partner[0].casefold()))
        for key in sorted(groups, key=category_rank)
    ]


def _heading(category: str) -> str:
    category = category.strip()
    return category[:1].upper() + category[1:] if category else t("export.partners.other")


def write_partners(draft: Draft) -> None:
    groups = partner_groups(draft)
    if not groups:
        return
    actions = {action.id: action for action in draft.session.actions}
    draft.heading(t("export.partners.heading"), 1, new_page=True)
    draft.paragraph(t("export.partners.intro"))
    heads = columns(("export.partners.col.action", 5), ("export.partners.col.theme", 3),
                    ("export.partners.col.role", 2), ("export.partners.col.commitment", 6))
    # With no kinds of organisation known, a level of headings would say nothing.
    partner_level = 3 if len(groups) > 1 or groups[0][0] != t("export.partners.other") else 2
    for category, partners in groups:
        if partner_level == 3:
            draft.heading(category, 2)
        for name, commitments in partners:
            draft.heading(name, partner_level)
            draft.table(heads, ([actions[c.action_id].title,
                                 draft.profile.theme_label(actions[c.action_id].theme),
                                 t(f"export.role.{c.role}"), c.text] for c in commitments))

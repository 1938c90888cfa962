"""Samen optrekken: per partner, what it commits to for which action and in which role.

Partners are grouped under the kind of organisation they are (the stakeholder's
category): the municipalities first, the other kinds in alphabetical order, partners
of no known kind last. Each group opens with a sentence saying how many partners
commit to how much, and names the partners that are involved in an action but have
not committed to anything yet, so no partner disappears from the chapter unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pact_tui.export.draft import Draft
from pact_tui.export.tables import columns
from pact_tui.export.wording import count, joined
from pact_tui.i18n import t
from pact_tui.model import Commitment, PartyRef, Session, Stakeholder
from pact_tui.model.parties import name_key
from pact_tui.model.rules import is_municipality, ordered_actions


@dataclass
class Group:
    """One kind of organisation: its heading, its partners' commitments, who has none yet."""

    heading: str
    municipal: bool = False
    partners: list[tuple[str, list[Commitment]]] = field(default_factory=list)
    uncommitted: list[str] = field(default_factory=list)


def partner_groups(session: Session) -> list[Group]:
    """The groups in the order the chapter shows them; none before anyone has committed."""
    actions = ordered_actions(session.actions)
    order = {action.id: index for index, action in enumerate(actions)}
    by_id = {stakeholder.id: stakeholder for stakeholder in session.stakeholders}
    by_name = {name_key(stakeholder.name): stakeholder for stakeholder in session.stakeholders}
    municipalities = session.profile.municipalities

    def identity(party: PartyRef) -> tuple[str, str, str]:
        """(key, name, category) of a party, through its stakeholder when there is one."""
        found: Stakeholder | None = by_id.get(party.stakeholder_id or "")
        found = found or by_name.get(name_key(party.name))
        if found is None:
            return name_key(party.name), party.name, ""
        return found.id, found.name, found.category

    committed: dict[str, tuple[str, str, list[Commitment]]] = {}
    for commitment in session.commitments:
        if commitment.action_id in order:
            key, name, category = identity(commitment.party)
            committed.setdefault(key, (name, category, []))[2].append(commitment)
    if not committed:
        return []
    involved: dict[str, tuple[str, str]] = {}
    for action in actions:
        for party in (*action.parties, *((action.lead,) if action.lead else ())):
            key, name, category = identity(party)
            if key not in committed and party.name.strip():
                involved.setdefault(key, (name, category))

    groups: dict[str, Group] = {}

    def group_of(name: str, category: str) -> Group:
        if is_municipality(name, category, municipalities):
            return groups.setdefault("", Group(t("export.partners.municipalities"), True))
        if not category.strip():
            return groups.setdefault("\uffff", Group(t("export.partners.other")))
        return groups.setdefault(name_key(category), Group(_capital(category)))

    for name, category, commitments in committed.values():
        commitments.sort(key=lambda c: order[c.action_id])
        group_of(name, category).partners.append((name, commitments))
    for name, category in involved.values():
        group_of(name, category).uncommitted.append(name)
    for group in groups.values():
        group.partners.sort(key=lambda partner: partner[0].casefold())
        group.uncommitted.sort(key=str.casefold)
    return [groups[key] for key in sorted(groups)]


def _capital(text: str) -> str:
    text = text.strip()
    if text.startswith("één"):
        # Dutch capitalises the accented "één" as "Eén".
        return "Eén" + text[3:]
    return text[:1].upper() + text[1:]


def _amount(number: int, noun: str) -> str:
    """`één actie`, `drie acties`: `noun` is the catalogue's "singular|plural"."""
    one, many = t(noun).split("|")
    return f"{count(number)} {one if number == 1 else many}"


def group_sentence(group: Group) -> str:
    """`Zeven gemeenten zeggen samen twaalf bijdragen toe, bij negen acties.` and who has not."""
    sentences = []
    if group.partners:
        commitments = [c for _, found in group.partners for c in found]
        noun = "export.noun.municipality" if group.municipal else "export.noun.partner"
        key = "export.partners.group_one" if len(group.partners) == 1 else "export.partners.group"
        sentences.append(_capital(t(
            key, partners=_amount(len(group.partners), noun),
            commitments=_amount(len(commitments), "export.noun.commitment"),
            actions=_amount(len({c.action_id for c in commitments}), "export.noun.action"))))
    if group.uncommitted:
        sentences.append(t("export.partners.uncommitted", names=joined(group.uncommitted)))
    return " ".join(sentences)


def write_partners(draft: Draft, groups: list[Group]) -> None:
    """The chapter for `groups` (from `partner_groups`); nothing when there are none."""
    if not groups:
        return
    actions = {action.id: action for action in draft.session.actions}
    draft.heading(t("export.partners.heading"), 1, new_page=True)
    draft.paragraph(t("export.partners.intro"), keep_with_next=True)
    heads = columns(("export.partners.col.action", 5), ("export.partners.col.theme", 3.6),
                    ("export.partners.col.role", 1.8), ("export.partners.col.commitment", 5.6))
    # With no kinds of organisation known, a level of headings would say nothing.
    single = len(groups) == 1 and groups[0].heading == t("export.partners.other")
    partner_level = 2 if single else 3
    for group in groups:
        if not single:
            draft.heading(group.heading, 2)
        draft.paragraph(group_sentence(group), keep_with_next=bool(group.partners))
        for name, commitments in group.partners:
            draft.heading(name, partner_level)
            draft.table(heads, ([actions[c.action_id].title,
                                 draft.profile.theme_label(actions[c.action_id].theme),
                                 t(f"export.role.{c.role}"), c.text] for c in commitments))

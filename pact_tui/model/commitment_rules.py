"""Commitments that contradict each other (one party twice at one action, or two leads) or
have lost their action (an orphan: the action id names no action of the file).

None makes a file invalid (a session may hold them while people still talk, and an
orphan is a partner's promise not to be dropped on reading), but each is something to
settle before the programme goes out; `pact-tui check` warns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from pact_tui.i18n import t
from pact_tui.model.items import Action, Commitment, PartyRef
from pact_tui.model.parties import name_key


def _party(ref: PartyRef) -> str:
    return ref.stakeholder_id or name_key(ref.name)


def orphaned(commitments: Iterable[Commitment], action_ids: Collection[str]) -> list[Commitment]:
    """The commitments whose action is not among `action_ids`, in the order given."""
    return [commitment for commitment in commitments if commitment.action_id not in action_ids]


def commitment_warnings(actions: Iterable[Action], commitments: Iterable[Commitment]) -> list[str]:
    """One sentence per action that has a party twice among its commitments, one per action
    with more than one lead (its own lead and the commitments as trekker), and one per
    commitment whose action is not there."""
    actions, commitments = list(actions), list(commitments)
    warnings = [t("model.warning.orphan", party=commitment.party.name,
                  text=commitment.text or "—", action_id=commitment.action_id)
                for commitment in orphaned(commitments, {action.id for action in actions})]
    by_action: dict[str, list[Commitment]] = defaultdict(list)
    for commitment in commitments:
        by_action[commitment.action_id].append(commitment)
    for action in actions:
        own = by_action.get(action.id, [])
        names: dict[str, list[str]] = defaultdict(list)
        for commitment in own:
            names[_party(commitment.party)].append(commitment.party.name)
        for spelled in names.values():
            if len(spelled) > 1:
                warnings.append(t("model.warning.party_twice", action=action.title,
                                  party=spelled[0], n=len(spelled)))
        leads = dict.fromkeys(
            ([(_party(action.lead), action.lead.name)] if action.lead is not None else [])
            + [(_party(c.party), c.party.name) for c in own if c.role == "trekker"])
        distinct = {key: name for key, name in leads}
        if len(distinct) > 1:
            warnings.append(t("model.warning.two_leads", action=action.title, n=len(distinct),
                              parties=", ".join(distinct.values())))
    return warnings

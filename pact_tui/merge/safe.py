"""Which proposed duplicates are safe to combine without a person (`merge --duplicates combine`).

Only near-identical wording or the same name, and never two items that name different
leads or roles: combining keeps one item whole, so the other's lead would quietly become
a history entry. Everything else is left for a person, and the report says so.
"""

from __future__ import annotations

from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.result import DuplicateProposal
from pact_tui.merge.signals import NAME, WORDING
from pact_tui.model import Action, Commitment, Item, PartyRef

SAFE_SCORE = 95.0
"""The least score of a wording or name signal that combines without a person."""


def _party(ref: PartyRef | None) -> str | None:
    if ref is None:
        return None
    return ref.stakeholder_id or normalize_text(ref.name)


def disagree_on_lead(first: Item, second: Item) -> bool:
    """Whether two items name different leads (an action's lead, a commitment's party
    and role): combining them would keep one and hide the other."""
    if isinstance(first, Action) and isinstance(second, Action):
        leads = {_party(first.lead), _party(second.lead)} - {None}
        return len(leads) > 1
    if isinstance(first, Commitment) and isinstance(second, Commitment):
        return (_party(first.party), first.role) != (_party(second.party), second.role)
    return False


def is_safe(proposal: DuplicateProposal, first: Item | None, second: Item | None) -> bool:
    """Whether `proposal` (between `first` and `second`) may be combined without a person."""
    if first is None or second is None or disagree_on_lead(first, second):
        return False
    return any(signal.kind in (WORDING, NAME) and signal.score >= SAFE_SCORE
               for signal in proposal.signals)

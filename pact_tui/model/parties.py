"""The rules for the parties of an action: which names to offer first, which are new,
and what a party group stands for.

Used by the action grid while the facilitator types; pure functions over the items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from pact_tui.model.items import Action, PartyRef, Stakeholder
from pact_tui.model.profile import RegionProfile


def ranked_party_names(actions: Iterable[Action], stakeholders: Sequence[Stakeholder],
                       profile: RegionProfile) -> list[str]:
    """Every name a party cell can complete to, the most used in this session first.

    The names parties already carry (new ones too, before they are stakeholders), the
    stakeholders and the profile's municipalities, each once (any case); equal use keeps
    that order.
    """
    uses: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for action in actions:
        refs = [*action.parties, *([action.lead] if action.lead else [])]
        for ref in refs:
            folded = ref.name.casefold()
            uses[folded] += 1
            spelled.setdefault(folded, ref.name)
    for name in [*(s.name for s in stakeholders), *profile.municipalities]:
        spelled.setdefault(name.casefold(), name)
    order = {folded: index for index, folded in enumerate(spelled)}
    return [spelled[folded] for folded in sorted(spelled, key=lambda f: (-uses[f], order[f]))]


def expand_party_groups(names: Sequence[str], profile: RegionProfile) -> list[str]:
    """The names with every party group ("7g") replaced by its members, each name once."""
    expanded: list[str] = []
    for name in names:
        expanded.extend(profile.party_group(name) or (name,))
    folded: dict[str, str] = {}
    for name in expanded:
        folded.setdefault(name.casefold(), name)
    return list(folded.values())


def new_party_names(refs: Iterable[PartyRef | None],
                    stakeholders: Sequence[Stakeholder]) -> list[str]:
    """The names among `refs` that are no stakeholder yet: the ones to add when a row is
    committed. Each once, in the order typed."""
    known = {s.name.casefold() for s in stakeholders}
    new: dict[str, str] = {}
    for ref in refs:
        if ref is not None and ref.name.casefold() not in known:
            new.setdefault(ref.name.casefold(), ref.name)
    return list(new.values())


def linked(name: str, stakeholders: Sequence[Stakeholder]) -> PartyRef:
    """A party by name, linked to the stakeholder of that name (any case) when there is one."""
    folded = name.casefold()
    match = next((s for s in stakeholders if s.name.casefold() == folded), None)
    return PartyRef(name=match.name if match else name,
                    stakeholder_id=match.id if match else None)

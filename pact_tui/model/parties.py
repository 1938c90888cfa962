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
    known = {name_key(s.name) for s in stakeholders}
    new: dict[str, str] = {}
    for ref in refs:
        if ref is not None and name_key(ref.name) not in known:
            new.setdefault(name_key(ref.name), ref.name)
    return list(new.values())


def name_key(name: str) -> str:
    """What two spellings of one party's name have in common: any case, any spacing."""
    return " ".join(name.casefold().split())


def find_stakeholder(name: str, stakeholders: Iterable[Stakeholder]) -> Stakeholder | None:
    """The stakeholder called `name` (any case, any spacing), or None."""
    key = name_key(name)
    return next((s for s in stakeholders if name_key(s.name) == key), None)


def linked(name: str, stakeholders: Sequence[Stakeholder]) -> PartyRef:
    """A party by name, linked to the stakeholder of that name (any case) when there is one."""
    match = find_stakeholder(name, stakeholders)
    return PartyRef(name=match.name if match else name,
                    stakeholder_id=match.id if match else None)

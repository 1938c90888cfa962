"""The rules for the parties of an action: which names to offer first, which are new,
what a party group stands for, and which spellings mean one party.

One party may be typed several ways: any case and spacing, its abbreviation
("WBG" for "Westfriese Bedrijvengroep (WBG)") or its name without it, and a
municipality of the region bare or as "Gemeente Hoorn". A name that means a
stakeholder always means that stakeholder, never a party group of the same name.

Used by the action grid while the facilitator types; pure functions over the items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from pact_tui.model.items import Action, PartyRef, Stakeholder
from pact_tui.model.party_names import MUNICIPALITY_PREFIX, municipality_of, name_forms
from pact_tui.model.party_names import name_key as name_key  # where the grid's callers look
from pact_tui.model.profile import RegionProfile


class PartyLookup:
    """The stakeholders by every spelling that means them, for many look-ups in a row."""

    def __init__(self, stakeholders: Iterable[Stakeholder],
                 municipalities: Iterable[str] = ()) -> None:
        self.municipalities = tuple(municipalities)
        self._places = {name_key(place) for place in self.municipalities}
        self._exact: dict[str, Stakeholder] = {}
        self._forms: dict[str, Stakeholder] = {}
        self._keys: dict[str, str] = {}
        for stakeholder in stakeholders:
            self._exact.setdefault(name_key(stakeholder.name), stakeholder)
            for form in name_forms(stakeholder.name, self.municipalities):
                self._forms.setdefault(form, stakeholder)

    def find(self, name: str) -> Stakeholder | None:
        """The stakeholder `name` means, or None: one called so (any case, any spacing)
        first, else one whose abbreviation or municipality form it is."""
        exact = self._exact.get(name_key(name))
        if exact is not None:
            return exact
        return next((self._forms[form] for form in sorted(name_forms(name, self.municipalities))
                     if form in self._forms), None)

    def key(self, name: str) -> str:
        """One key per party: its stakeholder's name, else a municipality as "gemeente
        hoorn", else the name in any case and spacing."""
        key = self._keys.get(name)
        if key is None:  # a session repeats a few dozen names thousands of times
            match = self.find(name)
            place = municipality_of(name_key(name), self._places)
            key = (name_key(match.name) if match is not None
                   else f"{MUNICIPALITY_PREFIX} {place}" if place is not None
                   else name_key(name))
            self._keys[name] = key
        return key

    def linked(self, name: str) -> PartyRef:
        """A party by name, linked to the stakeholder it means when there is one (then
        spelled as that stakeholder)."""
        match = self.find(name)
        return PartyRef(name=match.name if match else name,
                        stakeholder_id=match.id if match else None)


def find_stakeholder(name: str, stakeholders: Iterable[Stakeholder],
                     municipalities: Iterable[str] = ()) -> Stakeholder | None:
    """The stakeholder `name` means (see `PartyLookup.find`), or None."""
    return PartyLookup(stakeholders, municipalities).find(name)


def linked(name: str, stakeholders: Sequence[Stakeholder],
           municipalities: Iterable[str] = ()) -> PartyRef:
    """A party by name, linked to the stakeholder it means (see `PartyLookup.linked`)."""
    return PartyLookup(stakeholders, municipalities).linked(name)


def group_members(name: str, profile: RegionProfile,
                  stakeholders: Sequence[Stakeholder]) -> tuple[str, ...] | None:
    """The members of the party group `name` stands for, or None: a name that means a
    stakeholder (name or abbreviation, any case) is that stakeholder, not a group."""
    members = profile.party_group(name)
    if members is None or find_stakeholder(name, stakeholders, profile.municipalities):
        return None
    return members


def ranked_party_names(actions: Iterable[Action], stakeholders: Sequence[Stakeholder],
                       profile: RegionProfile) -> list[str]:
    """Every name a party cell can complete to, the most used in this session first.

    The names parties already carry (new ones too, before they are stakeholders), the
    stakeholders and the profile's municipalities, each party once: spelled as its
    stakeholder when it has one, a municipality without one as "Gemeente Hoorn". Equal
    use keeps that order.
    """
    lookup = PartyLookup(stakeholders, profile.municipalities)
    uses: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for stakeholder in stakeholders:
        spelled.setdefault(name_key(stakeholder.name), stakeholder.name)
    for action in actions:
        for ref in [*action.parties, *([action.lead] if action.lead else [])]:
            key = lookup.key(ref.name)
            uses[key] += 1
            spelled.setdefault(key, ref.name)
    for place in profile.municipalities:
        spelled.setdefault(lookup.key(place), f"{MUNICIPALITY_PREFIX.capitalize()} {place}")
    order = {key: index for index, key in enumerate(spelled)}
    return [spelled[key] for key in sorted(spelled, key=lambda k: (-uses[k], order[k]))]


def expand_party_groups(names: Sequence[str], profile: RegionProfile,
                        stakeholders: Sequence[Stakeholder] = ()) -> list[str]:
    """The names with every party group ("7g") replaced by its members, each name once;
    a name that means one of `stakeholders` stays that name."""
    expanded: list[str] = []
    for name in names:
        expanded.extend(group_members(name, profile, stakeholders) or (name,))
    folded: dict[str, str] = {}
    for name in expanded:
        folded.setdefault(name.casefold(), name)
    return list(folded.values())


def new_party_names(refs: Iterable[PartyRef | None], stakeholders: Sequence[Stakeholder],
                    municipalities: Iterable[str] = ()) -> list[str]:
    """The names among `refs` that are no stakeholder yet: the ones to add when a row is
    committed. Each party once, in the order typed."""
    lookup = PartyLookup(stakeholders, municipalities)
    new: dict[str, str] = {}
    for ref in refs:
        if ref is not None and lookup.find(ref.name) is None:
            new.setdefault(lookup.key(ref.name), ref.name)
    return list(new.values())

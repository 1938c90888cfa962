"""Made-up programme content for the benchmarks: partners, parties and sentences drawn at random.

Each benchmark seeds its own `random.Random` and keeps its own word list, so its data
stays the same from run to run; these helpers only draw from them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from pact_tui.model import PartyRef, Stakeholder


def sentences(rng: random.Random, words: Sequence[str]) -> Callable[[int], str]:
    """A maker of capitalised sentences of so many words drawn from `words` with `rng`."""

    def sentence(count: int) -> str:
        return " ".join(rng.choice(words) for _ in range(count)).capitalize()

    return sentence


def partners(count: int = 40) -> tuple[Stakeholder, ...]:
    """Stakeholders "Partner 1" to "Partner `count`"."""
    return tuple(Stakeholder(name=f"Partner {number}", category="partner")
                 for number in range(1, count + 1))


def some_parties(rng: random.Random, stakeholders: Sequence[Stakeholder],
                 count: int = 3) -> tuple[PartyRef, ...]:
    """`count` different stakeholders drawn with `rng`, as parties linked to them."""
    return tuple(PartyRef(name=stakeholder.name, stakeholder_id=stakeholder.id)
                 for stakeholder in rng.sample(stakeholders, count))

"""Made-up programme content for the benchmarks: partners, parties and sentences drawn at random.

Each benchmark passes its own seed and word list, so its data stays the same from run to
run; these helpers only draw from them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from pact_tui.model import Action, PartyRef, Planning, Session, SessionMeta, Stakeholder
from pact_tui.store import load_profile


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


def filled_programme(actions: int, *, seed: int, words: Sequence[str], title_words: int = 7,
                     goal_words: int = 18, note_words: int = 0, lead_share: float = 1.0,
                     end_year: int | None = None) -> Session:
    """A programme of `actions` actions filled in the way a facilitator fills them: every
    template field, three parties of forty partners, the first of them as lead (for the
    `lead_share` of the actions), notes of `note_words` words."""
    profile = load_profile(None)
    rng = random.Random(seed)
    sentence = sentences(rng, words)
    stakeholders = partners()
    items = []
    for position in range(actions):
        parties = some_parties(rng, stakeholders)
        items.append(Action(
            theme=rng.choice(profile.themes).key, title=sentence(title_words),
            goal=sentence(goal_words), scale=rng.choice(profile.scales).key,
            planning=Planning(horizon=rng.choice(("kort", "middellang")), start_year=2027,
                              end_year=end_year),
            parties=parties, lead=parties[0] if rng.random() < lead_share else None,
            notes=sentence(note_words) if note_words else "", position=position))
    meta = SessionMeta(kind="programme", profile=profile, title=f"Bench {actions}")
    return Session(meta=meta, stakeholders=stakeholders, actions=tuple(items))

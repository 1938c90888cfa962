"""The order the draft follows: themes as the profile lists them, actions grouped by horizon.

Pure functions over a Session; what counts as an open point or a cross-theme
challenge is decided in `pact_tui.model.rules`, not here.
"""

from __future__ import annotations

from collections.abc import Iterable

from pact_tui.model import Action, Origin, Session
from pact_tui.model.rules import ordered_actions


def theme_keys(session: Session) -> list[str]:
    """The profile's themes in its order, then any theme the data names that the profile lacks."""
    keys = [theme.key for theme in session.profile.themes]
    used = [note.theme for note in session.status]
    used += [ambition.theme for ambition in session.ambitions]
    used += [action.theme for action in session.actions]
    used += [key for challenge in session.challenges for key in challenge.themes]
    used += [key for stakeholder in session.stakeholders for key in stakeholder.themes]
    return list(dict.fromkeys([*keys, *used]))


def horizon_groups(session: Session, actions: Iterable[Action]
                   ) -> list[tuple[str | None, list[Action]]]:
    """Actions per horizon in the profile's order; unknown horizons next, unplanned last."""
    order = [horizon.key for horizon in session.profile.horizons]
    groups: dict[str | None, list[Action]] = {}
    for action in ordered_actions(actions):
        groups.setdefault(action.planning.horizon, []).append(action)

    def rank(key: str | None) -> tuple[int, int, str]:
        if key is None:
            return (2, 0, "")
        return (0, order.index(key), key) if key in order else (1, 0, key)

    return sorted(groups.items(), key=lambda group: rank(group[0]))


def sessions_held(session: Session) -> list[Origin]:
    """The workshop sessions behind the document, by date: its sources, or itself."""
    sources = session.meta.sources or (session.meta.as_origin(),)
    return sorted(dict.fromkeys(sources), key=lambda origin: (origin.date is None, origin.date or 0,
                                                              origin.title))


def organisations(session: Session) -> list[str]:
    """The organisations at the table, each once whatever its spelling of case and spaces."""
    seen: dict[str, str] = {}
    for participant in session.meta.participants:
        seen.setdefault(" ".join(participant.organisation.casefold().split()),
                        participant.organisation)
    return list(seen.values())

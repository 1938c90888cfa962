"""Which screen shows which phase; each screen module is imported the first time it is needed.

Importing lazily keeps start-up quick: opening a file on the Acties phase never pays
for the Opgaven or Overzicht screens until the facilitator goes there.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from pact_tui.model import Phase

if TYPE_CHECKING:
    from pact_tui.tui.screens.phase import PhaseScreen

_SCREENS: dict[str, tuple[str, str]] = {
    Phase.SESSION: ("pact_tui.tui.screens.session_meta", "SessionMetaScreen"),
    Phase.STAKEHOLDERS: ("pact_tui.tui.screens.stakeholders", "StakeholdersScreen"),
    Phase.CHALLENGES: ("pact_tui.tui.screens.challenges", "ChallengesScreen"),
    Phase.ACTIONS: ("pact_tui.tui.screens.actions", "ActionsScreen"),
    Phase.PARTNERS: ("pact_tui.tui.screens.partners", "PartnersScreen"),
    Phase.OVERVIEW: ("pact_tui.tui.screens.overview", "OverviewScreen"),
}


def phase_screen_class(phase: str) -> type[PhaseScreen]:
    module_name, class_name = _SCREENS[phase]
    screen_class: type[PhaseScreen] = getattr(import_module(module_name), class_name)
    return screen_class

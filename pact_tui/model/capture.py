"""A row typed in the capture line: what it takes over from the row the facilitator was on."""

from __future__ import annotations

from pact_tui.model.items import Action
from pact_tui.model.profile import RegionProfile


def captured_action(title: str, *, previous: Action | None, theme: str | None,
                    profile: RegionProfile, position: int) -> Action:
    """A new action titled `title`: in the theme filtered on, else the previous row's theme
    (else the profile's first), with the previous row's scale when it shares that theme.

    Rows typed one after another in a session tend to share both, so the facilitator
    types them once.
    """
    chosen = theme or (previous.theme if previous is not None else profile.themes[0].key)
    scale = previous.scale if previous is not None and previous.theme == chosen else None
    return Action(theme=chosen, title=title, scale=scale, position=position)

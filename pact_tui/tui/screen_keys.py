"""The keys a screen offers, read from its active bindings, for the help screen and the palette.

Read from the bindings themselves (the focused widget's, the screen's, the app's), a
list of keys can never drift from what the keys do. Only our own bindings count (they
all carry an `id`); Textual's built-in ones (focus, copy, cursor) have no Dutch name.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class ScreenKey:
    """One key of a screen: how it is shown, what it does, and where its action runs."""

    key: str
    description: str
    binding: Binding
    node: DOMNode


def screen_keys(screen: Screen[object]) -> list[ScreenKey]:
    """The enabled keys of `screen`, one per action: the screen's own first, then those of
    its focused widget, the app's last."""
    app = screen.app
    found: dict[str, ScreenKey] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not active.enabled or not binding.description or binding.id is None:
            continue
        if binding.action in found:
            continue
        # The tooltip, where a binding has one, is the longer name the footer has no room for.
        found[binding.action] = ScreenKey(app.get_key_display(binding) or key,
                                          binding.tooltip or binding.description,
                                          binding, active.node)
    def place(key: ScreenKey) -> int:
        return 0 if key.node is screen else 2 if key.node is app else 1

    return sorted(found.values(), key=place)

"""The command palette (ctrl+p): phases, export, new session, merge, and every key of the screen.

The screen's own commands are read from its active bindings, so whatever a screen
(or its focused widget) binds to a key with a description is also a palette command,
without a second list to keep in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pact_tui.i18n import t
from pact_tui.model import PHASES
from pact_tui.tui.screen_keys import screen_keys
from pact_tui.tui.widgets.phase_bar import phase_key, phase_label

if TYPE_CHECKING:
    from pact_tui.tui.app import PactApp

Command = tuple[str, str, Callable[[], Any]]


class PactCommands(Provider):
    """Offers the app's session-wide commands and the current screen's keys."""

    def _commands(self) -> Iterator[Command]:
        app: PactApp = self.app  # type: ignore[assignment]
        if app.editor is not None:
            for phase in PHASES:
                yield (
                    t("tui.command.phase", phase=phase_label(phase)),
                    phase_key(phase).upper(),
                    partial(app.show_phase, phase),
                )
            yield t("tui.command.export"), t("tui.command.export_help"), app.action_export
            yield t("tui.command.timer_toggle"), "F7", app.action_timer_toggle
            yield t("tui.command.timer_reset"), "F8", app.action_timer_reset
            yield t("tui.command.undo"), "ctrl+z", app.action_undo
            yield t("tui.command.redo"), "ctrl+y", app.action_redo
            yield t("tui.command.close"), "ctrl+o", app.action_close_session
            if app.copies.waiting():
                yield (t("tui.command.copy_conflicts"), t("tui.command.copy_conflicts_help"),
                       app.copies.decide_waiting)
        yield t("tui.command.new_session"), t("tui.command.new_help"), app.action_new_session
        yield t("tui.command.merge"), t("tui.command.merge_help"), app.action_merge
        yield t("tui.command.day"), t("tui.command.day_help"), app.action_day
        for key in screen_keys(self.screen):
            if key.node is not app:  # the app's keys are the commands above
                yield key.description, key.key, partial(app.run_action, key.binding.action,
                                                        key.node)

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)

"""Keys typed ahead of the screen: each goes where the user sees it, in the order typed.

Textual hands a key to the widget focused at the moment the app reads it, through that
widget's own queue. When a key opens a screen (a phase, the long-text editor), the keys
already typed after it would reach the old widget or a screen with nothing focused yet.
`TypeAhead` closes both gaps: the action grid gets each key at once (it runs bindings,
commits and the capture line itself, so focus never needs to move for the next key).
Any other widget gets one key at a time: behind each key goes a `KeyLanded` message
along the same path (the focused widget, then up to the app, as an unhandled key
bubbles to its binding), and the next key waits here until it arrives and the screen
on top has focused its widget. So even a key that opens or closes a screen is done
before the next key is read.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen

from pact_tui.tui.widgets.grid import EditGrid

HOLD_AT_MOST = 1.0
"""Seconds a key waits for a screen that never focuses anything, or for a key whose
widget went away with its screen: then it goes on anyway."""


class KeyLanded(Message):
    """Follows a key up the widgets; at the app, everything the key caused is done."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class TypeAhead:
    """The app's keys, in order: `take(event)` is True when it handled or holds the key."""

    def __init__(self, app: App[Any], deliver: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self._deliver = deliver
        """How a key reaches Textual's own handling when nothing here takes it."""
        self._held: list[events.Key] = []
        self._ready: Screen[object] | None = None
        self._settling: Screen[object] | None = None
        self._releasing = False
        self._in_flight = False
        self._sent = 0
        """How many keys went Textual's way: a late give-up timer only frees its own key."""
        self._since = 0.0

    async def take(self, event: events.Key) -> bool:
        if self._held or self._in_flight or not self._screen_ready():
            self._held.append(event)
            self.app.call_after_refresh(self._release)
            return True
        if await self._to_grid(event):
            return True
        await self._send_off(event)
        return True

    async def _send_off(self, event: events.Key) -> None:
        """A key goes Textual's own way; the next waits until it has landed."""
        self._in_flight = True
        self._sent += 1
        sent = self._sent
        target = self.app.focused or self.app.screen
        await self._deliver(event)
        target.post_message(KeyLanded(sent))
        self.app.set_timer(HOLD_AT_MOST, lambda: self.landed(sent))

    async def landed(self, number: int) -> None:
        """The app got the `KeyLanded` behind key `number` (or gave up waiting for it):
        the next key may go."""
        if self._in_flight and number == self._sent:
            self._in_flight = False
            await self._release()

    async def _to_grid(self, event: events.Key) -> bool:
        focused = self.app.focused
        return isinstance(focused, EditGrid) and await focused.take_key(event)

    def _screen_ready(self) -> bool:
        """The screen on top has focused what it means to (checked once per new screen)."""
        try:
            screen = self.app.screen
        except Exception:  # no screen at all yet: nothing to wait for
            return True
        if screen is self._ready:
            return True
        settling = not screen.is_mounted or (screen.focused is None and screen.focus_chain)
        if settling and screen is not self._settling:
            self._settling, self._since = screen, time.monotonic()
        if settling and time.monotonic() - self._since < HOLD_AT_MOST:
            return False
        self._ready = screen
        return True

    async def _release(self) -> None:
        if self._releasing:
            return
        self._releasing = True
        try:
            while self._held and not self._in_flight and self._screen_ready():
                event = self._held.pop(0)
                if not await self._to_grid(event):
                    await self._send_off(event)
        finally:
            self._releasing = False
        if self._held and not self._in_flight:
            self.app.call_after_refresh(self._release)

"""Reading keys from the terminal so that an Esc followed at once by typing stays an Esc.

Textual's parser (8.2.x) takes an Esc as the start of an escape sequence and keeps adding
the keys that follow within its escape delay (100 ms) to that sequence. A facilitator who
presses Esc and goes on typing fast (or a burst from tmux, or a paste) gets Alt+letter
for the first key, and after 32 keys the parser gives up and reports the Esc as a
literal `^`: a cancelled edit became "…^" with the Esc lost.

`KeyParser` ends the wait at once when the key after an Esc cannot continue a sequence
(a letter, a digit, a space; "O" then a small letter, which Textual would read as a key
of the number pad, a mode it never turns on): the Esc is reported as Esc, the keys as
themselves. A sequence that grows to the parser's limit without being recognised ends
the same way as one the terminal stopped sending (the Esc read as Alt on the next key,
which the grid takes as Esc, then that key), never as `^`. Pastes are left alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from textual._parser import ParseTimeout, Read1
from textual._time import get_time
from textual._xterm_parser import (
    _MAX_SEQUENCE_SEARCH_THRESHOLD,
    BRACKETED_PASTE_END,
    BRACKETED_PASTE_START,
    XTermParser,
)
from textual.message import Message

ESC = "\x1b"

SEQUENCE_STARTS = frozenset("[O]P_^\\" + ESC)
"""What may follow an Esc in a sequence a terminal sends (CSI, SS3, OSC, DCS, APC, PM,
ST), and another Esc, which the parser already splits off itself."""

SS3_FINALS = frozenset("ABCDEFHPQRS")
"""What ends the Esc-O sequences of arrows, Home/End and F1-F4."""


class KeyParser(XTermParser):
    """Textual's terminal parser, with an Esc that never waits for a burst to end."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._sequence = ""
        """The escape sequence being read, the Esc included."""
        self._held = ""
        """An "O" right after an Esc, not yet given to the parser."""
        self._recent = ""
        self._pasting = False

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input
            yield from self._release_held(stop=True)
            yield from super().feed(data)
            return
        for character in data:
            yield from self._take(character)

    def tick(self) -> Iterable[Message]:
        timed_out = self._timeout_time is not None and get_time() >= self._timeout_time
        yield from super().tick()
        if timed_out:  # an Esc and "O", then nothing: Esc, then O
            yield from self._release_held(stop=False)

    def _take(self, character: str) -> Iterable[Message]:
        if self._held:
            yield from self._release_held(stop=character not in SS3_FINALS)
        if self._waiting() and not self._pasting:
            if self._sequence == ESC and character == "O":
                # Held until the next key says whether it is an arrow (Esc O A) or "O".
                self._held = character
                return
            if self._no_sequence(character):
                yield from self._stop_waiting()
        yield from self._feed_one(character)

    def _release_held(self, *, stop: bool) -> Iterable[Message]:
        if not self._held:
            return
        held, self._held = self._held, ""
        if stop and self._waiting():
            yield from self._stop_waiting()
        yield from self._feed_one(held)

    def _feed_one(self, character: str) -> Iterable[Message]:
        yield from super().feed(character)
        self._follow(character)

    def _waiting(self) -> bool:
        """The parser is in an escape sequence, waiting for its next character."""
        awaiting = self._awaiting
        return isinstance(awaiting, Read1) and awaiting.timeout is not None

    def _no_sequence(self, character: str) -> bool:
        """`character` cannot make the sequence read so far one a terminal sends."""
        sequence = self._sequence
        return ((sequence == ESC and character not in SEQUENCE_STARTS)
                or len(sequence) >= _MAX_SEQUENCE_SEARCH_THRESHOLD)

    def _stop_waiting(self) -> Iterable[Message]:
        """What the parser does when the escape delay passes without a key (see `tick`)."""
        self._timeout_time = None
        self._awaiting = self._gen.throw(ParseTimeout())
        self._sequence = ""
        while self._tokens:
            yield self._tokens.popleft()

    def _follow(self, character: str) -> None:
        """Keep count of the sequence being read, and of a paste in progress."""
        self._recent = (self._recent + character)[-len(BRACKETED_PASTE_START):]
        if self._recent == BRACKETED_PASTE_START:
            self._pasting = True
        elif self._recent == BRACKETED_PASTE_END:
            self._pasting = False
        if not self._waiting():
            self._sequence = ""
        elif character == ESC:
            self._sequence = ESC
        else:
            self._sequence += character


def use_key_parser() -> None:
    """Make Textual's terminal drivers read keys with `KeyParser` (they build their parser
    by this module-level name when the app starts reading input)."""
    from textual.drivers import linux_driver

    linux_driver.XTermParser = KeyParser  # type: ignore[misc]
    if sys.platform == "win32":
        from textual.drivers import win32

        win32.XTermParser = KeyParser  # type: ignore[misc]

"""The state of one cell being edited in the grid: its text, cursor and suggestions.

Pure (no Textual), so typing rules are tested without an app. The grid feeds it keys
and draws it; `result()` says what to commit: text, a choice key, or party names.

A choice cell is a validation list: what is typed must become one of its options, so
the best match is taken. A name is the user's: completion only proposes, and a
suggestion replaces what was typed only when the user takes it (→, or ↑/↓ then
Enter, Tab or `;`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pact_tui.tui.widgets.grid.columns import (
    PARTY_SEPARATOR,
    CellKind,
    Column,
    Option,
    split_parties,
)
from pact_tui.tui.widgets.grid.completion import complete_name, rank_options


class NoChange:
    """The edit left the cell as it was: nothing to commit."""


NO_CHANGE = NoChange()


@dataclass
class Suggestion:
    """A line of the drop-down: what it shows and what choosing it puts in the cell."""

    label: str
    value: str
    number: int | None = None


@dataclass
class CellEdit:
    """A cell being edited. `replace` is on until the first key: that key replaces the text."""

    column: Column
    row_key: str
    original: str
    text: str = ""
    cursor: int = 0
    replace: bool = False
    options: Callable[[], Sequence[Option]] = lambda: ()
    suggestions: list[Suggestion] = field(default_factory=list)
    highlight: int | None = None
    _undo: list[tuple[str, int, bool]] = field(default_factory=list, init=False, repr=False)
    _redo: list[tuple[str, int, bool]] = field(default_factory=list, init=False, repr=False)

    @classmethod
    def start(cls, column: Column, row_key: str, original: str, first_key: str | None,
              options: Callable[[], Sequence[Option]] = lambda: (), *,
              replace: bool = True) -> CellEdit:
        """Begin editing: with a typed key the cell starts from it, else from its text,
        which the first key replaces (`replace`) or extends (caret at the end).

        `options` gives the choices or names this cell offers; it is asked again as the
        user types, so a value committed a moment ago in the same row is offered too.
        """
        edit = cls(column, row_key, original, original, len(original),
                   replace=replace and first_key is None, options=options)
        if first_key is not None:
            edit.replace = True
            edit.insert(first_key)
        else:
            edit._suggest()
        return edit

    @property
    def kind(self) -> CellKind:
        return self.column.kind

    @property
    def typed(self) -> bool:
        return not self.replace or self.text != self.original

    @property
    def changed(self) -> bool:
        """Anything was typed since the edit began (ctrl+z has something to take back)."""
        return bool(self._undo)

    # ---- its own undo ----------------------------------------------------------------------

    def _remember(self) -> None:
        """Keep the text as it is before a key changes it, for ctrl+z."""
        state = (self.text, self.cursor, self.replace)
        if not self._undo or self._undo[-1] != state:
            self._undo.append(state)
        self._redo.clear()

    def undo(self) -> bool:
        """Take back the last change typed; False when there is none."""
        return self._step(self._undo, self._redo)

    def redo(self) -> bool:
        """Do again what `undo` took back; False when there is none."""
        return self._step(self._redo, self._undo)

    def _step(self, source: list[tuple[str, int, bool]],
              target: list[tuple[str, int, bool]]) -> bool:
        if not source:
            return False
        target.append((self.text, self.cursor, self.replace))
        self.text, self.cursor, self.replace = source.pop()
        self._suggest()
        return True

    # ---- keys ------------------------------------------------------------------------------

    def insert(self, characters: str) -> None:
        self._remember()
        characters = characters.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
        if self.replace:
            self.text, self.cursor, self.replace = "", 0, False
        if self.kind is CellKind.PARTIES and characters == PARTY_SEPARATOR:
            self._accept_part()
            self._expand_last()
            self.text = self.text.rstrip() + f"{PARTY_SEPARATOR} "
            self.cursor = len(self.text)
            self._suggest()
            return
        self.text = self.text[: self.cursor] + characters + self.text[self.cursor :]
        self.cursor += len(characters)
        self._suggest()

    def backspace(self) -> None:
        self._remember()
        if self.replace:
            self.clear()
        elif self.cursor > 0:
            self.text = self.text[: self.cursor - 1] + self.text[self.cursor :]
            self.cursor -= 1
            self._suggest()

    def delete(self) -> None:
        self._remember()
        if self.replace:
            self.clear()
        elif self.cursor < len(self.text):
            self.text = self.text[: self.cursor] + self.text[self.cursor + 1 :]
            self._suggest()

    def clear(self) -> None:
        self._remember()
        self.text, self.cursor, self.replace = "", 0, False
        self._suggest()

    def move(self, delta: int) -> None:
        self.replace = False
        self.cursor = min(max(self.cursor + delta, 0), len(self.text))

    def take_suggestion(self) -> bool:
        """→ at the end of a name: the highlighted (or first) suggestion replaces the name
        being typed. False when there is nothing to take (→ then moves the caret)."""
        if self.cursor < len(self.text) or not self.suggestions or self.kind not in (
            CellKind.PARTIES, CellKind.PARTY
        ):
            return False
        if self.highlight is None:
            self.highlight = 0
        self._remember()
        self._accept_part()
        return True

    def replace_text(self, text: str) -> None:
        """Start over from `text` (a cell copied from the row above), caret at the end."""
        self._remember()
        self.text, self.cursor, self.replace = text, len(text), False
        self._suggest()

    def home(self) -> None:
        self.replace = False
        self.cursor = 0

    def end(self) -> None:
        self.replace = False
        self.cursor = len(self.text)

    def move_highlight(self, delta: int) -> bool:
        """Walk the drop-down; False when there is none (the grid then moves rows)."""
        if not self.suggestions:
            return False
        count = len(self.suggestions)
        if self.highlight is None:
            self.highlight = 0 if delta > 0 else count - 1
        else:
            self.highlight = (self.highlight + delta) % count
        return True

    # ---- what to commit --------------------------------------------------------------------

    def result(self) -> Any:
        """What the edit comes to, or NO_CHANGE (a choice that matches nothing stays as it was)."""
        if not self.typed:
            return NO_CHANGE
        if self.kind is CellKind.CHOICE:
            if not self.text.strip():
                return ""
            if self.highlight is None:
                return NO_CHANGE
            return self.suggestions[self.highlight].value
        if self.kind is CellKind.PARTIES:
            self._accept_part()
            names = split_parties(self.text)
            expand = self.column.expand
            if expand is not None:
                names = [member for name in names for member in (expand(name) or (name,))]
            return list(dict.fromkeys(names))
        if self.kind is CellKind.PARTY:
            self._accept_part()
            return self.text.strip()
        return self.text.strip()

    # ---- suggestions -----------------------------------------------------------------------

    def current_part(self) -> str:
        """The name being typed: for several parties, the text after the last separator."""
        if self.kind is CellKind.PARTIES:
            return self.text.rsplit(PARTY_SEPARATOR, 1)[-1].strip()
        return self.text.strip()

    def _expand_last(self) -> None:
        """A party group typed as the last name ("7g") becomes its members, visibly."""
        expand = self.column.expand
        head, separator, last = self.text.rpartition(PARTY_SEPARATOR)
        members = expand(last.strip()) if expand is not None and last.strip() else None
        if members:
            names = f"{PARTY_SEPARATOR} ".join(members)
            self.text = f"{head}{separator} {names}" if separator else names
            self.cursor = len(self.text)

    def _accept_part(self) -> None:
        """Put the suggestion the user took (highlighted) in place of the name being typed."""
        if self.highlight is None or not self.suggestions or not self.current_part():
            return
        chosen = self.suggestions[self.highlight].value
        if self.kind is CellKind.PARTIES:
            head, separator, _ = self.text.rpartition(PARTY_SEPARATOR)
            self.text = f"{head}{separator} {chosen}" if separator else chosen
        else:
            self.text = chosen
        self.cursor = len(self.text)
        self.suggestions, self.highlight = [], None

    def _suggest(self) -> None:
        options = list(self.options())
        if self.kind is CellKind.CHOICE:
            self._suggest_choice(options)
        elif self.kind in (CellKind.PARTIES, CellKind.PARTY):
            self._suggest_names([option.label for option in options])
        else:
            self.suggestions, self.highlight = [], None

    def _suggest_choice(self, options: list[Option]) -> None:
        numbers = {option.key: index + 1 for index, option in enumerate(options)}
        query = "" if self.replace else self.text
        ranked = rank_options(query, options)
        self.suggestions = [Suggestion(o.label, o.key, numbers[o.key]) for o in ranked]
        if query.strip():
            self.highlight = 0 if ranked else None
        else:
            current = next((i for i, o in enumerate(ranked) if o.label == self.original), None)
            self.highlight = current

    def _suggest_names(self, names: list[str]) -> None:
        part = "" if self.replace else self.current_part()
        if not part:
            self.suggestions, self.highlight = [], None
            return
        taken = {name.casefold() for name in split_parties(self.text)[:-1]}
        ranked = complete_name(part, [n for n in names if n.casefold() not in taken])
        exact = next((name for name in ranked if name.casefold() == part.casefold()), None)
        if exact is not None:
            ranked = [exact, *(name for name in ranked if name != exact)]
        self.suggestions = [Suggestion(name, name) for name in ranked]
        # Nothing is highlighted until the user walks the list: what was typed stays.
        self.highlight = None

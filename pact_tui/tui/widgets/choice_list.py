"""A short list of choices picked by digit: one (a theme, a role) or several (a challenge's themes).

Typing 1–9 picks (or, with `multiple`, toggles) that option at once; arrows and
space do the same for those who prefer them. Labels are shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from pact_tui.i18n import t
from pact_tui.tui.text import visible_rich


class ChoiceList(Widget, can_focus=True):
    """Options numbered 1..n; `value` holds the chosen keys in the options' order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", t("tui.choice.up"), show=False, id="choice.up"),
        Binding("down", "move(1)", t("tui.choice.down"), show=False, id="choice.down"),
        Binding("space", "pick_cursor", t("tui.choice.toggle"), id="choice.toggle"),
    ]

    cursor: reactive[int] = reactive(0)
    value: reactive[tuple[str, ...]] = reactive(tuple)

    class Changed(Message):
        """The chosen keys changed."""

        def __init__(self, choice_list: ChoiceList, value: tuple[str, ...]) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.value = value

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: Sequence[str] = (),
        *,
        multiple: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.multiple = multiple
        keys = [key for key, _ in self.options]
        self.set_reactive(ChoiceList.value, tuple(key for key in keys if key in value))
        if self.value:
            self.set_reactive(ChoiceList.cursor, keys.index(self.value[0]))

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (key, label) in enumerate(self.options):
            if index:
                text.append("\n")
            chosen = key in self.value
            mark = ("[x]" if chosen else "[ ]") if self.multiple else "(•)" if chosen else "( )"
            style = "reverse" if index == self.cursor and self.has_focus else ""
            number = str(index + 1) if index < 9 else " "
            text.append(f"{mark} {number} ", style=style)
            text.append(label, style=f"{style} bold" if chosen else style)
        return visible_rich(text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.options)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and event.character != "0":
            index = int(event.character) - 1
            if index < len(self.options):
                event.stop()
                event.prevent_default()
                self.cursor = index
                self._pick(index)

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(len(self.options) - 1, self.cursor + step))

    def action_pick_cursor(self) -> None:
        self._pick(self.cursor)

    def _pick(self, index: int) -> None:
        key = self.options[index][0]
        chosen = set(self.value) ^ {key} if self.multiple else {key}
        self.value = tuple(k for k, _ in self.options if k in chosen)
        self.post_message(self.Changed(self, self.value))

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

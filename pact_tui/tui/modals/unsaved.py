"""Asked before closing or quitting while changes are not in the file: retry, save a copy, or go.

Shown only when saving fails (a full disk, a folder made read-only or removed). It says
what went wrong, where the rescue copy is, and lists every change that is not in the
file in words, so that "quit anyway" is a choice made knowing exactly what it costs.
Dismisses with "saved" (a retry got everything into the file), "copied" (a copy was
written where the user said), "leave" (go without saving) or None (back to the session).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pact_tui.editor import SessionEditor
from pact_tui.i18n import t
from pact_tui.model import UserError
from pact_tui.store.rescue import rescue_dir
from pact_tui.tui.change_words import describe_change
from pact_tui.tui.text import visible

RETRY_WAIT_SECONDS = 2.0
"""How long a retry waits for the file to take every change before it says it failed."""

_MOST_LINES = 30


def unsaved_lines(editor: SessionEditor) -> list[str]:
    """Every change not in the file, in words, at most `_MOST_LINES` and a count of the rest."""
    lines = [line for change in editor.unsaved_changes() for line in describe_change(change)]
    if not lines:
        return [t("tui.unsaved.whole_session")]
    if len(lines) > _MOST_LINES:
        rest = len(lines) - _MOST_LINES + 1
        lines = [*lines[: _MOST_LINES - 1], t("tui.unsaved.more", count=rest)]
    return lines


def default_copy_path(editor: SessionEditor) -> Path:
    """A new file in the rescue folder, named after the session and the time."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return rescue_dir() / f"{editor.path.stem}-{t('tui.unsaved.copy_word')}-{stamp}.json"


class UnsavedModal(ModalScreen[str | None]):
    """What to do with changes that could not be saved, before the session closes."""

    DEFAULT_CSS = """
    UnsavedModal {
        align: center middle;
    }
    UnsavedModal > Vertical {
        width: 94%;
        max-width: 110;
        height: auto;
        max-height: 96%;
        border: round $error;
        background: $surface;
        padding: 0 1;
    }
    UnsavedModal #unsaved-title {
        text-style: bold;
        color: $error;
    }
    UnsavedModal #unsaved-list {
        height: auto;
        max-height: 10;
        color: $text;
        padding-left: 2;
    }
    UnsavedModal #unsaved-copy {
        display: none;
    }
    UnsavedModal.-copying #unsaved-copy {
        display: block;
    }
    UnsavedModal #unsaved-status {
        color: $warning;
    }
    UnsavedModal #unsaved-keys {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", t("tui.unsaved.key_retry"), id="unsaved.retry"),
        Binding("k", "copy", t("tui.unsaved.key_copy"), id="unsaved.copy"),
        Binding("v", "leave", t("tui.unsaved.key_leave"), id="unsaved.leave"),
        Binding("escape", "back", t("tui.unsaved.key_back"), id="unsaved.back"),
    ]

    def __init__(self, editor: SessionEditor, *, quitting: bool) -> None:
        super().__init__()
        self.editor = editor
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        editor = self.editor
        with Vertical():
            yield Static(Text(t("tui.unsaved.title", file=visible(editor.path.name))),
                         id="unsaved-title")
            yield Static(Text(visible(editor.save_error or t("tui.unsaved.still_saving"))),
                         id="unsaved-problem")
            yield Static(Text(self._rescue_sentence()), id="unsaved-rescue")
            yield Static(Text(t("tui.unsaved.list_intro", file=str(editor.path))))
            with VerticalScroll(id="unsaved-list"):
                for line in unsaved_lines(editor):
                    yield Static(Text(visible(f"• {line}")), classes="unsaved-line")
            yield Input(str(default_copy_path(editor)), id="unsaved-copy", compact=True)
            yield Static("", id="unsaved-status", markup=False)
            leave = "tui.unsaved.keys_quit" if self.quitting else "tui.unsaved.keys_close"
            yield Static(Text(t(leave)), id="unsaved-keys")

    def on_mount(self) -> None:
        # The failed-save notifications say what this says, and would cover it.
        self.app.clear_notifications()

    def _rescue_sentence(self) -> str:
        editor = self.editor
        if editor.rescue is not None:
            return t("tui.unsaved.rescue_kept", path=str(editor.rescue))
        return t("tui.unsaved.rescue_failed", problem=editor.rescue_error or "")

    def _say(self, message: str) -> None:
        self.query_one("#unsaved-status", Static).update(Text(visible(message)))

    # ---- the choices -----------------------------------------------------------------------

    async def action_retry(self) -> None:
        self._say(t("tui.unsaved.retrying"))
        self.editor.retry_now()
        if await asyncio.to_thread(self.editor.flush, RETRY_WAIT_SECONDS):
            self.dismiss("saved")
            return
        self._say(t("tui.unsaved.retry_failed", problem=self.editor.save_error or ""))

    def action_copy(self) -> None:
        self.add_class("-copying")
        field = self.query_one("#unsaved-copy", Input)
        field.focus()
        self._say(t("tui.unsaved.copy_hint"))

    @on(Input.Submitted, "#unsaved-copy")
    def _write_copy(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        target = Path(text).expanduser()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.editor.save_copy(target)
        except (UserError, OSError) as error:
            self._say(str(error) if isinstance(error, UserError)
                      else t("tui.unsaved.copy_failed", path=str(target),
                             problem=error.strerror or str(error)))
            return
        self.notify(t("tui.unsaved.copied", path=str(target)), markup=False, timeout=30)
        self.dismiss("copied")

    def action_leave(self) -> None:
        self.dismiss("leave")

    def action_back(self) -> None:
        if self.has_class("-copying"):
            self.remove_class("-copying")
            self.set_focus(None)
            self._say("")
            return
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a path is typed, letters are letters.
        return not (action in {"retry", "copy", "leave"} and self.has_class("-copying"))

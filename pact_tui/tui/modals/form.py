"""A small modal form: a few text fields and digit-picked choices, Enter saves, Esc cancels.

Every add/edit outside the grids goes through it (a participant, an agenda item, a
status note, a challenge, a commitment, a new session's title). The caller's
`submit` does the edit; if it raises a user error the form stays open with the
message under it, so nothing typed is ever thrown away.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from pact_tui.i18n import t
from pact_tui.model import UserError
from pact_tui.model.validation import error_message
from pact_tui.tui.text import visible
from pact_tui.tui.widgets.choice_list import ChoiceList

FormValues = dict[str, Any]


@dataclass(frozen=True)
class TextField:
    """One line of text; `number` accepts whole numbers only; `suggestions` complete with →."""

    name: str
    label: str
    value: str = ""
    required: bool = False
    number: bool = False
    suggestions: Sequence[str] = ()


@dataclass(frozen=True)
class ChoiceField:
    """Options picked by digit; `multiple` lets several be chosen (the value is a tuple)."""

    name: str
    label: str
    options: Sequence[tuple[str, str]]
    value: Sequence[str] = ()
    multiple: bool = False
    required: bool = False


Field = TextField | ChoiceField


class FormDialog(ModalScreen[bool]):
    """Dismissed with True once `submit` accepted the values, False when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("tui.form.cancel"), id="form.cancel"),
        Binding("enter", "save", t("tui.form.save"), id="form.save"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[FormValues], object],
    ) -> None:
        super().__init__(classes="form-dialog")
        self.form_title = title
        self.fields = list(fields)
        self.submit = submit

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form-box"):
            yield Static(Text(visible(self.form_title)), id="form-title")
            for field in self.fields:
                yield Label(Text(visible(field.label)), classes="form-label")
                if isinstance(field, TextField):
                    suggester = (
                        SuggestFromList([visible(name) for name in field.suggestions],
                                        case_sensitive=False)
                        if field.suggestions
                        else None
                    )
                    yield Input(
                        visible(field.value),
                        id=f"field-{field.name}",
                        type="integer" if field.number else "text",
                        suggester=suggester,
                        compact=True,
                    )
                else:
                    yield ChoiceList(
                        field.options, field.value, multiple=field.multiple,
                        id=f"field-{field.name}",
                    )
            yield Static("", id="form-error")
            yield Static(Text(self._hint()), id="form-hint")

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def _hint(self) -> str:
        """The keys that work in this form, and only those."""
        parts = [t("tui.form.hint_save"), t("tui.form.hint_next")]
        if any(isinstance(field, ChoiceField) for field in self.fields):
            parts.append(t("tui.form.hint_digit"))
        if any(isinstance(field, TextField) and field.suggestions for field in self.fields):
            parts.append(t("tui.form.hint_complete"))
        parts.append(t("tui.form.hint_cancel"))
        return " · ".join(parts)

    def values(self) -> FormValues:
        values: FormValues = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(field, TextField):
                assert isinstance(widget, Input)
                # A value shown with its control characters as symbols and left as it
                # was is the stored value, not the symbols.
                text = field.value if widget.value == visible(field.value) else widget.value
                text = text.strip()
                values[field.name] = (int(text) if text else 0) if field.number else text
            else:
                assert isinstance(widget, ChoiceList)
                chosen = widget.value
                values[field.name] = chosen if field.multiple else (chosen[0] if chosen else None)
        return values

    def _missing(self, values: Mapping[str, Any]) -> str | None:
        for field in self.fields:
            if field.required and not values[field.name]:
                return t("tui.form.required", field=field.label)
        return None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            values = self.values()
        except ValueError:
            self._show_error(t("tui.form.not_a_number"))
            return
        problem = self._missing(values)
        if problem is None:
            try:
                self.submit(values)
            except UserError as error:
                problem = str(error)
            except ValidationError as error:
                problem = error_message(error.errors(include_url=False)[0])
        if problem is not None:
            self._show_error(problem)
            return
        self.dismiss(True)

    def _show_error(self, problem: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(Text(visible(problem, lines=True)))
        error.add_class("-shown")

    def action_cancel(self) -> None:
        self.dismiss(False)

"""The editable grid: a spreadsheet for the keyboard, drawn line by line so it stays instant.

It draws only the lines on screen (Textual's line API), with column widths fixed by
the terminal's width, so 5,000 rows cost no more than 50. Rows are any objects with an
`id`; `Column` specs say what each cell shows and how it is edited.

Keys: arrows, Tab/Shift+Tab, Home/End, Ctrl+Home/Ctrl+End, PgUp/PgDn move; a printable
key starts editing the cell with that key, Enter edits its text (caret at the
end); Enter commits, Esc cancels, Tab commits and goes on editing the next cell;
ctrl+z / ctrl+y take back the typing in the cell before they reach the session. A
choice cell takes a digit at once. Committed values go up as `EditGrid.CellEdited`;
the screen turns them into changes, and gives the grid its new rows with `set_rows`
(or one with `replace_row`). A screen being left (another phase, the app closing)
calls `finish_editing`, so a cell typed in but not yet committed is not lost.

Every key is taken in the order typed, however fast: `take_key` handles a key at
once, bindings of the screen and app included (the app hands keys to it the moment
it reads them), and a screen that must see a commit before the next key gives
`on_commit`, called at once instead of posting the message. With a `CaptureLine`
the grid also types a new row's first cell: Enter makes the row and opens the next
capture line, Tab makes it and goes on in the row; Enter at the end of such a row
comes back to the capture line; Esc there empties it, and ctrl+b fills it with the
title of the row it follows (never writing that row). An Esc that reaches the app
together with the next letter (Alt+letter, the terminal's escape delay) is taken as
Esc, then the letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from pact_tui.i18n import t
from pact_tui.tui.modals.long_text import LongTextModal
from pact_tui.tui.text import visible as visible_text
from pact_tui.tui.widgets.grid.capture_line import CaptureLine
from pact_tui.tui.widgets.grid.cell_editor import NO_CHANGE, CellEdit
from pact_tui.tui.widgets.grid.columns import CellKind, Column, Option, layout

GAP = 1
DROPDOWN_MIN_WIDTH = 26


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def typed_character(event: events.Key) -> str | None:
    """The character a key types, if any: printable, or a joiner or mark that belongs to
    the character before it (the zero-width joiner of 👩‍👩‍👧, the non-joiner of می‌خواهم)."""
    character = event.character
    if not character or event.key in ("enter", "tab", "escape", "backspace", "delete"):
        return None
    if character.isprintable() or all(
        unicodedata.category(c) in ("Cf", "Mn", "Mc", "Me") for c in character
    ):
        return character
    return None


CAPTURE_COLUMN = Column("capture", "", lambda row: "")
"""The capture line is edited as a plain text cell."""


def _key_name(character: str) -> str:
    """The key name Textual gives a typed character (letters and digits are themselves)."""
    if character.isalnum():
        return character
    return unicodedata.name(character, character).lower().replace("-", "_").replace(" ", "_")


def _one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\t" in text or "\r" in text) else text


@dataclass(frozen=True)
class Cursor:
    row: int
    column: int


class EditGrid(Widget, can_focus=True):
    """Rows and columns to move through and type into; see the module docstring for keys."""

    DEFAULT_CSS = """
    EditGrid {
        height: 1fr;
        min-height: 4;
        background: $surface;
    }
    EditGrid > .edit-grid--header {
        text-style: bold;
        background: $panel;
    }
    EditGrid > .edit-grid--cursor-row {
        background: $boost;
    }
    EditGrid > .edit-grid--cursor {
        background: $accent 40%;
        text-style: bold;
    }
    EditGrid:focus > .edit-grid--cursor {
        background: $accent;
        color: $text;
    }
    EditGrid > .edit-grid--editor {
        background: $warning 30%;
        text-style: none;
    }
    EditGrid > .edit-grid--caret {
        text-style: reverse;
    }
    EditGrid > .edit-grid--dropdown {
        background: $panel-lighten-1;
    }
    EditGrid > .edit-grid--dropdown-highlight {
        background: $accent;
        text-style: bold;
    }
    EditGrid > .edit-grid--muted {
        color: $text-muted;
    }
    EditGrid > .edit-grid--problem {
        color: $error;
        text-style: italic;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "edit-grid--header",
        "edit-grid--cursor-row",
        "edit-grid--cursor",
        "edit-grid--editor",
        "edit-grid--caret",
        "edit-grid--dropdown",
        "edit-grid--dropdown-highlight",
        "edit-grid--muted",
        "edit-grid--problem",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1, 0)", t("tui.grid.key.up"), show=False, id="grid.up"),
        Binding("down", "cursor(1, 0)", t("tui.grid.key.down"), show=False, id="grid.down"),
        Binding("left", "cursor(0, -1)", t("tui.grid.key.left"), show=False, id="grid.left"),
        # Listed before the plain → so the footer shows it while there is a suggestion.
        Binding("right", "take_suggestion", t("tui.grid.key.take_suggestion"), key_display="→",
                id="grid.take_suggestion"),
        Binding("right", "cursor(0, 1)", t("tui.grid.key.right"), show=False, id="grid.right"),
        Binding("tab", "next_cell(1)", t("tui.grid.key.next"), show=False, id="grid.next"),
        Binding("shift+tab", "next_cell(-1)", t("tui.grid.key.previous"), show=False,
                id="grid.previous"),
        Binding("home", "row_edge(0)", t("tui.grid.key.home"), show=False, id="grid.home"),
        Binding("end", "row_edge(1)", t("tui.grid.key.end"), show=False, id="grid.end"),
        Binding("ctrl+home", "grid_edge(0)", t("tui.grid.key.top"), show=False, id="grid.top"),
        Binding("ctrl+end", "grid_edge(1)", t("tui.grid.key.bottom"), show=False,
                id="grid.bottom"),
        Binding("pageup", "page(-1)", t("tui.grid.key.page_up"), show=False, id="grid.page_up"),
        Binding("pagedown", "page(1)", t("tui.grid.key.page_down"), show=False,
                id="grid.page_down"),
        Binding("enter", "edit", t("tui.grid.key.edit"), show=False, id="grid.edit"),
        Binding("ctrl+b", "copy_above", t("tui.grid.key.copy_above"), show=False,
                id="grid.copy_above"),
        Binding("ctrl+e", "long_edit", t("tui.grid.key.long_edit"), show=False,
                id="grid.long_edit"),
        Binding("delete", "clear_cell", t("tui.grid.key.clear"), show=False, id="grid.clear"),
    ]

    class CellEdited(Message):
        """The user committed a cell: `value` is text, a choice key or a list of party names
        (an `Option` for a digit on a CHOICE_TEXT cell, text when typed there)."""

        def __init__(self, grid: EditGrid, row_key: str, column_key: str, value: Any) -> None:
            super().__init__()
            self.grid = grid
            self.row_key = row_key
            self.column_key = column_key
            self.value = value

        @property
        def control(self) -> EditGrid:
            return self.grid

    class CursorMoved(Message):
        """The cursor is on another cell (or the rows changed under it); row_key None: no rows."""

        def __init__(self, grid: EditGrid, row_key: str | None, column_key: str) -> None:
            super().__init__()
            self.grid = grid
            self.row_key = row_key
            self.column_key = column_key

        @property
        def control(self) -> EditGrid:
            return self.grid

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.empty_text = empty_text
        self.read_only = False
        self._rows: list[Any] = []
        self._cursor = Cursor(0, 0)
        self._top = 0
        self._widths: list[int] = layout(self.columns, 80, GAP)
        self._edit: CellEdit | None = None
        self._header_marks: dict[str, str] = {}
        self._had_dropdown = False
        self.on_commit: Callable[[EditGrid.CellEdited], object] | None = None
        """Called at once with each committed cell; None: the message is posted instead."""
        self.capture_line: CaptureLine | None = None
        self.on_capture: Callable[[str], str | None] | None = None
        """Makes a row of the text typed in the capture line; its id, or None (no row)."""
        self.intercept: Callable[[str, str | None], bool] | None = None
        """Sees every key first (key, character); True when it took the key."""
        self._capture: CellEdit | None = None
        self._flow = False
        """The row being typed was started from the capture line: Enter goes back there."""
        self._chosen: tuple[str, str] | None = None
        """The cell (row id, column key) a digit just set: an Enter next moves down from it."""

    # ---- what the screen calls -------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Any]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    @property
    def cursor_column(self) -> Column:
        return self.columns[self._cursor.column]

    @property
    def current_row(self) -> Any | None:
        """The row object under the cursor, or None when there are no rows."""
        if 0 <= self._cursor.row < len(self._rows):
            return self._rows[self._cursor.row]
        return None

    @property
    def editing(self) -> CellEdit | None:
        return self._edit

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show `rows`; the cursor stays on the same row (by id) when it is still there."""
        current = self.current_row
        self._rows = list(rows)
        row = self._cursor.row
        if current is not None:
            row = next((i for i, r in enumerate(self._rows) if r.id == current.id), row)
        if self._edit is not None and not any(r.id == self._edit.row_key for r in self._rows):
            self._edit = None
        self._move_to(row, self._cursor.column, force=True)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Show `columns` instead; a cell being edited is committed first, and the cursor
        stays on its column when that is still shown."""
        self._commit()
        key = self.cursor_column.key
        self.columns = list(columns)
        self._widths = layout(self.columns, self.size.width or 80, GAP)
        column = next((i for i, c in enumerate(self.columns) if c.key == key),
                      min(self._cursor.column, len(self.columns) - 1))
        self._move_to(self._cursor.row, column, force=True)
        self.refresh()

    def replace_row(self, index: int, row: Any) -> None:
        """Show `row` in place of the row at `index` (same id, new content): one line redrawn."""
        self._rows[index] = row
        self._refresh_row(index)

    def move_to(self, row_key: str, column_key: str | None = None) -> bool:
        """Put the cursor on the row with id `row_key` (and on a column); False if not shown."""
        index = next((i for i, r in enumerate(self._rows) if r.id == row_key), None)
        if index is None:
            return False
        column = self._cursor.column
        if column_key is not None:
            column = next((i for i, c in enumerate(self.columns) if c.key == column_key), column)
        self._stop_editing()
        self._move_to(index, column, force=True)
        return True

    def set_header_marks(self, marks: dict[str, str]) -> None:
        """Short marks after column titles, e.g. the sort direction ("▲")."""
        self._header_marks = dict(marks)
        self.refresh(Region(0, 0, self.size.width, 1))

    def start_editing(self, first_key: str | None = None, *, replace: bool = True) -> bool:
        """Edit the cell under the cursor, starting from `first_key` if given; else from its
        text, which the first key replaces (`replace`) or extends (caret at the end)."""
        row = self.current_row
        column = self.cursor_column
        if row is None or not column.editable or self.read_only:
            if self.read_only:
                self.notify(t("tui.grid.read_only"), severity="warning", markup=False)
            return False
        def options() -> Sequence[Option]:
            # The row as it is now: a cell committed just before in this row counts too.
            current = self.current_row
            return column.options(current if current is not None and current.id == row.id
                                  else row)

        self._edit = CellEdit.start(column, row.id, column.text_for_editing(row), first_key,
                                    options, replace=replace)
        self._refresh_around_edit()
        self._refresh_footer()
        return True

    def finish_editing(self) -> EditGrid.CellEdited | None:
        """Commit the cell being edited and hand back what it came to, instead of posting it.

        For a screen that is about to be left (another phase, the app closing), whose
        message queue would not get to a posted message in time.
        """
        return self._commit(post=False)

    # ---- drawing ---------------------------------------------------------------------------

    @property
    def _body_height(self) -> int:
        return max(self.size.height - 1, 1)

    def on_resize(self, event: events.Resize) -> None:
        self._widths = layout(self.columns, event.size.width, GAP)
        self._scroll_into_view()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._header_strip(width)
        strip = self._row_strip(self._top + y - 1, width)
        dropdown = self._dropdown_line(y)
        if dropdown is not None:
            x, segments, drop_width = dropdown
            strip = Strip.join([strip.crop(0, x), Strip(segments, drop_width),
                                strip.crop(x + drop_width, width)])
        return strip

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _header_strip(self, width: int) -> Strip:
        style = self.rich_style + self._style("edit-grid--header")
        segments: list[Segment] = []
        for index, (column, cell_width) in enumerate(zip(self.columns, self._widths, strict=True)):
            if index:
                segments.append(Segment(" " * GAP, style))
            mark = self._header_marks.get(column.key, "")
            title = column.title
            if column.short_title and cell_len(title) + (len(mark) + 1 if mark else 0) > cell_width:
                title = column.short_title
            title = f"{title} {mark}" if mark else title
            segments.append(Segment(_fit(title, cell_width), style))
        return Strip(segments).adjust_cell_length(width, style)

    def _row_strip(self, index: int, width: int) -> Strip:
        base = self.rich_style
        if index >= len(self._rows):
            if index == 0 and not self._rows and self.empty_text:
                muted = base + self._style("edit-grid--muted")
                return Strip([Segment(_fit(self.empty_text, width), muted)], width)
            return Strip.blank(width, base)
        row = self._rows[index]
        on_cursor_row = index == self._cursor.row
        row_style = base + self._style("edit-grid--cursor-row") if on_cursor_row else base
        segments: list[Segment] = []
        for column_index, (column, cell_width) in enumerate(
            zip(self.columns, self._widths, strict=True)
        ):
            if column_index:
                segments.append(Segment(" " * GAP, row_style))
            on_cursor = on_cursor_row and column_index == self._cursor.column
            edit = self._edit
            if on_cursor and edit is not None and edit.row_key == row.id:
                segments.extend(self._editor_segments(edit, cell_width, row_style))
                continue
            text = _one_line(column.shown(row))
            style = row_style + self._style("edit-grid--cursor") if on_cursor else row_style
            if column.problem is not None and column.problem(row):
                text = "⚠ " + text
                style += self._style("edit-grid--problem")
            segments.append(Segment(_fit(text, cell_width), style))
        return Strip(segments).adjust_cell_length(width, row_style)

    def _editor_segments(self, edit: CellEdit, width: int, row_style: Style) -> list[Segment]:
        """The text being typed, scrolled so the caret stays in the cell."""
        style = row_style + self._style("edit-grid--editor")
        caret = style + self._style("edit-grid--caret")
        text, cursor = visible_text(edit.text), edit.cursor
        start = max(0, cursor - width + 1)
        visible = text[start : start + width]
        before = visible[: cursor - start]
        under = visible[cursor - start : cursor - start + 1] or " "
        after = visible[cursor - start + 1 :]
        if edit.replace:
            # Nothing typed yet: the whole text is "selected", the first key replaces it.
            return [Segment(_fit(text, width), caret)]
        segments = [Segment(before, style), Segment(under, caret), Segment(after, style)]
        used = cell_len(before) + cell_len(under) + cell_len(after)
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return list(Strip(segments).crop(0, width))

    def _cell_x(self, column_index: int) -> int:
        return sum(self._widths[:column_index]) + GAP * column_index

    def _dropdown_geometry(self) -> tuple[int, int, int] | None:
        """(first screen line, x, width) of the drop-down under (or over) the edited cell."""
        edit = self._edit
        if edit is None or not edit.suggestions:
            return None
        count = len(edit.suggestions)
        cursor_line = self._cursor.row - self._top + 1
        below = self.size.height - cursor_line - 1
        first = cursor_line + 1 if below >= min(count, 3) or below >= cursor_line - 1 else max(
            1, cursor_line - count
        )
        width = min(max(self._widths[self._cursor.column], DROPDOWN_MIN_WIDTH), self.size.width)
        x = min(self._cell_x(self._cursor.column), self.size.width - width)
        return first, max(x, 0), width

    def _dropdown_line(self, y: int) -> tuple[int, list[Segment], int] | None:
        geometry = self._dropdown_geometry()
        edit = self._edit
        if geometry is None or edit is None:
            return None
        first, x, width = geometry
        index = y - first
        if not 0 <= index < len(edit.suggestions) or y >= self.size.height:
            return None
        suggestion = edit.suggestions[index]
        name = "edit-grid--dropdown-highlight" if index == edit.highlight else "edit-grid--dropdown"
        style = self.rich_style + self._style(name)
        number = f"{suggestion.number} " if suggestion.number is not None else ""
        return x, [Segment(_fit(f" {number}{suggestion.label}", width), style)], width

    # ---- moving ----------------------------------------------------------------------------

    def _move_to(self, row: int, column: int, *, force: bool = False) -> None:
        row = min(max(row, 0), max(len(self._rows) - 1, 0))
        column = min(max(column, 0), len(self.columns) - 1)
        old = self._cursor
        if not force and old == Cursor(row, column):
            return
        self._cursor = Cursor(row, column)
        if self._scroll_into_view() or force:
            self.refresh()
        else:
            self._refresh_row(old.row)
            self._refresh_row(row)
        current = self.current_row
        self.post_message(
            self.CursorMoved(self, current.id if current is not None else None,
                             self.cursor_column.key)
        )

    def _scroll_into_view(self) -> bool:
        """Scroll so the cursor row shows; True when the view moved."""
        top = self._top
        height = self._body_height
        row = self._cursor.row
        if row < top:
            top = row
        elif row >= top + height:
            top = row - height + 1
        top = max(0, min(top, max(len(self._rows) - height, 0)))
        moved = top != self._top
        self._top = top
        return moved

    def _refresh_row(self, row: int) -> None:
        line = row - self._top + 1
        if 1 <= line < self.size.height:
            self.refresh(Region(0, line, self.size.width, 1))

    def _refresh_footer(self) -> None:
        """The footer shows → for a suggestion only while there is one."""
        if self.is_attached and self.is_mounted:
            self.refresh_bindings()

    def _refresh_around_edit(self) -> None:
        """Redraw the edited row and, when there is a drop-down, the lines it covers."""
        if (self._edit is not None and self._edit.suggestions) or self._had_dropdown:
            self.refresh()
        else:
            self._refresh_row(self._cursor.row)
        had = self._had_dropdown
        self._had_dropdown = bool(self._edit is not None and self._edit.suggestions)
        if had != self._had_dropdown:
            self._refresh_footer()

    def action_cursor(self, rows: int, columns: int) -> None:
        self._move_to(self._cursor.row + rows, self._cursor.column + columns)

    def action_next_cell(self, step: int) -> bool:
        """Tab: the next cell, on to the next row after the last column; False at the edge."""
        row, column = self._cursor.row, self._cursor.column + step
        if column >= len(self.columns):
            row, column = row + 1, 0
        elif column < 0:
            row, column = row - 1, len(self.columns) - 1
        if not 0 <= row < len(self._rows):
            return False
        self._move_to(row, column)
        return True

    def action_row_edge(self, end: int) -> None:
        self._move_to(self._cursor.row, len(self.columns) - 1 if end else 0)

    def action_grid_edge(self, end: int) -> None:
        self._move_to(len(self._rows) - 1 if end else 0, self._cursor.column)

    def action_page(self, pages: int) -> None:
        step = max(self._body_height - 1, 1) * pages
        self._top = max(0, min(self._top + step, max(len(self._rows) - self._body_height, 0)))
        self._move_to(self._cursor.row + step, self._cursor.column, force=True)

    def action_edit(self) -> None:
        """Enter: edit the cell's text with the caret at the end (while editing: go
        to the end)."""
        if self._edit is not None:
            self._edit.end()
            self._refresh_around_edit()
            return
        self.start_editing(replace=False)

    def action_take_suggestion(self) -> None:
        edit = self._edit
        if edit is not None and edit.take_suggestion():
            self._refresh_around_edit()
        else:
            self.action_cursor(0, 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_suggestion":
            return bool(self._edit is not None and self._edit.suggestions
                         and self._edit.column.kind in (CellKind.PARTIES, CellKind.PARTY))
        return True

    def action_copy_above(self) -> None:
        """The cell of the row above, typed into this one: committed at once, or, while
        editing, put in the editor to go on from (Tab then moves on as usual)."""
        index = self._cursor.row
        column = self.cursor_column
        if index < 1 or index >= len(self._rows) or not column.editable or self.read_only:
            self.app.bell()
            return
        text = column.text_for_editing(self._rows[index - 1])
        editing = self._edit is not None
        if not editing and not self.start_editing(replace=False):
            return
        assert self._edit is not None
        self._edit.replace_text(text)
        self._refresh_around_edit()
        if not editing:
            self._commit()

    def action_clear_cell(self) -> None:
        row = self.current_row
        column = self.cursor_column
        if row is None or not column.editable or self.read_only:
            return
        empty: Any = [] if column.kind is CellKind.PARTIES else ""
        self._send(self.CellEdited(self, row.id, column.key, empty))

    def action_long_edit(self) -> None:
        """Open the roomy editor for the cell (from the text being typed, if any)."""
        row = self.current_row
        column = self.cursor_column
        if row is None or not column.editable or self.read_only:
            return
        if column.kind is not CellKind.LONG_TEXT:
            self.notify(t("tui.grid.no_long_text", column=column.title), markup=False, timeout=3)
            return
        text = self._edit.text if self._edit is not None else column.text_for_editing(row)
        self._stop_editing()
        row_key, column_key = row.id, column.key

        def done(result: str | None) -> None:
            if result is not None and result.strip() != column.text_for_editing(row).strip():
                self._send(self.CellEdited(self, row_key, column_key, result.strip()))
            self.focus()

        self.app.push_screen(LongTextModal(column.title, text), done)

    # ---- typing ----------------------------------------------------------------------------

    async def on_key(self, event: events.Key) -> None:
        # Keys that reach the grid through Textual's queues (no app handing them over).
        if await self.take_key(event):
            event.stop()
            event.prevent_default()

    async def take_key(self, event: events.Key) -> bool:
        """Handle `event` now, bindings of the grid, screen and app included; False leaves
        it to Textual (a priority binding, or a key nothing here knows)."""
        character = typed_character(event)
        if character is not None and event.key.startswith("alt+") and event.key[4:].removeprefix(
            "shift+") in (character, character.lower(), _key_name(character)):
            # Esc and a letter within the terminal's escape delay: both, in that order.
            await self._take(events.Key("escape", "\x1b"))
            return await self._take(events.Key(_key_name(character), character))
        return await self._take(event)

    async def _take(self, event: events.Key) -> bool:
        key, character = event.key, typed_character(event)
        # A typed character is the cell's: the bindings are looked up for other keys only.
        binding = None if character is not None or not self.is_attached else (
            self.screen.active_bindings.get(key))
        if binding is not None and binding.binding.priority:
            return False
        chosen, self._chosen = self._chosen, None
        if key == "enter" and chosen is not None and chosen == self._cell_here():
            # A digit set the choice already: Enter confirms it, as in a spreadsheet, and moves on.
            self.action_cursor(1, 0)
            return True
        if self.intercept is not None and self.intercept(key, character):
            return True
        if self._capture is not None and self._capture_key(key, character):
            return True
        if self._edit is not None and self._edit_key(key, character):
            return True
        if character == "?" and self._edit is None:
            return False  # the help key: typed into a cell only once it is being edited
        if self._edit is None and character is not None and key not in ("enter", "tab"):
            if self.current_row is not None:
                self._type_on_cell(character)
                return True
            if self.capture_line is not None and not self.read_only:
                self.start_capture()
                return self._capture_key(key, character)
        if binding is not None and binding.enabled:
            await self.app.run_action(binding.binding.action, binding.node)
            return True
        return False

    def on_paste(self, event: events.Paste) -> None:
        if self._capture is not None:
            self._capture.insert(event.text)
            self._show_capture()
            event.stop()
            return
        if self._edit is None and not self.start_editing(""):
            return
        if self._edit is not None:
            self._edit.insert(event.text)
            self._refresh_around_edit()
            event.stop()

    def _cell_here(self) -> tuple[str, str] | None:
        """The cell under the cursor as (row id, column key), when there is a row."""
        row = self.current_row
        return (row.id, self.cursor_column.key) if row is not None and self._edit is None else None

    def _type_on_cell(self, character: str) -> None:
        column = self.cursor_column
        row = self.current_row
        if row is None:
            return
        choosing = column.kind in (CellKind.CHOICE, CellKind.CHOICE_TEXT)
        if choosing and character.isdigit() and not self.read_only:
            options = list(column.options(row))
            number = int(character)
            if 1 <= number <= len(options):
                option = options[number - 1]
                choice = option if column.kind is CellKind.CHOICE_TEXT else option.key
                self._send(self.CellEdited(self, row.id, column.key, choice))
                self._chosen = (row.id, column.key)
            else:
                self.app.bell()
            return
        self.start_editing(character)

    def _edit_key(self, key: str, character: str | None) -> bool:
        """Handle a key while editing; False lets it go on to the bindings (undo, phases)."""
        edit = self._edit
        assert edit is not None
        if key == "escape":
            self._flow = False
            self._stop_editing()
        elif key == "enter":
            self._commit()
            if self._flow and self.capture_line is not None:
                self.start_capture()
        elif key in ("tab", "shift+tab"):
            self._commit()
            if self.action_next_cell(-1 if key == "shift+tab" else 1):
                self.start_editing()
            else:
                self._flow = False
        elif key in ("up", "down"):
            if not edit.move_highlight(-1 if key == "up" else 1):
                self._flow = False
                self._commit()
                self.action_cursor(-1 if key == "up" else 1, 0)
        elif key == "left":
            edit.move(-1)
        elif key == "right":
            if not edit.take_suggestion():
                edit.move(1)
        elif key == "home":
            edit.home()
        elif key == "end":
            edit.end()
        elif key == "backspace":
            edit.backspace()
        elif key == "delete":
            edit.delete()
        elif key == "ctrl+u":
            edit.clear()
        elif key == "ctrl+e":
            self.action_long_edit()
            return True
        elif key in ("ctrl+z", "ctrl+y"):
            return self._undo_key(edit, undo=key == "ctrl+z")
        elif character is not None:
            edit.insert(character)
        else:
            return False
        self._refresh_around_edit()
        return True

    def _undo_key(self, edit: CellEdit, *, undo: bool) -> bool:
        """ctrl+z / ctrl+y while editing: first the typing in the editor, step by step.
        With nothing typed to take back, the edit closes (it holds nothing) and the key
        goes on to the session's undo, which moves the cursor to what it changed."""
        if edit.undo() if undo else edit.redo():
            self._refresh_around_edit()
            return True
        if edit.changed:  # ctrl+y with typing kept: the session's redo would lose it
            self.app.bell()
            return True
        self._flow = False
        self._stop_editing()
        return False

    def _send(self, message: EditGrid.CellEdited) -> None:
        if self.on_commit is not None:
            self.on_commit(message)
        else:
            self.post_message(message)

    def _commit(self, *, post: bool = True) -> EditGrid.CellEdited | None:
        edit = self._edit
        if edit is None:
            return None
        value = edit.result()
        self._stop_editing()
        if value is NO_CHANGE:
            if edit.typed:
                self.app.bell()
            return None
        message = self.CellEdited(self, edit.row_key, edit.column.key, value)
        if post:
            self._send(message)
        return message

    def _stop_editing(self) -> None:
        if self._edit is not None:
            self._edit = None
            self._refresh_around_edit()
            self._refresh_footer()

    def on_blur(self) -> None:
        # Focus moved to another widget of this screen (a click, the search field): keep what
        # was typed. Leaving the screen or closing the app is the screen's to handle, with
        # `finish_editing`, because a message posted now might never be read.
        if self._edit is not None and self.screen.focused not in (None, self):
            self._commit()
        if self._capture is not None and self.screen.focused not in (None, self):
            self.stop_capture()

    # ---- the capture line ------------------------------------------------------------------

    @property
    def capturing(self) -> bool:
        return self._capture is not None

    def start_capture(self) -> None:
        """Type into the capture line (the grid keeps the focus), from the text kept there."""
        if self.capture_line is None or self.read_only:
            return
        self._commit()
        self._flow = False
        kept = self.capture_line.text
        self._capture = CellEdit.start(CAPTURE_COLUMN, "", kept, None, replace=False)
        self._show_capture()

    def stop_capture(self) -> None:
        """Back to the grid; what was typed in the capture line stays there."""
        capture = self._capture
        self._capture = None
        if self.capture_line is not None:
            self.capture_line.show(text=capture.text if capture else None)

    def finish_capture(self) -> str:
        """The text typed in the capture line and not yet made a row (the screen is left)."""
        text = self._capture.text if self._capture is not None else (
            self.capture_line.text if self.capture_line is not None else "")
        self._capture = None
        if self.capture_line is not None:
            self.capture_line.show(text="")
        return text.strip()

    def _show_capture(self) -> None:
        if self.capture_line is not None:
            capture = self._capture
            self.capture_line.show(text=capture.text if capture else None, edit=capture)

    def _capture_key(self, key: str, character: str | None) -> bool:
        capture = self._capture
        assert capture is not None
        if key == "escape":  # cancels: the next ctrl+n starts from an empty line
            capture.clear()
            self.stop_capture()
            return True
        if key in ("enter", "tab"):
            text = capture.text.strip()
            if not text:
                self.stop_capture()
                return True
            row_key = self.on_capture(text) if self.on_capture is not None else None
            capture.clear()
            self._show_capture()
            if row_key is not None and key == "tab":
                self._capture = None
                self._show_capture()
                title = self._title_column()
                if self.move_to(row_key, self.columns[min(title + 1,
                                                          len(self.columns) - 1)].key):
                    self._flow = True
                    self.start_editing()
            return True
        if key in ("up", "down"):
            self.stop_capture()
            return False
        if key == "left":
            capture.move(-1)
        elif key == "right":
            capture.move(1)
        elif key == "home":
            capture.home()
        elif key == "end":
            capture.end()
        elif key == "backspace":
            capture.backspace()
        elif key == "delete":
            capture.delete()
        elif key == "ctrl+u":
            capture.clear()
        elif key == "ctrl+b":
            self._copy_title_into_capture(capture)
        elif key in ("ctrl+z", "ctrl+y"):
            # The line's own typing first; then the session's, the line kept as it is.
            if not (capture.undo() if key == "ctrl+z" else capture.redo()):
                return False
        elif character is not None:
            capture.insert(character)
        else:
            return False
        self._show_capture()
        return True

    def _title_column(self) -> int:
        """The column the capture line types: the first long text (Actie)."""
        return next((i for i, c in enumerate(self.columns) if c.kind is CellKind.LONG_TEXT), 0)

    def _copy_title_into_capture(self, capture: CellEdit) -> None:
        """ctrl+b in the capture line: the title of the row the new one follows, into the
        line; no row is written."""
        row = self.current_row
        if row is None:
            self.app.bell()
            return
        capture.replace_text(self.columns[self._title_column()].text_for_editing(row))

    # ---- mouse -----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        row = self._top + event.y - 1
        x = 0
        for index, width in enumerate(self._widths):
            if event.x < x + width + GAP:
                self._commit()
                self._move_to(row, index)
                break
            x += width + GAP
        self.focus()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(3)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-3)
        event.stop()

    def _scroll_by(self, lines: int) -> None:
        top = max(0, min(self._top + lines, max(len(self._rows) - self._body_height, 0)))
        if top != self._top:
            self._top = top
            row = min(max(self._cursor.row, top), top + self._body_height - 1)
            self._move_to(row, self._cursor.column, force=True)

"""The grid on its own, with plain rows: what it draws and the messages it sends up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.app import App, ComposeResult

from pact_tui.tui.widgets.grid import CellKind, Column, EditGrid, Option


@dataclass
class Row:
    id: str
    name: str
    kind: str = ""


KINDS = [Option("gemeente", "Gemeente"), Option("corporatie", "Woningcorporatie")]


class GridApp(App[None]):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.edits: list[tuple[str, str, Any]] = []

    def compose(self) -> ComposeResult:
        yield EditGrid([
            Column("name", "Naam", lambda r: r.name, min_width=10, ratio=1),
            Column("kind", "Soort", lambda r: r.kind, CellKind.CHOICE, 12,
                   options=lambda row: KINDS),
        ])

    def on_mount(self) -> None:
        grid = self.query_one(EditGrid)
        grid.set_rows(self.rows)
        grid.focus()

    def on_edit_grid_cell_edited(self, message: EditGrid.CellEdited) -> None:
        self.edits.append((message.row_key, message.column_key, message.value))


async def test_it_sends_what_was_typed_and_changes_nothing_itself() -> None:
    app = GridApp([Row("a", "Hoorn"), Row("b", "Intermaris")])
    async with app.run_test() as pilot:
        await pilot.press("down", "Z", "o", "enter", "right", "2")
        await pilot.pause()
        assert app.edits == [("b", "name", "Zo"), ("b", "kind", "corporatie")]
        assert app.rows[1].name == "Intermaris"


async def test_markup_in_rows_is_drawn_as_typed() -> None:
    app = GridApp([Row("a", "[bold]x[/bold] [/x]")])
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "[bold]x[/bold] [/x]" in app.query_one(EditGrid).render_line(1).text


async def test_a_resize_while_editing_keeps_the_edit() -> None:
    app = GridApp([Row("a", "Hoorn")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("H", "o")
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        await pilot.press("o", "enter")
        await pilot.pause()
        assert app.edits == [("a", "name", "Hoo")]
        assert app.query_one(EditGrid).size.width == 50


async def test_rows_replaced_keep_the_cursor_on_the_same_row() -> None:
    app = GridApp([Row("a", "A"), Row("b", "B"), Row("c", "C")])
    async with app.run_test() as pilot:
        grid = app.query_one(EditGrid)
        await pilot.press("down", "down")
        grid.set_rows([Row("c", "C"), Row("a", "A")])
        assert grid.current_row is not None and grid.current_row.id == "c"
        grid.set_rows([])
        assert grid.current_row is None
        await pilot.press("x", "down", "enter")  # nothing to edit: no crash, no message
        assert app.edits == []


async def test_ctrl_b_copies_the_cell_above_and_alt_letter_is_esc_then_the_letter() -> None:
    app = GridApp([Row("a", "Hoorn", "gemeente"), Row("b", "Intermaris")])
    async with app.run_test() as pilot:
        await pilot.press("down", "right", "ctrl+b")  # not editing: committed at once
        await pilot.press("left", "X", "ctrl+b")  # editing: the text above, to go on from
        await pilot.press("n")
        # Esc and z within the terminal's escape delay, as Textual reads them: alt+z.
        app.post_message(events.Key("alt+z", "z"))  # Esc cancels that edit; z starts one
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.edits == [("b", "kind", "gemeente"), ("b", "name", "z")]
        await pilot.press("up", "ctrl+b")  # the first row has nothing above: nothing happens
        await pilot.pause()
        assert len(app.edits) == 2

"""Every field of the action template, walked through every place that shows it: the grid
(in its group of columns), sort, search, the detail pane, completeness, the merge screen's
fields, the Word table and the spreadsheet. A field added to the template is checked here
without a line of this file changing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import pytest
from openpyxl import load_workbook
from textual.widgets import Input, Static

from pact_tui.export import export_programme
from pact_tui.merge.report import field_text
from pact_tui.model import Action, PartyRef, Planning, RegionProfile, Session, SessionMeta
from pact_tui.model.rules import missing_fields
from pact_tui.model.template import ACTION_TEMPLATE, FieldGroup, FieldKind, TemplateField
from pact_tui.sheets import write_xlsx
from pact_tui.tui.widgets.conflict_versions import SHOWN_FIELDS
from tests.tui.conftest import open_actions

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui

FIELDS = [pytest.param(field, id=field.key) for field in ACTION_TEMPLATE]


def value(field: TemplateField, which: int, profile: RegionProfile) -> Any:
    """A value of `field` for the first (0) or the second (1) action, by the field's kind,
    the first's lower: so a field added to the template gets values here by itself."""
    word = ("Aardwarmte", "Zonnedaken")[which]
    kind = field.kind
    if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        return f"{word} {field.key}"
    if kind is FieldKind.CHOICE:
        assert field.choices is not None
        return field.choices(profile)[which].key
    if kind is FieldKind.PLANNING:
        assert field.choices is not None
        return Planning(horizon=field.choices(profile)[which].key, start_year=2026 + 3 * which)
    if kind is FieldKind.PARTIES:
        return (PartyRef(name=f"{word} {field.key}"),)
    if kind is FieldKind.PARTY:
        return PartyRef(name=f"{word} {field.key}")
    if kind is FieldKind.DATE:
        return (dt.date(2026, 1, 5), dt.date(2027, 9, 30))[which]
    raise AssertionError(f"no test value for a field of kind {kind}")


def first_and_second(profile: RegionProfile) -> tuple[Action, Action]:
    """Two actions that differ in every field, the first lower in each (so it sorts
    first), the second first in the facilitator's own order."""
    first, second = (Action(position=1 - which, **{
        field.key: value(field, which, profile) for field in ACTION_TEMPLATE})
        for which in (0, 1))
    return first, second


def emptied(action: Action, field: TemplateField) -> Action | None:
    """`action` with `field` at the model's default; None where the model needs a value."""
    info = Action.model_fields[field.key]
    if info.is_required():
        return None
    return action.model_copy(update={field.key: info.get_default(call_default_factory=True)})


@pytest.mark.parametrize("field", FIELDS)
async def test_every_field_is_in_the_grid_sort_search_and_detail(
        field: TemplateField, ui: Ui, make_session: MakeSession,
        profile: RegionProfile) -> None:
    first, second = first_and_second(profile)
    app = ui.app(make_session(actions=(first, second)))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        grid = screen.grid

        # The grid: the column is there, in its group (ctrl+x switches), headed by its label.
        for _ in FieldGroup:  # ctrl+x steps through the groups
            if field.pinned or screen.column_group is field.group:
                break
            await pilot.press("ctrl+x")
        assert screen.column_group is field.group or field.pinned
        assert field.key in [column.key for column in grid.columns]
        header = grid.render_line(0).text
        assert field.label in header or field.short_label in header

        # Sort by it: ctrl+r on its column puts the lower value first; again, reversed.
        assert [row.id for row in grid.rows] == [second.id, first.id]
        grid.move_to(second.id, field.key)
        await pilot.press("ctrl+r")
        assert [row.id for row in grid.rows] == [first.id, second.id]
        await pilot.press("ctrl+r")
        assert [row.id for row in grid.rows] == [second.id, first.id]
        await pilot.press("ctrl+r")

        # Search: the field's text as shown finds its action, and not the other.
        search = screen.query_one("#actions-search", Input)
        search.value = field.text(first, profile)
        await ui.wait_until(pilot, lambda: [row.id for row in grid.rows] == [first.id])
        search.value = ""
        await ui.wait_until(pilot, lambda: len(grid.rows) == 2)

        # The detail pane shows it for the action under the cursor.
        grid.move_to(second.id)
        await pilot.pause()
        detail = str(screen.query_one("#action-detail", Static).content)
        assert field.text(second, profile) in detail


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_counts_for_completeness_as_the_template_says(
        field: TemplateField, profile: RegionProfile) -> None:
    first, _ = first_and_second(profile)
    assert missing_fields(first) == ()
    empty = emptied(first, field)
    if empty is None or field.filled(empty):
        assert not field.required  # a field that cannot be empty cannot be required
        return
    assert missing_fields(empty) == ((field.key,) if field.required else ())


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_is_shown_in_words_by_the_merge_screen(
        field: TemplateField, profile: RegionProfile) -> None:
    first, _ = first_and_second(profile)
    content = first.content()
    assert field.key in SHOWN_FIELDS
    assert field_text(field.key, content[field.key], profile) == field.text(first, profile)


def test_the_word_table_has_the_fields_with_a_share_of_the_page(
        tmp_path: Path, profile: RegionProfile) -> None:
    first, second = first_and_second(profile)
    meta = SessionMeta(profile=profile, title="Programma")
    path = export_programme(Session(meta=meta, actions=(first, second)),
                            tmp_path / "programma.docx")
    headers = {cell.text for table in docx.Document(str(path)).tables for row in table.rows
               if row._tr.xpath("./w:trPr/w:tblHeader") for cell in row.cells}
    for field in ACTION_TEMPLATE:
        assert (field.label in headers) == (field.page_share > 0), field.key


def test_the_spreadsheet_has_every_field(tmp_path: Path, profile: RegionProfile) -> None:
    first, second = first_and_second(profile)
    meta = SessionMeta(profile=profile, title="Programma")
    path = write_xlsx(Session(meta=meta, actions=(first, second)), tmp_path / "acties.xlsx")
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    header = list(rows[0])
    by_title = {row[header.index(ACTION_TEMPLATE[1].label)]: row for row in rows[1:]}
    for field in ACTION_TEMPLATE:
        cell = by_title[first.title][header.index(field.label)]
        shown = cell.date().isoformat() if isinstance(cell, dt.datetime) else str(cell)
        assert shown == field.text(first, profile), field.key

"""A programme's actions and commitments written as an .xlsx a trekker can fill in.

One sheet of actions (the template's columns, Dutch headers, frozen header row, filters,
drop-down lists for theme, scale, horizon, status and light) with the item id, the
version written and a check of the row in hidden columns, so the sheet can come back
(`pact_tui.sheets.importing`); a second sheet lists the commitments.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.worksheet import Worksheet

from pact_tui.i18n import t
from pact_tui.model import Session
from pact_tui.model.template import ACTION_TEMPLATE, FieldKind, TemplateField
from pact_tui.sheets.columns import CHECK, HIDDEN_HEADERS, ID, VERSION
from pact_tui.sheets.reading import SheetError
from pact_tui.sheets.rows import row_check

# Characters per unit of a column's ratio, and the bounds of a column's width.
_WIDE = 14
_MIN, _MAX = 8, 60
_LIST_ROWS = 1_048_575


def _width(field: TemplateField, texts: Sequence[str]) -> float:
    longest = max((len(text) for text in texts), default=0)
    wanted = max(len(field.label) + 3, min(longest + 2, int(field.ratio * _WIDE)))
    return float(min(max(wanted, _MIN, field.min_width), _MAX))


def _choices(session: Session, field: TemplateField) -> list[str]:
    assert field.choices is not None
    return [choice.label for choice in field.choices(session.profile)]


def _write_actions(book: xlsxwriter.Workbook, sheet: Worksheet, session: Session) -> None:
    profile = session.profile
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "top",
                              "bg_color": "#D9E2F3", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    date = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    columns = list(ACTION_TEMPLATE)
    hidden = [HIDDEN_HEADERS[ID], HIDDEN_HEADERS[VERSION], HIDDEN_HEADERS[CHECK]]
    sheet.write_row(0, 0, [field.label for field in columns] + hidden, header)
    actions = sorted(session.actions, key=lambda a: (
        ACTION_TEMPLATE[0].sort_key(a, profile), a.position))
    texts_by_column: list[list[str]] = [[] for _ in columns]
    dates = [index for index, field in enumerate(columns) if field.kind is FieldKind.DATE]
    for row, action in enumerate(actions, start=1):
        texts = [field.text(action, profile) for field in columns]
        for column, text in enumerate(texts):
            texts_by_column[column].append(text)
        sheet.write_row(row, 0, texts, wrap)
        for column in dates:
            day = getattr(action, columns[column].key)
            if day is not None:
                sheet.write_datetime(row, column, day, date)
        sheet.write_row(row, len(columns), [action.id, action.fingerprint(), row_check(texts)])
    last = max(len(actions), 1)
    for column, field in enumerate(columns):
        sheet.set_column(column, column, _width(field, texts_by_column[column]))
    sheet.set_column(len(columns), len(columns) + 2, None, None, {"hidden": True})
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, last, len(columns) - 1)


def _validations(book: xlsxwriter.Workbook, sheet: Worksheet, session: Session) -> None:
    """A drop-down per choice column, its list on a hidden sheet (no 255-character limit)."""
    lists = book.add_worksheet(t("sheets.lists_sheet"))
    lists.hide()
    columns = list(ACTION_TEMPLATE)
    keys = [field.key for field in columns]
    wanted = [field.key for field in columns
              if field.kind in (FieldKind.CHOICE, FieldKind.PLANNING) and field.choices]
    for index, key in enumerate(wanted):
        field = columns[keys.index(key)]
        labels = _choices(session, field)
        lists.write_string(0, index, field.label)
        lists.write_column(1, index, labels)
        letter = xlsxwriter.utility.xl_col_to_name(index)
        source = f"='{lists.name}'!${letter}$2:${letter}${len(labels) + 1}"
        # A planning cell holds years and timing besides the horizon: a list to pick
        # from, not a rule.
        sheet.data_validation(1, keys.index(key), _LIST_ROWS, keys.index(key), {
            "validate": "list", "source": source,
            "show_error": field.kind is not FieldKind.PLANNING,
            "error_title": field.label,
            "error_message": t("sheets.pick_from_list", field=field.label)})


def _write_commitments(book: xlsxwriter.Workbook, session: Session) -> None:
    sheet = book.add_worksheet(t("sheets.commitments_sheet"))
    header = book.add_format({"bold": True, "bg_color": "#D9E2F3", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    titles = {action.id: action.title for action in session.actions}
    sheet.write_row(0, 0, [t("sheets.commitment.action"), t("sheets.commitment.party"),
                           t("sheets.commitment.role"), t("sheets.commitment.text"),
                           HIDDEN_HEADERS[ID], HIDDEN_HEADERS[VERSION]], header)
    for row, commitment in enumerate(session.commitments, start=1):
        sheet.write_row(row, 0, [titles.get(commitment.action_id, ""), commitment.party.name,
                                 t(f"sheets.role.{commitment.role}"), commitment.text], wrap)
        # The commitment's id and the version written, hidden: a changed row comes back as
        # an edit of that commitment, a deleted row as its deletion.
        sheet.write_row(row, 4, [commitment.id, commitment.fingerprint()])
    for column, width in enumerate((50, 30, 12, 60)):
        sheet.set_column(column, column, width)
    sheet.set_column(4, 5, None, None, {"hidden": True})
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(session.commitments), 1), 3)


def write_xlsx(session: Session, path: Path) -> Path:
    """The workbook at `path`, written whole to a temporary file first, then put in place."""
    folder = path.parent
    if not folder.is_dir():
        raise SheetError(t("sheets.no_folder", folder=str(folder)))
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise SheetError(t("sheets.cannot_write", file=str(path),
                           reason=error.strerror or str(error))) from None
    os.close(fd)
    try:
        book = xlsxwriter.Workbook(temporary, {"constant_memory": False,
                                               "strings_to_formulas": False,
                                               "strings_to_urls": False})
        book.set_properties({"title": session.meta.title, "author": "pact-tui"})
        sheet = book.add_worksheet(t("sheets.actions_sheet"))
        _write_actions(book, sheet, session)
        _write_commitments(book, session)
        _validations(book, sheet, session)
        book.close()
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, path)
    except (OSError, FileCreateError) as error:
        Path(temporary).unlink(missing_ok=True)
        raise SheetError(t("sheets.cannot_write", file=str(path), reason=str(error))) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path

"""Benchmark: a 5,000-action programme out as .xlsx and read back in, against the libraries
doing the bare work on the same cells in the same run.

Export: `write_xlsx` (texts from the template, formats, widths, drop-downs, hidden ids)
against XlsxWriter writing the same cells (the visible texts, the three hidden columns
and the commitments) with `write_row` and nothing else.
Import: reading that sheet into actions (header, mapping, every value matched against
the profile and the stakeholders, validated) against calamine reading its cells.
Target: at most 2x each.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import xlsxwriter
from python_calamine import CalamineWorkbook

from bench.bench_export import programme
from bench.harness import Figure, median_time
from pact_tui.model import Session
from pact_tui.model.template import ACTION_TEMPLATE
from pact_tui.sheets import new_session, open_sheet, read_actions, write_xlsx
from pact_tui.sheets.rows import row_check

ACTIONS = 5_000
REPEATS = 3
TARGET = 2.0


def _bare_write(sheets: list[list[list[str]]], path: Path) -> None:
    book = xlsxwriter.Workbook(str(path))
    for rows in sheets:
        sheet = book.add_worksheet()
        for number, row in enumerate(rows):
            sheet.write_row(number, 0, row)
    book.close()


def _cells(session: Session) -> list[list[list[str]]]:
    """The cells the export writes: per action the texts, id, version and check; per
    commitment its four texts."""
    profile = session.profile
    actions = [[field.label for field in ACTION_TEMPLATE] + ["id", "version", "check"]]
    for action in session.actions:
        texts = [field.text(action, profile) for field in ACTION_TEMPLATE]
        actions.append([*texts, action.id, action.fingerprint(), row_check(texts)])
    titles = {action.id: action.title for action in session.actions}
    commitments = [["Actie", "Partij", "Rol", "Toezegging"]]
    commitments += [[titles[c.action_id], c.party.name, c.role, c.text]
                    for c in session.commitments]
    return [actions, commitments]


def _bare_read(path: Path) -> int:
    book = CalamineWorkbook.from_path(str(path))
    return len(book.get_sheet_by_name(book.sheet_names[0]).to_python())


def _import(path: Path, session: Session, folder: Path) -> int:
    opened = open_sheet(path, None, folder)
    result = read_actions(opened.data_rows, opened.mapping, session.profile, session.stakeholders)
    return len(new_session(result, session.profile, "bench").session.actions)


def run() -> list[Figure]:
    session = programme(ACTIONS)
    with tempfile.TemporaryDirectory(prefix="bench-sheets-") as name:
        folder = Path(name)
        ours, bare = folder / "ours.xlsx", folder / "bare.xlsx"
        cells = _cells(session)
        export = median_time(lambda: write_xlsx(session, ours), REPEATS)
        baseline_export = median_time(lambda: _bare_write(cells, bare), REPEATS)
        assert _import(ours, session, folder) == ACTIONS
        read = median_time(lambda: _import(ours, session, folder), REPEATS)
        baseline_read = median_time(lambda: _bare_read(ours), REPEATS)
    print(f"export {export:.3f} s vs bare XlsxWriter {baseline_export:.3f} s")
    print(f"import {read:.3f} s vs bare calamine {baseline_read:.3f} s")
    return [
        Figure(f"xlsx export of {ACTIONS:,} actions", round(export, 4), "s",
               baseline_name="XlsxWriter, same cells bare",
               baseline_value=round(baseline_export, 4),
               target_ratio=TARGET),
        Figure(f"xlsx import of {ACTIONS:,} actions", round(read, 4), "s",
               baseline_name="calamine reading the cells", baseline_value=round(baseline_read, 4),
               target_ratio=TARGET),
    ]

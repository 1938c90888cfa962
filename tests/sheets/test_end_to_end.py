"""A list made by hand becomes a session, merges into the demo programme, goes out as
.xlsx, comes back with three statuses changed, and the progress report shows them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from openpyxl import load_workbook

from pact_tui.export.wording import long_date
from pact_tui.store import read_session
from tests.sheets.conftest import FIXTURES, RunCli


def test_a_hand_made_list_round_trips_into_the_progress_report(
        cli: RunCli, tmp_path: Path, programme_file: Path) -> None:
    imported = tmp_path / "import.json"
    assert cli("import", FIXTURES / "actielijst-2024.ods", "-o", imported, "--yes").code == 0
    programme = tmp_path / "programma-2.json"
    run = cli("merge", programme_file, imported, "-o", programme)
    assert run.code == 0, run.err
    titles = {action.title for action in read_session(programme).actions}
    assert {"Warmtenet Hoorn-Noord", "Techniekpact scholen"} <= titles

    sheet = tmp_path / "programma.xlsx"
    assert cli("export", programme, "-o", sheet).code == 0
    book = load_workbook(sheet)
    actions = book["Acties"]
    headings = [cell.value for cell in actions[1]]
    status = headings.index("Status") + 1
    changed = {}
    for row, value in ((2, "afgerond"), (4, "in uitvoering"), (7, "vervallen")):
        actions.cell(row, status).value = value
        changed[actions.cell(row, headings.index("Actie") + 1).value] = value
    book.save(tmp_path / "terug.xlsx")

    update = tmp_path / "voortgang.json"
    run = cli("import", tmp_path / "terug.xlsx", "--programme", programme, "-o", update,
              "--yes")
    assert run.code == 0, run.err
    assert "0 nieuwe acties, 3 bijgewerkte acties" in run.out
    final = tmp_path / "programma-3.json"
    assert cli("merge", programme, update, "-o", final).code == 0
    statuses = {a.title: a.status for a in read_session(final).actions if a.title in changed}
    assert statuses == {title: {"afgerond": "done", "in uitvoering": "in-progress",
                                "vervallen": "dropped"}[value]
                        for title, value in changed.items()}

    report = tmp_path / "voortgang.docx"
    today = dt.date.today()
    assert cli("export", final, "--progress", "--since", today.isoformat(), "-o", report).code == 0
    paragraphs = [p.text for p in docx.Document(str(report)).paragraphs]
    start = paragraphs.index(f"Gewijzigd sinds {long_date(today)}")
    listed = paragraphs[start + 1:]
    for title, value in changed.items():
        assert any(text.startswith(title) and f"Status: {value}" in text for text in listed)

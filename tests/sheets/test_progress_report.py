"""The progress report read back: counts per theme, the actions not on track with their
notes, what changed since a date, in the draft's styles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from pact_tui.export.progress import export_progress
from pact_tui.model import Session
from pact_tui.store import write_session
from tests.sheets.conftest import RunCli

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def _with_progress(programme: Session) -> Session:
    first, second, third, *rest = programme.actions
    return programme.model_copy(update={"actions": (
        first.edited(status="in-progress", light="problem", progress_note="Geen locatie gevonden",
                     progress_date=dt.date(2026, 5, 2)),
        second.edited(status="in-progress", light="attention", progress_note="Wacht op de raad",
                      progress_date=dt.date(2026, 3, 1)),
        third.edited(status="done", light="on-track", progress_date=dt.date(2026, 5, 20)),
        *rest)})


def test_the_report_counts_names_what_is_not_green_and_what_changed(
        tmp_path: Path, demo_programme: Session) -> None:
    session = _with_progress(demo_programme)
    out = export_progress(session, tmp_path / "voortgang.docx", since=dt.date(2026, 5, 1))
    document = docx.Document(str(out))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    first, second, third = session.actions[:3]
    profile = session.profile

    assert texts[0].startswith("Voortgangsrapportage")
    # Dates read as an official writes them, never as 2026-05-01.
    today = dt.date.today()
    assert texts[1] == f"Stand van {today.day} {_MONTHS[today.month - 1]} {today.year}"
    assert "bijgewerkt: 2 mei 2026" in " ".join(texts)
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Thema", "● op schema", "▲ aandacht", "■ knelpunt", "geen stoplicht",
                      "Totaal"]
    totals = sum(int(row.cells[-1].text) for row in document.tables[0].rows[1:])
    assert totals == len(session.actions)

    headings = [text for style, text in paragraphs if style == "Heading 2"]
    assert sorted(headings) == sorted([first.title, second.title])
    assert "Geen locatie gevonden" in texts and "Wacht op de raad" in texts
    assert any("■ knelpunt" in text for text in texts)
    assert profile.theme_label(first.theme) in [text for style, text in paragraphs
                                                 if style == "Heading 1"]

    since = texts.index("Gewijzigd sinds 1 mei 2026")
    changed = [text for style, text in paragraphs[since + 1:] if style == "List Bullet"]
    assert [text.split(" – ")[0] for text in changed] == [third.title, first.title]


def test_the_command_writes_the_report(cli: RunCli, tmp_path: Path,
                                       demo_programme: Session) -> None:
    path = tmp_path / "programma.json"
    write_session(path, _with_progress(demo_programme))
    out = tmp_path / "voortgang.docx"
    run = cli("export", path, "--progress", "--since", "2026-05-01", "-o", out)
    assert run.code == 0, run.err
    assert "Voortgangsrapportage geschreven" in run.out
    assert "Gewijzigd sinds 1 mei 2026" in [p.text for p in docx.Document(str(out)).paragraphs]
    bad = cli("export", path, "--progress", "--since", "mei", "-o", out)
    assert bad.code == 2 and "--since mei" in bad.err

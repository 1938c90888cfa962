"""Whatever a user typed exports and reads back literally, with python-docx and docx2python."""

from __future__ import annotations

from pathlib import Path

from docx2python import docx2python
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pact_tui.export import export_programme
from pact_tui.export.text import clean
from pact_tui.model import Action, PartyRef, Planning, Session
from pact_tui.model.limits import LONGEST_TEXT

HOSTILE = [
    "Bel\x00\x01\x07\x0b\x0c\x1b\x1f nu \ufffe\uffff",
    "<script>alert('x')</script> & &amp; \"quotes\" 'apostrof'",
    "[bold]vet[/bold] en [/x] en [link=https://x]link[/link]",
    "🏠🌍👩‍👩‍👧 Wonen met emoji",
    "מרכז עירוני ‏عربي‎ RTL en ltr",
    "tab\there\nnieuwe regel",
    "x" * (LONGEST_TEXT - len("doel ")),  # the longest goal a field holds, below as `doel …`
]


def _with_hostile_actions(session: Session, texts: list[str]) -> Session:
    actions = tuple(
        Action(theme="wonen", title=text, goal=f"doel {text}", planning=Planning(horizon="kort",
                                                                                 timing=text),
               parties=(PartyRef(name=text),), lead=PartyRef(name=text), position=index)
        for index, text in enumerate(texts)
    )
    return session.model_copy(update={"actions": actions, "commitments": ()})


def _expected(text: str) -> str:
    # The model strips surrounding whitespace (Unicode's, which is not Python's: "\x1f"
    # stays); XML-illegal characters are dropped.
    try:
        stored = Action(theme="wonen", title=text).title
    except ValueError:
        return ""
    return clean(stored)


def test_hostile_text_reads_back_literally(make, tmp_path: Path, read) -> None:
    session = _with_hostile_actions(make(), HOSTILE)
    path = export_programme(session, tmp_path / "hostile.docx")
    rows = [tuple(row) for path_, table in read(path).tables_under() if path_[0] == "Acties"
            for row in read.body(table)]
    assert [row[0] for row in rows] == [_expected(text) for text in HOSTILE]
    for row, text in zip(rows, HOSTILE, strict=True):
        assert row[1] == _expected(f"doel {text}")
        assert row[4] == row[5] == _expected(text)
    assert "\x00" not in rows[0][0] and "Bel nu" in rows[0][0]
    assert rows[-1][0] == "x" * (LONGEST_TEXT - len("doel "))
    assert rows[5][0] == "tab\there\nnieuwe regel"


def test_hostile_text_reads_back_with_docx2python(make, tmp_path: Path) -> None:
    session = _with_hostile_actions(make(), HOSTILE[1:5])
    path = export_programme(session, tmp_path / "hostile.docx")
    with docx2python(path) as content:
        text = content.text
    for hostile in HOSTILE[1:5]:
        assert hostile in text


def test_the_whole_programme_reads_back_with_docx2python(make, tmp_path: Path) -> None:
    session = make()
    path = export_programme(session, tmp_path / "p.docx")
    with docx2python(path) as content:
        rows = [[ "\n".join(cell) for cell in row] for table in content.body for row in table]
        props = content.core_properties
    by_title = {row[0]: row for row in rows if len(row) == 6}
    for action in session.actions:
        missing = "nog in te vullen"
        assert by_title[action.title][1] == (action.goal or missing)
        assert by_title[action.title][5] == (action.lead.name if action.lead else missing)
    assert props["title"] == session.meta.title
    assert props["creator"] == "Anne de Vries"


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=200).filter(lambda text: _expected(text)))
def test_any_title_survives(make, tmp_path: Path, read, title: str) -> None:
    session = _with_hostile_actions(make(), [title])
    path = export_programme(session, tmp_path / "any.docx")
    cells = [read.body(table)[0][0] for path_, table in read(path).tables_under()
             if path_[0] == "Acties"]
    assert cells == [_expected(title)]


def test_rows_of_the_same_layout_each_keep_their_own_text(make, tmp_path: Path, read) -> None:
    # Rows with line breaks, tabs or empty cells are copies of a row prepared for that
    # layout: a layout that comes back must not bring the text of its first row along.
    texts = ["een\ttwee", "drie", "vier\tvijf", "zes\nzeven", "acht\tnegen"]
    session = make()
    actions = tuple(
        Action(theme="wonen", title=text, goal="" if index % 2 else f"doel {index}",
               planning=Planning(horizon="kort"),
               parties=tuple(PartyRef(name=f"Partij {index}.{n}") for n in range(1 + index % 2)),
               position=index)
        for index, text in enumerate(texts))
    path = export_programme(session.model_copy(update={"actions": actions, "commitments": ()}),
                            tmp_path / "layouts.docx")
    rows = [row for path_, table in read(path).tables_under() if path_[0] == "Acties"
            for row in read.body(table)]
    assert [(row[0], row[1], row[4]) for row in rows] == [
        (text, "nog in te vullen" if index % 2 else f"doel {index}",
         "\n".join(f"Partij {index}.{n}" for n in range(1 + index % 2)))
        for index, text in enumerate(texts)]

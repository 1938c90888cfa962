"""The draft shows the room's priorities only once anyone voted or scored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from pact_tui.export import export_programme
from pact_tui.model import Action, Session, VotingRound


def _voted(make: Callable[..., Session]) -> tuple[Session, VotingRound]:
    session = make()
    voting = VotingRound(name="Stippen plakken", date=dt.date(2026, 11, 28), dots=3)
    votes = {"Regionale woningbouwtafel": 7, "Flexwonen voor starters": 1,
             "Wijkteams versterken": 4}
    actions = tuple(
        action.model_copy(update={"votes": {voting.id: votes[action.title]}
                                  if action.title in votes else {},
                                  "impact": 5 if action.title == "Flexwonen voor starters"
                                  else None,
                                  "effort": 2 if action.title == "Flexwonen voor starters"
                                  else None})
        for action in session.actions)
    meta = session.meta.model_copy(update={"voting_rounds": (voting,)})
    return session.model_copy(update={"meta": meta, "actions": actions}), voting


def test_with_votes_the_tables_have_a_priority_column_and_a_section_names_the_top(
        make, read, tmp_path: Path) -> None:
    session, _ = _voted(make)
    reading = read(export_programme(session, tmp_path / "prio.docx"))

    headings = [text for level, text in reading.headings() if level == 1]
    assert headings.index("Prioriteiten") == headings.index("Acties") - 1
    blocks = reading.blocks()
    start = blocks.index(("heading", (1, "Prioriteiten")))
    matrix = blocks.index(("heading", (2, "Impact en inspanning")))
    end = blocks.index(("heading", (1, "Acties")))
    section = [value.text for kind, value in blocks[start + 1:matrix] if kind == "paragraph"]
    section = [text for text in section if text]
    # A date in running text is written out, and one vote is "1 stem".
    assert "Stippen plakken" in section[0] and "28 november 2026" in section[0]
    assert "de drie met de meeste stemmen" in section[0]
    assert "Iedere deelnemer had drie stemmen." in section[0]
    assert "gelijk" not in section[0]
    assert section[1:] == ["Wonen en Leefbaarheid",
                           "Regionale woningbouwtafel – 7 stemmen",
                           "Flexwonen voor starters – 1 stem",
                           "Zorg en Sociaal domein",
                           "Wijkteams versterken – 4 stemmen"]
    quadrants = [value.text for kind, value in blocks[matrix + 1:end] if kind == "paragraph"]
    assert [text for text in quadrants if text][1:] == [
        "Quick wins (één actie): veel impact voor weinig inspanning.",
        "Flexwonen voor starters – Wonen en Leefbaarheid; impact 5, inspanning 2"]

    rows = {}
    for path, table in reading.tables_under():
        if path[0] == "Acties":
            assert table.rows[1].cells[-1].text == "Prioriteit"
            rows.update({row.cells[0].text.split("\n")[0]: row.cells[-1].text
                         for row in table.rows[2:]})
    assert rows == {"Regionale woningbouwtafel": "7 stemmen",
                    "Flexwonen voor starters": "1 stem\nQuick wins",
                    "Wijkteams versterken": "4 stemmen",
                    "Leerwerkplekken in de zorg": "–"}


def test_a_tie_at_the_edge_of_the_top_names_all_and_says_why(make, read, tmp_path: Path) -> None:
    session, voting = _voted(make)
    extra = (Action(theme="wonen", title="Tiny houses", position=10, votes={voting.id: 3}),
             Action(theme="wonen", title="Woonwagenlocaties", position=11, votes={voting.id: 1}))
    session = session.model_copy(update={"actions": (*session.actions, *extra)})
    reading = read(export_programme(session, tmp_path / "gelijk.docx"))

    blocks = reading.blocks()
    start = blocks.index(("heading", (1, "Prioriteiten")))
    texts = [value.text for kind, value in blocks[start + 1:] if kind == "paragraph"]
    # Four named where the sentence says three: the sentence after it says why.
    assert "evenveel stemmen kregen als de laatste daarvan, staan ze er allemaal bij" in texts[0]
    theme = texts.index("Wonen en Leefbaarheid")
    assert texts[theme + 1:theme + 5] == ["Regionale woningbouwtafel – 7 stemmen",
                                          "Tiny houses – 3 stemmen",
                                          "Flexwonen voor starters – 1 stem",
                                          "Woonwagenlocaties – 1 stem"]


def test_without_votes_or_scores_there_is_no_priority_anywhere(make, read,
                                                                tmp_path: Path) -> None:
    reading = read(export_programme(make(), tmp_path / "geen.docx"))
    assert "Prioriteiten" not in [text for _, text in reading.headings()]
    for path, table in reading.tables_under():
        if path[0] == "Acties":
            assert table.rows[1].cells[-1].text == "Trekker"
    assert "Prioriteit" not in reading.all_text()

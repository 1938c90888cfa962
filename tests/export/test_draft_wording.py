"""The draft reads as something an official would send on: who sends it and why, each action
tied to its ambition, every open point with what is missing and the facilitator's note."""

from __future__ import annotations

from pathlib import Path

from pact_tui.export import export_programme
from pact_tui.model import Planning, Session


def _texts(reading: object, start: str, end: str) -> list[str]:
    """The paragraph texts between two level-1 headings."""
    blocks = reading.blocks()  # type: ignore[attr-defined]
    first = blocks.index(("heading", (1, start)))
    last = blocks.index(("heading", (1, end)))
    return [value.text for kind, value in blocks[first + 1:last]
            if kind == "paragraph" and value.text]


def test_the_cover_has_the_subtitle_the_sender_and_who_drew_it_up(exported: Path, read) -> None:
    document = read(exported).document
    cover = []
    for paragraph in document.paragraphs:
        if paragraph.text == "Inhoud":
            break
        cover.append(paragraph.text)
    assert cover[:3] == ["Uitvoeringsprogramma Pact 7.1", "7 gemeenten, 1 doel",
                         "Regio Westfriesland"]
    assert "Aangeboden door: De zeven Westfriese gemeenten" in cover
    assert "Opgesteld door: Anne de Vries" in cover


def test_the_introduction_starts_with_why_the_programme_exists(exported: Path, read) -> None:
    intro = _texts(read(exported), "Inleiding", "Ambities en opgaven per thema")
    assert intro[0].startswith("In het Pact van Westfriesland, Pact 7.1, spreken de zeven")
    assert intro[1].startswith("Het pact legt de ambities vast.")
    assert "De werksessies zijn begeleid door Anne de Vries." in intro


def test_without_a_background_the_introduction_says_who_works_together(
        make, read, tmp_path: Path) -> None:
    session = make()
    profile = session.profile.model_copy(update={"background": ""})
    session = session.model_copy(update={"meta": session.meta.model_copy(
        update={"profile": profile})})
    intro = _texts(read(export_programme(session, tmp_path / "kaal.docx")), "Inleiding",
                   "Ambities en opgaven per thema")
    assert intro[0].startswith("De gemeenten Drechterland, Enkhuizen, Hoorn, Koggenland, "
                               "Medemblik, Opmeer en Stede Broec werken in de regio "
                               "Westfriesland samen aan ‘Pact 7.1 — Uitvoeringsprogramma’.")


def _linked(session: Session) -> Session:
    ambition = session.ambitions[0]
    actions = tuple(action.model_copy(update={"ambition_ids": (ambition.id,)})
                    if action.title == "Regionale woningbouwtafel" else action
                    for action in session.actions)
    return session.model_copy(update={"actions": actions})


def test_each_action_names_the_ambition_it_serves_and_the_ambition_its_actions(
        make, read, tmp_path: Path) -> None:
    reading = read(export_programme(_linked(make()), tmp_path / "links.docx"))
    titles = {row[0].split("\n")[0]: row[0] for path, table in reading.tables_under()
              if path[0] == "Acties" for row in reading.body(table)}
    assert titles["Regionale woningbouwtafel"] == (
        "Regionale woningbouwtafel\nAmbitie: ‘Sneller bouwen’")
    assert titles["Flexwonen voor starters"] == "Flexwonen voor starters"
    themes = _texts(reading, "Ambities en opgaven per thema", "Thema-overstijgende opgaven")
    assert ("Sneller bouwen – Tot 2030 jaarlijks 1.500 woningen erbij. Uitgewerkt in de actie "
            "‘Regionale woningbouwtafel’.") in themes


def test_open_points_list_a_planning_without_horizon_and_the_facilitators_note(
        make, read, tmp_path: Path) -> None:
    session = make()
    actions = tuple(
        action.model_copy(update={"planning": Planning(timing="jaarlijks"),
                                  "notes": "Horizon volgt uit de begroting."})
        if action.title == "Flexwonen voor starters" else action
        for action in session.actions)
    reading = read(export_programme(session.model_copy(update={"actions": actions}),
                                    tmp_path / "open.docx"))
    appendix = {path[1]: (reading.heads(table), reading.body(table))
                for path, table in reading.tables_under() if path[0] == "Bijlagen"}
    heads, rows = appendix["Openstaande punten"]
    assert heads == ["Actie", "Thema", "Ontbreekt", "Notities"]
    assert ["Flexwonen voor starters", "Wonen en Leefbaarheid", "planning",
            "Horizon volgt uit de begroting."] in rows
    assert ["Wijkteams versterken", "Zorg en Sociaal domein", "doel en trekker", "–"] in rows
    comments = [comment.text for comment in reading.document.comments]
    assert "Nog in te vullen: planning. Notitie: Horizon volgt uit de begroting." in comments
    assert not any("::" in text or text.count(":") > 2 for text in comments)


def test_a_draft_of_one_session_names_its_facilitator_too(make, read, tmp_path: Path) -> None:
    session = make()
    session = session.model_copy(update={"meta": session.meta.model_copy(
        update={"sources": (), "kind": "session"})})
    intro = _texts(read(export_programme(session, tmp_path / "een.docx")), "Inleiding",
                   "Ambities en opgaven per thema")
    assert any(text.startswith("Dit concept-uitvoeringsprogramma is opgesteld in de werksessie")
               for text in intro)
    assert "De werksessie is begeleid door Anne de Vries." in intro

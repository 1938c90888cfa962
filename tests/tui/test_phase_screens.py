"""The phase screens' own work: Overzicht's export and jump, edits and undo across screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx import Document

from pact_tui.model import (
    Action,
    AgendaItem,
    Challenge,
    Commitment,
    Participant,
    PartyRef,
    Planning,
    RegionProfile,
    SessionMeta,
    Stakeholder,
    StatusNote,
)
from pact_tui.store import read_session
from pact_tui.tui.screens.actions import ActionsScreen
from pact_tui.tui.screens.overview import OverviewScreen

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui


async def test_ctrl_e_writes_the_word_draft_and_says_where(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(title="Werksessie Wonen",
                        actions=(Action(theme="wonen", title="Woningbouwmonitor"),))
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("overzicht")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await pilot.press("ctrl+e")
        await ui.wait_until(pilot, lambda: screen.last_export is not None
                            and not screen.exporting, timeout=60)
        written = screen.last_export
        assert written is not None
        assert written.name in ui.text(app)
    assert written.parent == ui.exports_dir.resolve()
    text = "\n".join(paragraph.text for paragraph in Document(str(written)).paragraphs)
    assert "Werksessie Wonen" in text


async def test_enter_on_a_gap_jumps_to_that_action_even_through_a_filter(
    make_session: MakeSession, ui: Ui
) -> None:
    done = Action(theme="wonen", title="Compleet", goal="Doel", position=0, scale="westfries",
                  planning=Planning(horizon="kort"), lead=PartyRef(name="Hoorn"),
                  parties=(PartyRef(name="Hoorn"),))
    gap = Action(theme="zorg", title="Zonder trekker", goal="Doel", position=1, scale="lokaal",
                 planning=Planning(horizon="kort"), parties=(PartyRef(name="Omring"),))
    app = ui.app(make_session(actions=(done, gap)))
    async with app.run_test(size=(80, 24)) as pilot:
        actions = app.show_phase("acties")
        await pilot.pause()
        assert isinstance(actions, ActionsScreen)
        await pilot.press("alt+1")  # the Acties grid filtered on Wonen hides the gap
        await pilot.press("f6")
        await pilot.pause()
        assert "Zonder trekker" in ui.text(app) and "trekker" in ui.text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is actions and isinstance(actions, ActionsScreen)
        assert actions.grid.current_row is not None
        assert actions.grid.current_row.id == gap.id


async def test_commitments_and_challenges_are_edited_and_undone_across_screens(
    make_session: MakeSession, ui: Ui
) -> None:
    action = Action(theme="wonen", title="Woningbouwmonitor", lead=PartyRef(name="Hoorn"))
    promise = Commitment(action_id=action.id, party=PartyRef(name="Hoorn"), role="trekker",
                         text="Maakt de monitor")
    path = make_session(actions=(action,), commitments=(promise,),
                        challenges=(Challenge(title="Tempo", themes=("wonen",)),))
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("partners")
        await pilot.pause()
        await pilot.press("enter")  # to the commitments of the first action
        await pilot.press("e", "tab", "3", "tab", "ctrl+u")
        await ui.type(pilot, "Betaalt de monitor")
        await pilot.press("enter")
        await pilot.pause()
        assert "financier" in ui.text(app) and "Betaalt de monitor" in ui.text(app)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("delete")  # the challenge goes
        await pilot.pause()
        assert "Tempo" not in ui.text(app)
        await pilot.press("ctrl+z")  # and comes back
        await pilot.pause()
        assert "Tempo" in ui.text(app)
        await pilot.press("ctrl+z")  # the undo before that was on Partners
        await pilot.press("f5")
        await pilot.pause()
        assert "Maakt de monitor" in ui.text(app)
        assert app.editor is not None and app.editor.flush()
    session = read_session(path)
    assert [c.title for c in session.challenges] == ["Tempo"]
    assert [(c.role, c.text) for c in session.commitments] == [("trekker", "Maakt de monitor")]


async def test_session_meta_participants_and_agenda_by_keys(
    make_session: MakeSession, profile: RegionProfile, ui: Ui
) -> None:
    meta = SessionMeta(profile=profile, title="Werksessie",
                       participants=(Participant(organisation="Gemeente Hoorn"),),
                       agenda=(AgendaItem(title="Welkom", minutes=10),))
    path = make_session(meta=meta)
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("sessie")
        await pilot.pause()
        await pilot.press("tab")  # the date
        await pilot.press("ctrl+u")
        await ui.type(pilot, "31-02-2026")  # no such date: kept in the field, marked
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#meta-date").has_class("-invalid")
        await pilot.press("shift+tab", "ctrl+u")
        await ui.type(pilot, "28-11-2026")
        await pilot.press("enter")
        await pilot.press("tab", "tab")  # Enter went on to the facilitator; past location
        await pilot.press("n")  # a participant
        await ui.type(pilot, "Omring")
        await pilot.press("tab")
        await ui.type(pilot, "regiomanager")
        await pilot.press("enter")
        await pilot.press("tab", "enter")  # edit the agenda's first block
        await pilot.press("tab", "2", "tab", "ctrl+u")
        await ui.type(pilot, "20")
        await pilot.press("enter", "plus")  # 5 minutes more by key
        await pilot.pause()
        assert app.editor is not None and app.editor.flush()
    saved = read_session(path).meta
    assert saved.date.isoformat() == "2026-11-28"
    assert [(p.organisation, p.role) for p in saved.participants] == [
        ("Gemeente Hoorn", ""), ("Omring", "regiomanager")]
    assert [(a.title, a.phase, a.minutes) for a in saved.agenda] == [
        ("Welkom", "stakeholders", 25)]


async def test_a_status_note_per_theme_is_added_in_a_form(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(status=(StatusNote(theme="zorg", text="Kosten stijgen"),))
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        await pilot.press("ctrl+w", "n")  # the notes; a new one starts in the theme there
        await pilot.pause()
        await pilot.press("tab")
        await ui.type(pilot, "Wachtlijsten in de thuiszorg")
        await pilot.press("enter")
        await pilot.pause()
        assert app.editor is not None and app.editor.flush()
    notes = sorted(read_session(path).status, key=lambda n: n.created_at)
    assert [(n.theme, n.text) for n in notes] == [
        ("zorg", "Kosten stijgen"), ("zorg", "Wachtlijsten in de thuiszorg")]



async def test_a_stakeholder_cell_typed_in_is_kept_when_switching_phase(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(stakeholders=(Stakeholder(name="Intermaris"),))
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        await pilot.press("tab")  # Categorie
        await ui.type(pilot, "Corporatie")
        await pilot.press("f4")  # to Acties without Enter
        await pilot.pause()
        assert app.editor is not None and app.editor.flush()
        assert read_session(path).stakeholders[0].category == "Corporatie"
        await pilot.press("f2")
        await pilot.pause()
        assert "Corporatie" in ui.text(app)


async def test_a_stakeholder_cell_typed_in_is_kept_when_quitting(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(stakeholders=(Stakeholder(name="Intermaris"),))
    app = ui.app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("stakeholders")
        await pilot.pause()
        await pilot.press("tab")
        await ui.type(pilot, "Corporatie")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert read_session(path).stakeholders[0].category == "Corporatie"

"""The merge screen, driven by the keyboard: pick files, read the report, decide, write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Input, SelectionList, TextArea

from pact_tui.merge import start_session_from
from pact_tui.model import (
    Action,
    Commitment,
    PartyRef,
    Planning,
    RegionProfile,
    Session,
    SessionMeta,
    Stakeholder,
)
from pact_tui.store import read_session, write_session
from pact_tui.tui.modals.form import FormDialog
from pact_tui.tui.screens.home import HomeScreen
from pact_tui.tui.screens.merge import MergeScreen
from pact_tui.tui.screens.phase import PhaseScreen

if TYPE_CHECKING:
    from tests.tui.conftest import Ui


def _workshop(profile: RegionProfile, folder: Path) -> dict[str, Action]:
    """A programme and two sessions from it: a clashing edit, and the same new action twice."""
    build = Action(theme="wonen", title="Woningbouw versnellen", goal="500 woningen")
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme",
                       date=dt.date(2026, 1, 10))
    programme = Session(meta=meta, actions=(build,))
    sessions = []
    for title, goal, new in (("Groep Noord", "600 woningen", "Meer laadpalen plaatsen"),
                             ("Groep Zuid", "700 woningen", "Meer laadpalen bijplaatsen")):
        session = start_session_from(programme, title, dt.date(2026, 2, 1))
        edited = session.actions[0].edited(goal=goal)
        sessions.append(session.model_copy(update={
            "actions": (edited, Action(theme="energie", title=new))}))
    write_session(folder / "programma.json", programme)
    write_session(folder / "noord.json", sessions[0])
    write_session(folder / "zuid.json", sessions[1])
    return {"build": build}


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _picker(pilot) -> tuple[MergeScreen, SelectionList[str]]:
    """The merge screen opened from the home screen, and its list of files to tick."""
    await _settle(pilot)
    pilot.app.open_merge()
    await _settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MergeScreen)
    return screen, screen.query_one("#pick", SelectionList)


async def _merge_ticked(pilot) -> None:
    """From the home screen: open the merge picker and merge the files it ticks."""
    await _settle(pilot)
    await pilot.press("m")
    await _settle(pilot)
    await pilot.press("m")
    await _settle(pilot)


async def _first_conflict(pilot) -> tuple[MergeScreen, list[str]]:
    """From the home screen: merge the ticked files and show the first conflict; the
    screen and the text of its panes (the base, then each version)."""
    await _merge_ticked(pilot)
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MergeScreen)
    return screen, [str(pane.render()) for pane in screen.query(".merge-version")]


async def test_merging_with_a_conflict_and_a_duplicate_by_keyboard(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    items = _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, MergeScreen)
        # The two groups and the programme they started from are ticked, with a sign.
        assert sorted(screen.query_one("#pick", SelectionList).selected) == [
            str(sessions_dir / name) for name in ("noord.json", "programma.json", "zuid.json")]
        text = ui.text(app)
        assert "[✓] Groep Noord" in text and "[✓] Pact 7.1 · programma" in text

        await pilot.press("m")
        await _settle(pilot)
        text = ui.text(app)
        assert "Conflicten, nog te beslissen" in text
        assert "1 conflict nog te beslissen (c) · 1 mogelijk dubbel onderdeel nog" in text
        assert "Samenvoeging van 3 bestanden" in text

        await pilot.press("w")  # refused while a conflict is open
        await pilot.pause()
        assert len(list(sessions_dir.glob("*.json"))) == 3

        await pilot.press("c")
        text = ui.text(app)
        assert "Conflict 1 van 1" in text
        assert "Versie 1 — Groep Zuid" in text and "Versie 2 — Groep Noord" in text
        assert "700 woningen" in text and "600 woningen" in text

        await pilot.press("2")  # keep Groep Noord's version: on to the open duplicate
        await pilot.pause()
        assert screen.pane == "duplicate"
        text = ui.text(app)
        assert "Mogelijk dubbel 1 van 1" in text
        assert "Meer laadpalen plaatsen" in text and "Meer laadpalen bijplaatsen" in text
        assert "Waarom: " in text and "dezelfde woorden" in text
        await pilot.press("s")
        await pilot.pause()
        # The last decision: the report as summary, and the question what to write.
        assert screen.pane == "report"
        assert "is opgegaan in" in ui.text(app)
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#field-title", Input).value == "Pact 7.1"
        await pilot.press("enter")
        await _settle(pilot)
        assert isinstance(app.screen, HomeScreen)

    [written] = [p for p in sessions_dir.glob("*.json")
                 if p.name not in {"programma.json", "noord.json", "zuid.json"}]
    # The report lies next to the programme, with the losing goal in it.
    report = written.with_name(f"{written.stem}-verslag.md").read_text("utf-8")
    assert report.startswith("# Samenvoeging van 3 bestanden") and "700 woningen" in report
    programme = read_session(written)
    assert programme.meta.kind == "programme"
    goals = {a.goal for a in programme.actions if a.id == items["build"].id}
    assert goals == {"600 woningen"}
    assert sum("laadpalen" in a.title for a in programme.actions) == 1
    reopened = ui.app(written)
    async with reopened.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(reopened.screen, PhaseScreen)
        await ui.wait_until(pilot, lambda: "Meer laadpalen pla" in ui.text(reopened))


async def test_a_conflict_can_be_edited_and_files_can_be_left_out(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    items = _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, choices = await _picker(pilot)
        first = [str(choices.get_option_at_index(n).value) for n in range(3)]
        assert str(sessions_dir / "programma.json") in first
        choices.deselect(str(sessions_dir / "programma.json"))
        await pilot.pause()
        assert "[ ] Pact 7.1 · programma" in ui.text(app)
        assert ui.text(app).count("[✓]") == 2
        await pilot.press("m")
        await _settle(pilot)
        await pilot.press("c", "e", "enter")  # start from the newest version, offered first
        await pilot.pause()
        area = app.screen.query_one(TextArea)  # the one disputed text, whole, roomy
        assert area.text == "700 woningen"
        area.text = "650 woningen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.pane == "duplicate"  # on to what is still open
        result = screen.result
        assert result is not None and result.unresolved == ()
        assert {a.goal for a in result.programme.actions
                if a.id == items["build"].id} == {"650 woningen"}
        await pilot.press("escape", "escape")  # to the report, to the files
        await pilot.pause()
        assert "De beslissingen blijven bewaard" in ui.text(app)
        await pilot.press("escape")  # the decision would be lost: said, not done
        await pilot.pause()
        assert isinstance(app.screen, MergeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_going_back_to_the_files_keeps_the_decisions_made(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _merge_ticked(pilot)
        await pilot.press("c", "2")  # decide the one conflict
        await pilot.pause()
        await pilot.press("escape")  # back to the files, by mistake
        await pilot.press("m")
        await _settle(pilot)
        assert "0 conflicten nog te beslissen" in ui.text(app)


async def test_a_long_conflicting_text_is_shown_whole_with_planning_in_words(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    long_goal = ("Elk kwartaal een overzicht per gemeente, met de urgentieregeling en de "
                 "wachttijden voor sociale huur erbij, zodat de raden op tijd kunnen bijsturen.")
    build = Action(theme="wonen", title="Woningbouw versnellen", goal="500 woningen",
                   planning=Planning(horizon="middellang", start_year=2021, end_year=2023))
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme",
                       date=dt.date(2026, 1, 10))
    programme = Session(meta=meta, actions=(build,))
    for name, goal in (("a", long_goal), ("b", "600 woningen")):
        session = start_session_from(programme, f"Groep {name}", dt.date(2026, 2, 1))
        session = session.model_copy(update={"actions": (session.actions[0].edited(goal=goal),)})
        write_session(sessions_dir / f"{name}.json", session)
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        _, panes = await _first_conflict(pilot)
        shown = " ".join(" ".join(pane.split()) for pane in panes)
        assert long_goal in shown  # whole, however narrow the screen
        assert "Middellange termijn 2021–2023" in shown


async def test_the_picker_marks_its_cursor_and_the_first_space_ticks_the_first_file(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    _workshop(profile, sessions_dir)
    # A breakout of an earlier round, already in a programme of the folder: not ticked.
    older = SessionMeta(profile=profile, title="Pact 7.0", kind="programme",
                        date=dt.date(2025, 6, 1))
    old = start_session_from(Session(meta=older), "Groep Oud", dt.date(2025, 6, 2))
    write_session(sessions_dir / "oud.json", old)
    merged = SessionMeta(profile=profile, title="Pact 7.0 na ronde 1", kind="programme",
                         date=dt.date(2025, 6, 3), sources=(old.meta.as_origin(),))
    write_session(sessions_dir / "programma-oud.json", Session(meta=merged))
    (sessions_dir / "import-mappings.json").write_text("{}", encoding="utf-8")
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        _, choices = await _picker(pilot)
        assert sorted(Path(p).name for p in choices.selected) == [
            "noord.json", "programma.json", "zuid.json"]
        lines = ui.text(app).splitlines()
        # The cursor is a sign on the first file, readable without colour.
        marked = [line for line in lines if "▶" in line]
        assert len(marked) == 1 and "▶ [✓] Groep Noord" in marked[0]
        assert not any("import-mappings" in line for line in lines)
        await pilot.press("space")
        assert "noord.json" not in {Path(p).name for p in choices.selected}
        await pilot.press("down")
        marked = [line for line in ui.text(app).splitlines() if "▶" in line]
        assert len(marked) == 1 and "▶ [✓] Groep Zuid" in marked[0]


async def test_a_conflict_shows_the_base_and_can_be_edited_starting_from_it(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    items = _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, panes = await _first_conflict(pilot)
        assert panes[0].startswith("Basis — zoals het eerst was") and "500 woningen" in panes[0]
        assert "700 woningen" in panes[1] and "600 woningen" in panes[2]
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "de basis" in ui.text(app) and "versie 2 (Groep Noord)" in ui.text(app)
        await pilot.press("3", "enter")  # after versions 1 and 2, the base
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.text == "500 woningen"
        area.text = "550 woningen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        result = screen.result
        assert result is not None and result.unresolved == ()
        assert {a.goal for a in result.programme.actions
                if a.id == items["build"].id} == {"550 woningen"}


async def test_writing_asks_the_title_and_file_name_and_a_taken_name_is_refused(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    _workshop(profile, sessions_dir)
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await _merge_ticked(pilot)
        await pilot.press("c", "1", "k")  # the conflict, then the duplicate: all decided
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-title", Input).value = "Pact 7.2 na de breakouts"
        dialog.query_one("#field-file", Input).value = "noord.json"
        await pilot.press("enter")
        await pilot.pause()
        assert "noord.json bestaat al" in ui.text(app)  # the form stays, nothing replaced
        dialog.query_one("#field-file", Input).value = "pact-7-2"
        await pilot.press("enter")
        await _settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    programme = read_session(sessions_dir / "pact-7-2.json")
    assert programme.meta.title == "Pact 7.2 na de breakouts"
    report = (sessions_dir / "pact-7-2-verslag.md").read_text("utf-8")
    assert "‘Pact 7.2 na de breakouts’" in report
    assert read_session(sessions_dir / "noord.json").meta.title == "Groep Noord"


async def test_a_commitment_double_names_its_action_and_shows_no_control_pictures(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    build = Action(theme="wonen", title="Woningbouw versnellen")
    hoorn = Stakeholder(name="Gemeente Hoorn")
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme",
                       date=dt.date(2026, 1, 10))
    programme = Session(meta=meta, actions=(build,), stakeholders=(hoorn,))
    write_session(sessions_dir / "programma.json", programme)
    for name in ("Noord", "Zuid"):
        session = start_session_from(programme, f"Groep {name}", dt.date(2026, 2, 1))
        session = session.model_copy(update={"commitments": (Commitment(
            action_id=build.id, party=PartyRef(name=hoorn.name, stakeholder_id=hoorn.id),
            text=f"Levert de cijfers ({name})"),)})
        write_session(sessions_dir / f"{name.lower()}.json", session)
    app = ui.app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await _merge_ticked(pilot)
        await pilot.press("d")
        await pilot.pause()
        text = ui.text(app)
        assert "Mogelijk dubbel 1 van 1" in text
        assert text.count("bij de actie ‘Woningbouw versnellen’") == 2
        assert "␊" not in text and "Waarom: " in text


async def test_a_sync_conflict_copy_is_not_offered_as_a_session_to_merge(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    _workshop(profile, sessions_dir)
    copy = sessions_dir / "noord-LAPTOP-ANNA.json"
    copy.write_bytes((sessions_dir / "noord.json").read_bytes())
    app = ui.app(None)
    async with app.run_test(size=(110, 30)) as pilot:
        _, choices = await _picker(pilot)
        assert sorted(Path(p).name for p in choices.selected) == [
            "noord.json", "programma.json", "zuid.json"]
        line = next(line for line in ui.text(app).splitlines() if copy.name in line)
        assert "conflictkopie van noord.json" in line and "[✓]" not in line
        index = next(i for i in range(choices.option_count)
                     if choices.get_option_at_index(i).value == str(copy))
        assert choices.get_option_at_index(index).disabled


async def test_an_action_kept_for_a_commitment_says_who_deleted_it_and_who_promised(
    profile: RegionProfile, sessions_dir: Path, ui: Ui
) -> None:
    flex = Action(theme="wonen", title="Flexwoningen", goal="200 woningen")
    meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme",
                       date=dt.date(2026, 1, 10))
    programme = Session(meta=meta, actions=(flex,))
    energie = start_session_from(programme, "Groep Energie", dt.date(2026, 2, 1))
    wonen = start_session_from(programme, "Groep Wonen", dt.date(2026, 2, 1))
    promise = Commitment(action_id=flex.id, party=PartyRef(name="Intermaris"), text="grond")
    write_session(sessions_dir / "programma.json", programme)
    write_session(sessions_dir / "energie.json", energie.model_copy(update={"actions": ()}))
    write_session(sessions_dir / "wonen.json", wonen.model_copy(update={"commitments": (promise,)}))
    app = ui.app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        _, panes = await _first_conflict(pilot)
        assert len(panes) == 3 and "200 woningen" in panes[1]  # the base, kept and deleted
        assert panes[2].splitlines() == [
            "Versie 2 — verwijderd in Groep Energie",
            "maar deze actie kreeg een toezegging van Intermaris (in Groep Wonen); daarom is "
            "de actie behouden"]

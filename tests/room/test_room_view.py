"""The room view follows the session file and the facilitator, readably, and survives bad files."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pact_tui.model import Action, Challenge, PartyRef, Planning
from pact_tui.store import SessionFile
from pact_tui.tui import arriving, follow

if TYPE_CHECKING:
    from tests.room.conftest import Room


async def test_it_opens_a_session_another_program_holds(
    session_path: Path, facilitator: SessionFile, room: Room
) -> None:
    app = room.app(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await room.shows(pilot, "Flexwoningen voor starters")
        assert "Acties" in text.splitlines()[0]
    assert not facilitator.read_only  # the room never took the file's lock


async def test_a_saved_change_appears_without_a_key_press(
    session_path: Path, facilitator: SessionFile, room: Room
) -> None:
    app = room.app(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await room.shows(pilot, "Flexwoningen voor starters")
        action = Action(theme="wonen", title="Woningbouwmonitor", position=5)
        # The facilitator's app saves from a worker thread; so does this test.
        saver = threading.Thread(target=facilitator.add, args=(action,))
        saver.start()
        saver.join()
        await room.shows(pilot, "Woningbouwmonitor  ✚ nieuw")  # new, by sign and word
        follow.report(facilitator, phase="acties", theme="wonen", item=action)
        await room.shows(pilot, "▶ Woningbouwmonitor")  # and current, by sign


async def test_it_follows_the_facilitators_phase_and_theme(
    session_path: Path, facilitator: SessionFile, room: Room
) -> None:
    facilitator.add(Challenge(title="Ruimte voor wonen en energie", themes=("wonen", "energie")))
    app = room.app(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await room.shows(pilot, "Flexwoningen voor starters")
        follow.report(facilitator, phase="opgaven")
        text = await room.shows(pilot, "Ruimte voor wonen en energie", "thema-overstijgend")
        assert text.splitlines()[0].strip().startswith("Opgaven")
        loket = facilitator.list(Action)[1]
        follow.report(facilitator, phase="acties", theme="energie", item=loket)
        text = await room.shows(pilot, "Energietransitie en klimaatadaptatie: 1 acties")
        assert "▶ Eén regionaal energieloket" in text
        assert "Flexwoningen" not in text  # another theme


async def test_the_main_app_writes_where_the_facilitator_is(
    session_path: Path, room: Room, tmp_path: Path
) -> None:
    from pact_tui.tui.app import PactApp

    app = PactApp(session_path, sessions_dir=session_path.parent, exports_dir=tmp_path / "out")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await room.wait_for(pilot, lambda: getattr(follow.read_follow(session_path),
                                                   "phase", None) == "acties",
                            "the sidecar says acties")
        await pilot.press("down")
        second = app.editor.actions()[1] if app.editor else None
        assert second is not None
        await room.wait_for(pilot, lambda: getattr(follow.read_follow(session_path),
                                                   "item", None) == second.id,
                            "the sidecar names the current action")
        await pilot.press("f3")
        await room.wait_for(pilot, lambda: getattr(follow.read_follow(session_path),
                                                   "phase", None) == "opgaven",
                            "the sidecar says opgaven")
    # The sidecar is no session: the sessions list and `merge sessions/*.json` never see it.
    assert [path.name for path in session_path.parent.glob("*.json")] == ["sessie.json"]


async def test_at_80x24_a_whole_action_shows_without_cutting_a_word(
    session_path: Path, facilitator: SessionFile, room: Room
) -> None:
    action = facilitator.add(Action(
        theme="zorg", title="Regionale aanpak beschermd wonen en maatschappelijke opvang",
        goal="Inwoners die uit een instelling komen krijgen binnen drie maanden een woning en "
             "begeleiding in hun eigen gemeente, zonder wachtlijst en zonder tussenstation.",
        planning=Planning(horizon="middellang", start_year=2021, end_year=2025,
                          timing="elk kwartaal een voortgangsgesprek"),
        parties=tuple(PartyRef(name=name) for name in (
            "GGD Hollands Noorden", "WerkSaam Westfriesland", "Intermaris", "Woonschakel",
            "Leger des Heils", "Gemeente Medemblik")),
        lead=PartyRef(name="Gemeente Hoorn"), position=9))
    follow.report(facilitator, phase="acties", theme="zorg", item=action)
    app = room.app(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await room.shows(pilot, "Regionale aanpak")
        words = set(text.replace(";", " ").split())
        expected = " ".join([action.title, action.goal, "Middellange termijn (2–5 jaar)",
                             "2021–2025", action.planning.timing,
                             *(party.name for party in action.parties), "Gemeente Hoorn"])
        missing = [word for word in expected.replace(";", " ").split() if word not in words]
        assert not missing, text


async def test_a_broken_file_is_first_still_arriving_then_named_and_keeps_the_last_picture(
    session_path: Path, facilitator: SessionFile, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = room.app(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await room.shows(pilot, "Flexwoningen voor starters")
        broken = session_path.with_name("broken.tmp")
        broken.write_text('{"actions": {"1": {"title": ', encoding="utf-8")
        os.replace(broken, session_path)  # whole, as a sync client would put it there
        # A sync engine may still be writing it: no alarm while it may yet read whole.
        text = await room.shows(pilot, "wordt nog gesynchroniseerd", "laatste goede stand")
        assert "⚠" not in text and "Flexwoningen voor starters" in text
        monkeypatch.setattr(arriving, "UNREADABLE_AFTER", 0.0)  # it stayed broken a while
        text = await room.shows(pilot, "⚠", "ongeldig", "laatste goede stand")
        assert "Flexwoningen voor starters" in text
        facilitator.add(Action(theme="wonen", title="Weer goed", position=3))
        text = await room.shows(pilot, "Weer goed")
        assert "⚠" not in text


async def test_a_locked_file_shows_a_message_and_keeps_the_last_picture(
    session_path: Path, facilitator: SessionFile, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = room.app(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await room.shows(pilot, "Flexwoningen voor starters")
        read_bytes = Path.read_bytes

        def locked(path: Path) -> bytes:
            # What Windows answers while a sync client or a virus scanner holds the file.
            if path == session_path:
                raise PermissionError(13, "Toegang geweigerd", str(path))
            return read_bytes(path)

        monkeypatch.setattr(Path, "read_bytes", locked)
        monkeypatch.setattr(arriving, "UNREADABLE_AFTER", 0.0)
        os.utime(session_path, ns=(1, 1))
        text = await room.shows(pilot, "⚠", "Toegang geweigerd")
        assert "Flexwoningen voor starters" in text


async def test_with_follow_off_its_own_keys_drive_it(
    session_path: Path, facilitator: SessionFile, room: Room
) -> None:
    facilitator.add(Challenge(title="Arbeidsmarkt in de zorg", themes=("zorg", "onderwijs")))
    follow.report(facilitator, phase="acties", theme="wonen")
    app = room.app(session_path, follow=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await room.shows(pilot, "Flexwoningen")
        await pilot.press("f3")
        await room.shows(pilot, "Arbeidsmarkt in de zorg")
        follow.report(facilitator, phase="partners")
        await pilot.press("t")  # the next theme, on Acties: the first theme
        text = await room.shows(pilot, "Wonen en Leefbaarheid: 1 acties")
        assert "eigen toetsen" in text
        await pilot.press("f")
        text = await room.shows(pilot, "Partners", "volgt de procesbegeleider")


async def test_typed_text_shows_literally(
    session_path: Path, facilitator: SessionFile, room: Room
) -> None:
    hostile = facilitator.add(Action(theme="wonen", title="[bold]Vet[/bold] <b> & \x1b]2;x\x07",
                                     position=4))
    follow.report(facilitator, phase="acties", item=hostile)
    app = room.app(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await room.shows(pilot, "[bold]Vet[/bold] <b> &")
        assert "\x1b" not in text and "␛]2;x␇" in text

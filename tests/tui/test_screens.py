"""Every screen at 80x24 (the smallest terminal we promise) shows what it is for."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pact_tui.model import (
    Action,
    AgendaItem,
    Challenge,
    Commitment,
    Participant,
    PartyRef,
    RegionProfile,
    SessionMeta,
    Stakeholder,
    StatusNote,
)

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui


@pytest.fixture
def full_session(make_session: MakeSession, profile: RegionProfile) -> Path:
    meta = SessionMeta(
        profile=profile, title="Werksessie Wonen", facilitator="Anna de Vries",
        participants=(Participant(organisation="Gemeente Hoorn", role="wethouder"),),
        agenda=(AgendaItem(title="Acties wonen", phase="acties", minutes=45),),
    )
    hoorn = Stakeholder(name="Gemeente Hoorn", category="gemeente", themes=("wonen",))
    action = Action(theme="wonen", title="Woningbouwmonitor", goal="Zicht op de bouw",
                    lead=PartyRef(name="Gemeente Hoorn", stakeholder_id=hoorn.id),
                    parties=(PartyRef(name="Intermaris"),))
    gap = Action(theme="energie", title="Zon op daken", position=1)
    return make_session(
        meta=meta,
        stakeholders=(hoorn,),
        status=(StatusNote(theme="wonen", text="Tekort aan starterswoningen"),),
        challenges=(Challenge(title="Langer thuis wonen", themes=("wonen", "zorg")),),
        actions=(action, gap),
        commitments=(Commitment(action_id=action.id, party=PartyRef(name="Intermaris"),
                                role="partner", text="Levert bouwcijfers"),),
    )


EXPECTED = {
    "sessie": ["Werksessie Wonen", "Anna de Vries", "Gemeente Hoorn", "Acties wonen", "45"],
    "stakeholders": ["Stakeholders (1)", "Gemeente Hoorn", "Tekort aan starterswoningen"],
    "opgaven": ["Langer thuis wonen", "thema-overstijgend", "1 Wonen en Leefb"],
    "acties": ["Woningbouwmonitor", "Zon op daken"],
    "partners": ["Woningbouwmonitor", "Intermaris", "Levert bouwcijfers"],
    "overzicht": ["Acties per thema en termijn", "Zon op daken", "doel", "Totaal"],
}


@pytest.mark.parametrize("phase", list(EXPECTED))
async def test_each_phase_fits_80x24_with_its_frame_and_content(
    full_session: Path, phase: str, ui: Ui
) -> None:
    app = ui.app(full_session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase(phase)
        await pilot.pause()
        text = ui.text(app)
    lines = text.splitlines()
    assert len(lines) == 24
    assert "Westfriesland" in lines[0] and "opgeslagen" in lines[0]
    assert "F1 Sessie" in lines[1] and "F6 Overzicht" in lines[1]
    for expected in EXPECTED[phase]:
        assert expected in text, f"{expected!r} not on the {phase} screen:\n{text}"


async def test_markup_in_user_text_shows_literally_everywhere(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(
        title="[bold]Sessie[/x]",
        stakeholders=(Stakeholder(name="[red]Partij"),),
        challenges=(Challenge(title="[/]Opgave", themes=("wonen",)),),
        actions=(Action(theme="wonen", title="[b]Actie"),),
    )
    app = ui.app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        seen = {}
        for phase in ("sessie", "stakeholders", "opgaven", "partners", "overzicht"):
            app.show_phase(phase)
            await pilot.pause()
            seen[phase] = ui.text(app)
    assert "[bold]Sessie[/x]" in seen["sessie"]
    assert "[red]Partij" in seen["stakeholders"]
    assert "[/]Opgave" in seen["opgaven"]
    assert "[b]Actie" in seen["partners"]
    assert "[b]Actie" in seen["overzicht"]

"""Party names typed in the action grid mean the party the room means: an abbreviation is
its stakeholder, never a party group of the same name, and a municipality is one party
whether typed bare or as "Gemeente Hoorn"."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.model import Action, PartyRef, RegionProfile, Session, SessionMeta, Stakeholder
from pact_tui.store import create_session, read_session
from pact_tui.tui.app import PactApp
from tests.tui.conftest import open_actions
from tests.tui.test_actions_typing import burst, saved_actions, text_keys, until

WBG = "Westfriese Bedrijvengroep (WBG)"
CORPORATIONS = ("Woonschakel", "Intermaris", "Het Grootslag")


def session_with(tmp_path: Path, profile: RegionProfile, *names: str) -> Path:
    """A session with one empty action, and one before it where "WBG" was typed as is."""
    meta = SessionMeta(profile=profile, title="Werksessie Economie")
    earlier = Action(theme="economie", title="Bedrijventerreinen", position=1,
                     parties=(PartyRef(name="WBG"),))
    session = Session(meta=meta, stakeholders=tuple(Stakeholder(name=n) for n in names),
                      actions=(Action(theme="economie", title="Werklocaties"), earlier))
    return create_session(tmp_path / "sessie.json", meta, session)


@pytest.mark.parametrize("typed", [
    [*text_keys("WBG")],
    [*text_keys("wb"), ("right", None)],  # taken from the list with →
])
async def test_wbg_typed_in_a_session_whose_profile_has_a_wbg_group_is_the_stakeholder(
    tmp_path: Path, profile: RegionProfile, typed: list[tuple[str, str | None]]
) -> None:
    # A session made with the older built-in profile, where "wbg" was three corporations.
    old = profile.model_copy(update={"party_groups": {**profile.party_groups,
                                                      "wbg": CORPORATIONS}})
    path = session_with(tmp_path, old, WBG, *CORPORATIONS)
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(screen.grid.rows[0].id, "parties")
        burst(app, [*typed, ("enter", "\r")])
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: all(a.parties for a in editor.items(Action)))
        action = saved_actions(app, path)[0]
    stakeholders = {s.name: s.id for s in read_session(path).stakeholders}
    assert [(p.name, p.stakeholder_id) for p in action.parties] == [(WBG, stakeholders[WBG])]
    assert len(stakeholders) == 4  # nothing new


async def test_hoorn_beside_gemeente_hoorn_is_offered_once_and_stays_one_stakeholder(
    tmp_path: Path, profile: RegionProfile
) -> None:
    path = session_with(tmp_path, profile, "Gemeente Hoorn", "Ondernemersvereniging Hoorn")
    app = PactApp(path, sessions_dir=tmp_path, exports_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot)
        screen.grid.move_to(screen.grid.rows[0].id, "parties")
        burst(app, text_keys("hoorn"))
        await until(pilot, lambda: screen.grid.editing is not None
                    and screen.grid.editing.suggestions)
        edit = screen.grid.editing
        assert edit is not None
        offered = [s.label for s in edit.suggestions]
        assert offered.count("Gemeente Hoorn") == 1 and "Hoorn" not in offered
        burst(app, [("enter", "\r")])  # what was typed, bare "hoorn", is kept: the same party
        editor = app.editor
        assert editor is not None
        await until(pilot, lambda: all(a.parties for a in editor.items(Action)))
        action = saved_actions(app, path)[0]
    stakeholders = {s.name: s.id for s in read_session(path).stakeholders}
    assert [(p.name, p.stakeholder_id) for p in action.parties] == [
        ("Gemeente Hoorn", stakeholders["Gemeente Hoorn"])]
    assert len(stakeholders) == 2

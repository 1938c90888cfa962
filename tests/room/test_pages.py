"""What each phase's page holds for the room, built from a session without the app."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console

from pact_tui.model import Action, Planning, RegionProfile, Session, SessionMeta, Stakeholder
from pact_tui.tui.room.pages import Block, Place, action_theme, build_page

NOW = dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC)


def _drawn(block: Block) -> str:
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(block.make())
    return console.export_text()


def _session(profile: RegionProfile, *actions: Action,
             stakeholders: tuple[Stakeholder, ...] = ()) -> Session:
    return Session(meta=SessionMeta(profile=profile, title="Werksessie"), actions=actions,
                   stakeholders=stakeholders)


def test_the_theme_worked_on_is_the_filter_else_the_current_actions(
    profile: RegionProfile
) -> None:
    loket = Action(theme="energie", title="Loket")
    session = _session(profile, loket)
    assert action_theme(session, Place("acties", theme="wonen", item=loket.id)) == "wonen"
    assert action_theme(session, Place("acties", item=loket.id)) == "energie"
    assert action_theme(session, Place("acties")) is None


def test_all_themes_come_grouped_in_profile_order(profile: RegionProfile) -> None:
    session = _session(profile, Action(theme="zorg", title="Z", position=0),
                       Action(theme="wonen", title="W", position=1))
    page = build_page(session, Place("acties"), NOW)
    shown = [_drawn(block).split()[0] for block in page.blocks]
    assert shown == ["Wonen", "W", "Zorg", "Z"]


def test_an_action_reads_its_planning_in_words_and_marks_what_is_new(
    profile: RegionProfile
) -> None:
    recent = Action(theme="wonen", title="Nieuw", created_at=NOW - dt.timedelta(minutes=2),
                    planning=Planning(horizon="kort", start_year=2025, end_year=2027))
    older = Action(theme="wonen", title="Ouder", created_at=NOW - dt.timedelta(hours=2))
    page = build_page(_session(profile, recent, older), Place("acties", theme="wonen"), NOW)
    older_text, recent_text = (_drawn(block) for block in page.blocks)  # made first, first
    assert "✚ nieuw" in recent_text and "Korte termijn (0–2 jaar) 2025–2027" in recent_text
    assert "✚" not in older_text and "▶" not in older_text


def test_stakeholders_come_by_kind(profile: RegionProfile) -> None:
    session = _session(profile, stakeholders=(
        Stakeholder(name="Intermaris", category="corporatie"),
        Stakeholder(name="Gemeente Hoorn", category="gemeente"),
        Stakeholder(name="Woonschakel", category="corporatie")))
    page = build_page(session, Place("stakeholders"), NOW)
    texts = [_drawn(block) for block in page.blocks]
    assert texts[0].startswith("corporatie (2)") and "Woonschakel" in texts[0]
    assert texts[1].startswith("gemeente (1)")

"""Progress per theme per light, what needs attention and what changed since a date."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from pact_tui.model import Action
from pact_tui.model.progress import changed_since, light_counts, needs_attention


def _action(theme: str, title: str, light: str | None = None, date: dt.date | None = None,
            position: int = 0) -> Action:
    return Action(theme=theme, title=title, light=light, progress_date=date, position=position)


def test_counts_per_theme_per_light_in_profile_order() -> None:
    actions = [_action("energie", "a", "problem"), _action("wonen", "b", "on-track"),
               _action("wonen", "c", "attention"), _action("wonen", "d")]
    wonen, energie = light_counts(actions, ["wonen", "zorg", "energie"])
    assert wonen.theme == "wonen" and wonen.total == 3
    assert wonen.counts == {"on-track": 1, "attention": 1, "problem": 0, "none": 1}
    assert energie.counts["problem"] == 1


def test_attention_lists_problems_first_and_never_green_ones() -> None:
    actions = [_action("wonen", "oranje", "attention", position=0),
               _action("wonen", "groen", "on-track", position=1),
               _action("wonen", "rood", "problem", position=2)]
    assert [a.title for a in needs_attention(actions)] == ["rood", "oranje"]


def test_changed_since_takes_the_day_itself_and_later() -> None:
    actions = [_action("wonen", "oud", date=dt.date(2026, 1, 5)),
               _action("wonen", "op de dag", date=dt.date(2026, 3, 1)),
               _action("wonen", "later", date=dt.date(2026, 4, 2)),
               _action("wonen", "nooit")]
    assert [a.title for a in changed_since(actions, dt.date(2026, 3, 1))] == [
        "later", "op de dag"]


def test_an_unknown_status_or_light_is_refused_in_words() -> None:
    with pytest.raises(ValidationError, match="Onbekende status 'klaar'"):
        Action(theme="wonen", title="x", status="klaar")
    with pytest.raises(ValidationError, match="Onbekend stoplicht 'paars'"):
        Action(theme="wonen", title="x", light="paars")

"""A planning as one line of text: what the Planning cell reads and shows."""

from __future__ import annotations

import pytest

from pact_tui.model import Planning, RegionProfile, UserError
from pact_tui.model.planning_text import (
    PlanningTextError,
    format_planning,
    parse_planning,
    planning_problem,
    read_planning,
)


@pytest.mark.parametrize(("text", "planning"), [
    ("1", Planning(horizon="kort")),
    ("2", Planning(horizon="middellang")),
    ("1 2021-2023", Planning(horizon="kort", start_year=2021, end_year=2023)),
    ("2 2022–2025 jaarlijks",
     Planning(horizon="middellang", start_year=2022, end_year=2025, timing="jaarlijks")),
    ("kort september 2022", Planning(horizon="kort", timing="september 2022")),
    ("Middellange termijn 2024 doorlopend",
     Planning(horizon="middellang", start_year=2024, timing="doorlopend")),
    ("KORT  2021 - 2025", Planning(horizon="kort", start_year=2021, end_year=2025)),
    ("2021–2025 jaarlijks", Planning(start_year=2021, end_year=2025, timing="jaarlijks")),
    ("  ", Planning()),
    ("jaarlijks", Planning(timing="jaarlijks")),
    ("september 2022", Planning(timing="september 2022")),
    ("m 2025-2028", Planning(horizon="middellang", start_year=2025, end_year=2028)),
    ("k", Planning(horizon="kort")),
    ("kwartaal", Planning(timing="kwartaal")),
])
def test_a_planning_line_is_read(text: str, planning: Planning, profile: RegionProfile) -> None:
    assert parse_planning(text, profile) == planning


@pytest.mark.parametrize("planning", [
    Planning(),
    Planning(horizon="kort"),
    Planning(horizon="middellang", start_year=2022, end_year=2025, timing="jaarlijks"),
    Planning(horizon="kort", timing="september 2022"),
    Planning(start_year=2021, timing="doorlopend"),
])
def test_what_is_shown_reads_back_as_the_same_planning(
    planning: Planning, profile: RegionProfile
) -> None:
    assert parse_planning(format_planning(planning, profile), profile) == planning


def test_the_shown_line_uses_the_label_and_a_dash(profile: RegionProfile) -> None:
    planning = Planning(horizon="middellang", start_year=2022, end_year=2025, timing="jaarlijks")
    assert format_planning(planning, profile) == "Middellange termijn 2022–2025 jaarlijks"


@pytest.mark.parametrize(("text", "words"), [
    ("7 2021", ("‘7’", "2 Middellange termijn")),
    ("kort 2025-2021", ("eindjaar 2021", "beginjaar 2025")),
    ("kort 1850", ("1850",)),
])
def test_bad_text_is_one_dutch_sentence_naming_it(
    text: str, words: tuple[str, ...], profile: RegionProfile
) -> None:
    with pytest.raises(PlanningTextError) as raised:
        parse_planning(text, profile)
    assert isinstance(raised.value, UserError)
    message = str(raised.value)
    assert message.startswith("Planning ") and message.endswith(".")
    for word in words:
        assert word in message


def test_an_unreadable_line_is_kept_as_typed_with_the_reason(profile: RegionProfile) -> None:
    planning, problem = read_planning("7 2021  jaarlijks", profile)
    assert planning == Planning(timing="7 2021 jaarlijks")
    assert problem is not None and "‘7’" in problem
    assert planning_problem(planning, profile) is not None
    assert format_planning(planning, profile) == "7 2021 jaarlijks"


def test_a_readable_planning_has_no_problem(profile: RegionProfile) -> None:
    assert read_planning("2 2020-2025", profile) == (
        Planning(horizon="middellang", start_year=2020, end_year=2025), None)
    assert planning_problem(Planning(timing="jaarlijks"), profile) is None

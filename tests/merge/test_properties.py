"""Properties of the merge on generated sessions that share a programme and then diverge."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pact_tui.merge import (
    MergeResult,
    Outcome,
    combine_all,
    merge_sessions,
    resolve_newest,
)
from pact_tui.model import Action, RegionProfile, Session, Stakeholder

TITLES = ("Woningbouw versnellen", "Laadpalen plaatsen in Hoorn", "Starters helpen",
          "Zonnepanelen op daken", "Wijkteams versterken")
NEW_TITLES = ("Laadpalen bijplaatsen in Hoorn", "Woningbouw versnellen!", "Fietspad aanleggen")
GOALS = ("", "100", "200")
NAMES = ("Gemeente Hoorn", "gem. Hoorn", "Liander", "Provincie Noord-Holland")
THEMES = ("wonen", "energie")
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

PROPERTY = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

Op = tuple[str, int, str, str, uuid.UUID]


def _apply(mb, session: Session, ops: Sequence[Op], base: Sequence[Action]) -> Session:
    for number, (kind, index, goal, title, new_id) in enumerate(ops):
        target = base[index % len(base)].id
        present = mb.by_id(session, target) is not None
        if kind == "edit" and present:
            session = mb.edit(session, target, goal=goal)
        elif kind == "note" and present:  # another field: merged field by field
            session = mb.edit(session, target, notes=title)
        elif kind == "drop" and present:
            session = mb.drop(session, target)
        elif kind == "add":
            made = START + dt.timedelta(days=10 + number)
            session = mb.add(session, Action(id=str(new_id), theme=THEMES[index % 2],
                                             title=title, created_at=made))
        elif kind == "party":
            session = mb.add(session, Stakeholder(id=str(new_id), name=NAMES[index % 4],
                                                  created_at=START + dt.timedelta(days=index)))
    return session


@st.composite
def scenarios(draw: st.DrawFn, mb, profile: RegionProfile) -> tuple[Session, list[Session]]:
    count = draw(st.integers(1, 4))
    base = [Action(theme=THEMES[i % 2], title=TITLES[i], goal=draw(st.sampled_from(GOALS)),
                   created_at=START + dt.timedelta(days=i)) for i in range(count)]
    programme = mb.programme(profile, *base)
    op = st.tuples(st.sampled_from(("edit", "edit", "note", "drop", "add", "party")),
                   st.integers(0, 3), st.sampled_from(GOALS),
                   st.sampled_from(TITLES + NEW_TITLES), st.uuids())
    sessions = []
    for number in range(draw(st.integers(2, 3))):
        ops = draw(st.lists(op, max_size=5))
        sessions.append(_apply(mb, mb.started(programme, f"Sessie {number}"), ops, base))
    return programme, sessions


def _same(first: MergeResult, second: MergeResult) -> None:
    assert first.programme == second.programme
    assert [c.id for c in first.conflicts] == [c.id for c in second.conflicts]
    assert [d.id for d in first.duplicates] == [d.id for d in second.duplicates]
    assert first.report.entries == second.report.entries


@PROPERTY
@given(data=st.data())
def test_the_order_of_the_inputs_does_not_matter(mb, profile, data) -> None:
    programme, sessions = data.draw(scenarios(mb, profile))
    inputs = [*sessions, programme]
    shuffled = data.draw(st.permutations(inputs))

    _same(merge_sessions(inputs, now=mb.NOW), merge_sessions(shuffled, now=mb.NOW))
    _same(combine_all(resolve_newest(merge_sessions(inputs, now=mb.NOW))),
          combine_all(resolve_newest(merge_sessions(shuffled, now=mb.NOW))))


@PROPERTY
@given(data=st.data())
def test_merging_the_result_again_with_its_inputs_changes_nothing(mb, profile, data) -> None:
    programme, sessions = data.draw(scenarios(mb, profile))
    inputs = [*sessions, programme]

    for settle in (lambda r: r, resolve_newest, lambda r: combine_all(resolve_newest(r))):
        first = settle(merge_sessions(inputs, now=mb.NOW))
        again = settle(merge_sessions([*inputs, first.programme], now=mb.NOW))
        assert again.conflicts == ()
        assert again.programme.meta == first.programme.meta
        for table in ("stakeholders", "actions"):
            assert again.programme.items(table) == first.programme.items(table)


@PROPERTY
@given(data=st.data())
def test_every_input_item_is_kept_combined_or_deliberately_deleted(mb, profile, data) -> None:
    programme, sessions = data.draw(scenarios(mb, profile))
    result = combine_all(resolve_newest(merge_sessions([*sessions, programme], now=mb.NOW)))
    kept = {item.id for item in result.programme.all_items()}
    combined = {i for item in result.programme.all_items() for i in item.combined_from}
    outcomes = {entry.item_id: entry.outcome for entry in result.report.entries}

    for session in [*sessions, programme]:
        for item in session.all_items():
            if item.id in kept or item.id in combined:
                continue
            assert any(mb.by_id(s, item.id) is None for s in sessions)  # someone deleted it
            changed = [v for s in sessions if (v := mb.by_id(s, item.id)) is not None
                       and v.fingerprint() != v.base]
            if changed:  # a later deletion won: every losing edit is recorded whole
                assert outcomes[item.id] == Outcome.NEWEST
                removed = {v.content["title"] for v in result.programme.meta.removed
                           if v.item_id == item.id and v.content}
                assert {v.title for v in changed if isinstance(v, Action)} <= removed
            else:
                assert outcomes[item.id] == Outcome.DELETED


@PROPERTY
@given(data=st.data())
def test_conflicting_changes_are_never_dropped(mb, profile, data) -> None:
    programme, sessions = data.draw(scenarios(mb, profile))
    result = merge_sessions([*sessions, programme], now=mb.NOW)
    in_programme = {item.fingerprint() for item in result.programme.actions}

    expected = set()
    for original in programme.actions:
        versions = [mb.by_id(s, original.id) for s in sessions]
        changed = [v for v in versions if v and v.fingerprint() != v.base]
        changes = {v.fingerprint() for v in changed}
        deleted = any(v is None for v in versions)
        # The same field changed to different values: a conflict; different fields: merged.
        clash = any(len({getattr(v, name) for v in changed
                         if getattr(v, name) != getattr(original, name)}) > 1
                    for name in ("goal", "notes"))
        if clash or (changes and deleted):
            expected.add(original.id)
            assert changes <= in_programme  # every change survives until someone decides
        elif changed:
            merged = mb.by_id(result.programme, original.id)
            for name in ("goal", "notes"):
                values = {getattr(v, name) for v in changed} - {getattr(original, name)}
                assert getattr(merged, name) == (values.pop() if values
                                                 else getattr(original, name))
    assert {c.item_id for c in result.unresolved} == expected


@PROPERTY
@given(data=st.data())
def test_a_next_round_keeps_edits_made_to_the_programme_in_the_meantime(mb, profile,
                                                                        data) -> None:
    programme, sessions = data.draw(scenarios(mb, profile))
    first = combine_all(resolve_newest(merge_sessions([*sessions, programme], now=mb.NOW)))
    actions = first.programme.actions
    indexes = st.sets(st.integers(0, max(len(actions) - 1, 0)), max_size=len(actions))
    in_programme, in_session = data.draw(indexes), data.draw(indexes)
    session = mb.started(first.programme, "Ronde 2")
    edited = first.programme
    for index in in_session:
        session = mb.edit(session, actions[index].id, goal="uit de sessie")
    for index in in_programme:
        edited = mb.edit(edited, actions[index].id, goal="in het programma")

    result = merge_sessions([session, mb.started(first.programme, "Ronde 2b"), edited],
                            now=mb.NOW)

    clashing = {actions[index].id for index in in_programme & in_session}
    assert {conflict.item_id for conflict in result.conflicts} == clashing
    goals = {action.id: action.goal for action in result.programme.actions}
    for index in in_programme - in_session:
        assert goals[actions[index].id] == "in het programma"
    for index in in_session - in_programme:
        assert goals[actions[index].id] == "uit de sessie"


@PROPERTY
@given(data=st.data())
def test_no_word_a_session_wrote_is_lost_by_any_decision(mb, profile, data) -> None:
    """Every title and goal a session wrote is in the programme: kept, or in the history of
    the item that won, or recorded as removed — after settling as newest and combining."""
    programme, sessions = data.draw(scenarios(mb, profile))
    result = combine_all(resolve_newest(merge_sessions([*sessions, programme], now=mb.NOW)))
    words: set[str] = set()
    for item in result.programme.actions:
        words.update((item.title, item.goal))
        words.update(str(v.content.get(key, "")) for v in item.history if v.content
                     for key in ("title", "goal"))
    words.update(str(v.content.get(key, "")) for v in result.programme.meta.removed if v.content
                 for key in ("title", "goal"))

    for session in sessions:
        for action in session.actions:
            original = mb.by_id(programme, action.id)
            for name in ("title", "goal"):  # what this session wrote itself
                if original is None or getattr(action, name) != getattr(original, name):
                    assert getattr(action, name) in words

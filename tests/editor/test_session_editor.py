"""The session editor: changes apply at once, reach the file in order, and undo and redo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pact_tui.editor import (
    UNDO_LIMIT,
    Changed,
    ReadOnlySessionError,
    Saved,
    SaveFailed,
    SessionEditor,
)
from pact_tui.model import (
    Action,
    Commitment,
    InvalidItemError,
    PartyRef,
    Planning,
    RegionProfile,
    SessionMeta,
    Stakeholder,
    UserError,
)
from pact_tui.store import SessionFile, create_session, read_session


@pytest.fixture
def path(tmp_path: Path, profile: RegionProfile) -> Path:
    meta = SessionMeta(profile=profile, title="Werksessie Wonen")
    return create_session(tmp_path / "sessie.json", meta)


@pytest.fixture
def editor(path: Path) -> Iterator[SessionEditor]:
    editor = SessionEditor(SessionFile.open(path))
    yield editor
    editor.close()


def on_disk(path: Path, editor: SessionEditor) -> dict[str, Action]:
    assert editor.flush()
    return {action.id: action for action in read_session(path).actions}


def test_an_added_action_is_in_memory_at_once_and_on_disk_after_saving(
    editor: SessionEditor, path: Path
) -> None:
    action = editor.add(Action(theme="wonen", title="Woningbouw versnellen"))
    assert editor.get(Action, action.id) == action
    assert on_disk(path, editor)[action.id].title == "Woningbouw versnellen"


def test_updates_bump_the_revision_and_are_saved(editor: SessionEditor, path: Path) -> None:
    action = editor.add(Action(theme="wonen", title="Woningbouw versnellen"))
    editor.update(action, goal="1.000 woningen per jaar", lead=PartyRef(name="Hoorn"))
    saved = on_disk(path, editor)[action.id]
    assert saved.goal == "1.000 woningen per jaar"
    assert saved.lead == PartyRef(name="Hoorn")
    assert saved.revision == action.revision + 1


def test_an_update_that_changes_nothing_is_no_step(editor: SessionEditor) -> None:
    action = editor.add(Action(theme="wonen", title="Woningbouw versnellen"))
    version = editor.version
    editor.update(action, title="Woningbouw versnellen")
    assert editor.version == version
    editor.undo()
    assert editor.get(Action, action.id) is None


def test_an_invalid_change_is_refused_with_a_sentence_and_changes_nothing(
    editor: SessionEditor,
) -> None:
    action = editor.add(Action(theme="wonen", title="Woningbouw versnellen"))
    with pytest.raises(InvalidItemError) as raised:
        editor.update(action, scale="heelal")
    assert "heelal" in str(raised.value)
    assert editor.get(Action, action.id) == action


def test_undo_and_redo_walk_every_kind_of_change(editor: SessionEditor, path: Path) -> None:
    action = editor.add(Action(theme="wonen", title="Eerst"))
    editor.update(action, title="Daarna", planning=Planning(horizon="kort"))
    editor.delete(editor.get(Action, action.id))  # type: ignore[arg-type]
    assert on_disk(path, editor) == {}

    editor.undo()
    assert on_disk(path, editor)[action.id].title == "Daarna"
    editor.undo()
    assert on_disk(path, editor)[action.id].title == "Eerst"
    editor.undo()
    assert on_disk(path, editor) == {}
    assert editor.undo() is None

    editor.redo()
    editor.redo()
    restored = on_disk(path, editor)[action.id]
    assert restored.title == "Daarna"
    assert restored.planning.horizon == "kort"
    assert editor.can_redo


def test_a_new_change_clears_redo(editor: SessionEditor) -> None:
    editor.add(Action(theme="wonen", title="Een"))
    editor.undo()
    assert editor.can_redo
    editor.add(Action(theme="wonen", title="Twee"))
    assert not editor.can_redo


def test_more_than_a_hundred_steps_can_be_undone(editor: SessionEditor, path: Path) -> None:
    action = editor.add(Action(theme="wonen", title="Stap 0"))
    for step in range(1, 150):
        editor.update(action, title=f"Stap {step}")
    for _ in range(149):
        editor.undo()
    assert editor.get(Action, action.id).title == "Stap 0"  # type: ignore[union-attr]
    assert on_disk(path, editor)[action.id].title == "Stap 0"
    assert UNDO_LIMIT >= 100


def test_a_transaction_is_one_undo_step(editor: SessionEditor) -> None:
    first = editor.add(Action(theme="wonen", title="Een", position=0))
    second = editor.add(Action(theme="wonen", title="Twee", position=1))
    editor.swap_actions(first, second)
    assert [a.title for a in editor.actions()] == ["Twee", "Een"]
    editor.undo()
    assert [a.title for a in editor.actions()] == ["Een", "Twee"]


def test_swapping_actions_with_equal_positions_numbers_them_first(
    editor: SessionEditor, path: Path
) -> None:
    titles = ["A", "B", "C"]
    for title in titles:
        editor.add(Action(theme="wonen", title=title))
    a, b, _ = editor.actions()
    editor.swap_actions(b, a)
    assert [x.title for x in editor.actions()] == ["B", "A", "C"]
    assert editor.flush()
    from pact_tui.model.rules import ordered_actions

    assert [x.title for x in ordered_actions(read_session(path).actions)] == ["B", "A", "C"]


def test_meta_changes_are_saved_and_undoable(editor: SessionEditor, path: Path) -> None:
    editor.update_meta(title="Werksessie Energie", facilitator="Anne")
    assert editor.flush()
    assert read_session(path).meta.title == "Werksessie Energie"
    editor.undo()
    assert editor.flush()
    assert read_session(path).meta.title == "Werksessie Wonen"


def test_listeners_hear_changes_and_saves(editor: SessionEditor) -> None:
    events: list[object] = []
    editor.add_listener(events.append)
    editor.add(Stakeholder(name="Intermaris"))
    assert editor.flush()
    assert isinstance(events[0], Changed)
    assert any(isinstance(event, Saved) for event in events)
    assert editor.last_saved is not None


def test_a_read_only_session_refuses_edits(path: Path) -> None:
    with SessionFile.open(path) as holder:
        assert not holder.read_only
        editor = SessionEditor(SessionFile.open(path))
        assert editor.read_only
        with pytest.raises(ReadOnlySessionError):
            editor.add(Action(theme="wonen", title="Mag niet"))
        editor.close()


def test_a_bulk_change_is_saved_whole(editor: SessionEditor, path: Path) -> None:
    with editor.transaction():
        for number in range(80):
            editor.add(Action(theme="wonen", title=f"Actie {number}"))
    assert len(on_disk(path, editor)) == 80
    editor.undo()
    assert on_disk(path, editor) == {}


def test_a_file_that_disagrees_with_memory_is_brought_in_line(
    editor: SessionEditor, path: Path
) -> None:
    action = editor.add(Action(theme="wonen", title="Woningbouw versnellen"))
    assert editor.flush()
    events: list[object] = []
    editor.add_listener(events.append)
    editor.file.delete(Action, action.id)  # behind the editor's back
    editor.update(action, goal="1.000 woningen per jaar")
    assert editor.flush()
    assert editor.flush()
    assert on_disk(path, editor)[action.id].goal == "1.000 woningen per jaar"
    assert any(isinstance(event, SaveFailed) for event in events)
    assert editor.save_error is None


def test_a_view_can_tell_the_one_change_since_it_last_looked(editor: SessionEditor) -> None:
    seen = editor.version
    action = editor.add(Action(theme="wonen", title="Een"))
    change = editor.change_since(seen)
    assert change is not None and change.items[0].after == action
    seen = editor.version
    editor.update(action, goal="Doel")
    editor.update(action, notes="Twee stappen")
    assert editor.change_since(seen) is None  # two changes: the view rebuilds
    seen = editor.version
    editor.undo()
    undone = editor.change_since(seen)
    assert undone is not None and undone.items[0].after.notes == ""  # type: ignore[union-attr]


def test_deleting_an_action_takes_its_commitments_in_one_undo_step(
    editor: SessionEditor, path: Path
) -> None:
    action = editor.add(Action(theme="wonen", title="Woningbouw versnellen"))
    other = editor.add(Action(theme="wonen", title="Huurbeleid"))
    kept = editor.add(Commitment(action_id=other.id, party=PartyRef(name="Intermaris")))
    editor.add(Commitment(action_id=action.id, party=PartyRef(name="Hoorn")))
    editor.delete_action(action)
    assert editor.items(Commitment) == [kept]
    assert set(on_disk(path, editor)) == {other.id}
    editor.undo()
    assert len(editor.items(Commitment)) == 2 and editor.get(Action, action.id) is not None


def test_a_duplicate_lands_directly_below_its_original(editor: SessionEditor) -> None:
    first = editor.add(Action(theme="wonen", title="Eerste", position=0))
    editor.add(Action(theme="wonen", title="Tweede", position=0))
    copy = editor.duplicate_action(first)
    assert [a.title for a in editor.actions()] == ["Eerste", "Eerste", "Tweede"]
    assert editor.actions()[1].id == copy.id


def test_new_party_names_become_stakeholders_and_every_party_is_linked(
    editor: SessionEditor,
) -> None:
    known = editor.add(Stakeholder(name="Intermaris"))
    new, refs = editor.link_parties([PartyRef(name="intermaris"), PartyRef(name="Provincie")])
    assert new == ("Provincie",)
    made = next(s for s in editor.items(Stakeholder) if s.name == "Provincie")
    assert [r.stakeholder_id for r in refs] == [known.id, made.id]


def test_session_details_over_the_text_limit_are_one_dutch_sentence(
        editor: SessionEditor, path: Path) -> None:
    with pytest.raises(UserError) as refused:
        editor.update_meta(title="x" * 10_001)
    assert str(refused.value) == ("Sessiegegevens ongeldig bij titel: is langer dan 10000 tekens, "
                                  "de grens voor één tekstveld")
    assert read_session(path).meta.title == "Werksessie Wonen"

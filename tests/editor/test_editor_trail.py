"""What the editor saves carries the trail and the tombstones two copies of the file merge by."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pact_tui.editor import SessionEditor
from pact_tui.model import Action, RegionProfile, SessionMeta, past_versions
from pact_tui.store import SessionFile, create_session, read_session


@pytest.fixture
def path(tmp_path: Path, profile: RegionProfile) -> Path:
    return create_session(tmp_path / "sessie.json",
                          SessionMeta(profile=profile, title="Werksessie Wonen"))


@pytest.fixture
def editor(path: Path) -> Iterator[SessionEditor]:
    editor = SessionEditor(SessionFile.open(path))
    yield editor
    editor.close()


def test_edits_undo_and_redo_all_leave_their_versions_on_the_trail(
        editor: SessionEditor, path: Path) -> None:
    action = editor.add(Action(theme="wonen", title="Flexwoningen"))
    editor.update(action, title="Flexwoningen voor starters")
    editor.undo()
    editor.redo()
    assert editor.flush()
    (stored,) = read_session(path).actions
    assert [content["title"] for _, _, content in past_versions(stored)] == [
        "Flexwoningen voor starters", "Flexwoningen", "Flexwoningen voor starters",
        "Flexwoningen"]
    assert [revision for _, revision, _ in past_versions(stored)] == [4, 3, 2, 1]


def test_a_deletion_leaves_a_tombstone_until_it_is_undone(editor: SessionEditor,
                                                          path: Path) -> None:
    action = editor.add(Action(theme="wonen", title="Flexwoningen"))
    editor.delete_action(action)
    assert editor.flush()
    assert [d.item_id for d in read_session(path).meta.deletions] == [action.id]
    # The editor's own meta never saw the tombstone; saving it keeps the tombstone.
    editor.update_meta(title="Werksessie Wonen, middag")
    assert editor.flush()
    assert [d.item_id for d in read_session(path).meta.deletions] == [action.id]
    editor.undo()
    editor.undo()
    assert editor.flush()
    session = read_session(path)
    assert [a.title for a in session.actions] == ["Flexwoningen"]
    assert session.meta.deletions == ()

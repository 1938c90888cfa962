"""A sync engine's conflict copy merged into the open session through the editor."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pact_tui.editor import SessionEditor
from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.store import SessionFile, create_session, read_session


@pytest.fixture
def path(tmp_path: Path, profile: RegionProfile) -> Path:
    meta = SessionMeta(profile=profile, title="Breakout")
    actions = (Action(theme="wonen", title="Bouwen"), Action(theme="wonen", title="Schrappen"))
    return create_session(tmp_path / "breakout.json", meta, Session(meta=meta, actions=actions))


@pytest.fixture
def editor(path: Path) -> Iterator[SessionEditor]:
    editor = SessionEditor(SessionFile.open(path))
    yield editor
    editor.close()


def _as_copy(path: Path, tmp_path: Path) -> Session:
    """The file as it is now, as the copy another laptop keeps on editing."""
    elsewhere = tmp_path / "elders.json"
    shutil.copyfile(path, elsewhere)
    with SessionFile.open(elsewhere) as other:
        other.add(Action(theme="energie", title="Laadpalen"))
        return other.snapshot()


def test_an_action_deleted_here_is_not_brought_back_by_a_copy_that_still_has_it(
        editor: SessionEditor, path: Path, tmp_path: Path) -> None:
    theirs = _as_copy(path, tmp_path)
    editor.delete(next(a for a in editor.actions() if a.title == "Schrappen"))
    made = editor.merged_with(theirs)
    assert made is not None
    change = editor.take_merge(*made)
    assert change is not None
    assert sorted(a.title for a in editor.actions()) == ["Bouwen", "Laadpalen"]
    assert editor.flush()
    assert sorted(a.title for a in read_session(path).actions) == ["Bouwen", "Laadpalen"]


def test_a_merge_made_before_the_session_changed_is_not_taken(
        editor: SessionEditor, path: Path, tmp_path: Path) -> None:
    theirs = _as_copy(path, tmp_path)
    made = editor.merged_with(theirs)
    assert made is not None
    editor.update(editor.actions()[0], goal="Net getypt")
    assert editor.take_merge(*made) is None
    assert editor.actions()[0].goal == "Net getypt"
    assert "Laadpalen" not in [a.title for a in editor.actions()]

"""Rescue copies: a session kept in the user's state folder while its own folder fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pact_tui.editor import SessionEditor
from pact_tui.model import Action, Session
from pact_tui.store import ReadOnlyError, SessionFile, read_session
from pact_tui.store.rescue import (
    drop_rescue,
    find_rescue,
    rescue_path,
    restore_rescue,
    write_rescue,
)


def test_a_rescue_copy_is_a_valid_session_in_the_state_folder(
    session_path: Path, session: Session, state_folder: Path
) -> None:
    written = write_rescue(session_path, session)
    assert state_folder in written.parents
    assert read_session(written) == read_session(session_path)
    assert find_rescue(session_path) == written
    drop_rescue(session_path)
    assert not written.exists() and find_rescue(session_path) is None


def test_two_files_of_the_same_name_have_their_own_rescue_copy(
    tmp_path: Path, session: Session
) -> None:
    first, second = tmp_path / "a" / "sessie.json", tmp_path / "b" / "sessie.json"
    assert rescue_path(first) != rescue_path(second)


def test_a_rescue_copy_older_than_the_file_is_not_offered(
    session_path: Path, session: Session
) -> None:
    written = write_rescue(session_path, session)
    old = session_path.stat().st_mtime - 60
    os.utime(written, (old, old))
    assert find_rescue(session_path) is None


def test_restoring_gives_the_file_the_rescued_content_and_keeps_a_backup(
    session_path: Path, session: Session
) -> None:
    extra = Action(theme="wonen", title="Getypt terwijl de schijf vol was")
    write_rescue(session_path, session.model_copy(update={
        "actions": (*session.actions, extra)}))
    restore_rescue(session_path)
    assert extra.id in {a.id for a in read_session(session_path).actions}
    assert find_rescue(session_path) is None
    assert any((session_path.parent / ".backups").iterdir())


def test_restoring_into_a_file_open_elsewhere_is_refused_and_keeps_the_copy(
    session_path: Path, session: Session
) -> None:
    written = write_rescue(session_path, session)
    with SessionFile.open(session_path), pytest.raises(ReadOnlyError):
        restore_rescue(session_path)
    assert written.exists()


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_a_rescue_copy_and_a_saved_copy_of_a_private_file_are_private(
    session_path: Path, session: Session, state_folder: Path, tmp_path: Path
) -> None:
    session_path.chmod(0o600)
    assert write_rescue(session_path, session).stat().st_mode & 0o777 == 0o600
    editor = SessionEditor(SessionFile.open(session_path))
    try:
        copy = tmp_path / "kopie.json"
        editor.save_copy(copy)
    finally:
        editor.close()
    assert copy.stat().st_mode & 0o777 == 0o600

"""The session editor when the disk fails: nothing typed is lost, and it can say what is unsaved."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from pact_tui.editor import SaveFailed, SessionEditor, session_editor
from pact_tui.model import Action, RegionProfile, Session, SessionMeta, Stakeholder
from pact_tui.store import SessionFile, create_session, read_session
from pact_tui.store.rescue import rescue_path
from pact_tui.tui.change_words import describe_change


@pytest.fixture
def path(tmp_path: Path, profile: RegionProfile) -> Path:
    meta = SessionMeta(profile=profile, title="Werksessie Wonen")
    folder = tmp_path / "sessions"
    return create_session(folder / "sessie.json", meta)


@pytest.fixture
def full_disk(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Set the flag, and no new file can be made in the session's folder (a full disk)."""
    real_open = os.open
    full = [False]

    def open_on_a_full_disk(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if full[0] and flags & os.O_CREAT and path.parent in Path(os.fsdecode(name)).parents:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fsdecode(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_on_a_full_disk)
    monkeypatch.setattr("pact_tui.editor.session_editor.RETRY_SECONDS", 0.05)
    return full


def test_closing_while_the_disk_is_full_keeps_everything_in_the_rescue_copy(
    path: Path, full_disk: list[bool]
) -> None:
    editor = SessionEditor(SessionFile.open(path))
    full_disk[0] = True
    editor.add(Stakeholder(name="Intermaris"))
    action = editor.add(Action(theme="wonen", title="Bouwen"))
    editor.update(action, goal="Duizend woningen")
    assert not editor.flush(0.5)
    assert [line for change in editor.unsaved_changes() for line in describe_change(change)] == [
        "Stakeholder ‘Intermaris’ toegevoegd",
        "Actie ‘Bouwen’ toegevoegd",
        "Actie ‘Bouwen’: doel gewijzigd",
    ]
    rescue = editor.close(timeout=0.5)  # never raises
    assert rescue == rescue_path(path)
    rescued = read_session(rescue)
    assert [s.name for s in rescued.stakeholders] == ["Intermaris"]
    assert [(a.title, a.goal) for a in rescued.actions] == [("Bouwen", "Duizend woningen")]
    assert read_session(path).actions == ()  # the file itself is as it was


def test_when_the_disk_has_room_again_the_rescue_copy_goes(
    path: Path, full_disk: list[bool]
) -> None:
    editor = SessionEditor(SessionFile.open(path))
    full_disk[0] = True
    editor.add(Stakeholder(name="Intermaris"))
    assert not editor.flush(0.3)
    assert editor.rescue is not None and editor.rescue.exists()
    full_disk[0] = False
    editor.retry_now()
    assert editor.flush(5)
    assert editor.rescue is None and not rescue_path(path).exists()
    assert editor.save_error is None and not editor.has_unsaved
    assert editor.close() is None
    assert [s.name for s in read_session(path).stakeholders] == ["Intermaris"]


def test_meta_changes_are_named_by_field(path: Path) -> None:
    editor = SessionEditor(SessionFile.open(path))
    editor.update_meta(title="Werksessie Wonen en Zorg", facilitator="Anne")
    try:
        change = editor.change_since(editor.version - 1)
        assert change is not None
        assert describe_change(change) == ["Sessiegegevens: titel, procesbegeleider gewijzigd"]
    finally:
        editor.close()


def fill_up(folder: Path) -> None:
    """Write zeros into `folder` until its file system has no byte left."""
    block = bytes(4096)
    with (folder / "vulling").open("wb", buffering=0) as filling:
        try:
            while True:
                filling.write(block)
        except OSError:
            pass


def test_a_really_full_disk_loses_nothing(small_disk: Path, profile: RegionProfile,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pact_tui.editor.session_editor.RETRY_SECONDS", 0.05)
    path = create_session(small_disk / "sessie.json",
                          SessionMeta(profile=profile, title="Werksessie Wonen"))
    editor = SessionEditor(SessionFile.open(path))
    failed = threading.Event()
    editor.add_listener(lambda event: failed.set() if isinstance(event, SaveFailed) else None)
    editor.add(Stakeholder(name="Intermaris"))
    assert editor.flush()
    fill_up(small_disk)
    editor.add(Stakeholder(name="Woonschakel"))
    editor.add(Action(theme="wonen", title="Flexwoningen " + "x" * 2000))
    assert failed.wait(10) and editor.has_unsaved
    assert editor.save_error is not None and "No space left on device" in editor.save_error
    rescue = editor.close(timeout=0.5)
    assert rescue is not None
    rescued = read_session(rescue)
    assert [s.name for s in rescued.stakeholders] == ["Intermaris", "Woonschakel"]
    assert len(rescued.actions) == 1
    assert [s.name for s in read_session(path).stakeholders] == ["Intermaris"]  # whole


def test_a_change_made_while_the_saver_writes_the_rescue_copy_is_in_it(
    path: Path, full_disk: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The saver thread keeps the older session while the user adds: the newer one is kept."""
    saver_writing = threading.Event()
    added = threading.Event()
    real_write_rescue = session_editor.write_rescue

    def write_rescue_slowly(target: Path, session: Session) -> Path:
        if threading.current_thread() is not threading.main_thread() \
                and not saver_writing.is_set():
            saver_writing.set()
            added.wait(0.5)  # the user's change comes while this copy is being written
        return real_write_rescue(target, session)

    monkeypatch.setattr(session_editor, "write_rescue", write_rescue_slowly)
    editor = SessionEditor(SessionFile.open(path))
    full_disk[0] = True
    editor.add(Stakeholder(name="Intermaris"))
    assert saver_writing.wait(10)
    editor.add(Action(theme="wonen", title="Bouwen"))
    added.set()
    rescue = editor.close(timeout=0.3)
    assert rescue is not None
    rescued = read_session(rescue)
    assert [s.name for s in rescued.stakeholders] == ["Intermaris"]
    assert [a.title for a in rescued.actions] == ["Bouwen"]

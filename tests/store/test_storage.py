"""Under the store: failed saves change nothing, renames are retried, threads are safe."""

from __future__ import annotations

import errno
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from pact_tui.model import Action
from pact_tui.store import SaveError, SessionFile, atomic, read_session, session_file
from pact_tui.store.encoding import encode


def fresh_encoding(path: Path) -> bytes:
    return b"".join(encode(json.loads(path.read_bytes())))


def test_a_failed_save_changes_neither_disk_nor_memory(session_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="zorg", title="Voor de storing"))
        before = session_path.read_bytes()
        action = opened.list(Action)[0]

        def disk_full(*_args: Any, **_kwargs: Any) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(session_file, "write_atomic", disk_full)
        with pytest.raises(SaveError, match="No space left on device") as failed:
            opened.update(action.edited(title="Gaat verloren"))
        assert str(session_path) in str(failed.value)
        assert session_path.read_bytes() == before
        assert opened.get(Action, action.id) == action
        monkeypatch.undo()
        opened.add(Action(theme="zorg", title="Na de storing"))
    titles = [action.title for action in read_session(session_path).actions]
    assert titles == ["Flexwoningen voor starters", "Voor de storing", "Na de storing"]
    assert session_path.read_bytes() == fresh_encoding(session_path)


def test_a_rename_refused_for_a_moment_is_retried(session_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    refusals: list[str] = []

    def busy_twice(source: Any, target: Any) -> None:
        if len(refusals) < 2:
            refusals.append(target)
            raise PermissionError(errno.EACCES, "The file is in use by another process")
        real_replace(source, target)

    monkeypatch.setattr(atomic, "_REPLACE_PAUSE", 0.001)
    with SessionFile.open(session_path) as opened:
        monkeypatch.setattr(os, "replace", busy_twice)
        opened.add(Action(theme="zorg", title="Toch opgeslagen"))
        monkeypatch.undo()
    assert len(refusals) == 2
    assert read_session(session_path).actions[-1].title == "Toch opgeslagen"


def test_a_rename_refused_for_good_fails_cleanly(session_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def always_busy(source: Any, target: Any) -> None:
        raise PermissionError(errno.EACCES, "The file is in use by another process")

    monkeypatch.setattr(atomic, "REPLACE_RETRY_SECONDS", 0.02)
    monkeypatch.setattr(atomic, "_REPLACE_PAUSE", 0.001)
    with SessionFile.open(session_path) as opened:
        before = session_path.read_bytes()
        monkeypatch.setattr(os, "replace", always_busy)
        with pytest.raises(SaveError, match="in use"):
            opened.add(Action(theme="zorg", title="Niet opgeslagen"))
        monkeypatch.undo()
    assert session_path.read_bytes() == before
    assert [path.name for path in session_path.parent.iterdir() if path.suffix == ".tmp"] == []


def test_saves_from_several_threads_all_land(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        def add_many(thread: int) -> None:
            for number in range(40):
                opened.add(Action(theme="wonen", title=f"Draad {thread} actie {number}"))

        threads = [threading.Thread(target=add_many, args=(thread,)) for thread in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        snapshot = opened.snapshot()
    assert len(snapshot.actions) == 1 + 4 * 40
    assert read_session(session_path) == snapshot
    assert session_path.read_bytes() == fresh_encoding(session_path)


def test_what_plain_tinydb_changed_is_kept_by_the_next_save(session_path: Path) -> None:
    database = TinyDB(session_path, encoding="utf-8")
    database.table("notities").insert({"tekst": "een eigen tabel"})
    database.close()
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="zorg", title="Daarna in pact-tui"))
    assert session_path.read_bytes() == fresh_encoding(session_path)
    data = json.loads(session_path.read_bytes())
    assert data["notities"] == {"1": {"tekst": "een eigen tabel"}}
    assert data["actions"]["2"]["title"] == "Daarna in pact-tui"


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_a_save_keeps_the_permissions_of_the_file(session_path: Path) -> None:
    session_path.chmod(0o640)
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="zorg", title="Gedeeld bestand"))
    assert session_path.stat().st_mode & 0o777 == 0o640


def test_a_symbolic_link_stays_a_link(session_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "snelkoppeling.json"
    try:
        link.symlink_to(session_path)
    except OSError:
        pytest.skip("no symbolic links here")
    with SessionFile.open(link) as opened:
        opened.add(Action(theme="zorg", title="Via de link"))
    assert link.is_symlink()
    assert read_session(session_path).actions[-1].title == "Via de link"

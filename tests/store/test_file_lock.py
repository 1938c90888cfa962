"""The lock: a second program gets the file read-only and is told who has it; a crash frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pact_tui.model import Action, Session
from pact_tui.store import LockedError, ReadOnlyError, SessionFile, write_session
from pact_tui.store.lock import is_held

WRITER = Path(__file__).with_name("writer.py")


def test_a_second_opener_in_this_program_gets_read_only(session_path: Path) -> None:
    with SessionFile.open(session_path) as first, SessionFile.open(session_path) as second:
        assert not first.read_only
        assert second.read_only
        assert f"proces {os.getpid()}" in second.locked_by
        assert second.locked_by in second.read_only_reason
        assert first.read_only_reason == ""
        before = session_path.read_bytes()
        with pytest.raises(ReadOnlyError, match="alleen-lezen") as refused:
            second.add(Action(theme="wonen", title="Niet opslaan"))
        assert str(os.getpid()) in str(refused.value)
        assert session_path.read_bytes() == before
        assert second.list(Action) == first.list(Action)
    with SessionFile.open(session_path) as again:
        assert not again.read_only


def test_a_closed_file_refuses_changes(session_path: Path) -> None:
    opened = SessionFile.open(session_path)
    opened.close()
    with pytest.raises(ReadOnlyError, match="gesloten"):
        opened.add(Action(theme="wonen", title="Te laat"))


def test_a_whole_file_write_waits_for_nobody(session_path: Path, session: Session) -> None:
    with SessionFile.open(session_path), pytest.raises(LockedError, match="pact-tui op"):
        write_session(session_path, session, overwrite=True)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_another_program_holds_the_lock_until_it_is_killed(session_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, str(WRITER), "hold", str(session_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        with SessionFile.open(session_path) as second:
            assert second.read_only
            assert f"proces {holder.pid}" in second.locked_by
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    # The kernel dropped the dead program's lock: the stale lock is simply taken over.
    with SessionFile.open(session_path) as taken_over:
        assert not taken_over.read_only
        taken_over.add(Action(theme="wonen", title="Na de crash"))


def test_a_read_only_folder_opens_read_only_and_names_the_folder_not_a_program(
    session_path: Path, read_only_folder: Callable[[Path], None]
) -> None:
    read_only_folder(session_path.parent)
    with SessionFile.open(session_path) as opened:
        assert opened.read_only
        assert opened.locked_by == ""  # nobody holds it
        reason = opened.read_only_reason
        assert f"de map {session_path.parent} kan niet worden beschreven" in reason
        assert "heeft het open" not in reason
        with pytest.raises(ReadOnlyError, match="kan niet worden beschreven"):
            opened.add(Action(theme="wonen", title="Niet opslaan"))


def test_is_held_follows_the_holder(session_path: Path) -> None:
    assert not is_held(session_path)
    with SessionFile.open(session_path):
        assert is_held(session_path)
        with SessionFile.open(session_path) as second:
            assert second.read_only  # the check itself took nothing away
    assert not is_held(session_path)

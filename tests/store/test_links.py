"""Shared folders: a symbolic link planted under the name of a file pact-tui writes or reads.

Whoever can write in a sessions folder can put a link there named like a side file
(`X.json.lock.info`, `.backups`) pointing at a file of whoever opens `X.json`. Nothing
pact-tui writes may land in that file (nor through a link where a rescue copy goes), and
nothing pact-tui copies may come from it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pact_tui.model import Action, Session
from pact_tui.store import SaveError, SessionFile, StoreError, read_session
from pact_tui.store.backups import backups_of
from pact_tui.store.lock import holder, info_path, lock_path
from pact_tui.store.rescue import rescue_path, write_rescue

SECRET = b"the victim's own file\n"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file of the user's own, outside the shared folder."""
    own = tmp_path / "home" / "eigen.txt"
    own.parent.mkdir()
    own.write_bytes(SECRET)
    return own


def _link(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("no symbolic links here")


def test_a_link_named_like_the_lock_info_does_not_overwrite_what_it_points_to(
    session_path: Path, victim: Path
) -> None:
    _link(info_path(session_path), victim)
    with SessionFile.open(session_path) as opened:
        assert not opened.read_only
        opened.add(Action(theme="wonen", title="Gewoon doorwerken"))
    assert victim.read_bytes() == SECRET
    assert read_session(session_path).actions[-1].title == "Gewoon doorwerken"


def test_who_holds_a_file_is_never_read_through_a_link(session_path: Path,
                                                       tmp_path: Path) -> None:
    planted = tmp_path / "elders.json"
    planted.write_text(json.dumps({"host": "nep", "pid": 1, "since": "nu"}), encoding="utf-8")
    _link(info_path(session_path), planted)
    assert "nep" not in holder(session_path)


def test_a_backups_folder_that_is_a_link_gets_no_backups(session_path: Path,
                                                         tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    _link(session_path.parent / ".backups", elsewhere)
    before = session_path.read_bytes()
    with SessionFile.open(session_path) as opened, pytest.raises(SaveError) as refused:
        opened.add(Action(theme="wonen", title="Niet hier"))
    assert "symbolische link" in str(refused.value)
    assert list(elsewhere.iterdir()) == []
    assert session_path.read_bytes() == before


def test_a_file_swapped_for_a_link_is_not_copied_into_the_backups(
    session_path: Path, victim: Path
) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="wonen", title="Eerst"))
        session_path.unlink()
        _link(session_path, victim)
        with pytest.raises(SaveError):
            opened.add(Action(theme="wonen", title="Daarna"))
    assert all(SECRET not in backup.read_bytes() for backup in backups_of(session_path))
    assert victim.read_bytes() == SECRET


def test_a_session_file_that_is_a_link_is_locked_and_backed_up_beside_the_real_file(
    session_path: Path, tmp_path: Path
) -> None:
    desktop = tmp_path / "bureaublad"
    desktop.mkdir()
    link = desktop / "sessie.json"
    _link(link, session_path)
    with SessionFile.open(link) as opened:
        assert lock_path(session_path).exists()
        opened.add(Action(theme="wonen", title="Via de link"))
    assert link.is_symlink()
    assert len(backups_of(session_path)) == 1
    assert [entry.name for entry in desktop.iterdir()] == ["sessie.json"]


def test_a_link_loop_is_named_as_one(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    _link(first, second)
    _link(second, first)
    with pytest.raises(StoreError, match="symbolische link die in een kring") as loop:
        SessionFile.open(first)
    assert str(first) in str(loop.value)


def test_a_file_that_does_not_open_leaves_no_lock_file(session_path: Path) -> None:
    session_path.write_text('{"meta": {"1": {"schema_version": 99}}}', encoding="utf-8")
    with pytest.raises(StoreError):
        SessionFile.open(session_path)
    assert not lock_path(session_path).exists()
    assert not info_path(session_path).exists()



def test_a_link_where_the_rescue_copy_goes_is_replaced_not_written_through(
    session_path: Path, session: Session, state_folder: Path, victim: Path
) -> None:
    target = rescue_path(session_path)
    target.parent.mkdir(parents=True)
    _link(target, victim)
    assert write_rescue(session_path, session) == target
    assert victim.read_bytes() == SECRET
    assert not target.is_symlink() and read_session(target) == read_session(session_path)

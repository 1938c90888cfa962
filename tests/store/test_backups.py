"""Rolling backups: one per opening, before the first change; bounded; never per keystroke."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pact_tui.model import Action
from pact_tui.store import SessionFile, read_session
from pact_tui.store.backups import KEEP, backups_of


def test_opening_without_changes_makes_no_backup(session_path: Path) -> None:
    with SessionFile.open(session_path):
        pass
    assert backups_of(session_path) == []


def test_one_backup_per_opening_holds_the_file_as_opened(session_path: Path) -> None:
    before = session_path.read_bytes()
    with SessionFile.open(session_path) as opened:
        for number in range(5):
            opened.add(Action(theme="wonen", title=f"Actie {number}"))
    (backup,) = backups_of(session_path)
    assert backup.parent == session_path.parent / ".backups"
    assert backup.read_bytes() == before


def test_backups_are_bounded(session_path: Path) -> None:
    for number in range(KEEP + 3):
        with SessionFile.open(session_path) as opened:
            opened.add(Action(theme="wonen", title=f"Actie {number}"))
    backups = backups_of(session_path)
    assert len(backups) == KEEP
    # The newest backup is the file as the last opening found it: the first action plus
    # one per earlier opening.
    assert len(read_session(backups[0]).actions) == 1 + KEEP + 2


def test_backups_of_similar_names_are_kept_apart(tmp_path: Path, session_path: Path) -> None:
    other = session_path.with_name("sessie.2.json")
    other.write_bytes(session_path.read_bytes())
    for path in (session_path, other):
        with SessionFile.open(path) as opened:
            opened.add(Action(theme="wonen", title="Wijziging"))
    assert len(backups_of(session_path)) == 1
    assert len(backups_of(other)) == 1


def test_a_version_written_by_another_program_is_kept(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="wonen", title="Van hier"))
        assert opened.outside_change_backup is None
        # A sync client or an editor puts its own version in place meanwhile.
        elsewhere = session_path.read_bytes().replace(b"Van hier", b"Van elders")
        session_path.write_bytes(elsewhere)
        opened.add(Action(theme="wonen", title="Weer van hier"))
        assert opened.outside_change_backup is not None
        assert opened.outside_change_backup.read_bytes() == elsewhere
        opened.add(Action(theme="wonen", title="Nog eens"))
    assert len(backups_of(session_path)) == 2
    titles = [action.title for action in read_session(session_path).actions]
    assert titles[-3:] == ["Van hier", "Weer van hier", "Nog eens"]


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_a_backup_of_a_private_file_is_private(session_path: Path) -> None:
    session_path.chmod(0o600)
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="wonen", title="Vertrouwelijk"))
    (backup,) = backups_of(session_path)
    assert backup.stat().st_mode & 0o777 == 0o600


def test_a_version_written_over_the_open_file_is_handed_out_once_to_be_merged(
        session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="wonen", title="Van hier"))
        assert opened.outside_versions() == ()
        # The sync engine keeps the other laptop's version under the file's name.
        elsewhere = session_path.read_bytes().replace(b"Van hier", b"Van elders")
        session_path.write_bytes(elsewhere)
        (version,) = opened.outside_versions()
        titles = [action.title for action in version.actions]
        assert "Van elders" in titles and "Van hier" not in titles
        assert backups_of(session_path)[0].read_bytes() == elsewhere
        assert opened.outside_versions() == ()


def test_a_version_a_save_replaced_before_it_was_merged_is_still_handed_out(
        session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="wonen", title="Van hier"))
        session_path.write_bytes(session_path.read_bytes().replace(b"Van hier", b"Van elders"))
        opened.add(Action(theme="wonen", title="Weer van hier"))  # saved over it
        (version,) = opened.outside_versions()
        titles = [action.title for action in version.actions]
        assert "Van elders" in titles and "Van hier" not in titles
        assert opened.outside_versions() == ()


def test_a_half_written_version_is_not_handed_out_until_it_reads_whole(
        session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="wonen", title="Van hier"))
        whole = session_path.read_bytes().replace(b"Van hier", b"Van elders")
        session_path.write_bytes(whole[: len(whole) // 2])
        assert opened.outside_versions() == ()
        session_path.write_bytes(whole)
        (version,) = opened.outside_versions()
        titles = [action.title for action in version.actions]
        assert "Van elders" in titles and "Van hier" not in titles

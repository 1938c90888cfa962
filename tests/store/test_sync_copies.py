"""Conflict copies of session files, as Syncthing, OneDrive, Dropbox and Nextcloud name them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pact_tui.model import Action, RegionProfile
from pact_tui.store import SessionFile, read_session, write_session
from pact_tui.store.backups import backups_of
from pact_tui.store.sync_copies import (
    ConflictCopy,
    CopyNotReadyError,
    conflict_copies,
    conflict_copy_of,
    merge_conflict_copy,
)
from tests.store.conftest import make_session

COPY_NAMES = [
    ("breakout.sync-conflict-20261204-143012-ABCDEF7.json", "syncthing"),
    ("breakout.sync-conflict-20261204-143012.json", "syncthing"),
    ("breakout-LAPTOP-ANNA.json", "onedrive"),
    ("breakout-LAPTOP-ANNA-2.json", "onedrive"),
    ("breakout-MacBook Pro van Anna.json", "onedrive"),
    ("breakout (Anna's conflicted copy 2026-12-04).json", "dropbox"),
    ("breakout (Anna's conflicted copy 2026-12-04 (1)).json", "dropbox"),
    ("breakout (Anna's conflicted copy 2026-12-04 143012).json", "dropbox"),
    ("breakout (Anna's conflicted copy 2026-12-04) (1).json", "dropbox"),
    ("breakout (conflicterende kopie van Anna 2026-12-04).json", "dropbox"),
    ("breakout (Anna's Konfliktkopie 2026-12-04).json", "dropbox"),
    ("breakout (conflicted copy 2026-12-04 143012).json", "nextcloud"),
    ("breakout (conflicted copy anna 2026-12-04 143012).json", "nextcloud"),
]


@pytest.mark.parametrize(("name", "engine"), COPY_NAMES)
def test_each_engines_name_for_a_copy_points_at_its_original(name: str, engine: str) -> None:
    names = ["breakout.json", "programma.json", name]
    assert conflict_copy_of(name, names) == ("breakout.json", engine)


@pytest.mark.parametrize("name", [
    "breakout.json",                         # the original itself
    "werksessie-3.json",                     # no werksessie.json in the folder
    "2026-12-04-werksessie-wonen.json",      # a date in a name is no conflict tag
    "breakout (groep 2).json",               # parentheses of the person's own
    "breakout (conflict over wonen).json",   # the word, but no date: a title
    "breakout.sync-conflict-2026.json",      # not Syncthing's date and time
    "notities.txt",
])
def test_ordinary_names_are_not_copies(name: str) -> None:
    assert conflict_copy_of(name, ["breakout.json", name]) is None


def test_onedrive_picks_the_longest_original_a_name_extends() -> None:
    names = ["breakout.json", "breakout-3.json", "breakout-3-LAPTOP.json"]
    assert conflict_copy_of("breakout-3-LAPTOP.json", names) == ("breakout-3.json", "onedrive")


def test_a_copy_of_a_copy_points_at_the_first_original() -> None:
    name = ("breakout.sync-conflict-20261204-143012-ABCDEF7"
            ".sync-conflict-20261204-150000-GHIJKL2.json")
    assert conflict_copy_of(name, ["breakout.json", name]) == ("breakout.json", "syncthing")


@pytest.fixture
def folder(tmp_path: Path, profile: RegionProfile) -> Path:
    write_session(tmp_path / "breakout.json", make_session(profile, "Breakout wonen"))
    return tmp_path


def _copy(folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(folder / "breakout.json", target)
    return target


def test_a_copy_of_every_engine_is_found_beside_its_file(folder: Path) -> None:
    made = {_copy(folder, name): engine for name, engine in COPY_NAMES}
    found = conflict_copies(folder)
    assert {copy.path: copy.engine for copy in found} == made
    assert {copy.original for copy in found} == {folder / "breakout.json"}


def test_a_session_of_its_own_with_a_name_like_a_copy_is_not_one(
        folder: Path, profile: RegionProfile) -> None:
    # breakout-3.json is the third breakout, not OneDrive's copy of breakout.json.
    write_session(folder / "breakout-3.json", make_session(profile, "Breakout drie"))
    write_session(folder / "breakout (Anna's conflicted copy 2026-12-04).json",
                  make_session(profile, "Iets anders"))
    copy = _copy(folder, "breakout-LAPTOP.json")
    assert conflict_copies(folder) == (
        ConflictCopy(copy, folder / "breakout.json", "onedrive"),)


def test_a_copy_still_being_written_is_left_for_the_next_look(folder: Path) -> None:
    content = (folder / "breakout.json").read_bytes()
    half = folder / "breakout.sync-conflict-20261204-143012-ABCDEF7.json"
    half.write_bytes(content[:len(content) // 2])
    assert conflict_copies(folder) == ()
    half.write_bytes(content)
    assert [copy.path for copy in conflict_copies(folder)] == [half]


def test_a_copy_whose_original_is_gone_or_unreadable_is_not_confirmed(folder: Path) -> None:
    _copy(folder, "breakout-LAPTOP.json")
    (folder / "breakout.json").write_text("{half", encoding="utf-8")
    assert conflict_copies(folder) == ()
    (folder / "breakout.json").unlink()
    assert conflict_copies(folder) == ()


def test_no_folder_no_copies(tmp_path: Path) -> None:
    assert conflict_copies(tmp_path / "er niet") == ()


def test_onedrive_copies_go_to_the_file_that_holds_their_session(
        folder: Path, profile: RegionProfile) -> None:
    write_session(folder / "breakout-3.json", make_session(profile, "Breakout drie"))
    of_three = folder / "breakout-3-LAPTOP.json"
    shutil.copyfile(folder / "breakout-3.json", of_three)
    # A name that fits breakout-3.json best, but holds breakout.json's session.
    of_first = _copy(folder, "breakout-3-DESKTOP.json")
    assert {copy.path: copy.original for copy in conflict_copies(folder)} == {
        of_three: folder / "breakout-3.json", of_first: folder / "breakout.json"}


def _diverged(folder: Path, copy_name: str, *, mine_goal: str | None = None,
              theirs_goal: str | None = None, theirs_new: str | None = None) -> ConflictCopy:
    """The file and a conflict copy of it, each edited on its own laptop since they split."""
    elsewhere = folder / "andere-laptop"
    elsewhere.mkdir()
    theirs_path = elsewhere / "breakout.json"
    shutil.copyfile(folder / "breakout.json", theirs_path)
    with SessionFile.open(theirs_path) as theirs:
        action = theirs.list(Action)[0]
        if theirs_goal is not None:
            theirs.update(action.edited(goal=theirs_goal))
        if theirs_new is not None:
            theirs.add(Action(theme="wonen", title=theirs_new))
    if mine_goal is not None:
        with SessionFile.open(folder / "breakout.json") as mine:
            mine.update(mine.list(Action)[0].edited(goal=mine_goal))
    copy = folder / copy_name
    shutil.copyfile(theirs_path, copy)
    shutil.rmtree(elsewhere)
    return ConflictCopy(copy, folder / "breakout.json", "syncthing")


def test_a_copy_is_merged_in_kept_in_the_backups_and_removed(folder: Path) -> None:
    copy = _diverged(folder, "breakout.sync-conflict-20261204-143012-ABCDEF7.json",
                     mine_goal="200 woningen", theirs_new="Tiny houses bij het station")
    copied = copy.path.read_bytes()
    with SessionFile.open(folder / "breakout.json") as file:
        assert merge_conflict_copy(file, copy) == ()
    merged = read_session(folder / "breakout.json")
    assert sorted(action.title for action in merged.actions) == [
        "Flexwoningen voor starters", "Tiny houses bij het station"]
    assert merged.actions[0].goal == "200 woningen"  # only this laptop changed it
    assert not copy.path.exists()
    assert copied in [backup.read_bytes() for backup in backups_of(folder / "breakout.json")]
    assert conflict_copies(folder) == ()


def test_a_real_conflict_keeps_this_laptops_value_and_the_copys_in_the_history(
        folder: Path) -> None:
    copy = _diverged(folder, "breakout-LAPTOP-ANNA.json", mine_goal="200 woningen",
                     theirs_goal="300 woningen")
    with SessionFile.open(folder / "breakout.json") as file:
        conflicts = merge_conflict_copy(file, copy)
    assert len(conflicts) == 1 and conflicts[0].base is not None
    assert conflicts[0].base.content()["goal"] == "150 woningen in 2027"
    action = read_session(folder / "breakout.json").actions[0]
    assert action.goal == "200 woningen"
    assert any(past.content and past.content.get("goal") == "300 woningen"
               for past in action.history)


def test_a_copy_still_being_written_is_not_merged_nor_removed(folder: Path) -> None:
    copy = _diverged(folder, "breakout (conflicted copy 2026-12-04 143012).json",
                     theirs_new="Nog niet binnen")
    whole = copy.path.read_bytes()
    copy.path.write_bytes(whole[:len(whole) // 2])
    before = (folder / "breakout.json").read_bytes()
    with SessionFile.open(folder / "breakout.json") as file, \
            pytest.raises(CopyNotReadyError, match="nog niet helemaal binnen"):
        merge_conflict_copy(file, copy)
    assert copy.path.exists() and (folder / "breakout.json").read_bytes() == before


def test_merging_the_same_copy_twice_changes_nothing_more(folder: Path) -> None:
    copy = _diverged(folder, "breakout-LAPTOP.json", theirs_new="Eén keer")
    content = copy.path.read_bytes()
    with SessionFile.open(folder / "breakout.json") as file:
        merge_conflict_copy(file, copy)
        once = file.snapshot()
        copy.path.write_bytes(content)  # the sync engine brought it back
        merge_conflict_copy(file, copy)
        assert file.snapshot() == once

"""Conflict copies of session files, as Syncthing, OneDrive, Dropbox and Nextcloud name them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pact_tui.model import RegionProfile
from pact_tui.store import write_session
from pact_tui.store.sync_copies import ConflictCopy, conflict_copies, conflict_copy_of
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

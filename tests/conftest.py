"""Shared fixtures: the built-in West-Friesland profile, read from the package data."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pact_tui.i18n import set_language
from pact_tui.model import RegionProfile
from pact_tui.store import load_profile


@pytest.fixture(scope="session")
def profile() -> RegionProfile:
    return load_profile(None)


@pytest.fixture(autouse=True)
def dutch() -> None:
    """Every test starts in Dutch, whatever an earlier test chose."""
    set_language("nl")


@pytest.fixture(autouse=True)
def state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Rescue copies go to a folder of the test's own, never the user's real state folder."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture
def read_only_folder() -> Iterator[Callable[[Path], None]]:
    """`make_read_only(folder)`: from then on nothing in `folder` can be written, for real.

    As root (who may write anywhere) a tmpfs holding a copy of the folder's files is
    mounted over it and remounted read-only; as anyone else its permissions say so.
    Skipped where root cannot mount (a container without the right).
    """
    mounted: list[Path] = []
    locked: list[Path] = []
    copies: list[Path] = []

    def make_read_only(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o555)
            locked.append(folder)
            return
        keep = Path(tempfile.mkdtemp(prefix="pact-read-only-")) / "files"
        copies.append(keep.parent)
        shutil.copytree(folder, keep)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                          capture_output=True, check=False).returncode != 0:
            pytest.skip("a read-only folder needs mount rights here")
        mounted.append(folder)
        shutil.copytree(keep, folder, dirs_exist_ok=True)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    yield make_read_only
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    for folder in locked:
        folder.chmod(0o755)
    for copy in copies:
        shutil.rmtree(copy, ignore_errors=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system (a 1 MB tmpfs) to fill up; skipped where it cannot be mounted."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True, check=False,
    ).returncode != 0:
        pytest.skip("a small disk needs mount rights here")
    yield folder
    # Lazily: a file a failed test left open must not keep the mount.
    subprocess.run(["umount", "-l", str(folder)], check=False)


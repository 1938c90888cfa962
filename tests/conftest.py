"""Shared fixtures: the built-in West-Friesland profile, read from the package data; and
the two helpers every app test needs, `screen_text` and `wait_until` (the room view's
and the main app's fixtures use them both)."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from pact_tui.i18n import set_language
from pact_tui.model import RegionProfile
from pact_tui.store import load_profile

WAIT_SECONDS = 20.0
"""Generous: tests wait for a condition, never for a time; a loaded machine is slow."""


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def wait_until(pilot: Pilot[Any], condition: Callable[[], object],
                     what: str = "", timeout: float = WAIT_SECONDS) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds, saying
    `what` never happened and what the screen showed instead.

    For what happens on another thread (the saver), a timer or a file watcher: waiting
    for the condition itself, so a loaded machine only makes the test slower.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"never happened: {what or condition}\n"
                                 f"{screen_text(pilot.app)}")
        await pilot.pause(0.02)


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


@pytest.fixture(autouse=True)
def config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This laptop's id (laptop.json) goes to a folder of the test's own, never the user's."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.delenv("PACT_TUI_LAPTOP_ID", raising=False)
    monkeypatch.delenv("PACT_TUI_LAPTOP_NAME", raising=False)
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


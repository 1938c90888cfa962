"""Fixtures for tests through the sync engine stand-in: two laptop folders, a breakout
session file on the first, and the engine or a writer as a separate program to kill."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.store import create_session
from tests.conftest import WAIT_SECONDS

ENGINE = Path(__file__).with_name("engine.py")
REPOSITORY = Path(__file__).parents[2]
BREAKOUT = "breakout-wonen.json"


class Program:
    """A program started for a test, its output read line by line as it comes."""

    def __init__(self, *argv: str | Path) -> None:
        self.lines: list[str] = []
        self._process = subprocess.Popen([str(arg) for arg in argv], cwd=REPOSITORY,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True)
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, start: str) -> str:
        """The next line that starts with `start`; fails when the program ends first."""
        while True:
            try:
                line = self._queue.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                raise AssertionError(f"no line {start!r} in {WAIT_SECONDS} s: "
                                     f"{self.lines}") from None
            if line is None:
                self._process.wait()
                raise AssertionError(f"ended before {start!r}: {self.lines}, "
                                     f"{self._process.stderr and self._process.stderr.read()}")
            self.lines.append(line)
            if line.startswith(start):
                return line

    def kill(self) -> None:
        """kill -9, and wait until it is gone."""
        self._process.kill()
        self._process.wait()

    @property
    def running(self) -> bool:
        return self._process.poll() is None


@pytest.fixture
def programs() -> Iterator[list[Program]]:
    """Programs a test starts; whatever still runs at its end is killed."""
    started: list[Program] = []
    yield started
    for program in started:
        if program.running:
            program.kill()


def engine_program(*argv: str | Path) -> Program:
    """`python tests/sync/engine.py ARGV...`, running once it has said "ready"."""
    program = Program(sys.executable, ENGINE, *argv)
    program.wait_for("ready")
    return program


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Path, Path]:
    """Anna's and Bert's copies of the shared folder."""
    folders = (tmp_path / "anna", tmp_path / "bert")
    for folder in folders:
        folder.mkdir()
    return folders


@pytest.fixture
def laptops_in_memory(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """Anna's and Bert's folders on a RAM disk where there is one (else as `laptops`).

    For a test of hundreds of saves: each save fsyncs four times, and on a disk shared by
    busy neighbours those syncs, not what is tested, would take most of a minute.
    """
    shared_memory = Path("/dev/shm")
    if not (shared_memory.is_dir() and os.access(shared_memory, os.W_OK)):
        folders = (tmp_path / "anna", tmp_path / "bert")
        for folder in folders:
            folder.mkdir()
        yield folders
        return
    root = Path(tempfile.mkdtemp(prefix="pact-sync-", dir=shared_memory))
    try:
        folders = (root / "anna", root / "bert")
        for folder in folders:
            folder.mkdir()
        yield folders
    finally:
        shutil.rmtree(root, ignore_errors=True)


def breakout_session(profile: RegionProfile, actions: int = 3) -> Session:
    meta = SessionMeta(profile=profile, title="Breakout Wonen")
    return Session(meta=meta, actions=tuple(
        Action(theme="wonen", title=f"Actie {number} voor starters", goal="x" * 200,
               position=number) for number in range(actions)))


@pytest.fixture
def breakout(laptops: tuple[Path, Path], profile: RegionProfile) -> Path:
    """A breakout session file on Anna's laptop (not yet synced)."""
    session = breakout_session(profile)
    return create_session(laptops[0] / BREAKOUT, session.meta, session)

"""End-to-end fixtures: the command line run in-process, with its output and exit code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pact_tui.cli import main


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


RunCli = Callable[..., Run]


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], sessions_dir: Path, tmp_path: Path) -> RunCli:
    """Run `pact-tui ARGS...` with the test's own sessions and exports folders."""

    def run(*args: str | Path) -> Run:
        argv = ["--sessions-dir", str(sessions_dir), "--exports-dir", str(tmp_path / "exports"),
                *(str(arg) for arg in args)]
        capsys.readouterr()
        code = main(argv)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def demo_files(cli: RunCli, sessions_dir: Path) -> list[Path]:
    """The demo written by `pact-tui demo --no-open`: three sessions, then the programme."""
    assert cli("demo", "--no-open").code == 0
    return sorted(sessions_dir.glob("*.json"))

"""Spreadsheet fixtures: the hand-made lists beside this file and the demo programme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pact_tui.cli import main
from pact_tui.demo.builder import build_demo_programme
from pact_tui.model import Session
from pact_tui.store import write_session

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


RunCli = Callable[..., Run]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> RunCli:
    """Run `pact-tui ARGS...` in-process with the test's own sessions folder."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main(["--sessions-dir", str(tmp_path / "sessions"), *(str(a) for a in args)])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def demo_programme() -> Session:
    return build_demo_programme()


@pytest.fixture
def programme_file(tmp_path: Path, demo_programme: Session) -> Path:
    path = tmp_path / "programma.json"
    write_session(path, demo_programme)
    return path

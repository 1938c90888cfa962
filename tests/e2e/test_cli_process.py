"""The installed `pact-tui` command as a separate process: exit codes, stderr, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACT_TUI = Path(sys.executable).parent / "pact-tui"


def pact_tui(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PACT_TUI), *(str(arg) for arg in args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder in which `pact-tui demo --no-open` has run (default ./sessions)."""
    if not PACT_TUI.exists():
        pytest.fail(f"{PACT_TUI} is not installed; run `pip install -e .` in the venv")
    cwd = tmp_path_factory.mktemp("work")
    done = pact_tui("demo", "--no-open", cwd=cwd)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return cwd


def test_demo_then_check_every_file(folder: Path) -> None:
    files = sorted((folder / "sessions").glob("*.json"))
    assert len(files) == 4
    for path in files:
        done = pact_tui("check", path.relative_to(folder), cwd=folder)
        assert done.returncode == 0, done.stderr
        assert done.stderr == "" and len(done.stdout.strip().splitlines()) == 1


def test_a_corrupted_file_gives_exit_2_and_one_line(folder: Path, tmp_path: Path) -> None:
    source = next((folder / "sessions").glob("*uitvoeringsprogramma.json"))
    broken = tmp_path / "kapot.json"
    broken.write_bytes(source.read_bytes().replace(b'"actions"', b'"actions" [', 1))
    done = pact_tui("check", broken, cwd=folder)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr and str(broken) in done.stderr


@pytest.mark.parametrize("args", [
    ("session", "new", "X", "--date", "28-11-2026"),
    ("session", "new", "X", "--profile", "nergens"),
    ("open", "bestaat-niet.json"),
    ("check", "sessions"),
    ("--lang", "en", "check", "missing.json"),
    ("onbekend-commando",),
])
def test_user_errors_are_one_sentence_with_exit_2(folder: Path, args: tuple[str, ...]) -> None:
    done = pact_tui(*args, cwd=folder)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
    prefix = "Error: " if "en" in args else "Fout: "
    assert done.stderr.startswith(prefix)


def test_check_never_loads_textual(folder: Path) -> None:
    path = next((folder / "sessions").glob("*.json"))
    code = ("import sys; from pact_tui.cli import main; "
            f"code = main(['check', {str(path)!r}]); "
            "sys.exit(code or (3 if 'textual' in sys.modules else 0))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr

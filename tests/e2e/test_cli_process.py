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


def _one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_global_options_work_after_the_command_too(tmp_path: Path) -> None:
    done = pact_tui("demo", "--no-open", "--sessions-dir", "elders", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "elders").glob("*.json"))) == 4
    assert not (tmp_path / "sessions").exists()
    done = pact_tui("session", "new", "Breakout A", "--date", "2026-11-28",
                    "--sessions-dir", "elders", "--lang", "en", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / done.stdout.strip()).parent == tmp_path / "elders"


def test_an_option_before_the_command_is_not_undone_after_it(tmp_path: Path) -> None:
    done = pact_tui("--sessions-dir", "hier", "session", "new", "X", "--date", "2026-11-28",
                    cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).parent == Path("hier")


def test_help_speaks_dutch_by_default_and_english_with_lang_en(tmp_path: Path) -> None:
    dutch = pact_tui("--help", cwd=tmp_path)
    assert dutch.returncode == 0
    for words in ("gebruik: pact-tui", "opties:", "toon deze hulp en stop"):
        assert words in dutch.stdout
    assert "usage" not in dutch.stdout and "show this help" not in dutch.stdout
    english = pact_tui("open", "--help", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 0
    for words in ("usage: pact-tui open", "options:", "show this help message and exit"):
        assert words in english.stdout


@pytest.mark.parametrize(("args", "words"), [
    (("merge",), "deze argumenten ontbreken: FILE, -o/--output"),
    (("--lang", "en", "merge"), "the following arguments are required: FILE, -o/--output"),
    (("open", "a.json", "b.json"), "onbekende argumenten: b.json"),
    (("check", "--lang", "fr", "x.json"), "ongeldige keuze: 'fr'"),
    (("kapot",), "ongeldige keuze: 'kapot'"),
])
def test_argparse_errors_are_one_line_in_the_language(tmp_path: Path, args: tuple[str, ...],
                                                      words: str) -> None:
    line = _one_error_line(pact_tui(*args, cwd=tmp_path))
    assert words in line, line


def test_schema_into_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    process = subprocess.Popen([str(PACT_TUI), "schema"], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head` that has read enough, before anything is written
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 141  # as a shell reports a program ended by SIGPIPE
    assert err == ""


_MODULES_LOADED = """
import sys
import pact_tui.tui
pact_tui.tui.run_app = lambda *args, **kwargs: 0  # the app is not what is looked at here
from pact_tui.cli import main
code = main(sys.argv[1:])
print("loaded:" + " ".join(sorted(name for name in ("numpy", "rapidfuzz", "docx", "pact_tui.merge",
                                        "pact_tui.demo.builder") if name in sys.modules)))
sys.exit(code)
"""


@pytest.mark.parametrize("command", ["open", "demo"])
def test_open_and_demo_load_nothing_the_app_does_not_need(folder: Path, command: str) -> None:
    programme = next((folder / "sessions").glob("*uitvoeringsprogramma.json"))
    args = ["open", str(programme)] if command == "open" else ["demo"]
    done = subprocess.run([sys.executable, "-c", _MODULES_LOADED, *args], cwd=folder,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "loaded:"

"""Escape codes in a file's text never reach the terminal or a report through the command line.

Each command runs as its own process, its output captured as bytes: a title that says
`\\x1b]2;pwned\\x07` would retitle the terminal, `\\x1b[31m` colour what follows. They show
as symbols (␛, ␇) and the files keep them as they were.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from pact_tui.merge import start_session_from
from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.store import load_profile, write_session

PACT_TUI = Path(sys.executable).parent / "pact-tui"
RETITLE = "\x1b]2;pwned\x07"
RED = "\x1b[31m"


def pact_tui(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(PACT_TUI), *(str(arg) for arg in args)], cwd=cwd,
                          capture_output=True, timeout=120, check=False)


def _no_escape(*outputs: bytes) -> None:
    for output in outputs:
        assert b"\x1b" not in output and b"\x07" not in output, output


@pytest.fixture(scope="module")
def profile() -> RegionProfile:
    return load_profile(None)


@pytest.fixture
def breakouts(profile: RegionProfile, tmp_path: Path) -> tuple[Path, Path]:
    """Two sessions from one programme, both changing the same action's goal."""
    build = Action(theme="wonen", title=f"Bouwen {RED}rood", goal="500 woningen",
                   notes=f"Notitie {RETITLE}")
    meta = SessionMeta(profile=profile, title=f"Programma {RETITLE}", kind="programme",
                       date=dt.date(2026, 1, 10))
    programme = Session(meta=meta, actions=(build,))
    paths = []
    for name, goal in (("noord", f"600 {RETITLE}"), ("zuid", f"700 {RED}woningen")):
        session = start_session_from(programme, f"Groep {name} {RETITLE}", dt.date(2026, 2, 1))
        session = session.model_copy(update={"actions": (session.actions[0].edited(goal=goal),)})
        path = tmp_path / f"{name}.json"
        write_session(path, session)
        paths.append(path)
    return paths[0], paths[1]


def test_check_shows_a_title_with_escape_codes_as_symbols(
    breakouts: tuple[Path, Path], tmp_path: Path
) -> None:
    path = breakouts[0]
    before = path.read_bytes()
    done = pact_tui("check", path, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    _no_escape(done.stdout, done.stderr)
    assert "Groep noord ␛]2;pwned␇" in done.stdout.decode("utf-8")
    assert path.read_bytes() == before


def test_merge_screen_output_and_report_file_hold_no_escape_codes(
    breakouts: tuple[Path, Path], tmp_path: Path
) -> None:
    report = tmp_path / "verslag.md"
    done = pact_tui("merge", *breakouts, "-o", tmp_path / "programma.json", "--report", report,
                    cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the clashing goals are an open conflict
    _no_escape(done.stdout, done.stderr, report.read_bytes())
    for text in (done.stdout.decode("utf-8"), report.read_text("utf-8")):
        assert "Bouwen ␛[31mrood" in text  # the item
        assert "600 ␛]2;pwned␇" in text and "700 ␛[31mwoningen" in text  # the values
        assert "Groep noord ␛]2;pwned␇" in text  # the sources


def test_a_merge_input_that_does_not_read_is_named_without_its_escape_codes(
    breakouts: tuple[Path, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_bytes(breakouts[0].read_bytes().replace(b'"theme": "wonen"',
                                                         b'"theme": "nergens"', 1))
    done = pact_tui("merge", broken, breakouts[1], "-o", tmp_path / "programma.json",
                    cwd=tmp_path)
    assert done.returncode == 2
    _no_escape(done.stdout, done.stderr)
    assert "Bouwen ␛[31mrood" in done.stderr.decode("utf-8")  # the item the problem is in


def test_import_preview_matches_and_notes_show_escape_codes_as_symbols(tmp_path: Path) -> None:
    sheet = tmp_path / "lijst.csv"
    sheet.write_text(
        f'Maatregel;Programmalijn;Schaal;Beoogd resultaat;Extra{RED}\n'
        f'"Bouwen {RETITLE}";Wonen;"Heel{RED}groot";"Doel {RED}rood";x\n'
        f'"Laden";"Energie{RED}";;;\n', encoding="utf-8")
    done = pact_tui("import", sheet, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    _no_escape(done.stdout, done.stderr)
    out = done.stdout.decode("utf-8")
    assert f"Extra{RED}".replace("\x1b", "␛") in out  # a column that is not read
    assert "Bouwen ␛]2;pwned␇" in out and "Doel ␛[31mrood" in out  # the first rows
    assert "Energie␛[31m" in out  # a value matched loosely
    assert "Heel␛[31mgroot" in out  # a note on a value not recognised

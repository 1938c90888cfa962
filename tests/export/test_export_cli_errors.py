"""`pact-tui export` as a real process: every output-path problem is one sentence and exit
code 2, found before any work; files get the umask's mode; an open file is not replaced."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pact_tui.export import OutputError, export_programme
from pact_tui.export import output as output_module
from pact_tui.model import Session
from pact_tui.store import write_session


@pytest.fixture
def programme_file(programme: Session, tmp_path: Path) -> Path:
    path = tmp_path / "programma.json"
    write_session(path, programme)
    return path


def _export(*args: str, cwd: Path, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    code = ("import os, sys; os.umask(int(sys.argv[1], 8)); from pact_tui.cli import main;"
            " sys.exit(main(sys.argv[2:]))")
    return subprocess.run([sys.executable, "-c", code, oct(umask), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def _one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    error = result.stderr.strip()
    assert "\n" not in error and "Traceback" not in result.stderr
    assert error.startswith("Fout: ")
    # Found before the work: not one step of the export was started.
    assert "%" not in result.stdout
    return error


@pytest.mark.parametrize("case", ["exports_dir_is_file", "exports_dir_under_file",
                                  "output_folder_missing", "output_under_file",
                                  "output_is_folder_file"])
def test_output_path_problems_are_one_sentence_before_any_work(
    programme_file: Path, tmp_path: Path, case: str
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    if case == "exports_dir_is_file":
        args = ["--exports-dir", str(blocker), "export", str(programme_file)]
        expected = "is een bestand, geen map"
    elif case == "exports_dir_under_file":
        args = ["--exports-dir", str(blocker / "exports"), "export", str(programme_file)]
        expected = "is een bestand, geen map"
    elif case == "output_folder_missing":
        blocker = tmp_path / "nergens"
        args = ["export", str(programme_file), "-o", str(blocker / "p.docx")]
        expected = "bestaat niet"
    elif case == "output_under_file":
        args = ["export", str(programme_file), "-o", str(blocker / "p.docx")]
        expected = "is een bestand, geen map"
    else:
        args = ["export", str(tmp_path / "ontbreekt.json"), "-o", str(blocker / "sub" / "p.docx")]
        expected = "is een bestand, geen map"
    error = _one_sentence(_export(*args, cwd=tmp_path))
    assert expected in error and str(blocker) in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand", "programma.json"]


@pytest.mark.parametrize(("lock", "program"), [("~$programma.docx", "Word"),
                                               ("~$ogramma.docx", "Word"),
                                               (".~lock.programma.docx#", "LibreOffice")])
def test_a_draft_open_in_word_or_libreoffice_is_not_replaced_without_force(
    programme_file: Path, tmp_path: Path, lock: str, program: str
) -> None:
    out = tmp_path / "programma.docx"
    out.write_bytes(b"het concept dat openstaat")
    (tmp_path / lock).write_text("eigenaar", encoding="utf-8")
    error = _one_sentence(_export("export", str(programme_file), "-o", str(out), cwd=tmp_path))
    assert f"is geopend in {program}" in error and "--force" in error
    assert out.read_bytes() == b"het concept dat openstaat"
    forced = _export("export", str(programme_file), "-o", str(out), "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_the_draft_gets_the_mode_the_umask_gives(programme_file: Path, tmp_path: Path,
                                                  umask: int, mode: int) -> None:
    out = tmp_path / "programma.docx"
    result = _export("export", str(programme_file), "-o", str(out), cwd=tmp_path, umask=umask)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_a_read_only_file_system_is_named(make, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.statvfs

    class ReadOnly:
        def __init__(self, path: object) -> None:
            self.f_flag = real(path).f_flag | os.ST_RDONLY  # type: ignore[arg-type]

    monkeypatch.setattr(output_module.os, "statvfs", ReadOnly)
    with pytest.raises(OutputError, match="alleen-lezen schijf"):
        export_programme(make(), tmp_path / "p.docx")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["acties.csv", "acties.ods", "concept.doc", "concept"])
def test_an_output_type_export_does_not_write_is_one_sentence_naming_those_it_does(
    programme_file: Path, tmp_path: Path, name: str
) -> None:
    result = _export("export", str(programme_file), "-o", str(tmp_path / name), cwd=tmp_path)
    error = _one_sentence(result)
    assert all(kind in error for kind in (".docx", ".xlsx", ".pdf"))
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("options", [["-o", "acties.xlsx", "--pdf"],
                                     ["-o", "acties.xlsx", "--progress"],
                                     ["-o", "rapportage.pdf", "--progress"]])
def test_options_that_do_not_fit_the_output_type_are_one_sentence(
    programme_file: Path, tmp_path: Path, options: list[str]
) -> None:
    result = _export("export", str(programme_file), *options, cwd=tmp_path)
    assert ".docx" in _one_sentence(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["programma.json"]

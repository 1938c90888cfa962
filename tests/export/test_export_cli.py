"""`pact-tui export`: progress, the written path, a fresh default name, errors in one sentence."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pact_tui.cli import main
from pact_tui.model import Session
from pact_tui.store import write_session


@pytest.fixture
def programme_file(programme: Session, tmp_path: Path) -> Path:
    path = tmp_path / "programma.json"
    write_session(path, programme)
    return path


def test_export_writes_into_the_exports_folder_under_a_fresh_name(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = tmp_path / "exports"
    assert main(["--exports-dir", str(exports), "export", str(programme_file)]) == 0
    output = capsys.readouterr().out
    first = exports / "2026-11-28-uitvoeringsprogramma-pact-7-1.docx"
    assert "Actietabellen opbouwen" in output and "100%" in output
    assert output.strip().splitlines()[-1] == f"Word-concept geschreven: {first}"
    assert docx.Document(str(first)).core_properties.title == "Uitvoeringsprogramma Pact 7.1"
    before = first.read_bytes()
    assert main(["--exports-dir", str(exports), "export", str(programme_file)]) == 0
    assert (exports / "2026-11-28-uitvoeringsprogramma-pact-7-1-2.docx").exists()
    assert first.read_bytes() == before


def test_export_to_a_named_file_with_a_template(programme_file: Path, tmp_path: Path) -> None:
    template = tmp_path / "huisstijl.docx"
    house = docx.Document()
    house.sections[0].header.paragraphs[0].text = "Huisstijl"
    house.save(str(template))
    out = tmp_path / "concept.docx"
    assert main(["export", str(programme_file), "-o", str(out), "--template", str(template)]) == 0
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == "Huisstijl"


@pytest.mark.parametrize("problem", ["template", "not_docx", "folder", "input"])
def test_errors_are_one_sentence_and_exit_code_2(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], problem: str
) -> None:
    args = ["export", str(programme_file), "-o", str(tmp_path / "p.docx")]
    if problem == "template":
        args += ["--template", str(tmp_path / "ontbreekt.docx")]
    elif problem == "not_docx":
        (tmp_path / "tekst.docx").write_text("geen Word", encoding="utf-8")
        args += ["--template", str(tmp_path / "tekst.docx")]
    elif problem == "folder":
        args[3] = str(tmp_path / "nergens" / "p.docx")
    else:
        args[1] = str(tmp_path / "ontbreekt.json")
    assert main(args) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("Fout: ") and "\n" not in error and "Traceback" not in error
    assert not (tmp_path / "p.docx").exists()

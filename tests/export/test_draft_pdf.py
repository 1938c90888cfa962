"""The draft as LibreOffice shows it: a PDF of sane length whose contents have page numbers.

Skipped where LibreOffice is not installed. Each conversion uses its own LibreOffice
profile, so a running LibreOffice or a parallel test never blocks it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pact_tui.export import export_programme
from pact_tui.export.pdf import office, write_pdf
from pact_tui.model import Session
from pact_tui.store import write_session

TEMPLATES = Path(__file__).parents[1] / "fixtures" / "templates"
CASES = [None, "python-docx.docx", "libreoffice.docx", "libreoffice.dotx", "dutch-word.docx",
         "no-heading-3.docx", "header-image.docx"]
needs_office = pytest.mark.skipif(office() is None or shutil.which("pdftotext") is None,
                                  reason="LibreOffice (soffice) or pdftotext is not installed")


def _pdf_pages(pdf: Path) -> int:
    # Every page object in a PDF names its type; the page tree root says /Pages instead.
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf),
                           "-"], capture_output=True, text=True, check=True, timeout=60).stdout


@needs_office
@pytest.mark.parametrize("template", CASES)
def test_the_pdf_has_page_numbers_in_its_contents(make, tmp_path: Path,
                                                  template: str | None) -> None:
    draft = export_programme(make(), tmp_path / "programma.docx",
                             template=TEMPLATES / template if template else None)
    pdf = write_pdf(draft)
    assert pdf == tmp_path / "programma.pdf"
    # Cover, contents, introduction, themes, cross-theme, actions, partners, appendices.
    pages = _pdf_pages(pdf)
    assert 8 <= pages <= 16
    contents = _page_text(pdf, 2)
    assert "Inhoud" in contents
    numbered = dict(re.findall(r"^\s*(\S.*?)[\s.]*?(\d+)\s*$", contents, re.M))
    for chapter in ("Inleiding", "Acties", "Bijlagen"):
        entry = next(key for key in numbered if key.startswith(chapter))
        number = int(numbered[entry])
        assert 3 <= number <= pages
        assert chapter in _page_text(pdf, number)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["programma.docx", "programma.pdf"]


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from pact_tui.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def programme_file(programme: Session, tmp_path: Path) -> Path:
    path = tmp_path / "programma.json"
    write_session(path, programme)
    return path


def test_without_libreoffice_export_pdf_says_so_in_one_sentence(
    programme_file: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    out = tmp_path / "concept.docx"
    result = _cli(["export", str(programme_file), "-o", str(out), "--pdf"], env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.exists() and not out.with_suffix(".pdf").exists()
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("Geen PDF gemaakt:") and "LibreOffice" in message


@needs_office
def test_export_pdf_writes_the_pdf_beside_the_draft(programme_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "concept.docx"
    result = _cli(["export", str(programme_file), "-o", str(out), "--pdf"], dict(os.environ),
                  tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"PDF geschreven: {out.with_suffix('.pdf')}"
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")

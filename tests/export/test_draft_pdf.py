"""The draft opens cleanly in LibreOffice: converted to PDF, with a sane number of pages.

Skipped where LibreOffice is not installed. Each run uses its own LibreOffice profile,
so a running LibreOffice or a parallel test never blocks the conversion.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pact_tui.export import export_programme

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _pdf_pages(pdf: Path) -> int:
    # Every page object in a PDF names its type; the page tree root says /Pages instead.
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_draft_to_a_pdf_of_sane_length(make, tmp_path: Path) -> None:
    draft = export_programme(make(), tmp_path / "programma.docx")
    profile = (tmp_path / "lo-profile").as_uri()
    completed = subprocess.run(
        [str(OFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(draft)],
        capture_output=True, text=True, timeout=180, check=False)
    pdf = tmp_path / "programma.pdf"
    assert completed.returncode == 0 and pdf.exists(), completed.stderr
    # Cover, contents, introduction, themes, cross-theme, actions, partners, appendices.
    assert 8 <= _pdf_pages(pdf) <= 14

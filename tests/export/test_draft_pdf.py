"""The draft as LibreOffice shows it: a PDF of sane length whose contents have page numbers.

The conversions are real: skipped only where LibreOffice or poppler's pdfinfo/pdftotext are
not installed; where they are, a LibreOffice that cannot convert fails these tests. Each
conversion uses its own LibreOffice profile, so a running LibreOffice or a parallel test
never blocks it. A LibreOffice that crashes is imitated by a script on the PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pact_tui.export import export_programme
from pact_tui.export.pdf import office, write_pdf
from pact_tui.model import Session
from pact_tui.store import write_session

TEMPLATES = Path(__file__).parents[1] / "fixtures" / "templates"
CASES = [None, "python-docx.docx", "libreoffice.docx", "libreoffice.dotx", "dutch-word.docx",
         "no-heading-3.docx", "header-image.docx", "libreoffice-plain.docx",
         "dutch-word-house.docx"]
needs_office = pytest.mark.skipif(
    office() is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) or poppler's pdftotext/pdfinfo is not installed")


def _pdf_pages(pdf: Path) -> int:
    """The page count poppler reads from the PDF (it fails on a file that is no PDF)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    found = re.search(r"^Pages:\s+(\d+)$", info, re.M)
    assert found, info
    return int(found.group(1))


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


@needs_office
def test_the_pdf_leaves_the_word_draft_as_it_was(make, tmp_path: Path) -> None:
    # The page numbers are LibreOffice's business in its own copy: Word still gets its TOC field.
    draft = export_programme(make(), tmp_path / "programma.docx")
    before = draft.read_bytes()
    write_pdf(draft)
    assert draft.read_bytes() == before


@needs_office
def test_with_a_pdf_the_word_drafts_contents_get_the_same_page_numbers(
        programme_file: Path, tmp_path: Path) -> None:
    """Whoever opens the draft in LibreOffice, or says no to Word's field update, still sees
    page numbers; Word can still update them, the contents stay its TOC field."""
    out = tmp_path / "concept.docx"
    result = _cli(["export", str(programme_file), "-o", str(out), "--pdf"], dict(os.environ),
                  tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    instructions = [text.text.split() for text in document.element.body.iter(qn("w:instrText"))]
    assert instructions[0][0] == "TOC"
    entries = [p for p in document.paragraphs if p.style is not None
               and p.style.name.startswith("toc ")]
    numbered = {p.text.split("\t")[0]: p.text.split("\t")[-1] for p in entries}
    assert numbered["Inleiding"] == "3" and all(value.isdigit() for value in numbered.values())
    contents = _page_text(out.with_suffix(".pdf"), 2)
    for title in ("Inleiding", "Acties", "Bijlagen"):
        line = next(line for line in contents.splitlines() if line.strip().startswith(title))
        # One number per entry in the PDF: the draft's own numbers were not added again.
        assert re.findall(r"\d+", line) == [numbered[title]], line


CRASHING_OFFICE = """#!{python}
\"\"\"LibreOffice that makes its profile, locks the document it is given and crashes.\"\"\"
import os, signal, sys
from pathlib import Path
from urllib.parse import unquote, urlparse

for argument in sys.argv[1:]:
    if argument.startswith("-env:UserInstallation="):
        profile = Path(unquote(urlparse(argument.partition("=")[2]).path))
        (profile / "user" / "basic" / "Standard").mkdir(parents=True, exist_ok=True)
given = [*sys.argv[1:], *os.environ.values()]
documents = [Path(value) for value in given if value.endswith(".docx") and Path(value).is_file()]
for document in documents:
    document.with_name(f".~lock.{{document.name}}#").write_text("soffice", encoding="utf-8")
if documents:
    os.kill(os.getpid(), signal.SIGABRT)
"""


@pytest.fixture
def crashing_office(tmp_path: Path) -> dict[str, str]:
    """An environment whose `soffice` crashes on every document (signal 6), as Debian's did."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(CRASHING_OFFICE.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{Path(sys.executable).parent}"}


def test_a_crashing_libreoffice_leaves_no_lock_and_the_next_export_goes_ahead(
    programme_file: Path, tmp_path: Path, crashing_office: dict[str, str]
) -> None:
    out = tmp_path / "concept.docx"
    result = _cli(["export", str(programme_file), "-o", str(out), "--pdf"], crashing_office,
                  tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.exists() and not out.with_suffix(".pdf").exists()
    message = result.stderr.strip()
    assert "\n" not in message and message.startswith("Geen PDF gemaakt:")
    assert not list(tmp_path.glob(".~lock.*#"))
    again = _cli(["export", str(programme_file), "-o", str(out)], crashing_office, tmp_path)
    assert again.returncode == 0, again.stderr


@needs_office
def test_export_to_a_pdf_name_writes_only_that_pdf(programme_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "concept.pdf"
    result = _cli(["export", str(programme_file), "-o", str(out)], dict(os.environ), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"PDF geschreven: {out}"
    assert _pdf_pages(out) >= 8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["concept.pdf", "programma.json"]


def test_without_libreoffice_a_pdf_name_is_refused_before_any_work(
    programme_file: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    result = _cli(["export", str(programme_file), "-o", str(tmp_path / "concept.pdf")], env,
                  tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("Fout: ") and "LibreOffice" in result.stderr
    assert "\n" not in result.stderr.strip() and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["programma.json"]


@needs_office
def test_the_progress_report_with_pdf_gets_its_pdf_beside_it(
    programme_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "voortgang.docx"
    result = _cli(["export", str(programme_file), "--progress", "--pdf", "-o", str(out)],
                  dict(os.environ), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"PDF geschreven: {out.with_suffix('.pdf')}"
    assert _pdf_pages(out.with_suffix(".pdf")) >= 1
    assert "Voortgang" in subprocess.run(["pdftotext", str(out.with_suffix(".pdf")), "-"],
                                         capture_output=True, text=True, check=True).stdout

"""A PDF of the draft made by LibreOffice, with page numbers in its table of contents.

Word fills in the contents' page numbers when it opens the draft; a PDF must have
them already. LibreOffice does not update a table of contents when it converts, and a
macro that updates it crashes the LibreOffice builds without a user interface that Linux
distributions ship (Debian's `libreoffice-writer-nogui` lacks the dialog files a
document window asks for). So a plain `soffice --convert-to pdf` converts a copy of the
draft whose contents end in page references, which LibreOffice computes as it lays out
the pages (see pdf_contents).

The same copy converted to Word gives the page numbers LibreOffice computed, which
`number_draft` writes into the draft's own contents: a reader who opens the draft in
LibreOffice, or declines Word's offer to update its fields, still sees page numbers.

LibreOffice only ever opens that copy, in a temporary folder, so a failed or crashed
run leaves no lock file beside the draft. Each run has a fresh LibreOffice profile, so
a LibreOffice the user has open is never touched.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx

from pact_tui.export.errors import ExportError, OutputError
from pact_tui.export.output import write_atomically
from pact_tui.export.pdf_contents import fill_page_numbers, number_contents, page_numbers
from pact_tui.i18n import t

_TIMEOUT = 300


class PdfError(ExportError):
    """No PDF could be made; the Word draft itself is fine."""


def office() -> str | None:
    """The LibreOffice program on the PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_pdf(draft: Path, target: Path | None = None) -> Path:
    """Write `draft` as a PDF to `target` (beside it: same name, .pdf) and return that path."""
    target = target or draft.with_suffix(".pdf")
    converted = _numbered_copy_as(draft, "pdf", t("export.pdf.failed", path=target))
    if not converted.startswith(b"%PDF"):
        raise PdfError(t("export.pdf.failed", path=target))
    try:
        write_atomically(target, lambda stream: stream.write(converted))
    except OutputError as error:
        raise PdfError(str(error)) from None
    return target


def number_draft(draft: Path) -> None:
    """Write the page numbers LibreOffice lays out into the contents of `draft` itself."""
    problem = t("export.pdf.no_numbers", path=draft)
    converted = _numbered_copy_as(draft, "docx", problem)
    try:
        pages = page_numbers(docx.Document(io.BytesIO(converted)))
        document = docx.Document(str(draft))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        raise PdfError(problem) from None
    if not pages:
        raise PdfError(problem)
    fill_page_numbers(document, pages)
    try:
        write_atomically(draft, document.save)
    except OutputError as error:
        raise PdfError(str(error)) from None


def _numbered_copy_as(draft: Path, kind: str, problem: str) -> bytes:
    """What LibreOffice makes (`kind`: pdf or docx) of a copy of `draft` whose contents end
    in page references; PdfError with `problem` when it makes nothing."""
    program = office()
    if program is None:
        raise PdfError(t("export.pdf.no_office"))
    with tempfile.TemporaryDirectory(prefix="pact-pdf-") as folder:
        work = Path(folder)
        copy = work / "draft" / draft.name
        try:
            document = docx.Document(str(draft))
            number_contents(document)
            copy.parent.mkdir()
            document.save(str(copy))
        except (OSError, zipfile.BadZipFile, KeyError, ValueError):
            raise PdfError(problem) from None
        converted = _convert(program, copy, work, kind)
    if not converted:
        raise PdfError(problem)
    return converted


def _convert(program: str, source: Path, work: Path, kind: str) -> bytes | None:
    """The file LibreOffice makes of `source` as `kind` (its file ending), or None when it
    made none (or crashed)."""
    out = work / kind
    command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--norestore", "--convert-to", kind, "--outdir", str(out), str(source)]
    try:
        finished = _run(command)
        made = (out / source.name).with_suffix(f".{kind}").read_bytes()
    except OSError:
        return None
    return made if finished else None


def _run(command: list[str]) -> bool:
    """Run LibreOffice; whether it ended normally within the time allowed."""
    # Its own process group: `soffice` is a script that starts soffice.bin, and a run that
    # hangs must be stopped with everything it started.
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, start_new_session=True) as process:
        try:
            return process.wait(timeout=_TIMEOUT) == 0
        except subprocess.TimeoutExpired:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
            process.wait()
            return False

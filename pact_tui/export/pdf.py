"""A PDF of the draft made by LibreOffice, with page numbers in its table of contents.

Word fills in the contents' page numbers when it opens the draft; a PDF must have
them already. LibreOffice does not update a table of contents when it converts, and a
macro that updates it crashes the LibreOffice builds without a user interface that Linux
distributions ship (Debian's `libreoffice-writer-nogui` lacks the dialog files a
document window asks for). So a plain `soffice --convert-to pdf` converts a copy of the
draft whose contents end in page references, which LibreOffice computes as it lays out
the pages (see pdf_contents).

LibreOffice only ever opens that copy, in a temporary folder, so a failed or crashed
run leaves no lock file beside the draft. Each run has a fresh LibreOffice profile, so
a LibreOffice the user has open is never touched.
"""

from __future__ import annotations

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
from pact_tui.export.pdf_contents import number_contents
from pact_tui.i18n import t

_TIMEOUT = 300


class PdfError(ExportError):
    """No PDF could be made; the Word draft itself is fine."""


def office() -> str | None:
    """The LibreOffice program on the PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_pdf(draft: Path, target: Path | None = None) -> Path:
    """Write `draft` as a PDF to `target` (beside it: same name, .pdf) and return that path."""
    program = office()
    if program is None:
        raise PdfError(t("export.pdf.no_office"))
    target = target or draft.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="pact-pdf-") as folder:
        work = Path(folder)
        copy = work / "draft" / draft.name
        try:
            document = docx.Document(str(draft))
            number_contents(document)
            copy.parent.mkdir()
            document.save(str(copy))
        except (OSError, zipfile.BadZipFile, KeyError, ValueError):
            raise PdfError(t("export.pdf.failed", path=target)) from None
        converted = _convert(program, copy, work)
        if converted is None:
            raise PdfError(t("export.pdf.failed", path=target))
        try:
            write_atomically(target, lambda stream: stream.write(converted))
        except OutputError as error:
            raise PdfError(str(error)) from None
    return target


def _convert(program: str, source: Path, work: Path) -> bytes | None:
    """The PDF LibreOffice makes of `source`, or None when it made none (or crashed)."""
    out = work / "pdf"
    command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(source)]
    try:
        finished = _run(command)
        pdf = (out / source.name).with_suffix(".pdf").read_bytes()
    except OSError:
        return None
    return pdf if finished and pdf.startswith(b"%PDF") else None


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

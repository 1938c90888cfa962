"""A PDF of the draft made by LibreOffice, with the table of contents filled in.

Word fills in the contents' page numbers when it opens the draft; a PDF must have
them already. LibreOffice does not update indexes when it converts, so it runs a
small Basic macro instead: open the draft hidden, update every index twice (the
contents may grow and move the pages after it), store as PDF. The macro lives in a
fresh LibreOffice profile per run, so a LibreOffice the user has open is never
touched. The macro finds its files in environment variables, never in its text.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pact_tui.export.errors import ExportError
from pact_tui.export.output import file_mode
from pact_tui.i18n import t

_TIMEOUT = 300
_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Convert
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  Dim pdf(0) As New com.sun.star.beans.PropertyValue
  pdf(0).Name = &quot;FilterName&quot;
  pdf(0).Value = &quot;writer_pdf_Export&quot;
  source = ConvertToURL(Environ(&quot;PACT_PDF_SOURCE&quot;))
  doc = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, hidden())
  For pass = 1 To 2
    indexes = doc.getDocumentIndexes()
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
  Next pass
  doc.storeToURL(ConvertToURL(Environ(&quot;PACT_PDF_TARGET&quot;)), pdf())
  doc.close(True)
  StarDesktop.terminate()
End Sub
</script:module>
"""


class PdfError(ExportError):
    """No PDF could be made; the Word draft itself is fine."""


def office() -> str | None:
    """The LibreOffice program on the PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_pdf(draft: Path) -> Path:
    """Write `draft` as a PDF beside it (same name, .pdf) and return that path."""
    program = office()
    if program is None:
        raise PdfError(t("export.pdf.no_office"))
    target = draft.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="pact-pdf-") as folder:
        profile = Path(folder) / "profile"
        temporary = Path(folder) / "draft.pdf"
        base = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                "--invisible", "--norestore"]
        try:
            # A first start creates the profile (and its Basic library), then the macro goes in.
            _run([*base, "--terminate_after_init"], {})
            module = profile / "user" / "basic" / "Standard" / "Module1.xba"
            if not module.parent.is_dir():
                raise PdfError(t("export.pdf.failed", path=target))
            module.write_text(_MACRO, encoding="utf-8")
            _run([*base, "macro:///Standard.Module1.Convert"],
                 {"PACT_PDF_SOURCE": str(draft.resolve()), "PACT_PDF_TARGET": str(temporary)})
        except (OSError, subprocess.SubprocessError):
            raise PdfError(t("export.pdf.failed", path=target)) from None
        if not temporary.is_file() or temporary.stat().st_size == 0:
            raise PdfError(t("export.pdf.failed", path=target))
        # Across file systems os.replace cannot move: copy beside the target, then replace.
        staged = target.with_name(f".{target.name}.tmp")
        try:
            shutil.copyfile(temporary, staged)
            os.chmod(staged, file_mode())
            os.replace(staged, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                staged.unlink()
            raise PdfError(t("export.error.write_failed", path=target,
                             reason=error.strerror)) from None
    return target


def _run(command: list[str], extra: dict[str, str]) -> None:
    subprocess.run(command, env={**os.environ, **extra}, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=_TIMEOUT,
                   check=False)

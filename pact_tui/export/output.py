"""Where the draft goes: a default name from title and date, and an atomic write.

The file appears whole or not at all: it is written to a temporary file in the same
folder, flushed to disk and then moved over the target in one step.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from docx.document import Document

from pact_tui.export.errors import OutputError
from pact_tui.i18n import t
from pact_tui.model import SessionMeta

# Windows refuses os.replace for a moment while antivirus or a sync client holds the file.
_REPLACE_ATTEMPTS = 5 if sys.platform == "win32" else 1


def draft_name(meta: SessionMeta) -> str:
    """`2026-11-28-pact-7-1-uitvoeringsprogramma.docx`."""
    ascii_title = unicodedata.normalize("NFKD", meta.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-")
    return f"{meta.date.isoformat()}-{slug or 'programma'}.docx"


def free_path(folder: Path, meta: SessionMeta) -> Path:
    """The default path in `folder`, with -2, -3 ... added when that name is already taken."""
    first = folder / draft_name(meta)
    candidate, number = first, 1
    while candidate.exists():
        number += 1
        candidate = first.with_name(f"{first.stem}-{number}{first.suffix}")
    return candidate


def save_atomically(document: Document, out: Path) -> None:
    folder = out.parent
    if not folder.is_dir():
        raise OutputError(t("export.error.folder_missing", folder=folder))
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".tmp")
    except PermissionError:
        raise OutputError(t("export.error.not_writable", path=out)) from None
    except OSError as error:
        raise OutputError(t("export.error.write_failed", path=out, reason=error.strerror)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            document.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        _replace(Path(temporary), out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _replace(temporary: Path, out: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(temporary, out)
            return
        except PermissionError:
            if attempt + 1 == _REPLACE_ATTEMPTS:
                raise OutputError(t("export.error.not_writable", path=out)) from None
            time.sleep(0.1 * (attempt + 1))
        except OSError as error:
            raise OutputError(t("export.error.write_failed", path=out,
                                reason=error.strerror)) from None

"""Where the draft goes: a default name, a check of the path before any work, an atomic write.

The file appears whole or not at all: it is written to a temporary file in the same
folder, flushed to disk and then moved over the target in one step, with the mode
the user's umask gives new files (a temporary file is private until then).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from docx.document import Document

from pact_tui.export.errors import OutputError
from pact_tui.i18n import t
from pact_tui.model import SessionMeta
from pact_tui.model.file_names import free_path as free_name
from pact_tui.model.file_names import title_slug

# Windows refuses os.replace for a moment while antivirus or a sync client holds the file.
_REPLACE_ATTEMPTS = 5 if sys.platform == "win32" else 1


def draft_name(meta: SessionMeta) -> str:
    """`2026-11-28-pact-7-1-uitvoeringsprogramma.docx`."""
    slug = title_slug(meta.title, 60) or t("export.filename_fallback")
    return f"{meta.date.isoformat()}-{slug}.docx"


def free_path(folder: Path, meta: SessionMeta) -> Path:
    """The default path in `folder`, with -2, -3 ... added when that name is already taken."""
    return free_name(folder, draft_name(meta))


def lock_owner(path: Path) -> str | None:
    """The program that has `path` open, from the lock file Word or LibreOffice leaves beside it."""
    name = path.name
    word = {f"~${name}", f"~${name[2:]}" if len(name) > 2 else f"~${name}"}
    if any((path.parent / candidate).exists() for candidate in word):
        return "Word"
    if (path.parent / f".~lock.{name}#").exists():
        return "LibreOffice"
    return None


def check_folder(folder: Path) -> None:
    """Raise OutputError unless files can be written in `folder`."""
    if not folder.exists():
        above = next((parent for parent in folder.parents if parent.exists()), None)
        if above is not None and not above.is_dir():
            raise OutputError(t("export.error.under_file", folder=folder, file=above))
        raise OutputError(t("export.error.folder_missing", folder=folder))
    if not folder.is_dir():
        raise OutputError(t("export.error.not_a_folder", folder=folder))
    if _read_only_file_system(folder):
        raise OutputError(t("export.error.read_only_fs", folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(t("export.error.folder_not_writable", folder=folder))


def check_output(out: Path, *, force: bool) -> None:
    """Raise OutputError when `out` cannot be written, before any work is done.

    An existing file is replaced, unless Word or LibreOffice has it open: then only
    with `force`.
    """
    check_folder(out.parent)
    if out.is_dir():
        raise OutputError(t("export.error.is_folder", path=out))
    if out.exists() and not force:
        owner = lock_owner(out)
        if owner is not None:
            raise OutputError(t("export.error.open_elsewhere", path=out, program=owner))


def _read_only_file_system(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):
        return False


def file_mode() -> int:
    """The mode a new file gets under the current umask."""
    # The umask can only be read by setting it; it is set straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def save_atomically(document: Document, out: Path) -> None:
    write_atomically(out, document.save)


def write_atomically(out: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write `out` through `write(stream)` into a temporary file, then move it into place."""
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
            write(stream)
            stream.flush()
            os.fchmod(stream.fileno(), file_mode())
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

"""Rescue copies: a session whose own folder cannot be written, kept in the user's state folder.

When saving a session fails (a full disk, a folder made read-only, a folder removed),
the whole session as it is in memory is written here, atomically, as an ordinary
session file: `pact-tui check` and `pact-tui open` take it as they take any other. There
is one rescue copy per session file, named after the file and a digest of its full
path, so two `sessie.json` in different folders never share one.

The folder is `platformdirs.user_state_dir("pact-tui")/rescue` (on Linux
`~/.local/state/pact-tui/rescue`, honouring `XDG_STATE_HOME`): a place the user's own
account can write even when the sessions folder is on a full stick or a share.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import platformdirs

from pact_tui.model import Session
from pact_tui.store.errors import ReadOnlyError
from pact_tui.store.files import read_session, write_session
from pact_tui.store.session_file import SessionFile


def rescue_dir() -> Path:
    """The folder of rescue copies (not made until the first copy is written)."""
    return Path(platformdirs.user_state_dir("pact-tui")) / "rescue"


def rescue_path(path: Path) -> Path:
    """Where the rescue copy of session file `path` goes."""
    # realpath, not Path.resolve: that raises on a link that loops.
    digest = hashlib.sha256(os.path.realpath(path).encode("utf-8")).hexdigest()[:10]
    return rescue_dir() / f"{path.stem}-{digest}.json"


def write_rescue(path: Path, session: Session) -> Path:
    """Write `session` as the rescue copy of `path` (replacing an older one); its path.

    The copy gets the permissions of `path`. Raises SaveError (or OSError for the folder)
    when that cannot be written either.
    """
    target = rescue_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_session(target, session, overwrite=True, like=path)
    return target


def find_rescue(path: Path) -> Path | None:
    """The rescue copy of `path` if there is one not older than the file itself.

    Not older, rather than newer: a copy written within the file system's clock tick of
    the file's last save has the same time, and it still holds what the file lacks.
    """
    target = rescue_path(path)
    try:
        rescued = target.stat().st_mtime_ns
    except OSError:
        return None
    try:
        return target if rescued >= path.stat().st_mtime_ns else None
    except OSError:
        return target


def drop_rescue(path: Path) -> None:
    """Remove the rescue copy of `path`: its content is safe in the file (or elsewhere) now."""
    target = rescue_path(path)
    with contextlib.suppress(OSError):
        target.unlink()
    with contextlib.suppress(OSError):
        target.with_name(target.name + ".lock").unlink()


def restore_rescue(path: Path) -> None:
    """Give session file `path` the content of its rescue copy, then remove the copy.

    Through the file's own lock and backups: the version it replaces is kept among the
    backups. Raises a StoreError (the file is open elsewhere, cannot be written, ...).
    """
    rescued = read_session(rescue_path(path))
    with SessionFile.open(path) as file:
        if file.read_only:
            raise ReadOnlyError(path, file.read_only_reason)
        file.replace_all(rescued)
    drop_rescue(path)

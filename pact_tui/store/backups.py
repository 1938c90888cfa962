"""Rolling backups of session files, kept in a `.backups/` folder beside them.

A backup is taken once per opening, just before the first write, and before a
migration; never per keystroke. The newest `KEEP` backups of each file are kept.
Backup names sort by time: `<stem>.<UTC timestamp>.json`, so a backup opens like any
session file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

from pact_tui.store.atomic import write_atomic
from pact_tui.store.links import plain_mode, read_plain_file, refuse_link

KEEP = 10
FOLDER = ".backups"

_STAMP = "%Y%m%dT%H%M%S%fZ"


def backup_folder(path: Path) -> Path:
    return path.parent / FOLDER


def backups_of(path: Path) -> list[Path]:
    """The backups of `path`, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(path.stem) + r"\.(\d{8}T\d{12}Z)\.json")
    found = [entry for entry in folder.iterdir() if pattern.fullmatch(entry.name)]
    return sorted(found, key=lambda entry: entry.name, reverse=True)


def make_backup(path: Path, content: bytes) -> Path:
    """Save `content` (the file as it was) as the newest backup of `path`; prune old ones.

    Content equal to the newest backup is not stored twice. The backup gets the
    permissions of `path`: a copy of a private file is private too. A `.backups` that is
    a symbolic link is refused (OSError): backups are not written to where it points.
    """
    folder = backup_folder(path)
    refuse_link(folder)
    existing = backups_of(path)
    if existing and _same(existing[0], content):
        return existing[0]
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    target = folder / f"{path.stem}.{stamp}.json"
    write_atomic(target, [content], mode=plain_mode(path))
    for old in backups_of(path)[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def _same(backup: Path, content: bytes) -> bool:
    try:
        return read_plain_file(backup, len(content)) == content
    except OSError:
        return False

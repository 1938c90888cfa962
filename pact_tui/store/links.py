"""Opening files without following symbolic links: how this program creates and reads its own files.

Session folders are shared. Anyone who can write there can put a link named like a file
this program makes (`X.json.lock.info`, `.X.follow`, a temporary file) pointing at a file
of whoever opens `X.json`: writing "through" that link would overwrite the victim's file,
reading through it would copy the victim's file into the shared folder (a backup). So new
files are only ever created here, exclusively (never an existing file, never through a
link), and side files are only read here, never through a link and never more than asked.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from pact_tui.i18n import t

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# Without it, opening a named pipe planted under a side file's name would wait forever.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def create_new(path: Path, mode: int | None = None) -> int:
    """A new, empty file at `path`, open for writing; FileExistsError if anything is there.

    Anything includes a symbolic link: with O_EXCL the system never follows one. With
    `mode` the file gets exactly these permissions (the umask does not narrow them), so a
    copy of a private file stays private; without, it gets what the umask gives.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | _BINARY | _CLOEXEC
    # Made with `mode` already (the umask can only narrow it): where fchmod is refused,
    # as on some network shares, the copy is still no more open than its source.
    fd = os.open(path, flags, 0o666 if mode is None else mode & 0o777)
    if mode is not None and hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(fd, mode & 0o777)
    return fd


def read_plain_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file `path`, never read through a symbolic link.

    OSError (with a sentence as its `strerror`) when `path` is a link, not a regular file
    (a folder, a pipe), or holds more than `limit` bytes.
    """
    refuse_link(path)
    # O_NOFOLLOW as well: a link put there after the check is not followed either.
    fd = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NONBLOCK | _BINARY | _CLOEXEC)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, t("store.not_a_plain_file", file=str(path)))
        with os.fdopen(os.dup(fd), "rb") as stream:
            data = stream.read() if limit is None else stream.read(limit + 1)
    finally:
        os.close(fd)
    if limit is not None and len(data) > limit:
        raise OSError(errno.EFBIG, t("store.side_file_too_big", file=str(path), limit=limit))
    return data


def plain_mode(path: Path) -> int | None:
    """The permission bits of the regular file `path` (not of what a link there points to)."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return stat.S_IMODE(status.st_mode) if stat.S_ISREG(status.st_mode) else None


def refuse_link(path: Path) -> None:
    """OSError when `path` is a symbolic link: nothing is read or written where it points."""
    if path.is_symlink():
        raise OSError(errno.ELOOP, t("store.link_refused", file=str(path)))


def resolve_link(path: Path) -> Path:
    """The file a symbolic link at `path` points to, resolved once; `path` itself otherwise.

    A session file may be a link (on the desktop, into a synced folder): its lock, backups
    and side files belong beside the real file, and saving replaces the real file. A link
    that loops or leads nowhere is left as it is: reading it says so, naming the link.
    """
    if not path.is_symlink() or not path.exists():
        return path
    return Path(os.path.realpath(path))

"""Durable, atomic file writes: a crash at any instant leaves the old file or the new one.

The bytes go to a temporary file in the same folder, which is flushed and fsync'd,
then renamed over the target with `os.replace`; finally the folder itself is fsync'd
so the rename survives a power cut. On Windows a virus scanner or a sync client may
hold the target for a moment (WinError 5/32): the rename is retried briefly.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import time
from collections.abc import Sequence
from pathlib import Path

from pact_tui.store.links import create_new, plain_mode

# How long to keep retrying a rename that the OS refuses for a moment.
REPLACE_RETRY_SECONDS = 2.0
_REPLACE_PAUSE = 0.05
# Chunks per writev call; IOV_MAX is 1024 on Linux and macOS.
_BATCH = 1024


def write_atomic(path: Path, chunks: Sequence[bytes | memoryview], *,
                 overwrite: bool = True, mode: int | None = None, durable: bool = True) -> None:
    """Write `chunks` to `path` atomically (and durably, unless `durable` is False).

    With `overwrite=False` an existing `path` is never replaced: FileExistsError is raised
    (checked atomically with a hard link where the file system has them). A symbolic link
    at `path` is never followed: the rename replaces the link itself, so a link planted
    under the name of a side file cannot make this write someone else's file (a session
    file that is a link is resolved once, where it is opened). The new file gets `mode`,
    else the permissions of the file it replaces, else what the umask gives.
    """
    folder = path.parent
    fd, temp = _create_temporary(path, mode if mode is not None else plain_mode(path))
    try:
        try:
            _write_all(fd, chunks)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            _replace(temp, path)
        else:
            _link_new(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if durable:
        fsync_folder(folder)


def _create_temporary(path: Path, mode: int | None) -> tuple[int, Path]:
    """A new, empty, hidden file beside `path`, with `mode` (or what the umask gives).

    Not `tempfile.mkstemp`: its files are private (0600), and replacing a shared session
    file with one would lock the colleagues out of it.
    """
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return create_new(temp, mode), temp
        except FileExistsError:
            continue


def _write_all(fd: int, chunks: Sequence[bytes | memoryview]) -> None:
    """Write the chunks in order, straight from where they lie (no copy of the whole file)."""
    if not hasattr(os, "writev"):
        _write_fully(fd, b"".join(chunks))
        return
    for start in range(0, len(chunks), _BATCH):
        batch = chunks[start:start + _BATCH]
        written = os.writev(fd, batch)
        if written < sum(map(len, batch)):
            # A short write (rare on files): finish the batch chunk by chunk.
            for chunk in batch:
                if written >= len(chunk):
                    written -= len(chunk)
                else:
                    _write_fully(fd, memoryview(chunk)[written:])
                    written = 0


def _write_fully(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _replace(temp: Path, path: Path) -> None:
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(_REPLACE_PAUSE)


def _link_new(temp: Path, path: Path) -> None:
    """Put `temp` at `path` only if nothing is there yet."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network and FAT drives): check, then rename.
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        _replace(temp, path)
        return
    temp.unlink()


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files a crashed writer of `path` left; call only holding its lock."""
    for temp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            temp.unlink()


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

"""The TinyDB storage of session files: data kept in memory, every write durable and atomic.

TinyDB's own JSONStorage re-reads and re-parses the whole file on every operation and
rewrites it in place (a crash mid-write breaks the file). This storage parses once,
hands TinyDB the data from memory, and writes each change through `write_atomic`
before the call returns. `TinyDB(path, storage=SessionStorage)` works on its own;
`SessionDB` (tables.py) adds the fast path that says which documents changed.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from pact_tui.store.atomic import write_atomic
from pact_tui.store.encoding import Changes, Encoder

Data = dict[str, dict[str, Any]]


class SessionStorage(Storage):
    """A TinyDB storage for one session file.

    `data` is the file's already parsed (and checked) content; without it the file is
    read once here. A write that fails leaves memory as it is on disk and raises the
    OSError: TinyDB changes documents in place before it writes them.
    """

    def __init__(self, path: str | Path, data: Data | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.encoder = Encoder()
        self._mutex = threading.RLock()
        if data is None and self.path.exists():
            data = _parse(self.path.read_bytes())
        self._data: Data | None = data
        self._on_disk: list[bytes | memoryview] | None = None

    def read(self) -> Data | None:
        return self._data

    def write(self, data: Data) -> None:
        """Write everything; lines of documents whose revision is unchanged are reused."""
        self._write(data, None)

    def write_changes(self, data: Data, changed: Changes) -> None:
        """Write `data`, of which only the documents in `changed` (table -> ids) changed."""
        self._write(data, changed)

    def _write(self, data: Data, changed: Changes | None) -> None:
        with self._mutex:
            try:
                chunks = self.encoder.encode(data, changed)
                write_atomic(self.path, chunks)
            except BaseException:
                self._restore()
                raise
            self._data = data
            self._on_disk = chunks

    def prime(self) -> None:
        """Serialize every document now, so that the first save costs no more than the rest.

        Meant for a background thread right after opening: at 20,000 documents it takes
        a few hundred milliseconds that would otherwise land on the first keystroke.
        """
        with self._mutex:
            if self._data is not None and self._on_disk is None:
                self._on_disk = self.encoder.encode(self._data)

    def _restore(self) -> None:
        """Put memory back to what is on disk."""
        self.encoder.clear()
        if self._on_disk is not None:
            self._data = _parse(b"".join(self._on_disk))
        elif self.path.exists():
            self._data = _parse(self.path.read_bytes())
        else:
            self._data = None

    def close(self) -> None:
        with self._mutex:
            self._data = None
            self._on_disk = None


def _parse(content: bytes) -> Data | None:
    data: Data | None = json.loads(content.decode("utf-8-sig") or "null")
    return data

"""The TinyDB storage of session files: data kept in memory, every write durable and atomic.

TinyDB's own JSONStorage re-reads and re-parses the whole file on every operation and
rewrites it in place (a crash mid-write breaks the file). This storage parses once,
hands TinyDB the data from memory, and writes each change through `write_atomic`
before the call returns.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from pact_tui.store.atomic import write_atomic
from pact_tui.store.encoding import Encoder

Data = dict[str, dict[str, Any]]


class SessionStorage(Storage):
    """A TinyDB storage for one session file.

    `data` is the file's already parsed (and checked) content; without it the file
    is read once here, so `TinyDB(path, storage=SessionStorage)` works on its own.
    A write that fails leaves memory as it was on disk and raises the OSError.
    """

    def __init__(self, path: str | Path, data: Data | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.encoder = Encoder()
        self._lock = threading.RLock()
        if data is None and self.path.exists():
            data = json.loads(self.path.read_bytes().decode("utf-8") or "null")
        self._data: Data | None = data
        self._on_disk: list[bytes] | None = None

    def read(self) -> Data | None:
        return self._data

    def write(self, data: Data) -> None:
        with self._lock:
            chunks = self.encoder.encode(data)
            try:
                write_atomic(self.path, chunks)
            except BaseException:
                self._restore()
                raise
            self._data = data
            self._on_disk = chunks

    def _restore(self) -> None:
        """Put memory back to what is on disk: TinyDB changed documents in place."""
        self.encoder.clear()
        if self._on_disk is not None:
            self._data = json.loads(b"".join(self._on_disk).decode("utf-8"))
        elif self.path.exists():
            self._data = json.loads(self.path.read_bytes().decode("utf-8") or "null")
        else:
            self._data = None

    def forget(self, table: str, doc_id: int) -> None:
        """A document changed without a revision bump: serialize it afresh next time."""
        self.encoder.forget(table, str(doc_id))

    def close(self) -> None:
        self._data = None
        self._on_disk = None

"""How a session file's data becomes bytes: readable, diff-friendly JSON, one document per line.

```
{"actions": {
"1": {"created_at": "...", "id": "...", "revision": 3, "theme": "wonen", ...},
"2": {...}
},
"ambitions": {},
"meta": {
"1": {...}
}
}
```

Plain JSON in TinyDB's layout (table -> doc_id -> document), so `TinyDB(path)` opens it.
Tables and fields are sorted; documents keep their order. UTF-8 throughout.

Serializing 20,000 documents per keystroke would cost more than writing them, so each
document's line is kept: when the caller says which documents changed (`changed`), only
those are serialized again. Without that, everything is: a cache keyed by revision would
serve stale lines to anyone who changes a document in place without bumping it (plain
TinyDB tables do exactly that).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

Tables = Mapping[str, Mapping[str, Mapping[str, Any]]]
# Per table the doc ids changed since the last encode, or None for "all of them".
Changes = Mapping[str, Iterable[str] | None]

_NEXT = b",\n"
# Lines per block: small enough to rejoin per save, few enough blocks for one writev.
BLOCK_LINES = 256


def dumps_document(document: Mapping[str, Any]) -> bytes:
    """One document as UTF-8 JSON with sorted keys, on one line."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8; as an escape it still reads back the same.
        return json.dumps(document, sort_keys=True).encode("ascii")


def _line(doc_id: str, document: Mapping[str, Any]) -> bytes:
    label = json.dumps(str(doc_id), ensure_ascii=False).encode("utf-8")
    return label + b": " + dumps_document(document) + _NEXT


class _Block:
    """A run of consecutive lines, joined once and rejoined only when one of them changes."""

    __slots__ = ("joined", "lines")

    def __init__(self) -> None:
        self.lines: dict[str, bytes] = {}
        self.joined: bytes | None = None

    def content(self) -> bytes:
        if self.joined is None:
            self.joined = b"".join(self.lines.values())
        return self.joined


class _TableLines:
    """The lines of one table in document order, each ending in `,\n`, in blocks.

    Blocks keep a save from copying the whole file in memory: only the block holding
    the changed document is joined again, and the blocks go to `writev` as they are.
    """

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.where: dict[str, _Block] = {}

    def rebuild(self, documents: Mapping[str, Mapping[str, Any]]) -> None:
        self.blocks, self.where = [], {}
        for doc_id, document in documents.items():
            self._append(doc_id, _line(doc_id, document))

    def refresh(self, documents: Mapping[str, Mapping[str, Any]], changed: Iterable[str]) -> None:
        emptied = False
        for doc_id in changed:
            document = documents.get(doc_id)
            block = self.where.get(doc_id)
            if document is None:
                if block is not None:
                    del block.lines[doc_id], self.where[doc_id]
                    block.joined = None
                    emptied = emptied or not block.lines
            elif block is not None:
                block.lines[doc_id] = _line(doc_id, document)
                block.joined = None
            else:
                self._append(doc_id, _line(doc_id, document))
        if emptied:
            self.blocks = [block for block in self.blocks if block.lines]
        if len(self.where) != len(documents):
            self.rebuild(documents)

    def _append(self, doc_id: str, line: bytes) -> None:
        if not self.blocks or len(self.blocks[-1].lines) >= BLOCK_LINES:
            self.blocks.append(_Block())
        block = self.blocks[-1]
        block.lines[doc_id] = line
        block.joined = None
        self.where[doc_id] = block

    def chunks(self) -> list[bytes | memoryview]:
        """The table's lines; the last one without its comma."""
        parts: list[bytes | memoryview] = [block.content() for block in self.blocks]
        if parts:
            parts[-1] = memoryview(parts[-1])[: -len(_NEXT)]
        return parts


class Encoder:
    """Turns the tables into the file's bytes, reusing the lines of unchanged documents."""

    def __init__(self) -> None:
        self._tables: dict[str, _TableLines] = {}

    def clear(self) -> None:
        """Forget every line: the next encode serializes everything afresh."""
        self._tables.clear()

    def encode(self, tables: Tables, changed: Changes | None = None) -> list[bytes | memoryview]:
        """The file's bytes as chunks to write in order.

        `changed` (table -> doc ids), when given, must name every document changed since
        the previous encode; tables it leaves out are taken as unchanged, a table mapped
        to None is serialized again. Without `changed` every document is.
        """
        for name in list(self._tables):
            if name not in tables:
                del self._tables[name]
        chunks: list[bytes | memoryview] = [b"{"]
        for index, name in enumerate(sorted(tables)):
            documents = tables[name]
            state = self._tables.get(name)
            if state is None:
                state = self._tables[name] = _TableLines()
                state.rebuild(documents)
            elif changed is None or (name in changed and changed[name] is None):
                state.rebuild(documents)
            elif name in changed:
                state.refresh(documents, changed[name] or ())
            if index:
                chunks.append(_NEXT)
            chunks.append(json.dumps(name, ensure_ascii=False).encode("utf-8"))
            lines = state.chunks()
            if lines:
                chunks.append(b": {\n")
                chunks.extend(lines)
                chunks.append(b"\n}")
            else:
                chunks.append(b": {}")
        chunks.append(b"}\n")
        return chunks

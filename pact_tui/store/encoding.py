"""How a session file's data becomes bytes: readable, diff-friendly JSON, one document per line.

```
{"actions": {
"1": {"created_at": "...", "id": "...", "revision": 3, "theme": "wonen", ...},
"2": {...}
},
"ambitions": {},
"meta": {
"1": {...}
}}
```

Plain JSON in TinyDB's layout (table -> doc_id -> document), so `TinyDB(path)` opens it.
Tables and fields are sorted; documents keep their order. UTF-8 throughout.

An open file is kept as its lines (`FileLines`), not as parsed documents: a file in this
layout is taken in as it was read (views of its own bytes, no copy), and a change
serializes only the documents it touches. Lines sit in blocks, so a save rejoins only
the block of a changed document and hands the blocks to `writev` as they are. A
FileLines never changes: a change makes a new one that shares the untouched blocks, so
a save that fails leaves the lines of the file on disk exactly as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Line = bytes | memoryview
Tables = Mapping[str, Mapping[str, Mapping[str, Any]]]

SEPARATOR = b",\n"
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


def document_line(doc_id: str, document: Mapping[str, Any]) -> bytes:
    """A document's line in its table: `"<doc id>": {...}` (without the separator)."""
    return json.dumps(str(doc_id), ensure_ascii=False).encode("utf-8") + b": " + \
        dumps_document(document)


class Block:
    """Consecutive lines of one table joined by `,\\n`, with each line's doc id and start."""

    __slots__ = ("data", "ids", "starts")

    def __init__(self, data: Line, ids: Sequence[str], starts: Sequence[int]) -> None:
        self.data = data
        self.ids = ids
        self.starts = starts

    @classmethod
    def joined(cls, lines: Sequence[tuple[str, Line]]) -> Block:
        ids: list[str] = []
        starts: list[int] = []
        offset = 0
        for doc_id, line in lines:
            ids.append(doc_id)
            starts.append(offset)
            offset += len(line) + len(SEPARATOR)
        return cls(SEPARATOR.join(line for _, line in lines), ids, starts)

    def lines(self) -> list[tuple[str, Line]]:
        """(doc id, line) in order, as views of the block's bytes."""
        view = memoryview(self.data)
        ends = [start - len(SEPARATOR) for start in self.starts[1:]]
        ends.append(len(view))
        return [(doc_id, view[start:end])
                for doc_id, start, end in zip(self.ids, self.starts, ends, strict=True)]


class TableLines:
    """The lines of one table in document order."""

    __slots__ = ("blocks", "where")

    def __init__(self, blocks: list[Block], where: dict[str, int] | None = None) -> None:
        self.blocks = blocks
        self.where = where if where is not None else {
            doc_id: index for index, block in enumerate(blocks) for doc_id in block.ids}
        """Doc id -> the index of its block."""

    @classmethod
    def of(cls, lines: Iterable[tuple[str, Line]]) -> TableLines:
        blocks: list[Block] = []
        batch: list[tuple[str, Line]] = []
        for pair in lines:
            batch.append(pair)
            if len(batch) == BLOCK_LINES:
                blocks.append(Block.joined(batch))
                batch = []
        if batch:
            blocks.append(Block.joined(batch))
        return cls(blocks)

    @classmethod
    def in_file(cls, content: memoryview, lines: Sequence[tuple[str, int, int]]) -> TableLines:
        """The lines as they lie in a file of this layout: (doc id, start, end) of each.

        Consecutive lines of a table are already joined by the separator there, so each
        block is a view of the file's bytes: nothing is copied.
        """
        blocks = []
        for first in range(0, len(lines), BLOCK_LINES):
            batch = lines[first:first + BLOCK_LINES]
            base, end = batch[0][1], batch[-1][2]
            blocks.append(Block(content[base:end], [doc_id for doc_id, _, _ in batch],
                                [start - base for _, start, _ in batch]))
        return cls(blocks)

    def lines(self) -> dict[str, Line]:
        """Doc id -> line, in order."""
        return {doc_id: line for block in self.blocks for doc_id, line in block.lines()}

    def changed(self, lines: Mapping[str, Line | None]) -> TableLines:
        """A copy with these lines set, or removed where None; a new doc id goes at the end."""
        edits: dict[int, dict[str, Line | None]] = {}
        appended: list[tuple[str, Line]] = []
        for doc_id, line in lines.items():
            index = self.where.get(doc_id)
            if index is not None:
                edits.setdefault(index, {})[doc_id] = line
            elif line is not None:
                appended.append((doc_id, line))
        blocks: list[Block | None] = list(self.blocks)
        removed: list[str] = []
        for index, edit in edits.items():
            kept = [(doc_id, edit.get(doc_id, line)) for doc_id, line in self.blocks[index].lines()]
            present = [(doc_id, line) for doc_id, line in kept if line is not None]
            removed.extend(doc_id for doc_id, line in kept if line is None)
            blocks[index] = Block.joined(present) if present else None
        whole = [block for block in blocks if block is not None]
        if len(whole) != len(blocks):  # a block emptied: the blocks after it moved up
            return TableLines(whole).changed(dict(appended))
        if not removed and not appended:
            return TableLines(whole, self.where)
        where = dict(self.where)
        for doc_id in removed:
            del where[doc_id]
        if appended:
            tail = whole.pop().lines() if whole and len(whole[-1].ids) < BLOCK_LINES else []
            first = len(whole)
            whole.extend(TableLines.of([*tail, *appended]).blocks)
            for index in range(first, len(whole)):
                where.update(dict.fromkeys(whole[index].ids, index))
        return TableLines(whole, where)

    def chunks(self) -> list[Line]:
        """The table's body: its blocks with the separators between them."""
        parts: list[Line] = []
        for block in self.blocks:
            if parts:
                parts.append(SEPARATOR)
            parts.append(block.data)
        return parts


class FileLines:
    """A whole file as lines, table by table."""

    __slots__ = ("tables",)

    def __init__(self, tables: Mapping[str, TableLines]) -> None:
        self.tables = dict(tables)

    @classmethod
    def of(cls, tables: Tables) -> FileLines:
        """Every document serialized afresh."""
        return cls({name: TableLines.of((doc_id, document_line(doc_id, document))
                                        for doc_id, document in documents.items())
                    for name, documents in tables.items()})

    def with_table(self, name: str, table: TableLines) -> FileLines:
        return FileLines({**self.tables, name: table})

    def chunks(self) -> list[Line]:
        """The file's bytes as chunks to write in order."""
        chunks: list[Line] = [b"{"]
        for index, name in enumerate(sorted(self.tables)):
            if index:
                chunks.append(SEPARATOR)
            chunks.append(json.dumps(name, ensure_ascii=False).encode("utf-8"))
            body = self.tables[name].chunks()
            if body:
                chunks.append(b": {\n")
                chunks.extend(body)
                chunks.append(b"\n}")
            else:
                chunks.append(b": {}")
        chunks.append(b"}\n")
        return chunks


def encode(tables: Tables) -> list[Line]:
    """`tables` as the chunks of a file, every document serialized afresh."""
    return FileLines.of(tables).chunks()

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
Tables and fields are sorted; documents keep their order. Serializing 20,000 documents
per keystroke would dominate the cost of a save, so each document's line is cached and
reused while its `(id, revision, updated_at)` is unchanged: items always bump their
revision when edited. Documents without a revision (the meta table) are always
serialized again; they are few.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

Tables = Mapping[str, Mapping[str, Mapping[str, Any]]]
_CacheKey = tuple[Any, Any, Any]


def dumps_document(document: Mapping[str, Any]) -> bytes:
    """One document as a line of UTF-8 JSON with sorted keys."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8; as an escape it still reads back the same.
        return json.dumps(document, sort_keys=True).encode("ascii")


class Encoder:
    """Turns the tables into the file's bytes, reusing the lines of unchanged documents."""

    def __init__(self) -> None:
        self._lines: dict[str, dict[str, tuple[_CacheKey, bytes]]] = {}

    def forget(self, table: str, doc_id: str) -> None:
        """Drop a document's cached line (it was changed without a revision bump)."""
        self._lines.get(table, {}).pop(doc_id, None)

    def clear(self) -> None:
        self._lines.clear()

    def encode(self, tables: Tables) -> list[bytes]:
        """The file's bytes, as a few chunks to write one after the other."""
        chunks = [b"{"]
        for index, name in enumerate(sorted(tables)):
            if index:
                chunks.append(b",\n")
            chunks.append(json.dumps(name, ensure_ascii=False).encode("utf-8"))
            chunks.append(self._table(name, tables[name]))
        chunks.append(b"}\n")
        return chunks

    def _table(self, name: str, documents: Mapping[str, Mapping[str, Any]]) -> bytes:
        if not documents:
            return b": {}"
        old = self._lines.get(name, {})
        fresh: dict[str, tuple[_CacheKey, bytes]] = {}
        lines = []
        for doc_id, document in documents.items():
            revision = document.get("revision")
            cached = old.get(doc_id)
            key = (document.get("id"), revision, document.get("updated_at"))
            if revision is not None and cached is not None and cached[0] == key:
                line = cached[1]
            else:
                label = json.dumps(str(doc_id), ensure_ascii=False).encode("utf-8")
                line = label + b": " + dumps_document(document)
            fresh[doc_id] = (key, line)
            lines.append(line)
        self._lines[name] = fresh
        return b": {\n" + b",\n".join(lines) + b"\n}"

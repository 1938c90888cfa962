"""The column mapping last used for a source file, remembered by the file's name and kept by
the columns' headings, so a column added or moved next quarter shifts nothing.

Kept in one small JSON file beside the sessions, written atomically; a damaged file (or an
entry in the old form, by column position) is treated as empty: it only saves retyping a
mapping.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pact_tui.sheets.columns import ColumnMap, Remembered, normalize_header

MEMORY_FILE = "import-mappings.json"


def _load(folder: Path) -> dict[str, object]:
    try:
        data = json.loads((folder / MEMORY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remembered(folder: Path, source: str) -> Remembered | None:
    """Heading -> field (None: not read) last used for a file named `source`, or None."""
    entry = _load(folder).get(source)
    columns = entry.get("columns") if isinstance(entry, dict) else None
    if not isinstance(columns, dict):
        return None
    return {str(name): None if field is None else str(field) for name, field in columns.items()}


def remember(folder: Path, source: str, header: Sequence[str], mapping: ColumnMap) -> None:
    """Store the field of each heading of `header` for `source` beside the other remembered
    mappings; a folder that cannot be written to only means the mapping is not remembered."""
    data = _load(folder)
    columns: Remembered = {}
    for index, text in enumerate(header):
        name = normalize_header(text)
        if name and name not in columns:
            columns[name] = mapping.get(index)
    data[source] = {"columns": columns}
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{MEMORY_FILE}.", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(temporary, folder / MEMORY_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

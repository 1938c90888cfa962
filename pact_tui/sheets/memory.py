"""The column mapping last used for a source file, remembered by the file's name.

Kept in one small JSON file beside the sessions, written atomically; a damaged file is
treated as empty (it only saves retyping a mapping).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pact_tui.sheets.columns import ColumnMap

MEMORY_FILE = "import-mappings.json"


def _load(folder: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((folder / MEMORY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remembered(folder: Path, source: str) -> ColumnMap | None:
    """The mapping last used for a file named `source`, or None."""
    entry = _load(folder).get(source)
    if not isinstance(entry, dict):
        return None
    try:
        return {int(index): str(name) for index, name in entry.items()}
    except ValueError:
        return None


def remember(folder: Path, source: str, mapping: ColumnMap) -> None:
    """Store `mapping` for `source` beside the other remembered ones; a folder that cannot be
    written to only means the mapping is not remembered."""
    data = _load(folder)
    data[source] = {str(index): name for index, name in sorted(mapping.items())}
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

"""One sheet of a workbook read with calamine in a process of its own, and the import's limits.

calamine is Rust: a crafted file (a 5 KB .xlsx with a cell at XFD1048576 asks for a range of
17 billion cells) makes it abort the process, which no `except` can catch. Run as
`python workbook_child.py FILE [SHEET]`, with its memory capped, the worst such a file can do is
end this process; the caller reads the outcome from stdout, one dict in `marshal` form (the
same Python on both ends, plain lists and strings, ten times quicker than JSON):
`{"sheet": NAME, "rows": [[TEXT, ...], ...]}` or `{"error": KEY, ...}` (KEY names a catalogue
message `sheets.KEY`). Only the standard library and python_calamine are imported, so the
process starts in a tenth of a second; the csv reader in the app keeps the same limits.
"""

from __future__ import annotations

import datetime as dt
import marshal
import sys
from collections.abc import Sequence
from typing import Any

# What one import reads at most (README, "Spreadsheets and progress"): far above an action list,
# far below what would take a laptop's memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
MAX_TOTAL_CHARS = 40_000_000
# The child's address space: calamine's ranges of a 20,000 x 200 sheet fit many times over.
MEMORY_BYTES = 2 * 1024 * 1024 * 1024

Problem = dict[str, Any]


def cell_text(value: object) -> str:
    """A cell as text: dates as ISO dates, 12.0 as "12", text stripped."""
    if type(value) is str:  # nearly every cell: the quick way first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def trimmed(cells: Sequence[str]) -> list[str]:
    """The cells without the empty ones at the end of the row."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return list(cells[:end])


def row_problem(number: int, cells: Sequence[str], total: int) -> Problem | None:
    """What makes a row (trimmed, numbered from 1) go beyond the limits, with `total`
    characters read before it; None when it stays within them."""
    if not cells:
        return None
    if number > MAX_ROWS:
        return {"error": "too_many_rows", "limit": MAX_ROWS}
    if len(cells) > MAX_COLUMNS:
        return {"error": "too_many_columns", "row": number, "limit": MAX_COLUMNS}
    for column, cell in enumerate(cells, start=1):
        if len(cell) > MAX_CELL_CHARS:
            return {"error": "cell_too_long", "row": number, "column": column,
                    "limit": MAX_CELL_CHARS}
    if total + sum(map(len, cells)) > MAX_TOTAL_CHARS:
        return {"error": "too_much_text", "row": number, "limit": MAX_TOTAL_CHARS}
    return None


def _cap_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: no address-space limit, the process still stands apart
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def read_sheet(path: str, wanted: str | None) -> Problem:
    """The rows of one sheet as text, or the problem that stopped the reading."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(path)
        names = list(workbook.sheet_names)
        if not names:
            return {"error": "no_sheets"}
        name = names[0] if wanted is None else wanted
        if name not in names:
            return {"error": "no_such_sheet", "sheet": name, "sheets": names}
        sheet = workbook.get_sheet_by_name(name)
        last_row, last_column = sheet.end or (0, 0)
        if last_row >= MAX_ROWS:
            return {"error": "too_many_rows", "limit": MAX_ROWS}
        if last_column >= MAX_COLUMNS:
            return {"error": "too_many_columns", "row": 1, "limit": MAX_COLUMNS}
        # Rows above the range come as empty rows, columns left of it do not.
        pad = [""] * (sheet.start or (0, 0))[1]
        rows: list[list[str]] = []
        total = 0
        for number, values in enumerate(sheet.iter_rows(), start=1):
            cells = trimmed([*pad, *(cell_text(value) for value in values)])
            problem = row_problem(number, cells, total)
            if problem is not None:
                return problem
            total += sum(map(len, cells))
            rows.append(cells)
    except Exception:  # calamine raises its own kinds for every broken file it survives
        return {"error": "unreadable"}
    return {"sheet": name, "rows": rows}


def main(argv: Sequence[str]) -> int:
    _cap_memory()
    outcome = read_sheet(argv[0], argv[1] if len(argv) > 1 else None)
    sys.stdout.buffer.write(marshal.dumps(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

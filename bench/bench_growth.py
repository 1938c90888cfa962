"""Benchmark: how opening, merging and exporting grow with the programme.

Each step is timed at 300, 3,000 and 30,000 actions, in process CPU seconds (best of 7,
3 and 1 runs: the large runs are long enough to be steady), and the exponent of its
growth is the slope of log(time) over log(actions) from one size to the next. 1.0 is
linear; a step that compares every pair of actions, or scans all it made so far for each
new one, shows up near 2. The figure is the steepest of the two slopes (a fixed start-up
cost flattens the small end; a slope fitted through all three, printed beside them, would
let that hide a quadratic step at the large end). Target: at most 1.1.

- open: reading and checking a session file of that many actions;
- merge: 20 session files sharing that many actions between them (a third near-duplicates
  of one another), read, merged with duplicates combined and written as one programme;
- export: the Word draft of a programme of that many actions.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import bench_export, bench_merge, bench_store
from bench.harness import Figure, clear_caches, step_exponents
from pact_tui.export import export_programme
from pact_tui.store import read_session, write_session

SIZES = (300, 3_000, 30_000)
REPEATS = {300: 7, 3_000: 3, 30_000: 1}
TARGET = 1.1


def _cpu_seconds(work: Callable[[], object], repeats: int) -> float:
    """The least process CPU time of `work` over `repeats` runs, caches emptied before each."""
    best = float("inf")
    for _ in range(repeats):
        clear_caches()
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def _open(folder: Path, size: int) -> float:
    path = folder / f"open-{size}.json"
    write_session(path, bench_store.programme(size))
    return _cpu_seconds(lambda: read_session(path), REPEATS[size])


def _merge(folder: Path, size: int) -> float:
    inputs = folder / f"merge-{size}"
    inputs.mkdir()
    paths = bench_merge.write_sessions(inputs, size // bench_merge.SESSIONS)
    outputs = iter(range(REPEATS[size]))

    def merge() -> None:
        out = folder / f"merged-{size}-{next(outputs)}"
        out.mkdir()
        bench_merge.merge_files(paths, out)

    return _cpu_seconds(merge, REPEATS[size])


def _export(folder: Path, size: int) -> float:
    session = bench_export.programme(size)
    return _cpu_seconds(lambda: export_programme(session, folder / f"export-{size}.docx"),
                        REPEATS[size])


def run() -> list[Figure]:
    steps = {
        "open (read and check)": _open,
        f"merge of {bench_merge.SESSIONS} files, duplicates combined": _merge,
        "export (Word draft)": _export,
    }
    figures = []
    with tempfile.TemporaryDirectory(prefix="pact-bench-") as name:
        folder = Path(name)
        for label, step in steps.items():
            series = tuple((size, step(folder, size)) for size in SIZES)
            figures.append(Figure(
                name=f"growth exponent (steepest step): {label}",
                value=max(step_exponents(series)), unit="",
                baseline_name="linear growth", baseline_value=1.0, target_ratio=TARGET,
                series=series))
    return figures

"""The benchmark harness: figures measured against a baseline in the same run.

A benchmark is a module `bench/bench_<name>.py` with a function `run() -> list[Figure]`.
`python -m bench` runs every such module (or those named: `python -m bench store tui`),
prints one table and writes `bench/results.json`.

A Figure is one measured cost (lower is better) with, optionally, a baseline measured
in the same run on the same machine and the ratio the figure must stay under:

    Figure(name="edit-to-durable, 2,000 actions", value=2.9, unit="ms",
           baseline_name="fsync floor", baseline_value=2.1, target_ratio=1.5)

`ratio` is value / baseline_value; `ok` says whether ratio <= target_ratio (None when
there is nothing to compare). Use `median_time` for timings: the median of several
repetitions, so one slow moment of the disk or the scheduler does not decide.

A figure's `note` is printed under the table; its `series` (size, seconds) points, for a
growth exponent, are printed as the growth table with the exponent of each step.
"""

from __future__ import annotations

import itertools
import json
import math
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True)
class Figure:
    """One measured cost, with the baseline it is compared to and the ratio it must stay under."""

    name: str
    value: float
    unit: str
    baseline_name: str | None = None
    baseline_value: float | None = None
    target_ratio: float | None = None
    note: str = ""
    series: tuple[tuple[int, float], ...] = ()
    module: str = field(default="", compare=False)

    @property
    def ratio(self) -> float | None:
        if self.baseline_value is None or self.baseline_value <= 0:
            return None
        return self.value / self.baseline_value

    @property
    def ok(self) -> bool | None:
        ratio = self.ratio
        if ratio is None or self.target_ratio is None:
            return None
        return ratio <= self.target_ratio

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "ok": self.ok}


def median_time(action: Callable[[], object], repeat: int,
                prepare: Callable[[], object] | None = None) -> float:
    """The median wall time of `action` in seconds over `repeat` runs; `prepare` runs untimed."""
    times = []
    for _ in range(repeat):
        if prepare is not None:
            prepare()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def clear_caches(package: str = "pact_tui") -> None:
    """Empty every functools cache in `package`'s loaded modules, so no repeat runs warm."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == package or name.startswith(f"{package}.")):
            continue
        for value in list(vars(module).values()):
            cache_clear = getattr(value, "cache_clear", None)
            if callable(cache_clear) and getattr(value, "__module__", None) == name:
                cache_clear()


def step_exponents(series: Sequence[tuple[int, float]]) -> list[float]:
    """The log-log slope between each pair of neighbouring sizes: 1.0 is linear.

    The steepest one is the verdict: a fixed start-up cost flattens the small end of a
    curve, and a single slope fitted through all points would let it hide a quadratic
    step at the large end.
    """
    points = sorted(series)
    return [math.log(t2 / t1) / math.log(n2 / n1)
            for (n1, t1), (n2, t2) in itertools.pairwise(points)]


def fitted_exponent(series: Sequence[tuple[int, float]]) -> float:
    """The slope of log(seconds) over log(size) fitted through all points by least squares."""
    xs = [math.log(size) for size, _ in series]
    ys = [math.log(seconds) for _, seconds in series]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
            / sum((x - mean_x) ** 2 for x in xs))


def _number(value: float | None, digits: int = 3) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}g}" if abs(value) < 1000 else f"{value:.0f}"


def table(figures: Sequence[Figure]) -> str:
    """The figures as a plain-text table: name | value | baseline | ratio | target | ok."""
    header = ("name", "value", "baseline", "ratio", "target", "ok")
    rows = [header]
    for figure in figures:
        baseline = "-"
        if figure.baseline_value is not None:
            baseline = f"{_number(figure.baseline_value)} {figure.unit} ({figure.baseline_name})"
        ok = {True: "yes", False: "NO", None: "-"}[figure.ok]
        target = f"<= {figure.target_ratio:g}x" if figure.target_ratio is not None else "-"
        ratio = f"{figure.ratio:.2f}x" if figure.ratio is not None else "-"
        rows.append((figure.name, f"{_number(figure.value)} {figure.unit}", baseline, ratio,
                     target, ok))
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    # One growth table per set of sizes: actions (300 … 30,000) and files (20 … 80) differ.
    by_sizes: dict[tuple[int, ...], list[Figure]] = {}
    for figure in figures:
        if figure.series:
            by_sizes.setdefault(tuple(size for size, _ in figure.series), []).append(figure)
    for growth in by_sizes.values():
        lines += ["", growth_table(growth)]
    notes = [f"- {figure.name}: {figure.note}" for figure in figures if figure.note]
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines)


def growth_table(figures: Sequence[Figure]) -> str:
    """Seconds per size for each growth figure (all measured at the same sizes), the exponent
    of each step, the fitted one."""
    sizes = sorted({size for figure in figures for size, _ in figure.series})
    steps = [f"{a:,}->{b:,}" for a, b in itertools.pairwise(sizes)]
    header = ("growth", *(f"{size:,}" for size in sizes), *steps, "fitted", "target", "ok")
    rows = [header]
    for figure in figures:
        seconds = dict(figure.series)
        ok = {True: "yes", False: "NO", None: "-"}[figure.ok]
        target = f"<= {figure.target_ratio:g}" if figure.target_ratio is not None else "-"
        rows.append((figure.name, *(f"{_number(seconds.get(size))} s" for size in sizes),
                     *(f"{slope:.2f}" for slope in step_exponents(figure.series)),
                     f"{fitted_exponent(figure.series):.2f}", target, ok))
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def write_results(figures: Sequence[Figure], failures: dict[str, str],
                  path: Path = RESULTS) -> None:
    """Write every figure (with its ratio and verdict) and every failed module to JSON."""
    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "figures": [figure.as_dict() for figure in figures],
        "failed_modules": failures,
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

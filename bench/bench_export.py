"""Benchmark: the Word draft of a 2,000-action programme vs pandoc writing the same content.

Both are whole commands in a fresh process, timed turn about in the same run:
`pact-tui export programme.json -o out.docx` (starting Python, imports, reading and
checking the file, writing the draft) against `pandoc -f markdown -t docx` on the same
actions as Markdown (headings per theme and horizon, one table row per action). Target:
the export takes at most a quarter of pandoc's time (python-docx's `table.cell()` alone
would take minutes here). Without pandoc (/usr/bin/pandoc, or on PATH) the figure says
so and has no baseline.

Growth: the whole `pact-tui export` command on 3,000 and on 30,000 actions, in
process CPU time (best of a few runs, so other work on the machine counts less).
Ten times the actions may take at most six times the CPU: a step that looks at
everything written so far for every new row (python-docx's comment ids did) would
make it a hundred.
"""

from __future__ import annotations

import itertools
import math
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.apps import PACT_TUI, compile_bytecode, interleaved
from bench.harness import Figure
from bench.programmes import filled_programme, sentences
from pact_tui.export.actions import action_row
from pact_tui.export.grouping import horizon_groups, theme_keys
from pact_tui.export.wording import horizon_heading
from pact_tui.model import (
    Commitment,
    Session,
)
from pact_tui.store import write_session

ACTIONS = 2_000
REPEATS = 3
TARGET = 0.25
NAME = f"Word draft of {ACTIONS:,} actions, `pact-tui export` command"
GROWTH = (3_000, 30_000)
GROWTH_REPEATS = 2
GROWTH_TARGET = 6.0
_WORDS = (
    "woningbouw", "regionale", "samenwerking", "energieloket", "onderwijs", "zorgaanbieders",
    "inwoners", "ondernemers", "kernen", "bereikbaarheid", "plan", "aanpak", "versnellen",
    "ondersteunen", "afspraken", "gemeenten", "partners", "monitor", "leefbaarheid",
)


def programme(actions: int = ACTIONS) -> Session:
    """A programme shaped like the demo, grown to `actions` actions."""
    session = filled_programme(actions, seed=71, words=_WORDS, title_words=6, goal_words=16,
                               lead_share=0.9, end_year=2029)
    sentence = sentences(random.Random(72), _WORDS)
    commitments = tuple(Commitment(action_id=action.id, party=action.parties[1], text=sentence(8))
                        for action in session.actions[::4])
    return session.model_copy(update={"commitments": commitments})


def markdown(session: Session) -> str:
    """The same actions as Markdown pipe tables, the way a facilitator would feed pandoc."""
    lines = ["# Acties", ""]
    for key in theme_keys(session):
        actions = [action for action in session.actions if action.theme == key]
        if not actions:
            continue
        lines += [f"## {session.profile.theme_label(key)}", ""]
        for horizon, group in horizon_groups(session, actions):
            lines += [f"### {horizon_heading(session.profile, horizon)}", "",
                      "| Actie | Doel | Schaalniveau | Planning | Betrokken partijen | Trekker |",
                      "|---|---|---|---|---|---|"]
            for action in group:
                cells = [value.replace("\n", ", ").replace("|", "\\|")
                         for value in action_row(session.profile, action)]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines)


def _pandoc() -> str | None:
    return shutil.which("pandoc") or ("/usr/bin/pandoc" if Path("/usr/bin/pandoc").exists()
                                      else None)


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def command_cpu(session_file: Path, out: Path) -> float:
    """Process CPU seconds of one `pact-tui export` run, as the user starts it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "pact_tui", "export", str(session_file), "-o",
                    str(out)], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def growth() -> Figure:
    """CPU of the export command at 30,000 actions against 3,000, with the fitted exponent."""
    small, large = GROWTH
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for size in GROWTH:
            files[size] = Path(folder) / f"programme-{size}.json"
            write_session(files[size], programme(size))
        for size in GROWTH:
            out = Path(folder) / f"programme-{size}.docx"
            times[size] = min(command_cpu(files[size], out) for _ in range(GROWTH_REPEATS))
    exponent = math.log(times[large] / times[small]) / math.log(large / small)
    return Figure(name=f"Word draft growth, {small:,} -> {large:,} actions (export command CPU)",
                  value=times[large], unit="s", baseline_name=f"{small:,} actions",
                  baseline_value=times[small], target_ratio=GROWTH_TARGET,
                  note=f"fitted exponent {exponent:.2f}")


def run() -> list[Figure]:
    return [_against_pandoc(), growth()]


def _against_pandoc() -> Figure:
    compile_bytecode()
    session = programme()
    pandoc = _pandoc()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "programme.json"
        write_session(source, session)
        outputs = itertools.count()

        def ours() -> float:
            out = folder / f"ours-{next(outputs)}.docx"
            return _seconds([str(PACT_TUI), "export", str(source), "-o", str(out)])

        if pandoc is None:
            alone = statistics.median([ours() for _ in range(REPEATS)])
            return Figure(name=NAME, value=alone, unit="s", target_ratio=TARGET,
                          note="pandoc is not installed: no baseline to compare with")
        markdown_file = folder / "programme.md"
        markdown_file.write_text(markdown(session), encoding="utf-8")

        def theirs() -> float:
            out = folder / f"pandoc-{next(outputs)}.docx"
            return _seconds([pandoc, "-f", "markdown", "-t", "docx", "-o", str(out),
                             str(markdown_file)])

        value, baseline = interleaved(ours, theirs, REPEATS)
    return Figure(name=NAME, value=value, unit="s",
                  baseline_name="pandoc markdown -> docx command", baseline_value=baseline,
                  target_ratio=TARGET)

"""Benchmark: merging 20 session files of 200 actions, duplicates detected and combined,
vs the floor of reading the same 20 files and writing one file of all their actions, turn
about in the same run, with every functools cache of pact_tui emptied before each run (the
name normalising one would otherwise stay warm from the last); in process, and as whole
commands (`pact-tui merge` against a Python command that reads and writes with the store).
Growth: the merge's CPU time at 20, 40 and 80 files, and the steepest log-log slope
(target: at most 1.1).

About a third of each file's actions are near-duplicates (a word changed, added or
moved) of actions in other files. Target: at most 3x the floor. Finding them means
scoring only the pairs of actions that could be alike (`merge.duplicates`): comparing all
pairs would grow with the square of the programme.
"""

from __future__ import annotations

import itertools
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.apps import PACT_TUI, compile_bytecode, interleaved
from bench.harness import Figure, clear_caches, step_exponents
from bench.programmes import sentences
from pact_tui.merge import combine_all, merge_sessions
from pact_tui.model import Action, PartyRef, Session, SessionMeta
from pact_tui.store import load_profile, read_session, write_session

SESSIONS = 20
ACTIONS = 200
SHARED = 0.34
REPEATS = 7
TARGET = 3.0
COMMAND_REPEATS = 5
GROWTH = (20, 40, 80)
GROWTH_TARGET = 1.1
GROWTH_REPEATS = 3
_WORDS = (
    "woningbouw", "regionale", "samenwerking", "energieloket", "onderwijs", "zorgaanbieders",
    "inwoners", "ondernemers", "kernen", "bereikbaarheid", "plan", "aanpak", "versnellen",
    "ondersteunen", "afspraken", "gemeenten", "partners", "monitor", "leefbaarheid", "starters",
    "senioren", "laadpalen", "zonnepanelen", "warmtenet", "fietspaden", "bedrijventerrein",
    "stage", "techniek", "jongeren", "mantelzorg", "wijkteams", "recreatie", "toerisme",
    "kustlijn", "dorpshuizen", "isolatie", "subsidie", "onderzoek", "pilot", "netcongestie",
)


def _variant(rng: random.Random, title: str) -> str:
    """The same action as another group wrote it: a word changed, added or moved."""
    words = title.split()
    change = rng.choice(("typo", "extra", "move"))
    at = rng.randrange(len(words))
    if change == "typo":
        words[at] = words[at][:-1] + rng.choice("aeiou") if len(words[at]) > 3 else words[at]
    elif change == "extra":
        words.insert(at, rng.choice(("ook", "snel", "samen", "regionaal")))
    else:
        words.append(words.pop(at))
    return " ".join(words)


def write_sessions(folder: Path, per_file: int = ACTIONS, files: int = SESSIONS) -> list[Path]:
    """`files` session files of `per_file` actions each, written with the store."""
    profile = load_profile(None)
    rng = random.Random(20)
    themes = [theme.key for theme in profile.themes]
    sentence = sentences(rng, _WORDS)

    shared = [(rng.choice(themes), sentence(rng.randint(5, 8)))
              for _ in range(max(1, int(files * per_file * SHARED / 2)))]
    paths = []
    for number in range(files):
        actions = []
        for position in range(per_file):
            if position < per_file * SHARED:
                theme, title = rng.choice(shared)
                title = _variant(rng, title)
            else:
                theme, title = rng.choice(themes), sentence(rng.randint(5, 9))
            actions.append(Action(theme=theme, title=title, goal=sentence(12),
                                  scale=rng.choice(profile.scales).key, position=position,
                                  parties=(PartyRef(name=rng.choice(profile.municipalities)),)))
        meta = SessionMeta(profile=profile, title=f"Werksessie {number + 1}")
        path = folder / f"sessie-{number + 1:02d}.json"
        write_session(path, Session(meta=meta, actions=tuple(actions)))
        paths.append(path)
    return paths


def _floor(paths: list[Path], out: Path) -> None:
    """Read every file and write one file of all their actions: what any merge must do."""
    sessions = [read_session(path) for path in paths]
    actions = tuple(action for session in sessions for action in session.actions)
    write_session(out / "programma.json", Session(meta=sessions[0].meta, actions=actions))


def merge_files(paths: list[Path], out: Path) -> None:
    """Read the files, merge them with duplicates combined, and write the programme."""
    result = combine_all(merge_sessions([read_session(path) for path in paths]))
    write_session(out / "programma.json", result.programme)


# The floor as a whole command: Python starts, reads the files with the store and writes
# one file of all their actions.
_FLOOR_COMMAND = """
import sys
from pathlib import Path
from pact_tui.model import Session
from pact_tui.store import read_session, write_session
sessions = [read_session(Path(path)) for path in sys.argv[1:-1]]
actions = tuple(action for session in sessions for action in session.actions)
write_session(Path(sys.argv[-1]), Session(meta=sessions[0].meta, actions=actions))
"""


def _commands(paths: list[Path], scratch: Path) -> Figure:
    """`pact-tui merge ... --duplicates combine` against the floor run as a command too."""
    compile_bytecode()
    outputs = itertools.count()

    def seconds(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start

    def merge() -> float:
        out = scratch / f"command-merge-{next(outputs)}.json"
        return seconds([str(PACT_TUI), "merge", *map(str, paths), "-o", str(out),
                        "--duplicates", "combine"])

    def floor() -> float:
        out = scratch / f"command-floor-{next(outputs)}.json"
        return seconds([sys.executable, "-c", _FLOOR_COMMAND, *map(str, paths), str(out)])

    merged, floored = interleaved(merge, floor, COMMAND_REPEATS)
    name = f"`pact-tui merge` {SESSIONS} files x {ACTIONS} actions --duplicates combine"
    return Figure(name=name, value=merged, unit="s",
                  baseline_name="a command reading them + writing one",
                  baseline_value=floored, target_ratio=TARGET)


def _growth(scratch: Path) -> Figure:
    """The merge's CPU time at 20, 40 and 80 files of 200 actions (the least of a few runs:
    a busy machine only ever adds), and the steepest slope of its growth (1.0 is linear;
    comparing every pair of actions shows up near 2)."""
    series = []
    for files in GROWTH:
        inputs = scratch / f"growth-{files}"
        inputs.mkdir()
        paths = write_sessions(inputs, files=files)
        best = float("inf")
        for turn in range(GROWTH_REPEATS):
            out = scratch / f"grown-{files}-{turn}"
            out.mkdir()
            clear_caches()
            start = time.process_time()
            merge_files(paths, out)
            best = min(best, time.process_time() - start)
        series.append((files, best))
    steepest = max(step_exponents(series))
    return Figure(name=f"merge growth exponent, {GROWTH[0]} to {GROWTH[-1]} files",
                  value=round(steepest, 2), unit="", baseline_name="linear",
                  baseline_value=1.0, target_ratio=GROWTH_TARGET, series=tuple(series),
                  note=", ".join(f"{files} files {seconds:.2f} s" for files, seconds in series))


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        inputs = scratch / "in"
        inputs.mkdir()
        paths = write_sessions(inputs)
        outputs = itertools.count()
        times: dict[str, list[float]] = {"floor": [], "merge": []}
        # Turn about, so that a busy moment of the machine weighs on both alike.
        works = [("floor", _floor), ("merge", merge_files)]
        for turn in range(REPEATS):
            for name, work in works if turn % 2 == 0 else works[::-1]:
                out = scratch / f"out-{next(outputs)}"
                out.mkdir()
                clear_caches()
                start = time.perf_counter()
                work(paths, out)
                times[name].append(time.perf_counter() - start)
        commands = _commands(paths, scratch)
        growth = _growth(scratch)
    name = f"merge {SESSIONS} sessions x {ACTIONS} actions, duplicates combined"
    in_process = Figure(name=name, value=statistics.median(times["merge"]), unit="s",
                        baseline_name="read the same files + write one file",
                        baseline_value=statistics.median(times["floor"]), target_ratio=TARGET)
    return [in_process, commands, growth]

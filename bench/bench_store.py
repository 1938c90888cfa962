"""Benchmark: edit-to-durable latency of a session file at 200, 2,000 and 20,000 actions.

One field of one action changes, and the clock stops when the change is on disk. The
same run measures two baselines on the same data:

- TinyDB's default JSONStorage (re-parses and rewrites the whole file per change, in
  place, so it is not even crash-safe): the store must take at most a quarter of it;
- two floors, the cheapest durable writes of the same bytes: a new file written and
  fsynced, and the bytes written over an existing file in place with fdatasync (no
  truncation, no rename). The store writes atomically (temporary file, fsync, rename,
  fsync of the folder), so it must stay within 1.5x of each.

The four are timed one after the other within each repetition, taking turns at going
first, so a slow moment of the disk hits them alike; each figure is the median.

Where fsync latency dominates (a few hundred actions, a file of ~200 KB) an atomic save
costs two journal commits (the temporary file, then the rename in the folder) against a
floor's one, so its ratio to a floor tends to 2x there by construction: at 200 actions
the target is 2.5x, and TinyDB (which never fsyncs) must be no more than 2x faster.

A second figure: opening 20,000 actions (parsing and checking every item against its
kind and the profile) against reading the same file and parsing it with `json.loads`,
with the garbage collector paused as the store pauses it.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from tinydb import TinyDB

from bench.harness import Figure, median_time
from bench.programmes import filled_programme
from pact_tui.model import Action, Session
from pact_tui.store import SessionFile, read_session, write_session

SIZES = (200, 2_000, 20_000)
# At 200 actions two journal commits against a floor's one dominate (see above).
SMALL = 200
SMALL_FLOOR_TARGET = 2.5
SMALL_TINYDB_TARGET = 2.0
OPEN_SIZE = 20_000
OPEN_REPEATS = 3
OPEN_TARGET = 4.0
REPEATS = {200: 45, 2_000: 30, 20_000: 15}
TINYDB_TARGET = 0.25
FLOOR_TARGET = 1.5
MS = 1000.0

_WORDS = (
    "woningbouw", "flexwoningen", "starters", "regionale", "samenwerking", "energieloket",
    "warmteplan", "corporaties", "onderwijs", "arbeidsmarkt", "zorgaanbieders", "inwoners",
    "ondernemers", "kernen", "bereikbaarheid", "Westfriese", "lijn", "versnellen", "afspraken",
    "gemeenten", "partners", "leefbaarheid", "recreatie", "IJsselmeerkust", "mantelzorg",
)


def programme(actions: int) -> Session:
    """A programme with `actions` actions filled in the way a facilitator fills them."""
    return filled_programme(actions, seed=71, words=_WORDS, note_words=6)


def _new_file_fsync(path: Path, content: bytes) -> None:
    """Floor one: the bytes into a file that did not exist, then fsync."""
    with path.open("xb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _in_place_fdatasync(path: Path, content: bytes) -> None:
    """Floor two: the bytes over an existing file from its start, then fdatasync."""
    with path.open("r+b") as handle:
        handle.write(content)
        handle.flush()
        os.fdatasync(handle.fileno())


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(size: int, folder: Path) -> tuple[float, float, float, float]:
    """Median seconds per edit: the store, TinyDB's JSONStorage and the two floors."""
    session = programme(size)
    ours_path, tinydb_path, in_place_path = (folder / f"{name}-{size}.json"
                                             for name in ("store", "tinydb", "in-place"))
    write_session(ours_path, session)
    write_session(tinydb_path, session)
    in_place_path.write_bytes(ours_path.read_bytes())
    new_paths = (folder / f"new-{size}-{number}.json" for number in itertools.count())
    ours: list[float] = []
    theirs: list[float] = []
    new_file: list[float] = []
    in_place: list[float] = []
    rng = random.Random(size)
    database = TinyDB(tinydb_path, encoding="utf-8")
    actions_table = database.table("actions")
    with SessionFile.open(ours_path) as opened:
        actions = opened.list(Action)
        for turn in range(REPEATS[size]):
            index = rng.randrange(size)
            title = f"{actions[index].title} ({turn})"
            edited = actions[index].edited(title=title)
            actions[index] = edited
            content = ours_path.read_bytes()
            steps: list[tuple[list[float], Callable[[], object]]] = [
                (ours, partial(opened.update, edited)),
                (theirs, partial(actions_table.update, {"title": title}, doc_ids=[index + 1])),
                (new_file, partial(_new_file_fsync, next(new_paths), content)),
                (in_place, partial(_in_place_fdatasync, in_place_path, content)),
            ]
            # Take turns at going first: a save may leave work (freed blocks, discards)
            # that the next fsync pays for.
            shift = turn % len(steps)
            for samples, step in steps[shift:] + steps[:shift]:
                samples.append(_timed(step))
    database.close()
    for path in folder.glob(f"new-{size}-*.json"):
        path.unlink()
    return (statistics.median(ours), statistics.median(theirs), statistics.median(new_file),
            statistics.median(in_place))


def _json_loads_gc_paused(path: Path) -> object:
    gc.disable()
    try:
        return json.loads(path.read_bytes())
    finally:
        gc.enable()


def open_figure(folder: Path) -> Figure:
    path = folder / f"open-{OPEN_SIZE}.json"
    write_session(path, programme(OPEN_SIZE))
    ours: list[float] = []
    parse: list[float] = []
    for _ in range(OPEN_REPEATS):  # turn about, like the edits
        ours.append(median_time(lambda: read_session(path), 1))
        parse.append(median_time(lambda: _json_loads_gc_paused(path), 1))
    return Figure(name=f"open {OPEN_SIZE:,} actions (parse and check)",
                  value=statistics.median(ours), unit="s",
                  baseline_name="read + json.loads, collector paused as the store does",
                  baseline_value=statistics.median(parse), target_ratio=OPEN_TARGET)


def run() -> list[Figure]:
    figures = []
    with tempfile.TemporaryDirectory(prefix="pact-bench-") as folder:
        for size in SIZES:
            ours, theirs, new_file, in_place = measure(size, Path(folder))
            name = f"edit-to-durable, {size:,} actions"
            small = size == SMALL
            figures.append(Figure(name=name, value=ours * MS, unit="ms",
                                  baseline_name="TinyDB default JSONStorage (no fsync)",
                                  baseline_value=theirs * MS,
                                  target_ratio=SMALL_TINYDB_TARGET if small else TINYDB_TARGET))
            for floor, label in ((new_file, "floor: new file + fsync, same bytes"),
                                 (in_place, "floor: in place + fdatasync, same bytes")):
                figures.append(Figure(name=name, value=ours * MS, unit="ms",
                                      baseline_name=label, baseline_value=floor * MS,
                                      target_ratio=SMALL_FLOOR_TARGET if small else FLOOR_TARGET))
        figures.append(open_figure(Path(folder)))
    return figures

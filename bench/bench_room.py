"""Benchmark: from a save by the main app until the room view has painted it.

The facilitator's side holds the session file open (SessionFile, as the app does)
and changes one action; the room view (the real RoomApp, headless, 80x24) notices the
new file, reads it with the store's reader and paints the page with that action.
The clock starts when the save has returned (the file is on disk) and stops when the
room view's refresh with the change is done. The baseline is what the store itself
needs to open the same file (SessionFile.open and close, as a second program opens
it while the main app holds it), measured in turns with the saves: the room view
should cost at most 1.5x that, and under a second at 5,000 actions.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.harness import Figure
from bench.programmes import filled_programme
from pact_tui.model import Action, Session
from pact_tui.store import SessionFile, write_session
from pact_tui.tui.room.app import RoomApp

SIZES = (300, 5_000)
REPEATS = {300: 15, 5_000: 7}
TARGET = 1.5
LIMIT_SECONDS = 1.0
TIMEOUT_SECONDS = 60.0
MS = 1000.0

_WORDS = ("woningbouw", "starters", "regionale", "energieloket", "warmteplan", "onderwijs",
          "arbeidsmarkt", "zorgaanbieders", "inwoners", "kernen", "Westfriese", "afspraken",
          "gemeenten", "partners", "leefbaarheid", "recreatie", "mantelzorg", "versnellen")


def programme(actions: int) -> Session:
    return filled_programme(actions, seed=13, words=_WORDS)


class _TimedRoom(RoomApp):
    """The room view, noting when each session it read was on the screen."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.painted_titles: dict[str, float] = {}

    def painted(self) -> None:
        now = time.perf_counter()
        if self.session is not None:
            for action in self.session.actions:
                self.painted_titles.setdefault(action.title, now)


async def _latencies(path: Path, repeats: int) -> tuple[list[float], list[float]]:
    """Per turn: the store opening the file (as a second program would), then a save
    until the room view painted it; taking turns, a slow moment of the machine hits both."""
    latencies: list[float] = []
    openings: list[float] = []
    with SessionFile.open(path) as main_app:
        room = _TimedRoom(path)
        async with room.run_test(size=(80, 24)) as pilot:
            deadline = time.monotonic() + TIMEOUT_SECONDS
            while not room.painted_titles:
                if time.monotonic() > deadline:
                    raise TimeoutError("the room view never painted the session")
                await asyncio.sleep(0.01)
            actions = main_app.list(Action)
            rng = random.Random(len(actions))
            for turn in range(repeats):
                action = actions[rng.randrange(len(actions))]
                openings.append(await asyncio.to_thread(_open_and_close, path))
                title = f"Bench turn {turn} {action.title}"
                saved = await asyncio.to_thread(_save, main_app, action.edited(title=title))
                while title not in room.painted_titles:
                    if time.monotonic() > deadline + TIMEOUT_SECONDS:
                        raise TimeoutError("the room view never painted a save")
                    await asyncio.sleep(0.001)
                latencies.append(room.painted_titles[title] - saved)
                await pilot.pause()
    return latencies, openings


def _save(main_app: SessionFile, edited: Action) -> float:
    """Save as the main app does (from a worker thread); when the file is on disk."""
    main_app.update(edited)
    return time.perf_counter()


def _open_and_close(path: Path) -> float:
    """Seconds the store needs to open the file and close it again."""
    start = time.perf_counter()
    SessionFile.open(path).close()
    return time.perf_counter() - start


def run() -> list[Figure]:
    figures = []
    with tempfile.TemporaryDirectory(prefix="pact-bench-room-") as folder:
        for size in SIZES:
            path = Path(folder) / f"room-{size}.json"
            write_session(path, programme(size))
            latencies, openings = asyncio.run(_latencies(path, REPEATS[size]))
            latency, opening = statistics.median(latencies), statistics.median(openings)
            note = ""
            if size == max(SIZES):
                verdict = "under" if latency < LIMIT_SECONDS else "NOT under"
                note = f"{verdict} {LIMIT_SECONDS:g} s"
            figures.append(Figure(
                name=f"room view: save to painted, {size:,} actions", value=latency * MS,
                unit="ms", baseline_name="store opens the file", baseline_value=opening * MS,
                target_ratio=TARGET, note=note))
    return figures

"""Benchmark: the day overview of 7 breakouts against the room view of one file.

Paint: the overview (the real app, headless, 80x24) of a day folder of 7 breakouts ×
200 actions (each: the programme's 100 copied, 30 of them changed, 10 deleted, 110 new),
from the moment the files' state reaches the screen until every card is painted; the
baseline is the room view (the real RoomApp) from the moment its one file of 200 actions
reaches it until painted, measured in turns with the overview: at most 1.5x that. The
same two from starting the app are printed too: the overview reads eight files there.

Arrival: with the overview open, a breakout file is replaced atomically from another
thread (as a sync engine brings it in); the seconds from the replace until the overview
has painted the new action's card. Under a second is the target.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.harness import Figure
from bench.programmes import filled_programme
from pact_tui.merge.day import new_breakout
from pact_tui.model import Action, Laptop, Session
from pact_tui.store import write_session
from pact_tui.tui import app as app_module
from pact_tui.tui.app import PactApp
from pact_tui.tui.day.screen import DayScreen
from pact_tui.tui.day.watch import DayState
from pact_tui.tui.room.app import RoomApp

BREAKOUTS = 7
ACTIONS = 200
PROGRAMME_ACTIONS = 100
CHANGED, DELETED = 30, 10
PAINT_REPEATS = 5
ARRIVAL_REPEATS = 9
TARGET = 1.5
LIMIT_SECONDS = 1.0
TIMEOUT_SECONDS = 60.0
MS = 1000.0
SIZE = (80, 24)

_WORDS = ("woningbouw", "starters", "regionale", "energieloket", "warmteplan", "onderwijs",
          "arbeidsmarkt", "zorgaanbieders", "inwoners", "kernen", "Westfriese", "afspraken",
          "gemeenten", "partners", "leefbaarheid", "recreatie", "mantelzorg", "versnellen")


def day_folder(folder: Path) -> None:
    """programma.json and 7 breakouts of 200 actions each, as the groups left them."""
    programme = filled_programme(PROGRAMME_ACTIONS, seed=17, words=_WORDS)
    write_session(folder / "programma.json", programme)
    for number in range(BREAKOUTS):
        breakout = new_breakout(programme, f"Breakout {number + 1}",
                                Laptop(id=f"laptop-{number}", name=f"laptop {number + 1}"))
        typed = filled_programme(ACTIONS - PROGRAMME_ACTIONS + DELETED, seed=100 + number,
                                 words=_WORDS).actions
        kept = list(breakout.actions[DELETED:])
        for position in range(CHANGED):
            kept[position] = kept[position].edited(title=f"{kept[position].title} aangepast")
        write_session(folder / f"breakout-{number + 1}.json",
                      breakout.model_copy(update={"actions": (*kept, *typed)}))


class _TimedDay(DayScreen):
    """The overview, noting when a state holding every breakout (or a title) was painted."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.painted_at: float | None = None
        self.handed_at = 0.0
        self.waiting_for: str | None = None
        self.title_painted = threading.Event()
        self.title_at = 0.0

    def on_day_screen_state_arrived(self, message: DayScreen.StateArrived) -> None:
        handed = time.perf_counter()
        super().on_day_screen_state_arrived(message)
        state = message.state
        if self.painted_at is None and _whole(state):
            self.handed_at = handed
            self.call_after_refresh(self._painted)
        if self.waiting_for is not None and any(
                action.title == self.waiting_for for file in state.breakouts
                for _, action in file.changes.newest(self._newest)):
            self.waiting_for = None
            self.call_after_refresh(self._title_painted)

    def _painted(self) -> None:
        self.painted_at = time.perf_counter()

    def _title_painted(self) -> None:
        self.title_at = time.perf_counter()
        self.title_painted.set()


def _whole(state: DayState) -> bool:
    return len(state.breakouts) == BREAKOUTS and all(
        file.session is not None for file in state.breakouts)


class _DayApp(PactApp):
    # A subclass elsewhere would look for the stylesheet beside itself.
    CSS_PATH = str(Path(app_module.__file__).with_name("pact.tcss"))

    def open_day(self, folder: Path) -> None:
        self.day_screen = _TimedDay(folder)
        self.push_screen(self.day_screen)


class _TimedRoom(RoomApp):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.painted_at: float | None = None
        self.handed_at = 0.0

    def on_room_app_session_read(self, message: RoomApp.SessionRead) -> None:
        self.handed_at = self.handed_at or time.perf_counter()
        super().on_room_app_session_read(message)

    def painted(self) -> None:
        if self.painted_at is None:
            self.painted_at = time.perf_counter()


async def _until(condition: object, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError(f"never: {what}")
        await asyncio.sleep(0.001)


async def _day_paint(folder: Path) -> tuple[float, float]:
    """Seconds from start until painted, and from the read state handed over until painted."""
    start = time.perf_counter()
    app = _DayApp(None, sessions_dir=folder, exports_dir=folder, day=folder)
    async with app.run_test(size=SIZE):
        screen = app.day_screen
        await _until(lambda: screen.painted_at is not None, "the overview painted")
        assert screen.painted_at is not None
        return screen.painted_at - start, screen.painted_at - screen.handed_at


async def _room_paint(path: Path) -> tuple[float, float]:
    start = time.perf_counter()
    room = _TimedRoom(path)
    async with room.run_test(size=SIZE):
        await _until(lambda: room.painted_at is not None, "the room view painted")
        assert room.painted_at is not None
        return room.painted_at - start, room.painted_at - room.handed_at


async def _arrivals(folder: Path) -> list[float]:
    """Per turn: a breakout replaced on disk from another thread, until its card painted it."""
    app = _DayApp(None, sessions_dir=folder, exports_dir=folder, day=folder)
    latencies = []
    async with app.run_test(size=SIZE):
        screen = app.day_screen
        await _until(lambda: screen.painted_at is not None, "the overview painted")
        rng = random.Random(5)
        for turn in range(ARRIVAL_REPEATS):
            path = folder / f"breakout-{rng.randrange(BREAKOUTS) + 1}.json"
            title = f"Bench aankomst {turn}"
            screen.title_painted.clear()
            screen.waiting_for = title
            arrived = await asyncio.to_thread(_arrive, path, title)
            await _until(screen.title_painted.is_set, "the arrived edit painted")
            latencies.append(screen.title_at - arrived)
    return latencies


def _arrive(path: Path, title: str) -> float:
    """The breakout as another laptop saved it, replaced in one rename; when it is there."""
    from pact_tui.store import read_session

    session: Session = read_session(path)
    theme = session.actions[0].theme
    newer = session.model_copy(update={"actions": (*session.actions,
                                                   Action(theme=theme, title=title))})
    write_session(path, newer, overwrite=True)
    return time.perf_counter()


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="pact-bench-day-") as name:
        folder = Path(name) / "dag"
        folder.mkdir()
        day_folder(folder)
        room_file = Path(name) / "room.json"
        write_session(room_file, filled_programme(ACTIONS, seed=17, words=_WORDS))
        days, rooms = [], []
        for _ in range(PAINT_REPEATS):  # in turns: a slow moment hits both
            days.append(asyncio.run(_day_paint(folder)))
            rooms.append(asyncio.run(_room_paint(room_file)))
        arrivals = asyncio.run(_arrivals(folder))
    arrival = statistics.median(arrivals)
    verdict = "under" if arrival < LIMIT_SECONDS else "NOT under"
    return [
        Figure(name=f"day overview paints, {BREAKOUTS} breakouts x {ACTIONS} actions",
               value=statistics.median(paint for _, paint in days) * MS, unit="ms",
               baseline_name=f"room view paints one file of {ACTIONS}",
               baseline_value=statistics.median(paint for _, paint in rooms) * MS,
               target_ratio=TARGET,
               note="from the files read (the state handed to the screen) until painted"),
        Figure(name=f"day overview from start, {BREAKOUTS} breakouts x {ACTIONS} actions",
               value=statistics.median(total for total, _ in days) * MS, unit="ms",
               baseline_name=f"room view from start, one file of {ACTIONS}",
               baseline_value=statistics.median(total for total, _ in rooms) * MS,
               note=f"reads {BREAKOUTS + 1} files where the room view reads one"),
        Figure(name="day overview: breakout file arrived to painted", value=arrival * MS,
               unit="ms", note=f"{verdict} {LIMIT_SECONDS:g} s (worst of "
                               f"{len(arrivals)}: {max(arrivals) * MS:.0f} ms)"),
    ]

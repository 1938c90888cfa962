"""Benchmark: the action grid with thousands of rows vs a minimal Textual app and a small file.

- Opening a 5,000-action file to an interactive grid vs starting a minimal Textual
  app (a Label), each in a fresh Python process from start to the first frame
  drawn. Target: at most 2x (a DataTable measuring every cell costs about 3x). The
  grid itself draws only the lines on screen; most of the difference is importing
  pydantic and the model, and the store reading and validating 5,000 items.
- CPU per keystroke typing in a grid cell at 5,000 actions vs at 50, measured with
  `time.process_time` around many Pilot presses in one process. Target: at most 1.2x
  (a keystroke must not cost more in a bigger file).
- CPU of the app's own thread per keystroke while typing whole rows (Tab commits each
  cell, which re-filters the rows and hands the change to the saver thread) at 5,000
  vs 50. The saver thread's whole-file writes are left out on purpose: they run beside
  the typing, not in its way. Target: at most 1.2x.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from bench.harness import Figure
from pact_tui.model import Action, PartyRef, Planning, Session, SessionMeta, parse_profile
from pact_tui.store import create_session

BIG = 5_000
SMALL = 50
OPEN_REPEATS = 5
KEYSTROKES = 200
ROW_KEYS = "Actie tekst\tDoel tekst\t2\t1\tHoorn; Opm\tEnk\t3\t"
ROWS_TYPED = 3
OPEN_TARGET = 2.0
KEY_TARGET = 1.2

# Each app prints the wall clock when its first frame is drawn, then quits: the time
# after that (tearing down, the interpreter exiting) is no part of opening.
_MINIMAL_APP = textwrap.dedent("""
    import sys, time
    from textual.app import App
    from textual.widgets import Label

    class Minimal(App):
        def compose(self):
            yield Label("pact")

        def on_mount(self):
            self.call_after_refresh(self.ready)

        def ready(self):
            print(time.time(), flush=True)
            self.exit()

    Minimal().run(headless=True, size=(120, 40))
""")

_GRID_APP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import pact_tui.tui.app
    from pact_tui.tui.app import PactApp
    from pact_tui.tui.widgets.grid import EditGrid

    class Timed(PactApp):
        # A subclass's relative CSS path would be read from here: keep the app's own.
        CSS_PATH = str(Path(pact_tui.tui.app.__file__).with_name("pact.tcss"))

        def on_mount(self):  # runs after PactApp.on_mount (Textual calls both)
            self._bench_timer = self.set_interval(0.002, self._check_ready)

        def _check_ready(self):
            grids = self.screen.query(EditGrid)
            if grids and grids.first().row_count == int(sys.argv[2]):
                self._bench_timer.stop()
                self.call_after_refresh(self.ready)

        def ready(self):
            print(time.time(), flush=True)
            self.exit()

    path = Path(sys.argv[1])
    Timed(path, sessions_dir=path.parent, exports_dir=path.parent).run(
        headless=True, size=(120, 40))
""")


def session_file(folder: Path, actions: int) -> Path:
    """A session shaped like a real one (every column used), with `actions` actions."""
    text = files("pact_tui.profiles").joinpath("westfriesland.toml").read_text("utf-8")
    profile = parse_profile(text, "westfriesland.toml")
    themes = [theme.key for theme in profile.themes]
    items = tuple(
        Action(theme=themes[n % len(themes)], title=f"Actie {n}: regionale aanpak versnellen",
               goal=f"Doel {n}", scale="westfries", planning=Planning(horizon="kort"),
               parties=(PartyRef(name="Hoorn"), PartyRef(name="Enkhuizen")),
               lead=PartyRef(name="Hoorn"), position=n)
        for n in range(actions)
    )
    meta = SessionMeta(profile=profile, title=f"Bench {actions}")
    return create_session(folder / f"bench-{actions}.json", meta, Session(meta=meta, actions=items))


def _seconds_to_first_frame(command: list[str]) -> float:
    started = time.time()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1]) - started


def _median(measure: Callable[[], float], repeats: int) -> float:
    measure()  # warm the file cache and bytecode
    return statistics.median(measure() for _ in range(repeats))


def open_figure(path: Path) -> Figure:
    grid = [sys.executable, "-c", _GRID_APP, str(path), str(BIG)]
    minimal = [sys.executable, "-c", _MINIMAL_APP]
    fresh = _median(lambda: _seconds_to_first_frame(grid), OPEN_REPEATS)
    fresh_minimal = _median(lambda: _seconds_to_first_frame(minimal), OPEN_REPEATS)
    return Figure(name=f"open {BIG} actions to an interactive grid", value=fresh, unit="s",
                  baseline_name="minimal Textual app to first frame",
                  baseline_value=fresh_minimal, target_ratio=OPEN_TARGET)


async def _typing_cost(path: Path, keys: list[str], clock: Callable[[], float]) -> float:
    """`clock` seconds per key for pressing `keys` in the Acties grid of `path`."""
    from pact_tui.tui.app import PactApp
    from pact_tui.tui.screens.actions import ActionsScreen

    app = PactApp(path, sessions_dir=path.parent, exports_dir=path.parent)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("ctrl+home", "tab", "enter")  # the first row's Actie, editing
        await pilot.press(*keys[:20])  # warm up
        started = clock()
        await pilot.press(*keys)
        spent = clock() - started
        await pilot.press("escape")
        assert app.editor is not None
        app.editor.flush()
    return spent / len(keys)


def _key_names(text: str) -> list[str]:
    names = {" ": "space", "\t": "tab", ":": "colon"}
    return [names.get(character, character) for character in text]


def typing_figures(big: Path, small: Path) -> list[Figure]:
    letters = _key_names(("regionale aanpak " * 40)[:KEYSTROKES])
    rows = _key_names(ROW_KEYS * ROWS_TYPED)

    def cost(path: Path, keys: list[str], clock: Callable[[], float]) -> float:
        return min(asyncio.run(_typing_cost(path, keys, clock)) for _ in range(3))

    key_big = cost(big, letters, time.process_time)
    key_small = cost(small, letters, time.process_time)
    row_big = cost(big, rows, time.thread_time)
    row_small = cost(small, rows, time.thread_time)
    ms = 1000
    return [
        Figure(name=f"CPU per keystroke in a cell, {BIG} actions", value=key_big * ms,
               unit="ms", baseline_name=f"same at {SMALL} actions",
               baseline_value=key_small * ms, target_ratio=KEY_TARGET),
        Figure(name=f"app-thread CPU per key typing rows (Tab commits), {BIG} actions",
               value=row_big * ms, unit="ms", baseline_name=f"same at {SMALL} actions",
               baseline_value=row_small * ms, target_ratio=KEY_TARGET),
    ]


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        big, small = session_file(folder, BIG), session_file(folder, SMALL)
        return [open_figure(big), *typing_figures(big, small)]

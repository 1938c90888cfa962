"""Benchmark: from start to the first interactive screen on the demo, against a minimal Textual app.

Both run in a fresh Python process, the same way, in the same run: the clock starts
before the process is started and stops when the app has drawn its first frame and
can take keys (for pact-tui: the demo programme open on its first phase screen; for
the baseline: a Textual app showing one Label). Everything a facilitator waits for
counts: the interpreter, the imports, reading and validating the file, taking its
lock, composing the screen. Target: at most 1.3x the minimal app.

A second figure measures the same inside one process with the imports already done
(`App.run_async`), which isolates what opening the file and building the screen cost.
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
from pathlib import Path

from textual.app import App, ComposeResult

from bench.harness import Figure

REPEATS = 7
TARGET = 1.3

# Each app prints the wall clock at its first interactive frame, then quits: tearing
# down and the interpreter exiting are no part of starting.
_MINIMAL_APP = textwrap.dedent("""
    import time
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

    Minimal().run(headless=True, size=(80, 24))
""")

_DEMO_APP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import pact_tui.tui.app
    from pact_tui.tui.app import PactApp
    from pact_tui.tui.screens.phase import PhaseScreen

    class Timed(PactApp):
        # A subclass's relative CSS path would be read from here: keep the app's own.
        CSS_PATH = str(Path(pact_tui.tui.app.__file__).with_name("pact.tcss"))

        def on_mount(self):  # runs after PactApp.on_mount (Textual calls both)
            self._bench_timer = self.set_interval(0.002, self._check_ready)

        def _check_ready(self):
            screen = self.screen
            if isinstance(screen, PhaseScreen) and screen.is_mounted:
                self._bench_timer.stop()
                self.call_after_refresh(self.ready)

        def ready(self):
            print(time.time(), flush=True)
            self.exit()

    path = Path(sys.argv[1])
    Timed(path, sessions_dir=path.parent, exports_dir=path.parent).run(
        headless=True, size=(80, 24))
""")


def demo_programme(folder: Path) -> Path:
    """The demo as `pact-tui demo` writes it; the programme is what it opens."""
    from pact_tui.demo.files import write_demo

    return write_demo(folder)[-1].path


def _seconds_to_first_frame(command: list[str]) -> float:
    started = time.time()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1]) - started


def _median(measure: Callable[[], float], repeats: int) -> float:
    measure()  # warm the file cache and the bytecode
    return statistics.median(measure() for _ in range(repeats))


def _interleaved(first: Callable[[], float], second: Callable[[], float],
                 repeats: int) -> tuple[float, float]:
    """Medians of both, measured turn about so a busy moment of the machine hits both alike."""
    first()
    second()
    a, b = [], []
    for _ in range(repeats):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)


async def _in_process(make_app: Callable[[], App[object]],
                      ready: Callable[[App[object]], bool]) -> float:
    """Seconds from making an app to its first frame once `ready`, imports already done."""
    started = time.perf_counter()
    app = make_app()
    finished: list[float] = []

    async def poll() -> None:
        while not finished:
            if ready(app):
                app.call_after_refresh(lambda: (finished.append(time.perf_counter()), app.exit()))
                return
            await asyncio.sleep(0.002)

    task = asyncio.get_running_loop().create_task(poll())
    await app.run_async(headless=True, size=(80, 24))
    await task
    return finished[0] - started


def run() -> list[Figure]:
    from textual.widgets import Label

    from pact_tui.tui.app import PactApp
    from pact_tui.tui.screens.phase import PhaseScreen

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = demo_programme(folder)
        demo = [sys.executable, "-c", _DEMO_APP, str(path)]
        minimal = [sys.executable, "-c", _MINIMAL_APP]
        fresh, fresh_minimal = _interleaved(lambda: _seconds_to_first_frame(demo),
                                            lambda: _seconds_to_first_frame(minimal), REPEATS)

        class Minimal(App[object]):
            def compose(self) -> ComposeResult:
                yield Label("pact")

        def demo_ready(app: App[object]) -> bool:
            return isinstance(app.screen, PhaseScreen) and app.screen.is_mounted

        def open_demo() -> float:
            return asyncio.run(_in_process(
                lambda: PactApp(path, sessions_dir=folder, exports_dir=folder), demo_ready))

        def open_minimal() -> float:
            return asyncio.run(_in_process(Minimal, lambda app: app.is_running))

        warm, warm_minimal = _interleaved(open_demo, open_minimal, REPEATS)
    return [
        Figure(name="start to first interactive screen, demo (fresh process)", value=fresh,
               unit="s", baseline_name="minimal Textual app to first frame",
               baseline_value=fresh_minimal, target_ratio=TARGET),
        Figure(name="open the demo to its first screen (imports done)", value=warm, unit="s",
               baseline_name="minimal Textual app to first frame",
               baseline_value=warm_minimal,
               note="what opening the file and building the screen cost on their own"),
    ]

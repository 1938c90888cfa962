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
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult

from bench.apps import interleaved, minimal_command, pact_command, seconds_to_first_frame
from bench.harness import Figure

REPEATS = 7
TARGET = 1.3
SIZE = (80, 24)


def demo_programme(folder: Path) -> Path:
    """The demo as `pact-tui demo` writes it; the programme is what it opens."""
    from pact_tui.demo.files import write_demo

    return write_demo(folder)[-1].path


async def _in_process(make_app: Callable[[], App[Any]],
                      ready: Callable[[App[Any]], bool]) -> float:
    """Seconds from making an app to its first frame once `ready`, imports already done."""
    started = time.perf_counter()
    app = make_app()
    finished: list[float] = []

    def stop() -> None:
        finished.append(time.perf_counter())
        app.exit()

    async def poll() -> None:
        while not finished:
            if ready(app):
                app.call_after_refresh(stop)
                return
            await asyncio.sleep(0.002)

    task = asyncio.get_running_loop().create_task(poll())
    await app.run_async(headless=True, size=SIZE)
    await task
    return finished[0] - started


def run() -> list[Figure]:
    from textual.widgets import Label

    from pact_tui.tui.app import PactApp
    from pact_tui.tui.screens.phase import PhaseScreen

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = demo_programme(folder)
        demo = pact_command("from pact_tui.tui.screens.phase import PhaseScreen",
                            "isinstance(self.screen, PhaseScreen) and self.screen.is_mounted",
                            SIZE, str(path))
        minimal = minimal_command(SIZE)
        fresh, fresh_minimal = interleaved(lambda: seconds_to_first_frame(demo),
                                           lambda: seconds_to_first_frame(minimal), REPEATS)

        class Minimal(App[object]):
            def compose(self) -> ComposeResult:
                yield Label("pact")

        def demo_ready(app: App[Any]) -> bool:
            return isinstance(app.screen, PhaseScreen) and app.screen.is_mounted

        def open_demo() -> float:
            return asyncio.run(_in_process(
                lambda: PactApp(path, sessions_dir=folder, exports_dir=folder), demo_ready))

        def open_minimal() -> float:
            return asyncio.run(_in_process(Minimal, lambda app: app.is_running))

        warm, warm_minimal = interleaved(open_demo, open_minimal, REPEATS)
    return [
        Figure(name="start to first interactive screen, demo (fresh process)", value=fresh,
               unit="s", baseline_name="minimal Textual app to first frame",
               baseline_value=fresh_minimal, target_ratio=TARGET),
        Figure(name="open the demo to its first screen (imports done)", value=warm, unit="s",
               baseline_name="minimal Textual app to first frame",
               baseline_value=warm_minimal,
               note="what opening the file and building the screen cost on their own"),
    ]

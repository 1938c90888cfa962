"""Timing an app in a fresh Python process from start to its first interactive frame.

The startup and grid benchmarks both compare pact-tui against a minimal Textual app
(one Label), each started the same way: the clock starts before the process does and
stops at the wall-clock time the app prints when its first frame is drawn. Tearing
down and the interpreter exiting are no part of starting, so each app quits right then.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable

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

    Minimal().run(headless=True, size=SIZE)
""")

_PACT_APP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import pact_tui.tui.app
    from pact_tui.tui.app import PactApp
    IMPORTS

    class Timed(PactApp):
        # A subclass's relative CSS path would be read from here: keep the app's own.
        CSS_PATH = str(Path(pact_tui.tui.app.__file__).with_name("pact.tcss"))

        def on_mount(self):  # runs after PactApp.on_mount (Textual calls both)
            self._bench_timer = self.set_interval(0.002, self._check_ready)

        def _check_ready(self):
            if READY:
                self._bench_timer.stop()
                self.call_after_refresh(self.ready)

        def ready(self):
            print(time.time(), flush=True)
            self.exit()

    path = Path(sys.argv[1])
    Timed(path, sessions_dir=path.parent, exports_dir=path.parent).run(
        headless=True, size=SIZE)
""")


def minimal_command(size: tuple[int, int]) -> list[str]:
    """The command that starts the minimal Textual app at `size` (columns, lines)."""
    return [sys.executable, "-c", _MINIMAL_APP.replace("SIZE", repr(size))]


def pact_command(imports: str, ready: str, size: tuple[int, int], *args: str) -> list[str]:
    """The command that starts pact-tui on the file `args[0]` and times it until `ready`.

    `ready` is a Python expression on `self` (the running PactApp), checked every 2 ms,
    using names from the `imports` line; the rest of `args` are `sys.argv[2:]` for it.
    """
    script = (_PACT_APP.replace("IMPORTS", imports).replace("READY", ready)
              .replace("SIZE", repr(size)))
    return [sys.executable, "-c", script, *args]


def seconds_to_first_frame(command: list[str]) -> float:
    """Wall seconds from starting `command` to the first frame its app reports."""
    started = time.time()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1]) - started


def median(measure: Callable[[], float], repeats: int) -> float:
    """The median of `repeats` measurements, after one to warm the file cache and bytecode."""
    measure()
    return statistics.median(measure() for _ in range(repeats))


def interleaved(first: Callable[[], float], second: Callable[[], float],
                repeats: int) -> tuple[float, float]:
    """Medians of both, measured turn about so a busy moment of the machine hits both alike."""
    first()
    second()
    a, b = [], []
    for _ in range(repeats):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)

"""Timing the real `pact-tui` command in a fresh process, from its start to its first frame.

The start-up and grid benchmarks compare `pact-tui` against a minimal Textual app (one
Label), each started as a new process the same way: the clock starts before the process
does and stops at the wall-clock time the app reports once its first frame is drawn and
it takes keys. Tearing down and the interpreter exiting are no part of starting, so each
app quits right then.

The app is not changed for this: every process gets a `sitecustomize` module (on
PYTHONPATH) that wraps `textual.app.App.run` to run headless at a fixed size with an
autopilot. The autopilot waits until `PACT_BENCH_READY` (a Python expression on `app`)
holds, then writes the time after the next refresh to the file `PACT_BENCH_OUT` and
exits. The hook imports
`textual.app`, which both apps import anyway.

Before anything is timed, the bytecode of the project and of the virtual environment is
compiled once (`compile_bytecode`), and PYTHONDONTWRITEBYTECODE is kept out of the
children's environment, so no start pays for compiling.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pact_tui

PACT_TUI = Path(sys.executable).parent / "pact-tui"

_HOOK = textwrap.dedent("""
    import asyncio, os, time

    def _report(app):
        with open(os.environ["PACT_BENCH_OUT"], "a") as out:
            out.write(f"{time.time()!r}\\n")
        app.exit()

    def install():
        import textual.app

        run = textual.app.App.run
        size = tuple(int(n) for n in os.environ["PACT_BENCH_SIZE"].split("x"))
        ready = compile(os.environ["PACT_BENCH_READY"], "PACT_BENCH_READY", "eval")

        async def autopilot(pilot):
            app = pilot.app
            while not eval(ready, {"app": app}):
                await asyncio.sleep(0.002)
            app.call_after_refresh(_report, app)

        def timed_run(self, *args, **kwargs):
            kwargs.update(headless=True, size=size, auto_pilot=autopilot)
            return run(self, *args, **kwargs)

        textual.app.App.run = timed_run

    if os.environ.get("PACT_BENCH_HOOK"):
        install()
""")

MINIMAL_APP = textwrap.dedent("""
    from textual.app import App
    from textual.widgets import Label

    class Minimal(App):
        def compose(self):
            yield Label("pact")

    Minimal().run()
""")

# The ready conditions, on the running app.
MINIMAL_READY = "app.is_running"
PHASE_SCREEN_READY = ("app.screen.is_mounted and any(kind.__name__ == 'PhaseScreen'"
                      " for kind in type(app.screen).__mro__)")


def grid_ready(rows: int) -> str:
    """Ready once the screen's grid shows `rows` rows."""
    return f"any(grid.row_count == {rows} for grid in app.screen.query('EditGrid'))"


def compile_bytecode() -> None:
    """Compile the project's and the environment's modules once, as an installed app has them."""
    folders = {Path(pact_tui.__file__).parent, Path(sysconfig.get_paths()["purelib"]),
               Path(sysconfig.get_paths()["platlib"])}
    for folder in sorted(folders):
        compileall.compile_dir(folder, quiet=1, workers=0)


@contextmanager
def hooked_environment(size: tuple[int, int]) -> Iterator[dict[str, str]]:
    """The environment for timed processes: the hook on PYTHONPATH, bytecode written."""
    with tempfile.TemporaryDirectory(prefix="pact-bench-hook-") as name:
        folder = Path(name)
        (folder / "sitecustomize.py").write_text(_HOOK, encoding="utf-8")
        (folder / "minimal_app.py").write_text(MINIMAL_APP, encoding="utf-8")
        env = {key: value for key, value in os.environ.items()
               if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
        env.update(PYTHONPATH=str(folder), PACT_BENCH_SIZE=f"{size[0]}x{size[1]}")
        yield env


def minimal_command(env: dict[str, str]) -> list[str]:
    """The command that starts the minimal Textual app (its script lives beside the hook)."""
    return [sys.executable, str(Path(env["PYTHONPATH"]) / "minimal_app.py")]


def seconds_to_first_frame(command: list[str], env: dict[str, str], ready: str,
                           cwd: Path | None = None) -> float:
    """Wall seconds from starting `command` to the first frame its app reports once `ready`."""
    out = Path(env["PYTHONPATH"]) / "frame.txt"
    out.unlink(missing_ok=True)
    started = time.time()
    done = subprocess.run(command, check=False, capture_output=True, text=True, cwd=cwd,
                          env={**env, "PACT_BENCH_HOOK": "1", "PACT_BENCH_READY": ready,
                               "PACT_BENCH_OUT": str(out)})
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"{command} drew no frame (exit {done.returncode}): "
                           f"{done.stdout[-300:]} {done.stderr[-600:]}")
    return float(out.read_text().split()[-1]) - started


def interleaved(first: Callable[[], float], second: Callable[[], float],
                repeats: int) -> tuple[float, float]:
    """Medians of both, measured turn about so a busy moment of the machine hits both alike."""
    first()
    second()
    a: list[float] = []
    b: list[float] = []
    for turn in range(repeats):
        pair = [(a, first), (b, second)]
        for samples, measure in pair if turn % 2 == 0 else pair[::-1]:
            samples.append(measure())
    return statistics.median(a), statistics.median(b)

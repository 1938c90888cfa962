"""Benchmark: the real `pact-tui` command to its first screen on the demo, against a minimal
Textual app.

Each runs in a fresh process, the same way, turn about in the same run (see bench/apps.py):
the clock starts before the process is started and stops when the app has drawn its first
frame and takes keys (for pact-tui: the demo programme open on its first phase screen; for
the baseline: a Textual app showing one Label). Everything a facilitator waits for counts:
the interpreter, the imports, reading and checking the file, taking its lock, composing the
screen. Two commands: `pact-tui demo` with the demo already in its folder (the first
minute of a new user, every time after the first) and `pact-tui open` on the programme.
Target: at most 1.4x the minimal app.

The same in one process with the imports already done (`App.run_async`) isolates what
opening the file and building the screen cost; the same 1.4x holds for that part, since
the whole can only meet its target if its parts do.

The note of the `open` figure splits its time, measured in other fresh processes (the
median of each part, so the parts add up to about the "in all" of those runs): starting
Python, the imports, parsing the file (json.loads), checking it (the rest of reading it,
done once before the app starts), and the app to its first frame (opening the file
itself, composing, mounting, drawing).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult

from bench.apps import (
    MINIMAL_READY,
    PACT_TUI,
    PHASE_SCREEN_READY,
    compile_bytecode,
    hooked_environment,
    interleaved,
    minimal_command,
    seconds_to_first_frame,
)
from bench.harness import Figure

REPEATS = 7
SPLIT_REPEATS = 5
TARGET = 1.4
SIZE = (80, 24)
MS = 1000.0

# Runs in a fresh process: the marks of each stage, then `pact-tui open` to its first frame.
_SPLIT = textwrap.dedent("""
    import time
    marks = {"started": time.time()}
    import gc, json, sys
    from pathlib import Path
    import pact_tui.cli
    import pact_tui.tui.app  # all that `pact-tui open` imports before the app runs
    marks["imported"] = time.time()
    path = Path(sys.argv[1])
    content = path.read_bytes()
    gc.disable()
    json.loads(content)
    gc.enable()
    marks["parsed"] = time.time()
    from pact_tui.store import read_session
    read_session(path)
    marks["read"] = time.time()
    import sitecustomize
    sitecustomize.install()
    pact_tui.cli.main(["open", str(path)])
    print(json.dumps(marks))
""")

_MINIMAL_SPLIT = textwrap.dedent("""
    import time
    marks = {"started": time.time()}
    import json
    import textual.app, textual.widgets
    marks["imported"] = time.time()
    import sitecustomize
    sitecustomize.install()
    class Minimal(textual.app.App):
        def compose(self):
            yield textual.widgets.Label("pact")
    marks["read"] = time.time()
    Minimal().run()
    print(json.dumps(marks))
""")


def demo_programme(folder: Path) -> Path:
    """The demo as `pact-tui demo` writes it; the programme is what it opens."""
    from pact_tui.demo.files import write_demo

    return write_demo(folder)[-1].path


def _split_once(script: str, env: dict[str, str], ready: str, *args: str) -> dict[str, float]:
    out = Path(env["PYTHONPATH"]) / "frame.txt"
    out.unlink(missing_ok=True)
    launched = time.time()
    done = subprocess.run([sys.executable, "-c", script, *args], check=True, text=True,
                          capture_output=True,
                          env={**env, "PACT_BENCH_READY": ready, "PACT_BENCH_OUT": str(out)})
    marks: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    frame = float(out.read_text().split()[-1])
    stages = {"python": marks["started"] - launched,
              "imports": marks["imported"] - marks["started"]}
    if "parsed" in marks:
        parse = marks["parsed"] - marks["imported"]
        stages.update(parse=parse, check=marks["read"] - marks["parsed"] - parse)
    # For pact-tui this includes the app opening the file itself (parse and check again).
    stages["app to first frame"] = frame - marks["read"]
    stages["in all"] = frame - launched  # these runs are apart from the figure's own
    return stages


def split(script: str, env: dict[str, str], ready: str, *args: str) -> str:
    """The median of each stage over a few fresh processes, as one line of milliseconds."""
    runs = [_split_once(script, env, ready, *args) for _ in range(SPLIT_REPEATS)]
    return ", ".join(f"{stage} {statistics.median(run[stage] for run in runs) * MS:.0f} ms"
                     for stage in runs[0])


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


def _warm_figure(path: Path, folder: Path) -> Figure:
    from textual.widgets import Label

    from pact_tui.tui.app import PactApp
    from pact_tui.tui.screens.phase import PhaseScreen

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
    return Figure(name="open the demo to its first screen (imports done)", value=warm, unit="s",
                  baseline_name="minimal Textual app to first frame (imports done)",
                  baseline_value=warm_minimal, target_ratio=TARGET,
                  note="what opening the file and building the screen cost on their own")


def run() -> list[Figure]:
    compile_bytecode()
    figures = []
    with tempfile.TemporaryDirectory(prefix="pact-bench-") as name, \
            hooked_environment(SIZE) as env:
        folder = Path(name)
        path = demo_programme(folder / "sessions")
        minimal = minimal_command(env)

        def baseline() -> float:
            return seconds_to_first_frame(minimal, env, MINIMAL_READY)

        commands = {
            "`pact-tui demo`, demo files in place": [str(PACT_TUI), "demo"],
            "`pact-tui open` the demo programme": [str(PACT_TUI), "open", str(path)],
        }
        for label, command in commands.items():
            def ours(command: list[str] = command) -> float:
                return seconds_to_first_frame(command, env, PHASE_SCREEN_READY, cwd=folder)

            fresh, fresh_minimal = interleaved(ours, baseline, REPEATS)
            note = ""
            if "open" in command:
                note = (f"split: {split(_SPLIT, env, PHASE_SCREEN_READY, str(path))}; "
                        f"minimal app: {split(_MINIMAL_SPLIT, env, MINIMAL_READY)}")
            figures.append(Figure(
                name=f"start to first interactive screen: {label}", value=fresh, unit="s",
                baseline_name="minimal Textual app, fresh process", baseline_value=fresh_minimal,
                target_ratio=TARGET, note=note))
        figures.append(_warm_figure(path, folder / "sessions"))
    return figures

"""Benchmark: peak memory of opening 20,000 actions, against the size of the file itself.

Each figure is the peak resident set (VmHWM; ru_maxrss where /proc is missing) of a
fresh Python process, interpreter and imports included, divided by the file's size;
it must stay within 6x:

- `read_session` of the file (what merge, export and the room view do);
- the app opening the file to its Acties grid, measured one second after the first
  frame with every row in the grid, so work started after the first frame counts too.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from bench.harness import Figure
from bench.programmes import filled_programme
from pact_tui.model import Session
from pact_tui.store import write_session

ACTIONS = 20_000
TARGET = 6.0
MB = 1_000_000
SIZE = (100, 30)

_WORDS = (
    "woningbouw", "flexwoningen", "starters", "regionale", "samenwerking", "energieloket",
    "warmteplan", "corporaties", "onderwijs", "arbeidsmarkt", "zorgaanbieders", "inwoners",
    "ondernemers", "kernen", "bereikbaarheid", "Westfriese", "lijn", "versnellen", "afspraken",
    "gemeenten", "partners", "leefbaarheid", "recreatie", "IJsselmeerkust", "mantelzorg",
)

_PEAK = textwrap.dedent("""
    def peak_bytes():
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        import resource, sys
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024
""")

_READ = _PEAK + textwrap.dedent("""
    import sys
    from pact_tui.store import read_session
    session = read_session(sys.argv[1])
    print(peak_bytes())
""")

_APP = _PEAK + textwrap.dedent("""
    import sys
    from pathlib import Path
    import pact_tui.tui.app
    from pact_tui.tui.app import PactApp
    from pact_tui.tui.widgets.grid import EditGrid

    class Measured(PactApp):
        CSS_PATH = str(Path(pact_tui.tui.app.__file__).with_name("pact.tcss"))

        def on_mount(self):  # runs after PactApp.on_mount
            self._poll = self.set_interval(0.01, self._check)

        def _check(self):
            grids = self.screen.query(EditGrid)
            if grids and grids.first().row_count == int(sys.argv[2]):
                self._poll.stop()
                self.call_after_refresh(lambda: self.set_timer(1.0, self._done))

        def _done(self):
            print(peak_bytes(), flush=True)
            self.exit()

    path = Path(sys.argv[1])
    Measured(path, sessions_dir=path.parent, exports_dir=path.parent).run(
        headless=True, size=SIZE)
""").replace("SIZE", repr(SIZE))


def programme(actions: int) -> Session:
    """A programme of `actions` actions with every template field filled."""
    return filled_programme(actions, seed=12, words=_WORDS, note_words=6)


def peak(script: str, *args: str) -> int:
    """The peak resident bytes a fresh process running `script` reports."""
    done = subprocess.run([sys.executable, "-c", script, *args], check=True,
                          capture_output=True, text=True)
    return int(done.stdout.split()[-1])


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="pact-bench-") as folder:
        path = Path(folder) / f"memory-{ACTIONS}.json"
        write_session(path, programme(ACTIONS))
        size = path.stat().st_size
        read = peak(_READ, str(path))
        app = peak(_APP, str(path), str(ACTIONS))
    file_size = "the file's size"
    return [
        Figure(name=f"peak memory, read_session of {ACTIONS:,} actions", value=read / MB,
               unit="MB", baseline_name=file_size, baseline_value=size / MB,
               target_ratio=TARGET),
        Figure(name=f"peak memory, the app opening {ACTIONS:,} actions to the grid",
               value=app / MB, unit="MB", baseline_name=file_size, baseline_value=size / MB,
               target_ratio=TARGET),
    ]

"""Benchmark: the action grid with thousands of rows vs a minimal Textual app and a small file.

- Opening a 5,000-action file to an interactive grid with the real command
  (`pact-tui open`) vs starting a minimal Textual app (a Label), each in a fresh Python
  process from start to the first frame drawn, turn about (see bench/apps.py). Target:
  at most 2x (a DataTable measuring every cell costs about 3x). The grid itself draws
  only the lines on screen; most of the difference is importing pydantic and the model,
  and the store reading and validating 5,000 items.
- CPU per keystroke typing in a grid cell at 5,000 actions vs at 50, and CPU per key
  moving the cursor (down to the 50th row and up again, so that every key moves it in
  both files), measured with `time.process_time` around many
  Pilot presses in one process. Target: at most 1.2x (a key must not cost more in a
  bigger file).
- CPU of the app's own thread per keystroke while typing whole rows (Tab commits each
  cell, which re-filters the rows and hands the change to the saver thread) at 5,000
  vs 50. The saver thread's whole-file writes are left out on purpose: they run beside
  the typing, not in its way. Target: at most 1.2x.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.apps import (
    MINIMAL_READY,
    PACT_TUI,
    compile_bytecode,
    grid_ready,
    hooked_environment,
    interleaved,
    minimal_command,
    seconds_to_first_frame,
)
from bench.harness import Figure
from pact_tui.model import Action, PartyRef, Planning, Session, SessionMeta
from pact_tui.store import create_session, load_profile

BIG = 5_000
SMALL = 50
OPEN_REPEATS = 5
KEYSTROKES = 200
ROW_KEYS = "Actie tekst\tDoel tekst\t2\t1\tHoorn; Opm\tEnk\t3\t"
ROWS_TYPED = 3
OPEN_TARGET = 2.0
KEY_TARGET = 1.2

SIZE = (120, 40)


def session_file(folder: Path, actions: int) -> Path:
    """A session shaped like a real one (every column used), with `actions` actions."""
    profile = load_profile(None)
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


def open_figure(path: Path) -> Figure:
    compile_bytecode()
    with hooked_environment(SIZE) as env:
        command = [str(PACT_TUI), "open", str(path)]
        fresh, fresh_minimal = interleaved(
            lambda: seconds_to_first_frame(command, env, grid_ready(BIG), cwd=path.parent),
            lambda: seconds_to_first_frame(minimal_command(env), env, MINIMAL_READY),
            OPEN_REPEATS)
    return Figure(name=f"`pact-tui open` {BIG} actions to an interactive grid", value=fresh,
                  unit="s", baseline_name="minimal Textual app, fresh process",
                  baseline_value=fresh_minimal, target_ratio=OPEN_TARGET)


async def _typing_cost(path: Path, keys: list[str], clock: Callable[[], float],
                       editing: bool = True) -> float:
    """`clock` seconds per key for pressing `keys` in the Acties grid of `path`.

    With `editing`, the keys go into the first row's Actie cell, open for editing;
    otherwise they move the cursor from the first row.
    """
    from pact_tui.tui.app import PactApp
    from pact_tui.tui.screens.actions import ActionsScreen

    app = PactApp(path, sessions_dir=path.parent, exports_dir=path.parent)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("ctrl+home", "tab")  # the first row's Actie
        if editing:
            await pilot.press("enter")
        await pilot.press(*keys[:20])  # warm up
        if not editing:
            await pilot.press("ctrl+home")  # the moves start from the first row
        started = clock()
        await pilot.press(*keys)
        spent = clock() - started
        if not editing:  # every key moved: the cursor is where the moves lead
            screen = app.screen
            assert isinstance(screen, ActionsScreen)
            ends = keys.count("down") - keys.count("up")
            assert screen.grid.cursor_row == ends, (screen.grid.cursor_row, ends)
        if editing:
            await pilot.press("escape")
        assert app.editor is not None
        app.editor.flush()
    return spent / len(keys)


def cursor_moves(count: int, rows: int) -> list[str]:
    """`count` keys that each move the cursor, from the first of `rows` rows: down to the
    last row, up to the first, and again. A key against the edge would do nothing and
    make a move look cheaper than it is, at 50 rows more often than at 5,000."""
    moves: list[str] = []
    while len(moves) < count:
        moves += ["down"] * (rows - 1) + ["up"] * (rows - 1)
    return moves[:count]


def _key_names(text: str) -> list[str]:
    names = {" ": "space", "\t": "tab", ":": "colon"}
    return [names.get(character, character) for character in text]


def typing_figures(big: Path, small: Path) -> list[Figure]:
    letters = _key_names(("regionale aanpak " * 40)[:KEYSTROKES])
    rows = _key_names(ROW_KEYS * ROWS_TYPED)

    moves = cursor_moves(KEYSTROKES, SMALL)

    def cost(path: Path, keys: list[str], clock: Callable[[], float],
             editing: bool = True) -> float:
        return min(asyncio.run(_typing_cost(path, keys, clock, editing)) for _ in range(3))

    key_big = cost(big, letters, time.process_time)
    key_small = cost(small, letters, time.process_time)
    move_big = cost(big, moves, time.process_time, editing=False)
    move_small = cost(small, moves, time.process_time, editing=False)
    row_big = cost(big, rows, time.thread_time)
    row_small = cost(small, rows, time.thread_time)
    ms = 1000
    return [
        Figure(name=f"CPU per keystroke in a cell, {BIG} actions", value=key_big * ms,
               unit="ms", baseline_name=f"same at {SMALL} actions",
               baseline_value=key_small * ms, target_ratio=KEY_TARGET),
        Figure(name=f"CPU per cursor move (down, up), {BIG} actions", value=move_big * ms,
               unit="ms", baseline_name=f"same at {SMALL} actions",
               baseline_value=move_small * ms, target_ratio=KEY_TARGET),
        Figure(name=f"app-thread CPU per key typing rows (Tab commits), {BIG} actions",
               value=row_big * ms, unit="ms", baseline_name=f"same at {SMALL} actions",
               baseline_value=row_small * ms, target_ratio=KEY_TARGET),
    ]


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        big, small = session_file(folder, BIG), session_file(folder, SMALL)
        return [open_figure(big), *typing_figures(big, small)]

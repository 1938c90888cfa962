"""Benchmark: typing the tally of a dot-voting round in voting mode.

- Keys per count for counts under 10, in the real app (digits, then Enter to set the
  count and move down; a row without votes is Enter alone), with every count checked
  in the file afterwards. Baseline: one key per row, the move alone. Target: at most 2x.
- Keys for a whole round on the demo programme's 36 actions, against the 80 keys a
  round may cost. Target: at most 1x.
- CPU of the app's own thread per key in voting mode at 5,000 actions vs at 50. Each
  count is a change handed to the saver thread; its whole-file writes run beside the
  typing and are left out, as in bench_tui. Target: at most 1.2x. The process CPU per
  key, saver included, is shown beside it without a target.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.harness import Figure
from pact_tui.demo.builder import build_demo_programme
from pact_tui.model import Action, Session, SessionMeta, VotingRound
from pact_tui.store import create_session, load_profile, read_session

BIG = 5_000
SMALL = 50
ROWS_TYPED = 40
KEYS_PER_ROW_TARGET = 2.0
DEMO_KEY_BUDGET = 80
CPU_TARGET = 1.2
SIZE = (120, 40)


def _counts(rows: int) -> list[int]:
    """Counts as stickers fall: some rows none, most a few (0–9)."""
    return [(row * 7 + 3) % 10 for row in range(rows)]


def _keys(counts: list[int]) -> list[str]:
    keys: list[str] = []
    for number in counts:
        keys += [*str(number), "enter"] if number else ["enter"]
    return keys


def _session_file(folder: Path, actions: int, tag: str = "") -> Path:
    profile = load_profile(None)
    themes = [theme.key for theme in profile.themes]
    voting = VotingRound(name="Stippen")
    items = tuple(Action(theme=themes[n % len(themes)], title=f"Actie {n}: regionale aanpak",
                         goal=f"Doel {n}", position=n) for n in range(actions))
    meta = SessionMeta(profile=profile, title=f"Stemmen {actions}", voting_rounds=(voting,))
    return create_session(folder / f"votes-{actions}{tag}.json", meta,
                          Session(meta=meta, actions=items))


async def _type_round(path: Path, keys: list[str], clock: Callable[[], float],
                      warm_up: int = 0) -> float:
    """`clock` seconds per key for `keys` typed in voting mode on the Acties of `path`."""
    from pact_tui.tui.app import PactApp
    from pact_tui.tui.screens.voting import VotingScreen

    app = PactApp(path, sessions_dir=path.parent, exports_dir=path.parent)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_phase("acties")
        await pilot.pause()
        await pilot.press("ctrl+g")
        while not isinstance(app.screen, VotingScreen):
            await pilot.pause(0.02)
        if app.screen.round is None:
            await pilot.press(*"Stippen", "enter")
        await pilot.press(*keys[:warm_up])
        started = clock()
        await pilot.press(*keys[warm_up:])
        spent = clock() - started
        assert app.editor is not None
        app.editor.flush()
    return spent / max(1, len(keys) - warm_up)


def _typed_counts(path: Path, rows: int) -> list[int]:
    session = read_session(path)
    voting = session.meta.voting_rounds[-1]
    ordered = sorted(session.actions, key=lambda action: action.position)
    return [action.votes.get(voting.id, 0) for action in ordered[:rows]]


def key_figures(folder: Path) -> list[Figure]:
    small = _session_file(folder, SMALL, "-keys")
    counts = _counts(ROWS_TYPED)
    keys = _keys(counts)
    asyncio.run(_type_round(small, keys, time.process_time))
    assert _typed_counts(small, ROWS_TYPED) == counts, "a count did not reach the file"

    demo = build_demo_programme()
    demo_path = create_session(folder / "demo.json", demo.meta, demo)
    demo_counts = _counts(len(demo.actions))
    demo_keys = _keys(demo_counts)
    asyncio.run(_type_round(demo_path, demo_keys, time.process_time))
    typed = sorted(read_session(demo_path).actions, key=lambda action: action.position)
    round_id = read_session(demo_path).meta.voting_rounds[-1].id
    assert [a.votes.get(round_id, 0) for a in typed] == demo_counts
    return [
        Figure(name=f"keys per count under 10, move included ({ROWS_TYPED} rows)",
               value=len(keys) / ROWS_TYPED, unit="keys",
               baseline_name="one key per row (the move alone)", baseline_value=1.0,
               target_ratio=KEYS_PER_ROW_TARGET),
        Figure(name=f"keys for a round on the demo's {len(demo.actions)} actions",
               value=len(demo_keys), unit="keys", baseline_name="budget for a round",
               baseline_value=DEMO_KEY_BUDGET, target_ratio=1.0),
    ]


def cpu_figures(folder: Path) -> list[Figure]:
    keys = _keys(_counts(ROWS_TYPED))
    made = iter(range(1_000))

    def cost(actions: int, clock: Callable[[], float]) -> float:
        # A fresh file each time: typing a count the row already has changes nothing.
        return min(asyncio.run(_type_round(_session_file(folder, actions, f"-{next(made)}"),
                                           keys, clock, warm_up=10)) for _ in range(3))

    ms = 1000
    thread_big, thread_small = cost(BIG, time.thread_time), cost(SMALL, time.thread_time)
    process_big, process_small = cost(BIG, time.process_time), cost(SMALL, time.process_time)
    return [
        Figure(name=f"app-thread CPU per key in voting mode, {BIG} actions",
               value=thread_big * ms, unit="ms", baseline_name=f"same at {SMALL} actions",
               baseline_value=thread_small * ms, target_ratio=CPU_TARGET),
        Figure(name=f"process CPU per key in voting mode (saver included), {BIG} actions",
               value=process_big * ms, unit="ms", baseline_name=f"same at {SMALL} actions",
               baseline_value=process_small * ms,
               note="the saver's whole-file writes grow with the file; shown, no target"),
    ]


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        return [*key_figures(folder), *cpu_figures(folder)]

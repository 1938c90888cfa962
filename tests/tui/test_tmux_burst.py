"""The real app in a real terminal (tmux): 22 rows sent as fast as tmux sends them.

Each row is one `tmux send-keys` command, sent one after another without waiting for
the screen, the way a fast typist or a paste hits the app; then an Esc and a letter
in one write. Every value is then read back from the file the app wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from bench.key_rows import ROWS, STAKEHOLDERS, app_keys
from pact_tui.model import Action, RegionProfile, Session, SessionMeta, Stakeholder
from pact_tui.model.rules import ordered_actions
from pact_tui.store import create_session, read_session

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TMUX_KEYS = {"tab": "Tab", "enter": "Enter", "right": "Right", "escape": "Escape",
             "ctrl+n": "C-n", "ctrl+t": "C-t", "ctrl+b": "C-b"}


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def literal(text: str) -> str:
    # tmux reads an argument ending in ";" as the end of its command.
    return text[:-1] + "\\;" if text.endswith(";") else text


def send_keys_command(target: str, keys: list[tuple[str, str | None]]) -> list[str]:
    """One tmux invocation typing `keys`: runs of characters literally, the rest by name."""
    args: list[str] = []
    text = ""

    def flush() -> None:
        nonlocal text
        if text:
            args.extend([*(";",) * bool(args), "send-keys", "-t", target, "-l", literal(text)])
            text = ""

    for key, character in keys:
        if key in TMUX_KEYS:
            flush()
            args.extend([*(";",) * bool(args), "send-keys", "-t", target, TMUX_KEYS[key]])
        else:
            assert character is not None
            text += character
    flush()
    return ["tmux", *args]


def wait_for(condition: object, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the app did not get there"
        time.sleep(0.2)


def test_twenty_two_rows_sent_through_tmux_arrive_whole(
    tmp_path: Path, profile: RegionProfile
) -> None:
    meta = SessionMeta(profile=profile, title="Werksessie tmux")
    session = Session(meta=meta, stakeholders=tuple(Stakeholder(name=n) for n in STAKEHOLDERS))
    path = create_session(tmp_path / "sessie.json", meta, session)
    name = f"capture-burst-{uuid.uuid4().hex[:8]}"
    command = f"{sys.executable} -m pact_tui --sessions-dir {tmp_path} open {path}"
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
                   check=True, env=env)
    try:
        wait_for(lambda: "F4 Acties" in tmux("capture-pane", "-p", "-t", name), 60)
        tmux("send-keys", "-t", name, "F4")
        wait_for(lambda: "nieuwe actie" in tmux("capture-pane", "-p", "-t", name), 60)
        for keys in app_keys():
            subprocess.run(send_keys_command(name, keys), check=True)
        # Then a title, Enter, and Esc with the first letter of the goal in one write:
        # the app reads them as Alt+d, and must take them as Esc, then d.
        tmux("send-keys", "-t", name, "-l", "Nog een actie", ";", "send-keys", "-t", name,
             "Enter", "Escape", "d", ";", "send-keys", "-t", name, "-l", "oel-x", ";",
             "send-keys", "-t", name, "Enter")

        def all_typed() -> bool:
            actions = read_session(path).actions
            return len(actions) == len(ROWS) + 1 and any(a.goal == "doel-x" for a in actions)

        wait_for(all_typed)
        actions = ordered_actions(read_session(path).actions)
    finally:
        subprocess.run(["tmux", "send-keys", "-t", name, "C-q"], check=False)
        time.sleep(0.5)
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)
    assert (actions[-1].title, actions[-1].goal) == ("Nog een actie", "doel-x")
    for action, row in zip(actions, ROWS, strict=False):
        assert (action.theme, action.title, action.goal, action.scale) == (
            row.theme, row.title, row.goal, row.scale)
        assert action.planning == row.planning, row.title
        assert tuple(p.name for p in action.parties) == row.parties, row.title
        assert action.lead is not None and action.lead.name == row.lead, row.title


BURST = "Veertig tekens in een adem getypt, ja!!"


def start_app(tmp_path: Path, profile: RegionProfile, *actions: Action) -> tuple[str, Path]:
    """The app in a new tmux session on the Acties screen of a session holding `actions`."""
    meta = SessionMeta(profile=profile, title="Werksessie tmux")
    path = create_session(tmp_path / "sessie.json", meta, Session(meta=meta, actions=actions))
    name = f"capture-esc-{uuid.uuid4().hex[:8]}"
    command = f"{sys.executable} -m pact_tui --sessions-dir {tmp_path} open {path}"
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", command],
                   check=True, env=env)
    wait_for(lambda: "Acties" in tmux("capture-pane", "-p", "-t", name), 60)
    return name, path


def stop_app(name: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", name, "C-q"], check=False)
    time.sleep(0.5)
    subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


@pytest.mark.parametrize("one_command", [False, True])
def test_esc_and_a_burst_of_forty_keys_is_esc_then_every_key(
    tmp_path: Path, profile: RegionProfile, one_command: bool
) -> None:
    assert len(BURST) >= 32
    action = Action(theme="wonen", title="Woningbouwmonitor", goal="Oud doel")
    name, path = start_app(tmp_path, profile, action)
    try:
        # On Doel: "Fout" starts editing it, Esc cancels, the burst is typed over it anew.
        tmux("send-keys", "-t", name, "Right", "Right")
        tmux("send-keys", "-t", name, "-l", "Fout")
        if one_command:
            tmux("send-keys", "-t", name, "Escape", BURST, "Enter")
        else:
            subprocess.run(f"tmux send-keys -t {name} Escape; tmux send-keys -t {name} -l "
                           f"'{BURST}'; tmux send-keys -t {name} Enter", shell=True, check=True)
        wait_for(lambda: read_session(path).actions[0].goal != "Oud doel")
        goal = read_session(path).actions[0].goal
    finally:
        stop_app(name)
    assert goal == BURST

"""A separate program that works on a session file, for the kill and lock tests.

    python writer.py edit FILE   edit actions in a loop; after each save returns, print
                                 "<action id> <revision>" (that change is reported as saved)
    python writer.py hold FILE   open the file, print "ready", then wait to be killed
"""

from __future__ import annotations

import sys
import time

from pact_tui.model import Action
from pact_tui.store import SessionFile


def edit(path: str) -> None:
    opened = SessionFile.open(path)
    if opened.read_only:
        sys.exit(f"read-only: {opened.locked_by}")
    actions = opened.list(Action)
    print("ready", flush=True)
    turn = 0
    while True:
        action = actions[turn % len(actions)]
        action = opened.update(action.edited(title=f"{action.id} revisie {action.revision + 1}"))
        actions[turn % len(actions)] = action
        print(action.id, action.revision, flush=True)
        turn += 1


def hold(path: str) -> None:
    opened = SessionFile.open(path)
    print("ready" if not opened.read_only else "read-only", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    {"edit": edit, "hold": hold}[sys.argv[1]](sys.argv[2])

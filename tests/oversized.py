"""A session file whose action holds a text far longer than any field may: 50 MB of goal."""

from __future__ import annotations

from pathlib import Path

from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.store import create_session

FIFTY_MB = 50_000_000
_MARK = "GOAL-TO-GROW"


def write_oversized(path: Path, profile: RegionProfile, length: int = FIFTY_MB) -> Path:
    """`path`: a valid session whose action ‘Bouwen’ then gets a goal of `length` characters,
    written into the file directly (the models refuse such a text, as they should)."""
    meta = SessionMeta(profile=profile, title="Werksessie Wonen")
    action = Action(theme="wonen", title="Bouwen", goal=_MARK)
    create_session(path, meta, Session(meta=meta, actions=(action,)))
    content = path.read_bytes()
    assert content.count(_MARK.encode()) == 1
    text = b"woord " * (length // 6) + b"x" * (length % 6)
    path.write_bytes(content.replace(_MARK.encode(), text))
    return path

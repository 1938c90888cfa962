"""A sessions folder as the home and merge screens list it."""

from __future__ import annotations

import os
from pathlib import Path

from pact_tui.model import RegionProfile, SessionMeta
from pact_tui.store import create_session
from pact_tui.store.folder import scan_sessions


def test_every_session_newest_first_and_a_broken_file_says_why(
        tmp_path: Path, profile: RegionProfile) -> None:
    old = create_session(tmp_path / "oud.json", SessionMeta(profile=profile, title="Oud"))
    new = create_session(tmp_path / "nieuw.json", SessionMeta(profile=profile, title="Nieuw"))
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet af", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("geen sessie", encoding="utf-8")
    for age, path in enumerate((broken, new, old)):
        os.utime(path, (1_700_000_000 - age * 60, 1_700_000_000 - age * 60))
    entries = scan_sessions(tmp_path)
    assert [entry.path for entry in entries] == [broken, new, old]
    assert entries[0].session is None and "kapot.json" in entries[0].problem
    assert entries[1].session is not None and entries[1].session.meta.title == "Nieuw"
    assert scan_sessions(tmp_path / "er niet") == []

"""A sessions folder as the home and merge screens list it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from pact_tui.model import RegionProfile, SessionMeta
from pact_tui.store import create_session
from pact_tui.store.folder import scan_sessions


def test_sessions_by_date_then_title_and_a_broken_file_last_saying_why(
        tmp_path: Path, profile: RegionProfile) -> None:
    old = create_session(tmp_path / "oud.json", SessionMeta(
        profile=profile, title="Oud", date=dt.date(2026, 1, 5)))
    second = create_session(tmp_path / "b.json", SessionMeta(
        profile=profile, title="Zuid", date=dt.date(2026, 2, 1)))
    first = create_session(tmp_path / "a.json", SessionMeta(
        profile=profile, title="Noord", date=dt.date(2026, 2, 1)))
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet af", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("geen sessie", encoding="utf-8")
    # The oldest session saved last: saving does not move a file up the list.
    for age, path in enumerate((old, broken, second, first)):
        os.utime(path, (1_700_000_000 - age * 60, 1_700_000_000 - age * 60))
    entries = scan_sessions(tmp_path)
    assert [entry.path for entry in entries] == [first, second, old, broken]
    assert entries[-1].session is None and "kapot.json" in entries[-1].problem
    assert entries[0].session is not None and entries[0].session.meta.title == "Noord"
    assert scan_sessions(tmp_path / "er niet") == []


def test_the_apps_own_json_files_are_not_listed_as_broken_sessions(
        tmp_path: Path, profile: RegionProfile) -> None:
    session = create_session(tmp_path / "sessie.json", SessionMeta(profile=profile, title="S"))
    (tmp_path / "import-mappings.json").write_text('{"mappings": {}}', encoding="utf-8")
    (tmp_path / "lijst.json").write_text("[1, 2]", encoding="utf-8")
    broken_meta = tmp_path / "half.json"
    broken_meta.write_text('{"meta": {"1": {"title": ""}}}', encoding="utf-8")
    entries = scan_sessions(tmp_path)
    assert sorted(entry.path.name for entry in entries) == ["half.json", "sessie.json"]
    assert next(e for e in entries if e.path == broken_meta).problem
    assert next(e for e in entries if e.path == session).session is not None


def test_a_sync_conflict_copy_is_listed_under_its_file_never_as_broken(
        tmp_path: Path, profile: RegionProfile) -> None:
    other = create_session(tmp_path / "a-eerder.json", SessionMeta(
        profile=profile, title="Eerder", date=dt.date(2026, 1, 5)))
    breakout = create_session(tmp_path / "breakout.json", SessionMeta(
        profile=profile, title="Breakout", date=dt.date(2026, 2, 1)))
    copy = tmp_path / "breakout (Anna's conflicted copy 2026-12-04).json"
    shutil.copyfile(breakout, copy)
    # OneDrive writes its copy in place: half of it is there yet.
    arriving = tmp_path / "breakout-LAPTOP-ANNA.json"
    arriving.write_bytes(breakout.read_bytes()[:40])
    # A name like OneDrive's, but a session of its own.
    third = create_session(tmp_path / "breakout-3.json", SessionMeta(
        profile=profile, title="Derde", date=dt.date(2026, 1, 1)))
    entries = scan_sessions(tmp_path)
    assert [(entry.path, entry.copy_of) for entry in entries] == [
        (breakout, None), (copy, breakout), (arriving, breakout), (other, None), (third, None)]
    assert not any(entry.problem for entry in entries)


def test_a_file_cut_short_moments_ago_is_arriving_a_whole_but_refused_one_is_not(
        tmp_path: Path, profile: RegionProfile) -> None:
    whole = create_session(tmp_path / "heel.json", SessionMeta(profile=profile, title="Heel"))
    content = whole.read_bytes()
    (tmp_path / "half.json").write_bytes(content[: len(content) // 2])
    # Parses, but its title is longer than any text may be: refused for what it holds.
    (tmp_path / "te-lang.json").write_bytes(content.replace(b'"Heel"', b'"' + b"x" * 10_001 + b'"'))
    entries = {entry.path.name: entry for entry in scan_sessions(tmp_path)}
    assert entries["half.json"].arriving
    assert not entries["te-lang.json"].arriving and entries["te-lang.json"].problem
    assert not entries["heel.json"].arriving

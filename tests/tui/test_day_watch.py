"""The day folder's watcher, looked at step by step (no thread): a file that stays cut short
is called unreadable only after a while, and a file made whole again is read at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.merge.day import new_breakout
from pact_tui.model import Action, Laptop, RegionProfile, Session, SessionMeta
from pact_tui.store import write_session
from pact_tui.tui.day import watch
from pact_tui.tui.day.watch import DayWatcher


def day(profile: RegionProfile, folder: Path) -> Session:
    programme = Session(meta=SessionMeta(profile=profile, title="Pact 7.1", kind="programme"))
    write_session(folder / "programma.json", programme)
    breakout = new_breakout(programme, "Wonen", Laptop(id="anna", name="laptop van Anna"))
    breakout = breakout.model_copy(update={"actions": (Action(theme="wonen", title="Tiny"),)})
    write_session(folder / "wonen.json", breakout)
    return breakout


def test_a_file_cut_short_is_still_arriving_then_unreadable_once_it_stays_so(
        profile: RegionProfile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day(profile, tmp_path)
    watcher = DayWatcher(tmp_path, lambda state: None)
    assert watcher.look()
    whole = (tmp_path / "wonen.json").read_bytes()
    (tmp_path / "wonen.json").write_bytes(whole[:-40])

    assert watcher.look()
    [wonen] = watcher.state().breakouts
    assert wonen.syncing and not wonen.problem
    assert [a.title for a in wonen.changes.added] == ["Tiny"]  # the last good version

    monkeypatch.setattr(watch, "UNREADABLE_AFTER", 0.0)
    assert watcher.look()
    [wonen] = watcher.state().breakouts
    assert not wonen.syncing and "wonen.json" in wonen.problem
    assert [a.title for a in wonen.changes.added] == ["Tiny"]

    (tmp_path / "wonen.json").write_bytes(whole)
    assert watcher.look()
    [wonen] = watcher.state().breakouts
    assert not wonen.syncing and not wonen.problem


def test_only_changed_files_are_read(
        profile: RegionProfile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    breakout = day(profile, tmp_path)
    watcher = DayWatcher(tmp_path, lambda state: None)
    read: list[str] = []
    real = watch.read_session

    def counted(path: Path) -> Session:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(watch, "read_session", counted)
    watcher.look()
    assert sorted(read) == ["programma.json", "wonen.json"]
    read.clear()
    assert not watcher.look() and read == []
    write_session(tmp_path / "wonen.json", breakout.model_copy(update={"actions": (
        *breakout.actions, Action(theme="wonen", title="Flexwoningen"))}), overwrite=True)
    assert watcher.look() and read == ["wonen.json"]


def test_a_programme_still_arriving_is_no_breakout(profile: RegionProfile, tmp_path: Path) -> None:
    day(profile, tmp_path)
    whole = (tmp_path / "programma.json").read_bytes()
    (tmp_path / "programma.json").write_bytes(whole[: len(whole) // 2])
    watcher = DayWatcher(tmp_path, lambda state: None)
    watcher.look()
    state = watcher.state()
    assert [file.path.name for file in state.breakouts] == ["wonen.json"]
    (tmp_path / "programma.json").write_bytes(whole)
    watcher.look()
    state = watcher.state()
    assert state.programme is not None and state.programme.title == "Pact 7.1"

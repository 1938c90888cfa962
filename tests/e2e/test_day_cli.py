"""`pact-tui day FOLDER [--new TITLE]`: a folder that is no folder is said in one sentence,
and --new makes a breakout of the folder's programme on this laptop before the app opens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pact_tui.model import Action, RegionProfile, Session, SessionMeta
from pact_tui.store import read_session, write_session


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What the app was started with, instead of starting it."""
    calls: list[dict[str, Any]] = []

    def run_app(path: Path | None, **options: Any) -> int:
        calls.append({"path": path, **options})
        return 0

    monkeypatch.setattr("pact_tui.tui.run_app", run_app)
    return calls


def test_a_folder_that_does_not_exist_is_said_in_one_sentence(cli, tmp_path: Path) -> None:
    run = cli("day", tmp_path / "nergens")
    assert run.code == 2
    assert run.err.strip().endswith(f"Map {tmp_path / 'nergens'} bestaat niet.")
    assert "Traceback" not in run.err


def test_a_file_is_no_day_folder(cli, tmp_path: Path) -> None:
    (tmp_path / "programma.json").write_text("{}")
    run = cli("day", tmp_path / "programma.json")
    assert run.code == 2 and "is een bestand, geen map" in run.err


def test_new_without_a_programme_is_refused(cli, tmp_path: Path, opened) -> None:
    run = cli("day", tmp_path, "--new", "Wonen")
    assert run.code == 2 and "staat geen programma" in run.err
    assert opened == []


def test_new_makes_a_breakout_of_this_laptop_and_opens_it_on_the_day(
        cli, tmp_path: Path, profile: RegionProfile, opened,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACT_TUI_LAPTOP_ID", "laptop-anna")
    monkeypatch.setenv("PACT_TUI_LAPTOP_NAME", "laptop van Anna")
    folder = tmp_path / "dag"
    folder.mkdir()
    programme = Session(meta=SessionMeta(profile=profile, title="Pact 7.1", kind="programme",
                                         date=dt.date(2026, 12, 4)),
                        actions=(Action(theme="wonen", title="Flexwoningen"),))
    write_session(folder / "programma.json", programme)
    run = cli("day", folder, "--new", "Breakout Wonen")
    assert run.code == 0
    [call] = opened
    assert call["day"] == folder
    made = read_session(call["path"])
    assert call["path"].parent == folder
    assert made.meta.title == "Breakout Wonen"
    assert made.meta.laptop is not None and made.meta.laptop.name == "laptop van Anna"
    assert made.meta.sources[0].session_id == programme.meta.id
    assert [a.title for a in made.actions] == ["Flexwoningen"]

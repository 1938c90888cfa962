"""Corrupted and invalid files are refused with one sentence and never written to."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pact_tui.model import Action
from pact_tui.store import InvalidFileError, SessionFile, read_session
from pact_tui.store.backups import backups_of


def corrupt(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_bytes())
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def refused(path: Path) -> InvalidFileError:
    """Open `path` both ways; both must refuse it and leave it byte for byte as it was."""
    before = path.read_bytes()
    with pytest.raises(InvalidFileError) as by_read:
        read_session(path)
    with pytest.raises(InvalidFileError) as by_open:
        SessionFile.open(path)
    assert str(by_open.value) == str(by_read.value)
    assert path.read_bytes() == before
    message = str(by_read.value)
    assert str(path) in message and message.count(". ") == 0 and message.endswith(".")
    return by_read.value


def test_truncated_json_is_refused(session_path: Path) -> None:
    session_path.write_bytes(session_path.read_bytes()[:-300])
    error = refused(session_path)
    assert "geen geldige JSON (regel" in str(error)


def test_garbage_bytes_are_refused(session_path: Path) -> None:
    session_path.write_bytes(b"\x00\xff\xfe garbage \x89PNG")
    assert "geen UTF-8" in str(refused(session_path))


def test_an_empty_file_is_refused(session_path: Path) -> None:
    session_path.write_bytes(b"")
    assert "leeg" in str(refused(session_path))


def test_an_unknown_theme_names_file_table_item_and_field(session_path: Path) -> None:
    corrupt(session_path, lambda data: data["actions"]["1"].update(theme="sport"))
    error = refused(session_path)
    assert "Actie, ‘Flexwoningen voor starters’, veld ‘thema’" in str(error)
    assert "sport" in str(error)
    assert error.problems[0].table == "actions"


def test_a_missing_title_names_the_field(session_path: Path) -> None:
    corrupt(session_path, lambda data: data["actions"]["1"].pop("title"))
    error = refused(session_path)
    assert "veld ‘titel’: ontbreekt" in str(error)


def test_every_problem_is_listed(session_path: Path) -> None:
    def break_two(data: dict[str, Any]) -> None:
        data["actions"]["1"]["theme"] = "sport"
        data["challenges"]["1"]["themes"] = []

    corrupt(session_path, break_two)
    assert {problem.table for problem in refused(session_path).problems} == {"actions",
                                                                              "challenges"}


def test_a_broken_meta_table_is_refused(session_path: Path) -> None:
    corrupt(session_path, lambda data: data.pop("meta"))
    assert "meta" in str(refused(session_path))


def test_the_last_good_backup_is_named(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="zorg", title="Eerste wijziging"))
    backup = backups_of(session_path)[0]
    session_path.write_bytes(session_path.read_bytes()[:100])
    error = refused(session_path)
    assert error.backup == backup
    assert str(backup) in str(error)
    assert read_session(backup).actions[0].title == "Flexwoningen voor starters"


def test_a_refused_file_leaves_no_lock_behind(session_path: Path) -> None:
    good = session_path.read_bytes()
    session_path.write_bytes(b"{")
    refused(session_path)
    session_path.write_bytes(good)
    with SessionFile.open(session_path) as opened:
        assert not opened.read_only

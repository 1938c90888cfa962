"""Two laptops on one day, simulated on one machine with PACT_TUI_LAPTOP_ID: a file kept
on one laptop opens read-only on the other, from the file alone, and a confirmed take-over
moves it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pact_tui.cli import main
from pact_tui.model import Laptop, Session
from pact_tui.store import ReadOnlyError, SessionFile, read_session, write_session
from pact_tui.store.laptop import laptop_file, this_laptop
from pact_tui.store.lock import lock_path

ANNA = Laptop(id="laptop-anna", name="laptop van Anna")


def on_laptop(monkeypatch: pytest.MonkeyPatch, laptop: Laptop) -> None:
    monkeypatch.setenv("PACT_TUI_LAPTOP_ID", laptop.id)
    monkeypatch.setenv("PACT_TUI_LAPTOP_NAME", laptop.name)


def kept_on(path: Path, session: Session, laptop: Laptop | None) -> Path:
    write_session(path, session.model_copy(
        update={"meta": session.meta.model_copy(update={"laptop": laptop})}))
    return path


def test_this_laptop_is_made_once_and_kept(config_folder: Path) -> None:
    first = this_laptop()
    assert laptop_file().is_relative_to(config_folder)
    assert this_laptop() == first
    assert json.loads(laptop_file().read_text("utf-8"))["id"] == first.id


def test_the_environment_stands_in_for_the_kept_laptop(monkeypatch: pytest.MonkeyPatch) -> None:
    on_laptop(monkeypatch, ANNA)
    assert this_laptop() == ANNA
    assert not laptop_file().exists()


def test_a_file_kept_on_another_laptop_opens_read_only_naming_it(
        tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    path = kept_on(tmp_path / "breakout.json", session, ANNA)
    on_laptop(monkeypatch, Laptop(id="laptop-bram", name="laptop van Bram"))
    with SessionFile.open(path) as file:
        assert file.read_only
        assert file.read_only_reason == ("het wordt bijgehouden op laptop van Anna, "
                                         "en alleen die laptop schrijft erin")
        assert file.locked_by == ""
        with pytest.raises(ReadOnlyError, match="laptop van Anna"):
            file.update(session.actions[0].edited(title="Anders"))
    assert read_session(path).actions[0].title == session.actions[0].title
    assert not lock_path(path).exists()  # no lock file left in the shared folder


def test_the_laptop_that_keeps_the_file_edits_it(
        tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    path = kept_on(tmp_path / "breakout.json", session, ANNA)
    on_laptop(monkeypatch, ANNA)
    with SessionFile.open(path) as file:
        assert not file.read_only
        file.update(session.actions[0].edited(title="Anders"))
    assert read_session(path).actions[0].title == "Anders"


def test_a_file_without_a_laptop_opens_for_editing_anywhere(
        tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    path = kept_on(tmp_path / "sessie.json", session, None)
    on_laptop(monkeypatch, ANNA)
    with SessionFile.open(path) as file:
        assert not file.read_only
    assert "laptop" not in json.loads(path.read_text("utf-8"))["meta"]["1"]


def test_the_owner_holds_even_when_the_lock_file_is_free(
        tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another laptop's lock never reaches this one: the file's own word decides."""
    path = kept_on(tmp_path / "breakout.json", session, ANNA)
    on_laptop(monkeypatch, Laptop(id="laptop-bram", name="laptop van Bram"))
    lock_path(path).write_text("")  # a lock file synced over, held by nobody here
    with SessionFile.open(path) as file:
        assert file.read_only and "laptop van Anna" in file.read_only_reason


def test_taking_over_writes_this_laptop_into_the_file(
        tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    path = kept_on(tmp_path / "breakout.json", session, ANNA)
    bram = Laptop(id="laptop-bram", name="laptop van Bram")
    on_laptop(monkeypatch, bram)
    with SessionFile.open(path, take_over=True) as file:
        assert not file.read_only
    assert read_session(path).meta.laptop == bram
    with SessionFile.open(path) as file:  # from now on Bram's without asking
        assert not file.read_only
    on_laptop(monkeypatch, ANNA)
    with SessionFile.open(path) as file:  # and Anna's laptop, back, reads it only
        assert file.read_only and "laptop van Bram" in file.read_only_reason


def test_session_new_laptop_makes_a_breakout_of_this_laptop(
        tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    programme = tmp_path / "programma.json"
    write_session(programme, session)
    on_laptop(monkeypatch, ANNA)
    code = main(["session", "new", "Breakout Wonen", "--from", str(programme), "--laptop",
                 "--sessions-dir", str(tmp_path)])
    assert code == 0
    made = Path(capsys.readouterr().out.strip())
    assert read_session(made).meta.laptop == ANNA

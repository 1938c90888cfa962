"""Every change takes one path: checked once, one revision up, only its lines rewritten."""

from __future__ import annotations

import errno
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from pact_tui.editor import SessionEditor
from pact_tui.model import (
    ITEM_KINDS,
    Action,
    Item,
    RegionProfile,
    Session,
    SessionMeta,
    Stakeholder,
)
from pact_tui.model import validation as model_validation
from pact_tui.store import SaveError, SessionFile, read_session, session_file, write_session

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Item]]:
    """Every item checked against a profile, wherever the check is called from."""
    seen: list[Item] = []
    real = model_validation.check_against_profile

    def counting(item: Item, profile: RegionProfile) -> Any:
        seen.append(item)
        return real(item, profile)

    monkeypatch.setattr(model_validation, "check_against_profile", counting)
    monkeypatch.setattr(session_file, "check_against_profile", counting)
    yield seen


def stored_action(path: Path) -> Action:
    return read_session(path).actions[0]


def test_an_edit_in_the_app_is_checked_once_and_one_revision_up(session_path: Path,
                                                                checks: list[Item]) -> None:
    before = stored_action(session_path)
    editor = SessionEditor(SessionFile.open(session_path), dispatch=lambda callback: callback())
    try:
        editor.update(editor.items(Action)[0], goal="200 woningen in 2028")
        editor.add(Action(theme="zorg", title="Mantelzorgers ontlasten"))
        assert editor.flush()
        assert len(checks) == 2  # the edit and the addition, once each
        checks.clear()
        editor.undo()  # removes the addition: nothing to check
        editor.undo()  # brings the old goal back: checked once, by the store
        assert editor.flush()
        assert len(checks) == 1
    finally:
        editor.close()
    after = stored_action(session_path)
    assert after.goal == before.goal
    assert after.revision == before.revision + 2  # the edit, then its undo
    assert [action.title for action in read_session(session_path).actions] == [
        "Flexwoningen voor starters"]


@pytest.mark.parametrize("how", ["edited", "copied"])
def test_an_update_is_one_revision_up_however_it_was_made(session_path: Path, how: str,
                                                          checks: list[Item]) -> None:
    with SessionFile.open(session_path) as opened:
        action = opened.list(Action)[0]
        if how == "edited":
            changed = action.edited(goal="anders")
        else:
            changed = action.model_copy(update={"goal": "anders"})
        assert opened.update(changed).revision == action.revision + 1
        assert len(checks) == 1
    assert stored_action(session_path).revision == action.revision + 1


def test_replace_all_gives_a_changed_item_one_revision(session_path: Path,
                                                       session: Session) -> None:
    action = session.actions[0]
    copied = action.model_copy(update={"goal": "zonder eigen revisie"})
    edited = session.stakeholders[0].edited(contact="wethouder@hoorn.nl")
    with SessionFile.open(session_path) as opened:
        opened.replace_all(session.model_copy(update={"actions": (copied,),
                                                      "stakeholders": (edited,)}))
    stored = read_session(session_path)
    assert stored.actions[0].revision == action.revision + 1
    assert stored.stakeholders[0].revision == session.stakeholders[0].revision + 1
    assert stored.status == session.status  # untouched items keep their revision


def test_replace_all_checks_only_what_it_brings(session_path: Path, session: Session,
                                                checks: list[Item]) -> None:
    new = Action(theme="zorg", title="Nieuw")
    with SessionFile.open(session_path) as opened:
        opened.replace_all(session.model_copy(update={"actions": (*session.actions, new)}))
    assert checks == [new]


def test_an_unchanged_update_writes_nothing(session_path: Path) -> None:
    before = session_path.stat().st_mtime_ns, session_path.read_bytes()
    with SessionFile.open(session_path) as opened:
        action = opened.list(Action)[0]
        assert opened.update(action.model_copy()) == action
        opened.replace_all(opened.snapshot())
        opened.update_meta(opened.meta.model_copy())
    assert (session_path.stat().st_mtime_ns, session_path.read_bytes()) == before


def changes(session: Session) -> list[Callable[[SessionFile], object]]:
    action = session.actions[0]
    return [
        lambda opened: opened.add(Action(theme="zorg", title="Erbij")),
        lambda opened: opened.update(action.edited(goal="anders")),
        lambda opened: opened.delete(Stakeholder, session.stakeholders[0].id),
        lambda opened: opened.update_meta(opened.meta.model_copy(update={"title": "Nieuw"})),
        lambda opened: opened.replace_all(session.model_copy(update={"actions": ()})),
    ]


@pytest.mark.parametrize("number", range(5))
def test_every_kind_of_change_fails_the_same_clean_way(session_path: Path, session: Session,
                                                       number: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before = session_path.read_bytes()
    with SessionFile.open(session_path) as opened:
        monkeypatch.setattr(session_file, "write_atomic", disk_full)
        with pytest.raises(SaveError, match="No space left"):
            changes(session)[number](opened)
        assert opened.snapshot() == session
        monkeypatch.undo()
        opened.add(Action(theme="zorg", title="Na de storing"))
    assert session_path.read_bytes() != before
    assert read_session(session_path).actions[-1].title == "Na de storing"


def test_an_edit_rewrites_only_its_own_line(tmp_path: Path, session: Session) -> None:
    actions = tuple(Action(theme="wonen", title=f"Actie {number}") for number in range(600))
    path = tmp_path / "groot.json"
    write_session(path, session.model_copy(update={"actions": actions}))
    lines_before = path.read_text(encoding="utf-8").splitlines()
    with SessionFile.open(path) as opened:
        opened.update(opened.list(Action)[300].edited(goal="alleen deze"))
    lines_after = path.read_text(encoding="utf-8").splitlines()
    changed = [index for index, (old, new) in enumerate(zip(lines_before, lines_after,
                                                            strict=True)) if old != new]
    assert changed == [301]


def test_a_file_in_another_layout_opens_and_is_saved_in_ours(session_path: Path,
                                                             session: Session) -> None:
    # TinyDB's own JSONStorage writes the whole file on one line.
    session_path.write_text(json.dumps(json.loads(session_path.read_bytes())), encoding="utf-8")
    assert read_session(session_path) == session
    with SessionFile.open(session_path) as opened:
        opened.update(opened.list(Action)[0].edited(goal="anders"))
    text = session_path.read_text(encoding="utf-8")
    assert len(text.splitlines()) > len(ITEM_KINDS)
    assert read_session(session_path).actions[0].goal == "anders"


def plain_tinydb(path: Path) -> Session:
    """The session as plain TinyDB reads the file, documents made models afterwards."""
    database = TinyDB(path, encoding="utf-8")
    try:
        assert database.tables() == {"meta", *ITEM_KINDS}
        (meta,) = database.table("meta").all()
        return Session(meta=SessionMeta.model_validate(meta), **{
            table: tuple(kind.model_validate(document) for document in database.table(table))
            for table, kind in ITEM_KINDS.items()})
    finally:
        database.close()


def test_plain_tinydb_opens_an_edited_session(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="zorg", title="Erbij"))
        opened.update(opened.list(Action)[0].edited(goal="anders"))
        opened.delete(Stakeholder, opened.list(Stakeholder)[0].id)
        expected = opened.snapshot()
    assert plain_tinydb(session_path) == expected


def test_plain_tinydb_opens_a_programme(tmp_path: Path, session: Session) -> None:
    meta = session.meta.model_copy(update={"kind": "programme", "title": "Programma"})
    programme = session.model_copy(update={"meta": meta})
    path = tmp_path / "programma.json"
    write_session(path, programme)
    with SessionFile.open(path) as opened:
        opened.replace_all(programme.model_copy(update={"actions": ()}))
        expected = opened.snapshot()
    assert expected.meta.kind == "programme"
    assert plain_tinydb(path) == expected


def test_plain_tinydb_opens_a_migrated_file(tmp_path: Path) -> None:
    path = Path(shutil.copy(FIXTURES / "schema-v1.json", tmp_path / "oud.json"))
    with SessionFile.open(path) as opened:  # upgraded on open
        expected = opened.snapshot()
    assert plain_tinydb(path) == expected

"""SessionFile: typed operations per kind, each saved at once, and files any TinyDB can open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tinydb import TinyDB

from pact_tui.model import (
    ITEM_KINDS,
    Action,
    Challenge,
    InvalidItemError,
    Item,
    Session,
    Stakeholder,
)
from pact_tui.store import (
    DuplicateItemError,
    FileExistsStoreError,
    ItemNotFoundError,
    SessionFile,
    create_session,
    read_session,
    session_filename,
    write_session,
)
from pact_tui.store.encoding import encode


def fresh_encoding(path: Path) -> bytes:
    """What the file would hold if every document were serialized afresh."""
    return b"".join(encode(json.loads(path.read_bytes())))


def test_every_kind_survives_write_and_read(session_path: Path, session: Session) -> None:
    assert read_session(session_path) == session


def test_every_kind_round_trips_through_a_session_file(tmp_path: Path, session: Session) -> None:
    path = create_session(tmp_path / "leeg.json", session.meta)
    with SessionFile.open(path) as opened:
        for table in ITEM_KINDS:
            for item in session.items(table):
                assert opened.add(item) == item
        for table, kind in ITEM_KINDS.items():
            assert opened.list(kind) == list(session.items(table))
            for item in session.items(table):
                assert opened.get(kind, item.id) == item
        assert opened.snapshot() == session
    assert read_session(path) == session


def test_update_and_delete_are_on_disk_when_they_return(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        action = opened.list(Action)[0]
        edited = opened.update(action.edited(goal="200 woningen in 2028"))
        assert read_session(session_path).actions[0].goal == "200 woningen in 2028"
        assert edited.revision == action.revision + 1
        stakeholder = opened.list(Stakeholder)[0]
        opened.delete(Stakeholder, stakeholder.id)
        assert read_session(session_path).stakeholders == ()
        opened.delete(Stakeholder, stakeholder.id)  # already gone: nothing happens
        assert opened.last_saved is not None


def test_an_update_without_a_revision_bump_is_still_saved(session_path: Path) -> None:
    # Merge compares revisions, so an item changed without edited() is bumped by the store.
    with SessionFile.open(session_path) as opened:
        action = opened.list(Action)[0]
        stored = opened.update(action.model_copy(update={"title": "Andere titel"}))
        assert stored.revision == action.revision + 1
    assert read_session(session_path).actions[0].title == "Andere titel"


def test_the_file_always_equals_a_fresh_serialization(tmp_path: Path, session: Session) -> None:
    path = create_session(tmp_path / "veel.json", session.meta)
    with SessionFile.open(path) as opened:
        actions = [opened.add(Action(theme="wonen", title=f"Actie {n}")) for n in range(700)]
        for number, action in enumerate(actions):
            if number % 3 == 0:
                opened.delete(Action, action.id)
            elif number % 5 == 1:
                opened.update(action.edited(goal="doel"))
        opened.add(Challenge(title="Nieuw", themes=("zorg",)))
        assert path.read_bytes() == fresh_encoding(path)
        snapshot = opened.snapshot()
    assert read_session(path) == snapshot


def test_plain_tinydb_opens_the_file(session_path: Path, session: Session) -> None:
    with SessionFile.open(session_path) as opened:
        opened.update(opened.list(Action)[0].edited(notes="via TinyDB te lezen"))
        expected = opened.snapshot()
    database = TinyDB(session_path)
    try:
        assert database.tables() == {"meta", *ITEM_KINDS}
        assert database.table("meta").all() == [expected.meta.model_dump(mode="json")]
        for table in ITEM_KINDS:
            stored = database.table(table).all()
            assert stored == [item.model_dump(mode="json") for item in expected.items(table)]
    finally:
        database.close()


def test_the_file_is_readable_json_one_document_per_line(session_path: Path) -> None:
    text = session_path.read_text(encoding="utf-8")
    assert "Flexwoningen voor starters" in text  # UTF-8, not \\u escapes
    lines = [line for line in text.splitlines() if '"title": "Flexwoningen voor starters"' in line]
    assert len(lines) == 1 and lines[0].startswith('"1": {')
    assert json.loads(text)["actions"]["1"]["title"] == "Flexwoningen voor starters"


def test_replace_all_swaps_the_whole_content(session_path: Path, session: Session) -> None:
    with SessionFile.open(session_path) as opened:
        extra = opened.add(Action(theme="zorg", title="Extra actie"))
        opened.replace_all(session)
        snapshot = opened.snapshot()
        # The file remembers what left it (a tombstone), the rest is `session` exactly.
        assert [d.item_id for d in snapshot.meta.deletions] == [extra.id]
        assert snapshot.model_copy(update={"meta": session.meta}) == session
        opened.add(Action(theme="zorg", title="Daarna"))
    assert [action.title for action in read_session(session_path).actions] == [
        "Flexwoningen voor starters", "Daarna"]


def test_items_outside_the_profile_are_refused(session_path: Path) -> None:
    before = session_path.read_bytes()
    with SessionFile.open(session_path) as opened:
        with pytest.raises(InvalidItemError, match="sport"):
            opened.add(Action(theme="sport", title="Sporthal"))
        action = opened.list(Action)[0]
        with pytest.raises(InvalidItemError, match="schaalniveau"):
            opened.update(action.edited(scale="wereld"))
        assert opened.get(Action, action.id) == action
    assert session_path.read_bytes() == before


def test_duplicate_and_missing_items_are_refused(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        action = opened.list(Action)[0]
        with pytest.raises(DuplicateItemError):
            opened.add(action)
        with pytest.raises(ItemNotFoundError):
            opened.update(Action(theme="wonen", title="Nooit opgeslagen"))


def test_a_new_profile_must_fit_every_item(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        themes = tuple(theme for theme in opened.meta.profile.themes if theme.key != "wonen")
        smaller = opened.meta.profile.model_copy(update={"themes": themes})
        with pytest.raises(InvalidItemError, match="wonen"):
            opened.update_meta(opened.meta.model_copy(update={"profile": smaller}))
        opened.update_meta(opened.meta.model_copy(update={"title": "Werksessie Wonen II"}))
    assert read_session(session_path).meta.title == "Werksessie Wonen II"


def test_existing_files_are_not_overwritten(session_path: Path, session: Session) -> None:
    before = session_path.read_bytes()
    with pytest.raises(FileExistsStoreError, match=session_path.name):
        write_session(session_path, session.model_copy(update={"actions": ()}))
    with pytest.raises(FileExistsStoreError):
        create_session(session_path, session.meta)
    assert session_path.read_bytes() == before
    write_session(session_path, session.model_copy(update={"actions": ()}), overwrite=True)
    assert read_session(session_path).actions == ()


def test_create_session_makes_the_folder(tmp_path: Path, session: Session) -> None:
    path = create_session(tmp_path / "sessions" / session_filename(session.meta), session.meta,
                          session)
    assert path.name == "2026-11-28-werksessie-wonen.json"
    assert read_session(path).actions == session.actions


def test_session_filename_is_safe(session: Session) -> None:
    meta = session.meta.model_copy(update={"title": "Ééntje: wonen/zorg — ‘sessie’ 2?"})
    assert session_filename(meta) == "2026-11-28-eentje-wonen-zorg-sessie-2.json"
    emoji_only = session.meta.model_copy(update={"title": "🏠"})
    assert session_filename(emoji_only) == "2026-11-28-sessie.json"


def test_list_returns_models_of_the_kind(session_path: Path) -> None:
    with SessionFile.open(session_path) as opened:
        kinds: list[type[Item]] = list(ITEM_KINDS.values())
        for kind in kinds:
            assert all(isinstance(item, kind) for item in opened.list(kind))


def test_tables_pact_tui_does_not_know_are_kept(session_path: Path, session: Session) -> None:
    database = TinyDB(session_path, encoding="utf-8")
    database.table("notities").insert({"tekst": "van een ander programma"})
    database.close()
    assert read_session(session_path) == session
    with SessionFile.open(session_path) as opened:
        opened.add(Action(theme="zorg", title="Nog een actie"))
        opened.replace_all(session)
    assert json.loads(session_path.read_bytes())["notities"] == {
        "1": {"tekst": "van een ander programma"}}


def test_replace_all_rewrites_only_what_changed(tmp_path: Path, session: Session) -> None:
    path = create_session(tmp_path / "bulk.json", session.meta)
    with SessionFile.open(path) as opened:
        for number in range(300):
            opened.add(Action(theme="wonen", title=f"Actie {number}"))
        before = opened.snapshot()
        lines_before = path.read_text(encoding="utf-8").splitlines()
        actions = list(before.actions)
        actions[10] = actions[10].edited(goal="bijgewerkt")
        del actions[20]
        actions.append(Action(theme="zorg", title="Nieuw"))
        after = before.model_copy(update={"actions": tuple(actions)})
        opened.replace_all(after)
        snapshot = opened.snapshot()
        assert snapshot.model_copy(update={"meta": after.meta}) == after
        assert [d.item_id for d in snapshot.meta.deletions] == [before.actions[20].id]
        assert path.read_bytes() == fresh_encoding(path)
        lines_after = path.read_text(encoding="utf-8").splitlines()
        changed = set(lines_after) ^ set(lines_before)
        # Old and new line of the edited action, the removed one, the new one, the old
        # last line without and with its comma, and the meta line before and after its
        # tombstone: the other 298 lines stay as they were.
        assert len(changed) == 8
        reordered = snapshot.model_copy(update={"actions": tuple(reversed(actions))})
        opened.replace_all(reordered)
        opened.update(opened.list(Action)[0].edited(notes="daarna"))
        assert path.read_bytes() == fresh_encoding(path)
        expected = opened.snapshot()
    assert read_session(path) == expected


def test_replace_all_refuses_an_invalid_session(session_path: Path, session: Session) -> None:
    before = session_path.read_bytes()
    twice = session.model_copy(update={"actions": session.actions * 2})
    outside = session.model_copy(update={"actions": (Action(theme="sport", title="Sporthal"),)})
    with SessionFile.open(session_path) as opened:
        with pytest.raises(InvalidItemError, match="meer dan eens"):
            opened.replace_all(twice)
        with pytest.raises(InvalidItemError, match="sport"):
            opened.replace_all(outside)
        assert opened.snapshot() == session
    assert session_path.read_bytes() == before


def test_a_meta_document_under_another_doc_id_is_updated_in_place(session_path: Path,
                                                                   session: Session) -> None:
    data = json.loads(session_path.read_bytes())
    data["meta"] = {"7": data["meta"]["1"]}
    session_path.write_text(json.dumps(data), encoding="utf-8")
    with SessionFile.open(session_path) as opened:
        opened.update_meta(opened.meta.model_copy(update={"location": "Enkhuizen"}))
        opened.replace_all(session.model_copy(update={"meta": opened.meta}))
    assert list(json.loads(session_path.read_bytes())["meta"]) == ["7"]
    assert read_session(session_path).meta.location == "Enkhuizen"

"""What a saved file remembers for merging its own copies: each item's trail, and a tombstone
for each item that left it."""

from __future__ import annotations

import json
from pathlib import Path

from pact_tui.model import (
    Action,
    Commitment,
    Deletion,
    Session,
    StatusNote,
    common_version,
    now_utc,
    past_versions,
)
from pact_tui.store import SessionFile, read_session


def test_every_saved_edit_leaves_the_old_version_on_the_trail(session_path: Path,
                                                                session: Session) -> None:
    first = session.actions[0]
    with SessionFile.open(session_path) as opened:
        opened.update(opened.revised(first, {"title": "Flexwoningen voor spoedzoekers"},
                                     session.profile))
        stored = opened.update(opened.list(Action)[0].edited(goal="180 woningen"))
    reread = read_session(session_path).actions[0]
    assert reread == stored
    assert [content["title"] for _, _, content in past_versions(reread)] == [
        "Flexwoningen voor spoedzoekers", "Flexwoningen voor spoedzoekers", first.title]
    assert common_version(reread, first) == (first.fingerprint(), first.content())


def test_a_copy_with_new_values_still_gets_its_step(session_path: Path, session: Session) -> None:
    first = session.actions[0]
    with SessionFile.open(session_path) as opened:
        # Made without edited(): the store bumps the revision and records the step itself.
        opened.update(first.model_copy(update={"title": "Anders"}))
        twice = opened.list(Action)[0]
        opened.update(twice.model_copy(update={"goal": "Meer", "revision": twice.revision + 1}))
    reread = read_session(session_path).actions[0]
    assert [content["title"] for _, _, content in past_versions(reread)] == [
        "Anders", "Anders", first.title]
    assert common_version(reread, first) == (first.fingerprint(), first.content())


def test_a_deleted_item_leaves_a_tombstone_and_undo_takes_it_away(
        session_path: Path, session: Session) -> None:
    note = session.status[0]
    with SessionFile.open(session_path) as opened:
        opened.delete(StatusNote, note.id)
        (tombstone,) = read_session(session_path).meta.deletions
        assert (tombstone.table, tombstone.item_id, tombstone.fingerprint,
                tombstone.revision) == ("status", note.id, note.fingerprint(), note.revision)
        opened.add(note)
    assert read_session(session_path).meta.deletions == ()
    assert "deletions" not in json.loads(session_path.read_bytes())["meta"]["1"]


def test_replace_all_leaves_a_tombstone_per_item_it_removes(session_path: Path,
                                                            session: Session) -> None:
    with SessionFile.open(session_path) as opened:
        opened.replace_all(session.model_copy(update={"actions": (), "commitments": ()}))
    deletions = read_session(session_path).meta.deletions
    assert {(d.table, d.item_id) for d in deletions} == {
        ("actions", session.actions[0].id), ("commitments", session.commitments[0].id)}


def test_a_new_meta_without_the_tombstones_keeps_them(session_path: Path,
                                                      session: Session) -> None:
    with SessionFile.open(session_path) as opened:
        opened.delete(Commitment, session.commitments[0].id)
        # The editor keeps its own meta, which never saw the tombstone.
        opened.update_meta(session.meta.model_copy(update={"title": "Nieuwe titel"}))
        opened.replace_all(session.model_copy(update={"commitments": ()}))
    meta = read_session(session_path).meta
    assert meta.title == session.meta.title
    assert [d.item_id for d in meta.deletions] == [session.commitments[0].id]


def test_a_tombstone_the_new_meta_already_has_is_not_doubled(session_path: Path,
                                                             session: Session) -> None:
    action = session.actions[0]
    # A settled merge names the deletion itself; the store then removes the item.
    tombstone = Deletion(table="actions", item_id=action.id, fingerprint=action.fingerprint(),
                         revision=action.revision, at=now_utc())
    meta = session.meta.model_copy(update={"deletions": (tombstone,)})
    with SessionFile.open(session_path) as opened:
        opened.replace_all(session.model_copy(update={"meta": meta, "actions": ()}))
    deletions = read_session(session_path).meta.deletions
    assert [d.item_id for d in deletions] == [action.id]

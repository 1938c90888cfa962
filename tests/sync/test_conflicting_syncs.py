"""One session file edited on two laptops at once, a hundred times over, through the sync
engine stand-in: each time the engine sets one version aside as a conflict copy (named as
Syncthing, OneDrive, Dropbox or Nextcloud would), the app merges it back, and no word typed
on either laptop is lost."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from pact_tui.editor.sync_merge import merge_conflict_copy
from pact_tui.model import ITEM_KINDS, Action, RegionProfile
from pact_tui.store import SessionFile, create_session, read_session
from pact_tui.store.laptop import ID_VARIABLE, NAME_VARIABLE
from pact_tui.store.sync_copies import conflict_copies
from tests.sync.conftest import BREAKOUT, breakout_session
from tests.sync.engine import FLAVOURS, IN_PLACE_BY_DEFAULT, SyncEngine

ROUNDS = 100  # a multiple of ten: the words are counted every tenth round
PEOPLE = (("anna", "laptop van Anna"), ("bert", "laptop van Bert"), ("carla", "laptop van Carla"))
# Fields a facilitator types in; two laptops editing one of them in one action is a real conflict.
TYPED_FIELDS = ("title", "goal", "notes")


def words_kept(path: Path) -> set[str]:
    """Every word in the file's items and in their history: the versions that lost a
    conflict, kept on the item, or in `meta.removed` when the deletion was kept."""
    session = read_session(path)
    texts = [json.dumps(past.content, ensure_ascii=False) for past in session.meta.removed]
    for table in ITEM_KINDS:
        for item in session.items(table):
            texts.append(json.dumps(item.content(), ensure_ascii=False))
            texts.extend(json.dumps(past.content, ensure_ascii=False) for past in item.history)
    return set(re.findall(r"\w+", " ".join(texts)))


def as_laptop(monkeypatch: pytest.MonkeyPatch, person: int) -> None:
    laptop_id, name = PEOPLE[person]
    monkeypatch.setenv(ID_VARIABLE, laptop_id)
    monkeypatch.setenv(NAME_VARIABLE, name)


def type_on(path: Path, person: int, turn: int, rng: random.Random) -> set[str]:
    """Add a word to one field of an action, and every fourth turn a new action; the words
    typed. (The file stays small, so a hundred rounds stay quick.)"""
    new_word, edit_word = (f"{PEOPLE[person][0]}{turn:03d}{kind}" for kind in ("nieuw", "bij"))
    with SessionFile.open(path) as file:
        assert not file.read_only, file.read_only_reason
        actions = file.list(Action)
        # One of the first few: now and then both laptops type in the same field.
        action = rng.choice(actions[:4])
        field = rng.choice(TYPED_FIELDS)
        file.update(action.edited(**{field: f"{getattr(action, field)} {edit_word}".strip()}))
        if turn % 4 != person:
            return {edit_word}
        file.add(Action(theme="wonen", title=f"Actie {new_word}", position=len(actions)))
    return {new_word, edit_word}


def test_a_hundred_conflicting_syncs_lose_no_word(
        laptops_in_memory: tuple[Path, Path], profile: RegionProfile,
        monkeypatch: pytest.MonkeyPatch) -> None:
    laptops = laptops_in_memory
    rng = random.Random(20261204)
    # Kept on no laptop (a programme two facilitators edit; a breakout taken over while its
    # laptop was offline comes to the same): both laptops write it.
    session = breakout_session(profile)
    create_session(laptops[0] / BREAKOUT, session.meta, session)
    sync = SyncEngine(laptops, piece_pause=0.0, seed=11)
    sync.sync_once()
    typed = words_kept(laptops[0] / BREAKOUT)
    engines_seen: set[str] = set()
    open_conflicts = 0
    for turn in range(ROUNDS):
        sync.flavour = FLAVOURS[turn % len(FLAVOURS)]
        sync.in_place = sync.flavour in IN_PLACE_BY_DEFAULT
        for person, folder in enumerate(laptops):
            as_laptop(monkeypatch, person)
            typed |= type_on(folder / BREAKOUT, person, turn, rng)
        sync.sync_once()
        assert any(event.startswith(f"conflict {BREAKOUT}") for event in sync.events)
        sync.events.clear()
        merger = turn % 2
        as_laptop(monkeypatch, merger)
        copies = conflict_copies(laptops[merger])
        assert [copy.original.name for copy in copies] == [BREAKOUT], \
            sorted(path.name for path in laptops[merger].iterdir())
        engines_seen.add(copies[0].engine)
        with SessionFile.open(laptops[merger] / BREAKOUT) as file:
            open_conflicts += len(merge_conflict_copy(file, copies[0]))
        sync.sync_once()
        for folder in laptops:
            assert conflict_copies(folder) == ()
        assert (laptops[0] / BREAKOUT).read_bytes() == (laptops[1] / BREAKOUT).read_bytes()
        if turn % 10 == 9:  # each file read costs; a lost word never comes back
            lost = typed - words_kept(laptops[0] / BREAKOUT)
            assert not lost, f"round {turn}: lost {sorted(lost)}"
    assert engines_seen == set(FLAVOURS)
    assert open_conflicts > 0  # some rounds edited one field on both laptops


def test_three_laptops_changing_one_file_at_once_leave_two_copies_that_all_merge_back(
        tmp_path: Path, profile: RegionProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    folders = tuple(tmp_path / person for person, _name in PEOPLE)
    for folder in folders:
        folder.mkdir()
    session = breakout_session(profile)
    create_session(folders[0] / BREAKOUT, session.meta, session)
    sync = SyncEngine(folders, piece_pause=0.0, seed=5)
    sync.sync_once()
    typed = words_kept(folders[0] / BREAKOUT)
    for turn in range(len(FLAVOURS) * 2):
        sync.flavour = FLAVOURS[turn % len(FLAVOURS)]
        for person, folder in enumerate(folders):
            as_laptop(monkeypatch, person)
            typed |= type_on(folder / BREAKOUT, person, turn, rng)
        sync.sync_once()
        merger = turn % len(folders)
        as_laptop(monkeypatch, merger)
        copies = conflict_copies(folders[merger])
        assert [copy.original.name for copy in copies] == [BREAKOUT] * 2, sync.flavour
        with SessionFile.open(folders[merger] / BREAKOUT) as file:
            for copy in copies:
                merge_conflict_copy(file, copy)
        sync.sync_once()
        assert all(conflict_copies(folder) == () for folder in folders)
        assert len({(folder / BREAKOUT).read_bytes() for folder in folders}) == 1
        lost = typed - words_kept(folders[0] / BREAKOUT)
        assert not lost, f"{sync.flavour}: lost {sorted(lost)}"


def delete_on(path: Path, rng: random.Random) -> set[str]:
    """Delete one of the first actions (now and then one the other laptop types in); the
    words typed that it held, in its fields or its history, as this laptop saw them."""
    with SessionFile.open(path) as file:
        actions = file.list(Action)
        if len(actions) <= 4:
            return set()
        action = rng.choice(actions[:6])
        file.delete(Action, action.id)
    held = json.dumps([action.content(), *(past.content for past in action.history)])
    return {word for word in re.findall(r"\w+", held) if TYPED_WORD.fullmatch(word)}


TYPED_WORD = re.compile(r"[a-z]+\d{3}(nieuw|bij)")


def test_deleting_on_one_laptop_while_the_other_types_loses_only_what_was_deleted(
        laptops_in_memory: tuple[Path, Path], profile: RegionProfile,
        monkeypatch: pytest.MonkeyPatch) -> None:
    laptops = laptops_in_memory
    rng = random.Random(7)
    session = breakout_session(profile, actions=8)
    create_session(laptops[0] / BREAKOUT, session.meta, session)
    sync = SyncEngine(laptops, piece_pause=0.0, seed=2)
    sync.sync_once()
    expected: set[str] = set()
    met_an_edit = 0
    for turn in range(40):
        for person, folder in enumerate(laptops):
            as_laptop(monkeypatch, person)
            expected |= type_on(folder / BREAKOUT, person, turn, rng)
        deleter = turn % 2
        as_laptop(monkeypatch, deleter)
        if turn % 3 == 0:
            expected -= delete_on(laptops[deleter] / BREAKOUT, rng)
        sync.sync_once()
        merger = (turn // 2) % 2
        as_laptop(monkeypatch, merger)
        with SessionFile.open(laptops[merger] / BREAKOUT) as file:
            for copy in conflict_copies(laptops[merger]):
                met_an_edit += sum(any(version.deleted for version in conflict.versions)
                                   for conflict in merge_conflict_copy(file, copy))
        sync.sync_once()
        assert (laptops[0] / BREAKOUT).read_bytes() == (laptops[1] / BREAKOUT).read_bytes()
        lost = expected - words_kept(laptops[0] / BREAKOUT)
        assert not lost, f"round {turn}: lost {sorted(lost)}"
    # Some deletion met an edit made on the other laptop meanwhile: no word of it was lost.
    assert met_an_edit

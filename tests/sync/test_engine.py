"""The sync engine stand-in itself: it copies, names conflict copies as the real clients do,
and in place it lets the other laptop see a half-written file."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from tests.sync.engine import SyncEngine

WHEN = dt.datetime(2026, 12, 4, 15, 8, 12, tzinfo=dt.UTC)


def laptops(tmp_path: Path, count: int = 2) -> list[Path]:
    folders = [tmp_path / f"laptop-{number}" for number in range(count)]
    for folder in folders:
        folder.mkdir(parents=True)
    return folders


def engine(folders: list[Path], **options: object) -> SyncEngine:
    return SyncEngine(folders, clock=lambda: WHEN, **options)  # type: ignore[arg-type]


def test_a_new_changed_or_deleted_file_reaches_every_other_laptop(tmp_path: Path) -> None:
    a, b, c = laptops(tmp_path, 3)
    sync = engine([a, b, c])
    (b / "breakout.json").write_bytes(b'{"v": 1}')
    sync.sync_once()
    assert (a / "breakout.json").read_bytes() == (c / "breakout.json").read_bytes() == b'{"v": 1}'
    (c / "breakout.json").write_bytes(b'{"v": 2}')
    sync.sync_once()
    assert (a / "breakout.json").read_bytes() == (b / "breakout.json").read_bytes() == b'{"v": 2}'
    (a / "breakout.json").unlink()
    sync.sync_once()
    assert not (b / "breakout.json").exists() and not (c / "breakout.json").exists()


# Per flavour the copy's name when Anna's version, or Bert's, is the one set aside.
CONFLICT_NAMES = {
    "syncthing": {"Anna": "breakout.sync-conflict-20261204-150812-{device}.json",
                  "Bert": "breakout.sync-conflict-20261204-150812-{device}.json"},
    "onedrive": {"Anna": "breakout-LAPTOP-ANNA.json", "Bert": "breakout-LAPTOP-BERT.json"},
    "dropbox": {"Anna": "breakout (Anna's conflicted copy 2026-12-04).json",
                "Bert": "breakout (Bert's conflicted copy 2026-12-04).json"},
    "nextcloud": {"Anna": "breakout (conflicted copy 2026-12-04 150812).json",
                  "Bert": "breakout (conflicted copy 2026-12-04 150812).json"},
}


@pytest.mark.parametrize("flavour", sorted(CONFLICT_NAMES))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_file_changed_on_both_laptops_keeps_one_and_names_the_other_as_the_client_does(
        tmp_path: Path, flavour: str, seed: int) -> None:
    a, b = laptops(tmp_path)
    sync = engine([a, b], flavour=flavour, seed=seed, in_place=False)
    (a / "breakout.json").write_bytes(b"base")
    sync.sync_once()
    (a / "breakout.json").write_bytes(b"Anna's words")
    (b / "breakout.json").write_bytes(b"Bert's words")
    sync.sync_once()
    kept = (a / "breakout.json").read_bytes()
    assert kept in (b"Anna's words", b"Bert's words")
    set_aside = "Bert" if kept == b"Anna's words" else "Anna"
    device = next(laptop.device_id for laptop in sync.laptops if laptop.person == set_aside)
    expected = CONFLICT_NAMES[flavour][set_aside].format(device=device)
    for folder in (a, b):
        assert sorted(path.name for path in folder.iterdir()) == sorted(["breakout.json", expected])
        assert (folder / "breakout.json").read_bytes() == kept
        assert (folder / expected).read_bytes() == f"{set_aside}'s words".encode()


def test_the_coin_toss_sets_aside_either_laptops_version(tmp_path: Path) -> None:
    kept = set()
    for seed in range(12):
        a, b = laptops(tmp_path / str(seed))
        sync = engine([a, b], seed=seed)
        (a / "f.json").write_bytes(b"a")
        (b / "f.json").write_bytes(b"b")
        sync.sync_once()
        kept.add((a / "f.json").read_bytes())
    assert kept == {b"a", b"b"}


@pytest.mark.parametrize("person", ["Anna", "Bert"])
def test_the_preferred_laptops_version_is_kept(tmp_path: Path, person: str) -> None:
    for seed in range(4):
        a, b = laptops(tmp_path / str(seed))
        sync = engine([a, b], seed=seed, prefer=person)
        (a / "f.json").write_bytes(b"Anna")
        (b / "f.json").write_bytes(b"Bert")
        sync.sync_once()
        assert (a / "f.json").read_bytes() == person.encode()


@pytest.mark.parametrize("flavour", sorted(CONFLICT_NAMES))
def test_a_second_conflict_the_same_day_never_overwrites_the_first_copy(
        tmp_path: Path, flavour: str) -> None:
    a, b = laptops(tmp_path)
    sync = engine([a, b], flavour=flavour, in_place=False)
    set_aside: set[bytes] = set()
    for turn in range(3):
        versions = {f"Anna {turn}".encode(), f"Bert {turn}".encode()}
        for folder, text in zip((a, b), sorted(versions), strict=True):
            (folder / "breakout.json").write_bytes(text)
        sync.sync_once()
        set_aside |= versions - {(a / "breakout.json").read_bytes()}
    copies = {path.name: path.read_bytes() for path in a.iterdir() if path.name != "breakout.json"}
    assert sorted(copies.values()) == sorted(set_aside)


def test_a_change_wins_over_a_deletion(tmp_path: Path) -> None:
    a, b = laptops(tmp_path)
    sync = engine([a, b])
    (a / "breakout.json").write_bytes(b"base")
    sync.sync_once()
    (a / "breakout.json").unlink()
    (b / "breakout.json").write_bytes(b"changed")
    sync.sync_once()
    assert (a / "breakout.json").read_bytes() == b"changed"
    assert sorted(path.name for path in b.iterdir()) == ["breakout.json"]


def test_in_place_the_other_laptop_sees_the_file_half_written_until_the_copy_ends(
        tmp_path: Path) -> None:
    a, b = laptops(tmp_path)
    content = json.dumps({"_default": {str(n): {"title": "x" * 50} for n in range(40)}})
    (a / "breakout.json").write_text(content)
    seen: list[bytes] = []

    def look(event: str) -> None:
        if event.startswith("piece breakout.json Bert"):
            seen.append((b / "breakout.json").read_bytes())

    sync = engine([a, b], flavour="onedrive", piece_pause=0.0, on_event=look)
    sync.sync_once()
    assert seen, "the copy came in one piece"
    for partial in seen:
        assert 0 < len(partial) < len(content)
        assert content.encode().startswith(partial)
        with pytest.raises(ValueError):
            json.loads(partial)
    assert (b / "breakout.json").read_text() == content


def test_atomic_writes_never_show_a_half_written_file(tmp_path: Path) -> None:
    a, b = laptops(tmp_path)
    seen: list[bytes] = []
    (a / "breakout.json").write_bytes(b"old")
    engine([a, b]).sync_once()
    sync = engine([a, b], flavour="syncthing",
                  on_event=lambda event: seen.append((b / "breakout.json").read_bytes()))
    sync.sync_once()  # both hold the same file: nothing to do
    (a / "breakout.json").write_bytes(b"new" * 1000)
    sync.sync_once()
    assert set(seen) == {b"old", b"new" * 1000}


def test_the_apps_sidecars_are_synced_as_syncthing_does_and_temporaries_are_not(
        tmp_path: Path) -> None:
    a, b = laptops(tmp_path)
    (a / "breakout.json.lock").write_bytes(b"")
    (a / "breakout.json.lock.info").write_text('{"host": "anna"}')
    (a / ".backups").mkdir()
    (a / ".backups" / "breakout.20261204T150812000000Z.json").write_text("{}")
    (a / ".breakout.json.0123456789ab.tmp").write_text("{")
    sync = engine([a, b])
    sync.sync_once()
    assert sorted(str(path.relative_to(b)) for path in b.rglob("*") if path.is_file()) == [
        ".backups/breakout.20261204T150812000000Z.json", "breakout.json.lock",
        "breakout.json.lock.info"]


def test_ignored_files_stay_on_their_laptop(tmp_path: Path) -> None:
    a, b = laptops(tmp_path)
    (a / "breakout.json").write_text("{}")
    (a / "breakout.json.lock").write_bytes(b"")
    sync = engine([a, b], ignore=lambda relative: ".lock" in relative)
    sync.sync_once()
    assert sorted(path.name for path in b.iterdir()) == ["breakout.json"]


def test_as_a_thread_it_copies_a_change_once_it_stood_still(tmp_path: Path) -> None:
    a, b = laptops(tmp_path)
    sync = engine([a, b], delay=0.05)
    sync.start()
    try:
        (a / "breakout.json").write_text("{}")
        for _ in range(2000):
            if (b / "breakout.json").exists():
                break
            time.sleep(0.01)
    finally:
        sync.stop()
    assert (b / "breakout.json").read_text() == "{}"

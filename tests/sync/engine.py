"""A sync engine stand-in between two or more folders, each a "laptop" of a session day.

It does what Syncthing, OneDrive, Dropbox and Nextcloud do to a shared folder, as far as
session files notice: a changed file is copied to the other folders once it has been
still for `delay` seconds; a file changed in two folders since the last sync is kept in
one version under its name, and each other version is written beside it as a conflict
copy, named as the flavour's real client names it:

- syncthing: `NAME.sync-conflict-20261204-150812-ABCDEF7.json` (time, device id);
- onedrive:  `NAME-LAPTOP-ANNA.json` (the computer name; `-2`, `-3` when taken);
- dropbox:   `NAME (Anna's conflicted copy 2026-12-04).json` (` (1)` when taken);
- nextcloud: `NAME (conflicted copy 2026-12-04 150812).json`.

The version kept is chosen by a coin toss from the seed: the real clients differ (the
newer one, the server's one), and nothing built on them may depend on it; `prefer` names
the laptop whose version is kept, for a test of one case. A change wins over a deletion,
as in all four.

Writing: Syncthing, Dropbox and Nextcloud write a temporary file and rename it over the
old one (`atomic`); OneDrive and SMB network shares write the file in place, in pieces
with pauses (`in_place`): for a while the other laptop sees the new file half-written.
Every flavour can be made to write either way.

Sidecars: like Syncthing with its default of no ignore patterns, everything in the folder
is synced, the app's own sidecars too (`NAME.json.lock`, `NAME.json.lock.info` and
`.backups/`). Only temporary files are skipped: the engine's own, and the app's atomic
writes (`.NAME.json.<random>.tmp`), which live a few milliseconds and are gone by the
time a real engine would copy them. `ignore` leaves out more (a lock file that has not
synced yet).

The engine remembers what it last synced (as Syncthing keeps its database), in memory or,
with `state`, in a file: killed in the middle of a copy and started again, it finishes the
copy instead of mistaking the half-written file for a change.

In-process: `SyncEngine(folders, seed=...)`, then `sync_once()` for one deterministic
pass, or `start()` / `stop()` for a thread. As a program, to be killed with kill -9:

    python tests/sync/engine.py [--flavour F] [--in-place | --atomic] [--delay S]
        [--piece-pause S] [--seed N] [--state FILE] [--names Anna,Bert] [--prefer Anna]
        FOLDER FOLDER...

prints "ready", then one line per event (`copy`, `piece`, `done`, `conflict`, `delete`).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

FLAVOURS = ("syncthing", "onedrive", "dropbox", "nextcloud")
# Which flavours write in place unless told otherwise.
IN_PLACE_BY_DEFAULT = frozenset({"onedrive"})
DEFAULT_NAMES = ("Anna", "Bert", "Carla", "Daan", "Eva", "Fenna", "Gijs", "Hanna")

_OWN_TEMPORARY = ".syncsim."
_POLL_SECONDS = 0.01

Digest = str | None
"""A file's content hash; None for no file."""


@dataclass(frozen=True)
class Pending:
    """A copy under way: the content being written and the folders it goes to."""

    digest: str
    targets: tuple[int, ...]


@dataclass(frozen=True)
class Laptop:
    """One synced folder and who works on it: the names a conflict copy is given after."""

    folder: Path
    person: str

    @property
    def device_id(self) -> str:
        """A Syncthing short device id: seven characters of base32."""
        digest = hashlib.sha256(self.person.encode("utf-8")).digest()
        return base64.b32encode(digest).decode("ascii")[:7]

    @property
    def computer(self) -> str:
        return f"LAPTOP-{self.person.upper()}"


def conflict_name(flavour: str, name: str, laptop: Laptop, when: dt.datetime,
                  number: int = 0) -> str:
    """The name `flavour` gives the conflict copy of `name` made from `laptop`'s version.

    `number` counts the copies that already took the plain name: Syncthing and Nextcloud
    tell them apart by the time (a later second), OneDrive and Dropbox by a number.
    """
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    suffix = f".{extension}" if dot else ""
    if flavour in ("syncthing", "nextcloud"):
        when += dt.timedelta(seconds=number)
    if flavour == "syncthing":
        return (f"{stem}.sync-conflict-{when:%Y%m%d}-{when:%H%M%S}-{laptop.device_id}"
                f"{suffix}")
    if flavour == "onedrive":
        counter = f"-{number + 1}" if number else ""
        return f"{stem}-{laptop.computer}{counter}{suffix}"
    if flavour == "dropbox":
        counter = f" ({number})" if number else ""
        return f"{stem} ({laptop.person}'s conflicted copy {when:%Y-%m-%d}{counter}){suffix}"
    if flavour == "nextcloud":
        return f"{stem} (conflicted copy {when:%Y-%m-%d} {when:%H%M%S}){suffix}"
    raise ValueError(f"no such flavour: {flavour}")


def is_temporary(relative: str) -> bool:
    """A file no engine syncs: its own temporaries, and the app's atomic-write temporaries."""
    name = relative.rpartition("/")[2]
    return name.startswith(".") and name.endswith(".tmp")


class SyncEngine:
    """Keeps `folders` in sync, one pass at a time; see the module's docstring."""

    def __init__(self, folders: Sequence[Path], *, flavour: str = "syncthing",
                 in_place: bool | None = None, delay: float = 0.05,
                 piece_pause: float = 0.05, seed: int = 0,
                 names: Sequence[str] = DEFAULT_NAMES, state: Path | None = None,
                 ignore: Callable[[str], bool] | None = None, prefer: str | None = None,
                 clock: Callable[[], dt.datetime] | None = None,
                 on_event: Callable[[str], object] | None = None) -> None:
        if flavour not in FLAVOURS:
            raise ValueError(f"no such flavour: {flavour}")
        if len(folders) < 2 or len(names) < len(folders):
            raise ValueError("two folders or more, each with a person's name")
        self.laptops = tuple(Laptop(Path(folder), person)
                             for folder, person in zip(folders, names, strict=False))
        self.flavour = flavour
        self.in_place = flavour in IN_PLACE_BY_DEFAULT if in_place is None else in_place
        self.delay = delay
        self.piece_pause = piece_pause
        self.events: list[str] = []
        self._random = random.Random(seed)
        self._ignore = ignore or (lambda _relative: False)
        self._prefer = prefer
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._on_event = on_event
        self._state = state
        # Per file what every folder held after the last sync; per file an unfinished copy.
        self._synced: dict[str, str] = {}
        self._pending: dict[str, Pending] = {}
        self._load_state()
        # Per (folder, file): (inode, size, mtime) -> hash, so an unchanged file is not reread.
        self._hashes: dict[tuple[int, str], tuple[tuple[int, int, int], str]] = {}
        # Per (folder, file): the content seen, and since when; a change waits `delay`.
        self._seen: dict[tuple[int, str], tuple[Digest, float]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._mutex = threading.Lock()

    # -- running -----------------------------------------------------------------------

    def start(self) -> None:
        """Sync in a thread until `stop()`: a change is copied once still for `delay`."""
        self._thread = threading.Thread(target=self.run, daemon=True, name="sync engine")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def run(self) -> None:
        while not self._stop.is_set():
            self.sync_once(settle=True)
            self._stop.wait(_POLL_SECONDS)

    def sync_once(self, *, settle: bool = False) -> list[str]:
        """One pass over every file; the events it caused.

        Without `settle` every change is copied now (a test that wants one deterministic
        sync); with it only changes that stood still for `delay` seconds.
        """
        with self._mutex:
            start = len(self.events)
            for relative in sorted(self._all_files()):
                self._sync_file(relative, settle)
            return self.events[start:]

    # -- one file ----------------------------------------------------------------------

    def _sync_file(self, relative: str, settle: bool) -> None:
        base = self._synced.get(relative)
        now = [self._digest(index, relative) for index in range(len(self.laptops))]
        pending = self._pending.get(relative)
        if pending is not None:
            # A copy cut off (the engine was killed): its targets still count as the base.
            for index in pending.targets:
                if now[index] != pending.digest:
                    now[index] = base
        if settle and not self._settled(relative, now):
            return
        changed = [index for index, digest in enumerate(now) if digest != base]
        if not changed:
            return
        versions = {now[index] for index in changed}
        if len(versions) > 1 and None in versions:
            versions.discard(None)  # a change wins over a deletion
            changed = [index for index in changed if now[index] is not None]
        if len(versions) == 1:
            self._spread(relative, changed[0], now)
            return
        winner = self._random.choice(sorted(changed, key=lambda index: now[index] or ""))
        for index in changed:
            if self.laptops[index].person == self._prefer:
                winner = index
        losers: dict[str, int] = {}
        for index in changed:
            digest = now[index]
            if digest != now[winner] and digest is not None and digest not in losers:
                losers[digest] = index
        for index in losers.values():
            self._conflict_copy(relative, index)
        self._spread(relative, winner, now)

    def _spread(self, relative: str, source: int, now: list[Digest]) -> None:
        """Make every folder hold what `source` holds (a file, or no file)."""
        digest = now[source]
        targets = [index for index, held in enumerate(now) if held != digest]
        if digest is None:
            for index in targets:
                with contextlib.suppress(FileNotFoundError):
                    (self.laptops[index].folder / relative).unlink()
                self._event("delete", relative, self.laptops[index].person)
            self._synced.pop(relative, None)
            self._save_state()
            return
        content = self._read(source, relative)
        if content is None or _hash(content) != digest:
            return  # changed again while we looked: the next pass takes the new version
        self._pending[relative] = Pending(digest, tuple(targets))
        self._save_state()
        mtime = (self.laptops[source].folder / relative).stat().st_mtime_ns
        for index in targets:
            self._write(index, relative, content, mtime)
        del self._pending[relative]
        self._synced[relative] = digest
        self._save_state()

    def _conflict_copy(self, relative: str, index: int) -> None:
        """Rename folder `index`'s version of `relative` to a conflict copy there, then send
        the copy everywhere.

        As the real clients do, the copy is made on the laptop whose version it is, in one
        step, and then travels like any new file: a kill -9 leaves no half-made copy that
        nothing could finish, and no second copy of the same version.
        """
        if self._digest(index, relative) is None:
            return
        folder_part, _, name = relative.rpartition("/")
        when = self._clock()
        number = 0
        while True:
            copy = conflict_name(self.flavour, name, self.laptops[index], when, number)
            copy_relative = f"{folder_part}/{copy}" if folder_part else copy
            if copy_relative not in self._synced and not any(
                    (laptop.folder / copy_relative).exists() for laptop in self.laptops):
                break
            number += 1
        self._event("conflict", relative, copy_relative)
        source = self.laptops[index].folder
        os.replace(source / relative, source / copy_relative)
        self._spread(copy_relative, index,
                     [self._digest(folder, copy_relative) for folder in range(len(self.laptops))])

    # -- writing -----------------------------------------------------------------------

    def _write(self, index: int, relative: str, content: bytes, mtime_ns: int) -> None:
        laptop = self.laptops[index]
        target = laptop.folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        self._event("copy", relative, laptop.person)
        if self.in_place:
            self._write_in_place(target, relative, laptop.person, content)
        else:
            temporary = target.with_name(f"{_OWN_TEMPORARY}{target.name}.tmp")
            temporary.write_bytes(content)
            os.utime(temporary, ns=(mtime_ns, mtime_ns))
            os.replace(temporary, target)
        os.utime(target, ns=(mtime_ns, mtime_ns))
        self._event("done", relative, laptop.person)

    def _write_in_place(self, target: Path, relative: str, person: str, content: bytes) -> None:
        """Truncate, then write in two to four pieces with a pause after each but the last."""
        pieces = max(1, min(self._random.randint(2, 4), len(content)))
        cuts = sorted(self._random.sample(range(1, len(content)), pieces - 1))
        bounds = [0, *cuts, len(content)]
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            for number in range(pieces):
                os.write(fd, content[bounds[number]:bounds[number + 1]])
                if number < pieces - 1:
                    self._event("piece", relative, person, f"{number + 1}/{pieces}")
                    time.sleep(self.piece_pause)
        finally:
            os.close(fd)

    # -- looking -----------------------------------------------------------------------

    def _all_files(self) -> set[str]:
        found = set(self._synced) | set(self._pending)
        for laptop in self.laptops:
            for root, _folders, files in os.walk(laptop.folder):
                inside = Path(root).relative_to(laptop.folder).as_posix()
                for name in files:
                    relative = name if inside == "." else f"{inside}/{name}"
                    if not is_temporary(relative) and not self._ignore(relative):
                        found.add(relative)
        return found

    def _digest(self, index: int, relative: str) -> Digest:
        path = self.laptops[index].folder / relative
        try:
            status = path.stat()
        except OSError:
            return None
        signature = (status.st_ino, status.st_size, status.st_mtime_ns)
        known = self._hashes.get((index, relative))
        if known is not None and known[0] == signature:
            return known[1]
        content = self._read(index, relative)
        if content is None:
            return None
        digest = _hash(content)
        self._hashes[(index, relative)] = (signature, digest)
        return digest

    def _read(self, index: int, relative: str) -> bytes | None:
        try:
            return (self.laptops[index].folder / relative).read_bytes()
        except OSError:
            return None

    def _settled(self, relative: str, now: list[Digest]) -> bool:
        """Whether every folder's version of `relative` has been as it is for `delay`."""
        clock = time.monotonic()
        settled = True
        for index, digest in enumerate(now):
            seen = self._seen.get((index, relative))
            if seen is None or seen[0] != digest:
                self._seen[(index, relative)] = (digest, clock)
                seen = (digest, clock)
            if digest != self._synced.get(relative) and clock - seen[1] < self.delay:
                settled = False
        return settled

    # -- remembering -------------------------------------------------------------------

    def _load_state(self) -> None:
        if self._state is None or not self._state.exists():
            return
        stored = json.loads(self._state.read_text("utf-8"))
        self._synced = stored["synced"]
        self._pending = {relative: Pending(digest, tuple(targets))
                         for relative, (digest, targets) in stored["pending"].items()}

    def _save_state(self) -> None:
        if self._state is None:
            return
        temporary = self._state.with_name(self._state.name + ".tmp")
        pending = {relative: [copy.digest, list(copy.targets)]
                   for relative, copy in self._pending.items()}
        temporary.write_text(json.dumps({"synced": self._synced, "pending": pending}), "utf-8")
        os.replace(temporary, self._state)

    def _event(self, *words: str) -> None:
        line = " ".join(words)
        self.events.append(line)
        if self._on_event is not None:
            self._on_event(line)


def _hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A sync engine stand-in between folders.")
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--flavour", choices=FLAVOURS, default="syncthing")
    writing = parser.add_mutually_exclusive_group()
    writing.add_argument("--in-place", dest="in_place", action="store_true", default=None)
    writing.add_argument("--atomic", dest="in_place", action="store_false")
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--piece-pause", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--state", type=Path)
    parser.add_argument("--names", default=",".join(DEFAULT_NAMES))
    parser.add_argument("--prefer", help="whose version a conflict keeps (else a coin toss)")
    args = parser.parse_args(argv)
    engine = SyncEngine(args.folders, flavour=args.flavour, in_place=args.in_place,
                        delay=args.delay, piece_pause=args.piece_pause, seed=args.seed,
                        names=args.names.split(","), state=args.state, prefer=args.prefer,
                        on_event=lambda line: print(line, flush=True))

    signal.signal(signal.SIGTERM, lambda _number, _frame: engine.stop())
    print("ready", flush=True)
    engine.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Watching a day folder from a thread: the programme and every breakout file, as they arrive.

As the room view's watcher does (`tui/room/watch.py`), each file's signature (inode, size,
modification time) is compared on every look and only a changed file is read. A file seen
half-written keeps its last good version and is marked as still arriving
(`tui/arriving.py`) until it reads whole, or stays unreadable long enough to be called so. What a
breakout changed and the duplicates between breakouts are worked out here too, per file
only when that file changed, so the screen only draws.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pact_tui.editor.sync_merge import merge_if_clean
from pact_tui.i18n import t
from pact_tui.merge.day import (
    PROGRAMME_NAME,
    BreakoutChanges,
    DayDuplicate,
    breakout_changes,
    day_breakouts,
    day_duplicates,
    day_programme,
    merged_into,
)
from pact_tui.model import Session, UserError
from pact_tui.model.collector import collector_paused
from pact_tui.store import read_session, refused_whole
from pact_tui.store.folder import not_a_session
from pact_tui.store.laptop import this_laptop
from pact_tui.store.sync_copies import ConflictCopy, confirmed_copies, conflict_copy_of
from pact_tui.tui.arriving import Arrival, signature

POLL_SECONDS = 0.02
DRAW_WAIT_SECONDS = 1.0


@dataclass(frozen=True)
class DayCopy:
    """A sync conflict copy of a file of the day.

    The laptop that keeps the file merges it in at once when nothing needs deciding;
    otherwise it waits with its `conflicts` until the breakout is opened for editing there.
    """

    name: str
    arriving: bool = False
    """Named as a copy but not whole yet: a sync engine may still be writing it."""
    conflicts: int = 0


@dataclass(frozen=True)
class DayFile:
    """One file of the day as the overview shows it."""

    path: Path
    session: Session | None
    """Its last version that could be read (None: none yet)."""
    arrived: dt.datetime | None
    """When that version was written (the file's modification time)."""
    syncing: bool = False
    """The file on disk does not read (yet): a sync engine may still be writing it."""
    problem: str = ""
    """Why it does not read, once it has stayed so, unchanged, for a while."""
    changes: BreakoutChanges = field(default_factory=BreakoutChanges)
    copies: tuple[DayCopy, ...] = ()
    """Its sync conflict copies in the folder, never shown as a breakout of their own."""
    merged: bool = False
    """The programme holds this breakout already: the day was merged."""

    @property
    def title(self) -> str:
        return self.session.meta.title if self.session is not None else self.path.name


@dataclass(frozen=True)
class DayState:
    """The whole day at one moment."""

    folder: Path
    programme: DayFile | None
    breakouts: tuple[DayFile, ...]
    duplicates: tuple[DayDuplicate, ...]


@dataclass
class _Reading:
    """What the watcher knows of one file."""

    arrival: Arrival = field(default_factory=Arrival)
    good: Session | None = None
    arrived: dt.datetime | None = None
    ignored: bool = False  # well-formed JSON that is no session (the app's own files)


class DayWatcher:
    """Calls `on_state` (from its own thread) with the day whenever something in it changed."""

    def __init__(self, folder: Path, on_state: Callable[[DayState], object]) -> None:
        self.folder = folder
        self._on_state = on_state
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._drawn = threading.Event()
        self._files: dict[Path, _Reading] = {}
        self._changes: dict[Path, tuple[Session, Session | None, BreakoutChanges]] = {}
        self._duplicates: tuple[object, tuple[DayDuplicate, ...]] = ((), ())
        self._laptop = this_laptop()
        # Per conflict copy of a file kept here: the versions of both last tried, and the
        # conflicts then left for a person (None: not this laptop's to merge now).
        self._attempts: dict[str, tuple[tuple[object, object], int | None]] = {}
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name=f"day watch {folder.name}")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._drawn.set()

    def drawn(self) -> None:
        """The screen has drawn the last state it was handed."""
        self._drawn.set()

    def look_now(self) -> None:
        """Look at the folder at once (a file was just made here)."""
        self._wake.set()

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            with collector_paused():  # the files' models: many objects, no cycles
                changed = self.look()
                state = self.state(find_duplicates=False) if changed or first else None
            if state is not None:
                # Drawn at once with the duplicates found so far; the new ones follow.
                self._drawn.clear()
                self._on_state(state)
                if self._duplicates_changed(state.breakouts):
                    # Finding them holds the interpreter: not while the screen draws.
                    self._drawn.wait(DRAW_WAIT_SECONDS)
                    with collector_paused():
                        state = self.state()
                    self._on_state(state)
                first = False
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()

    # ---- reading ------------------------------------------------------------------------

    def look(self) -> bool:
        """Read the files that changed (and retry those still arriving); whether what the
        day shows changed."""
        now = time.monotonic()
        present = set(_session_files(self.folder))
        changed = False
        for gone in set(self._files) - present:
            del self._files[gone]
            self._changes.pop(gone, None)
            changed = True
        for path in sorted(present):
            reading = self._files.setdefault(path, _Reading())
            if reading.arrival.due(signature(path), now):
                changed |= self._read(path, reading, now)
            changed |= reading.arrival.settled(now)
        # A copy comes with a change to the folder: between changes there is nothing to merge.
        return (changed and self._merge_own_copies()) or changed

    def _merge_own_copies(self) -> bool:
        """Merge the conflict copies of the files this laptop keeps, where nothing needs
        deciding (`editor.sync_merge.merge_if_clean`); whether one was merged. Each copy is
        tried once per version of it and of its file."""
        present = {path.name: reading for path, reading in self._files.items()
                   if not reading.ignored}
        merged = False
        for copy in self._confirmed(present):
            name, kept = copy.path.name, present[copy.original.name]
            keeper = kept.good.meta.laptop if kept.good is not None else None
            if keeper is None or keeper.id != self._laptop.id:
                continue
            versions = (present[name].arrival.seen, kept.arrival.seen)
            if name in self._attempts and self._attempts[name][0] == versions:
                continue
            result = merge_if_clean(copy)
            self._attempts[name] = (versions, result)
            merged |= result == 0
        return merged

    def _read(self, path: Path, reading: _Reading, now: float) -> bool:
        """Read `path`; whether what is shown of it changed."""
        try:
            session = read_session(path)
        except (UserError, OSError) as error:
            if not_a_session(path):
                reading.ignored = True
                return False
            return reading.arrival.read_failed(
                str(error) if isinstance(error, UserError) else t(
                    "tui.day.unreadable", file=path.name, problem=error.strerror or str(error)),
                now, whole=refused_whole(error))
        reading.good, reading.ignored = session, False
        reading.arrival.read_whole(now)
        reading.arrived = _modified(path)
        return True

    # ---- the state ----------------------------------------------------------------------

    def state(self, *, find_duplicates: bool = True) -> DayState:
        """The day as read so far; with the duplicates last found unless `find_duplicates`."""
        present = {path.name: reading for path, reading in self._files.items()
                   if not reading.ignored}
        copies = self._copies(present)
        good = {name: reading.good for name, reading in present.items()
                if reading.good is not None and name not in copies}
        programme_name = day_programme(good)
        programme = good.get(programme_name) if programme_name is not None else None
        names = set(day_breakouts(good, programme_name))
        # A file never read whole yet may be a breakout on its way in: shown by its name.
        names |= {name for name, reading in present.items()
                  if reading.good is None and name not in copies and name != PROGRAMME_NAME}
        under: dict[str, list[DayCopy]] = {}
        for copy, (original, arriving) in sorted(copies.items()):
            waiting = self._attempts.get(copy, ((), None))[1]
            under.setdefault(original, []).append(DayCopy(copy, arriving, waiting or 0))
        breakouts = tuple(sorted(
            (self._day_file(self.folder / name, programme, under.get(name, ()))
             for name in names),
            key=lambda file: (file.title.casefold(), file.path.name)))
        return DayState(
            folder=self.folder,
            programme=None if programme_name is None else
            self._day_file(self.folder / programme_name, None, under.get(programme_name, ())),
            breakouts=breakouts,
            duplicates=self._duplicates_of(breakouts) if find_duplicates
            else self._duplicates[1])

    def _confirmed(self, present: dict[str, _Reading]) -> tuple[ConflictCopy, ...]:
        """The sync conflict copies among `present`: holding their original's session."""
        def session_id(name: str) -> str | None:
            good = present[name].good
            return good.meta.id if good is not None else None

        return confirmed_copies(self.folder, present, session_id)

    def _copies(self, present: dict[str, _Reading]) -> dict[str, tuple[str, bool]]:
        """Per sync conflict copy its original and whether it is still arriving: confirmed
        by holding the original's session, or (not readable yet) named as a copy would be."""
        found = {copy.path.name: (copy.original.name, False) for copy in self._confirmed(present)}
        for name, reading in present.items():
            if reading.good is None and name not in found:
                candidate = conflict_copy_of(name, present)
                if candidate is not None:
                    found[name] = (candidate[0], True)
        return found

    def _day_file(self, path: Path, programme: Session | None,
                  copies: Sequence[DayCopy]) -> DayFile:
        reading = self._files[path]
        changes = BreakoutChanges()
        if reading.good is not None:
            changes = self._changes_of(path, reading.good, programme)
        return DayFile(path=path, session=reading.good, arrived=reading.arrived,
                       syncing=reading.arrival.arriving, problem=reading.arrival.problem,
                       changes=changes, copies=tuple(copies),
                       merged=reading.good is not None and programme is not None
                       and merged_into(reading.good, programme))

    def _changes_of(self, path: Path, session: Session,
                    programme: Session | None) -> BreakoutChanges:
        cached = self._changes.get(path)
        if cached is not None and cached[0] is session and cached[1] is programme:
            return cached[2]
        changes = breakout_changes(session, programme)
        self._changes[path] = (session, programme, changes)
        return changes

    def _duplicates_changed(self, breakouts: tuple[DayFile, ...]) -> bool:
        return _fresh_key(breakouts) != self._duplicates[0]

    def _duplicates_of(self, breakouts: tuple[DayFile, ...]) -> tuple[DayDuplicate, ...]:
        key = _fresh_key(breakouts)
        if key != self._duplicates[0]:
            found = day_duplicates({file.path.name: file.changes.fresh for file in breakouts})
            self._duplicates = (key, found)
        return self._duplicates[1]


def _fresh_key(breakouts: tuple[DayFile, ...]) -> object:
    """What the duplicates depend on: each breakout's new and changed actions, by version."""
    return tuple((file.path.name, tuple((action.id, action.revision)
                                        for action in file.changes.fresh))
                 for file in breakouts)


def _session_files(folder: Path) -> list[Path]:
    """The folder's `*.json` files a person put there (hidden ones are writes in progress)."""
    try:
        with os.scandir(folder) as entries:
            return [Path(entry.path) for entry in entries
                    if entry.name.endswith(".json") and not entry.name.startswith(".")
                    and entry.is_file(follow_symlinks=False)]
    except OSError:
        return []


def _modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None

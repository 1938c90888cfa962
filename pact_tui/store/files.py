"""Whole session files: read one as a Session, write or create one in a single atomic step."""

from __future__ import annotations

import errno
from pathlib import Path

from pact_tui.i18n import t
from pact_tui.model import (
    ITEM_KINDS,
    SCHEMA_VERSION,
    InvalidItemError,
    Problem,
    Session,
    SessionMeta,
    check_against_profile,
)
from pact_tui.model.file_names import title_slug
from pact_tui.store.atomic import write_atomic
from pact_tui.store.decoding import META, decode
from pact_tui.store.encoding import FileLines, TableLines, document_line
from pact_tui.store.errors import FileExistsStoreError, LockedError, SaveError, StoreError
from pact_tui.store.links import plain_mode, resolve_link
from pact_tui.store.lock import exclusive, holder

# Long titles make unwieldy file names; the date and the first words are enough.
_MAX_SLUG = 60


def read_file(path: Path) -> bytes:
    """A session file's bytes, or a StoreError that says why they cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise StoreError(t("store.not_found", file=str(path))) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise StoreError(t("store.link_loop", file=str(path))) from None
        raise StoreError(t("store.unreadable", file=str(path),
                           problem=error.strerror or str(error))) from None


def read_session(path: str | Path) -> Session:
    """The checked content of a session file; an older schema is upgraded in memory only."""
    path = Path(path)
    return decode(path, read_file(path)).session


def session_problems(session: Session) -> list[Problem]:
    """What would make `session` an invalid file: items outside its profile, ids used twice."""
    problems: list[Problem] = []
    for table in ITEM_KINDS:
        seen: set[str] = set()
        for item in session.items(table):
            problems.extend(check_against_profile(item, session.profile))
            if item.id in seen:
                problems.append(Problem(table=table, item=item.label()[:60], field="id",
                                        message=t("store.duplicate_id", id=item.id)))
            seen.add(item.id)
    return problems


def session_lines(session: Session) -> FileLines:
    """A session as the lines of a new file: the meta document and one table per kind."""
    meta = session.meta
    if meta.schema_version != SCHEMA_VERSION:
        meta = meta.model_copy(update={"schema_version": SCHEMA_VERSION})
    tables = {META: TableLines.of([("1", document_line("1", meta.model_dump(mode="json")))])}
    for table in ITEM_KINDS:
        # One document at a time: a big session is never in memory as dicts all at once.
        tables[table] = TableLines.of(
            (str(number), document_line(str(number), item.model_dump(mode="json")))
            for number, item in enumerate(session.items(table), start=1))
    return FileLines(tables)


def write_session(path: str | Path, session: Session, *, overwrite: bool = False,
                  like: Path | None = None) -> None:
    """Write `session` to `path` atomically; an existing file is replaced only with `overwrite`.

    A symbolic link at `path` is never written through: `overwrite` replaces the link
    itself (only `SessionFile.open` resolves a link, once). A copy of the file `like` gets
    its permissions: a copy of a private file stays private.
    """
    path = Path(path)
    problems = session_problems(session)
    if problems:
        raise InvalidItemError(problems)
    chunks = session_lines(session).chunks()
    with exclusive(path) as ours:
        if not ours:
            raise LockedError(path, holder(path))
        try:
            write_atomic(path, chunks, overwrite=overwrite,
                         mode=None if like is None else plain_mode(resolve_link(like)))
        except FileExistsError:
            raise FileExistsStoreError(path) from None
        except OSError as error:
            raise SaveError(path, error.strerror or str(error)) from None


def create_session(path: str | Path, meta: SessionMeta, items: Session | None = None) -> Path:
    """Create a new session file with `meta` (and the items of `items`); never overwrites."""
    path = Path(path)
    content = {table: items.items(table) for table in ITEM_KINDS} if items else {}
    session = Session(meta=meta, **content)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(path, error.strerror or str(error)) from None
    write_session(path, session)
    return path


def session_filename(meta: SessionMeta) -> str:
    """A file name for a session: its date and title, e.g. `2026-11-28-werksessie-wonen.json`."""
    slug = title_slug(meta.title, _MAX_SLUG) or t("store.filename_fallback")
    return f"{meta.date.isoformat()}-{slug}.json"

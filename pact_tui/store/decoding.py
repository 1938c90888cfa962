"""From a file's bytes to a checked Session: JSON, TinyDB layout, schema version, every item.

Nothing here writes. Problems are gathered per item so the message can name the
first (file, table, item, field) and `InvalidFileError.problems` can list them all.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pact_tui.i18n import t
from pact_tui.model import (
    ITEM_KINDS,
    SCHEMA_VERSION,
    InvalidItemError,
    Item,
    Problem,
    Session,
    SessionMeta,
    validate_item,
)
from pact_tui.model.validation import field_label, item_name, problems_from_validation_error
from pact_tui.store.backups import backups_of
from pact_tui.store.errors import InvalidFileError, NewerSchemaError
from pact_tui.store.migrations import MigrationError, migrate

META = "meta"

Raw = dict[str, Any]


@dataclass(frozen=True)
class Decoded:
    """A file's content: the raw tables (upgraded to the current schema) and the session."""

    data: Raw
    session: Session
    version: int
    """The schema version the file was written with (before any migration)."""
    doc_ids: dict[str, dict[str, int]]
    """Per table (meta too), each item's TinyDB doc_id by item id."""


def _file_problem(message: str) -> Problem:
    return Problem(table="", item="", field="", message=message)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file's objects are built.

    Building 20,000 models creates millions of objects and no garbage; the collector
    would walk them all again and again: measured 1.2 s to open such a file with it
    running, 0.45 s without.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode(path: Path, content: bytes, *, name_backup: bool = True) -> Decoded:
    """Check and parse a session file's `content`; raise InvalidFileError or NewerSchemaError."""
    with _collector_paused():
        return _decode(path, content, name_backup=name_backup)


def _decode(path: Path, content: bytes, *, name_backup: bool) -> Decoded:

    def invalid(problems: list[Problem]) -> InvalidFileError:
        return InvalidFileError(path, problems, newest_good_backup(path) if name_backup else None)

    raw = _parse_json(content)
    if isinstance(raw, Problem):
        raise invalid([raw])
    version = _schema_version(raw)
    if isinstance(version, Problem):
        raise invalid([version])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        try:
            raw = migrate(raw, version)
        except MigrationError as error:
            raise invalid([error.problem]) from None
    session, doc_ids, problems = _session(raw)
    if problems or session is None:
        raise invalid(problems)
    return Decoded(data=raw, session=session, version=version, doc_ids=doc_ids)


def _parse_json(content: bytes) -> Raw | Problem:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _file_problem(t("store.not_utf8", position=error.start))
    if not text.strip():
        return _file_problem(t("store.empty"))
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return _file_problem(t("store.bad_json", line=error.lineno, column=error.colno))
    except RecursionError:
        return _file_problem(t("store.too_deep"))
    if not isinstance(raw, dict):
        return _file_problem(t("store.not_tinydb"))
    for name, table in raw.items():
        if not isinstance(table, dict):
            return _file_problem(t("store.bad_table", table=name))
        for key in table:
            # TinyDB needs whole-number document ids.
            if not (key.isascii() and key.isdigit()):
                return _file_problem(t("store.bad_doc_id", table=name, key=key))
    return raw


def _meta_document(raw: Raw) -> Raw | Problem:
    documents = list(raw.get(META, {}).values())
    if not documents:
        return _file_problem(t("store.no_meta"))
    if len(documents) > 1:
        return _file_problem(t("store.several_meta", count=len(documents)))
    if not isinstance(documents[0], dict):
        return _file_problem(t("store.bad_meta"))
    meta: Raw = documents[0]
    return meta


def _schema_version(raw: Raw) -> int | Problem:
    meta = _meta_document(raw)
    if isinstance(meta, Problem):
        return meta
    version = meta.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return Problem(table=META, item=item_name(META, meta),
                       field=field_label("schema_version"),
                       message=t("store.bad_schema_version", supported=SCHEMA_VERSION))
    return version


def _session(raw: Raw) -> tuple[Session | None, dict[str, dict[str, int]], list[Problem]]:
    meta_raw = _meta_document(raw)
    if isinstance(meta_raw, Problem):
        return None, {}, [meta_raw]
    try:
        meta = SessionMeta.model_validate(meta_raw)
    except ValidationError as error:
        return None, {}, problems_from_validation_error(error, META, meta_raw)
    problems: list[Problem] = []
    tables: dict[str, list[Item]] = {}
    doc_ids: dict[str, dict[str, int]] = {META: {meta.id: int(next(iter(raw[META])))}}
    for table, kind in ITEM_KINDS.items():
        items: list[Item] = []
        ids: dict[str, int] = {}
        for doc_id, document in raw.get(table, {}).items():
            if not isinstance(document, dict):
                problems.append(Problem(table=table, item=str(doc_id), field="-",
                                        message=t("store.not_an_object")))
                continue
            try:
                item = validate_item(kind, document, meta.profile)
            except InvalidItemError as error:
                problems.extend(error.problems)
                continue
            if item.id in ids:
                problems.append(Problem(table=table, item=item.label()[:60], field="id",
                                        message=t("store.duplicate_id", id=item.id)))
                continue
            ids[item.id] = int(doc_id)
            items.append(item)
        tables[table] = items
        doc_ids[table] = ids
    if problems:
        return None, {}, problems
    session = Session(meta=meta, **{table: tuple(items) for table, items in tables.items()})
    return session, doc_ids, []


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup of `path` that opens without problems, if any."""
    for backup in backups_of(path):
        try:
            decode(backup, backup.read_bytes(), name_backup=False)
        except (InvalidFileError, NewerSchemaError, OSError):
            continue
        return backup
    return None

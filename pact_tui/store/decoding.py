"""From a file's bytes to a checked Session: JSON, TinyDB layout, schema version, every item.

A file in the store's own layout (one document per line, see encoding.py) and of the
current schema is read line by line: each document goes straight from its bytes into
its model (pydantic's `validate_json`, half the time of `json.loads` plus validation),
and its line is kept as it is for the next save. Any other file — written by TinyDB
itself, edited by hand, of an older schema, or with a problem in it — is parsed whole
and checked document by document, which also finds every problem to report.

Nothing here writes. Problems are gathered per item so the message can name the
first (file, table, item, field) and `InvalidFileError.problems` can list them all.
"""

from __future__ import annotations

import json
import re
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
    check_against_profile,
    validate_item,
)
from pact_tui.model.collector import collector_paused
from pact_tui.model.validation import field_label, item_name, problems_from_validation_error
from pact_tui.store.backups import backups_of
from pact_tui.store.encoding import FileLines, TableLines
from pact_tui.store.errors import InvalidFileError, NewerSchemaError
from pact_tui.store.migrations import MigrationError, migrate
from pact_tui.store.sharing import Sharing

META = "meta"

Raw = dict[str, Any]
# Per table, where each document's line lies in the file: (doc id, start, end).
Layout = dict[str, list[tuple[str, int, int]]]

# The lines of the store's own layout (encoding.py): a table opening (the first after
# the file's `{`, an empty one closed on the spot), a document, a table's closing.
_TABLE = re.compile(rb'(\{)?"([A-Za-z0-9_]+)": \{(\}(,|\}))?')
_DOCUMENT = re.compile(rb'"([0-9]+)": \{')
_CLOSING = re.compile(rb"\}(,|\})")


@dataclass(frozen=True)
class Decoded:
    """A file's content: the session (upgraded to the current schema) and how it is stored."""

    session: Session
    version: int
    """The schema version the file was written with (before any migration)."""
    doc_ids: dict[str, dict[str, str]]
    """Per table (meta too), each item's TinyDB doc_id by item id."""
    lines: FileLines | None
    """The file's lines for the next save (asked for with `lines=True`)."""


def _file_problem(message: str) -> Problem:
    return Problem(table="", item="", field="", message=message)


def decode(path: Path, content: bytes, *, lines: bool = False,
           name_backup: bool = True) -> Decoded:
    """Check and parse a session file's `content`; raise InvalidFileError or NewerSchemaError.

    With `lines` the result holds the file's lines, for a file that will be written.
    """
    # Building 20,000 models took 1.2 s with the collector running, 0.45 s without.
    with collector_paused():
        return _read_lines(content, lines) or _decode(path, content, lines=lines,
                                                      name_backup=name_backup)


def _read_lines(content: bytes, keep_lines: bool) -> Decoded | None:
    """A file in the store's own layout and schema, line by line; None for any other file."""
    layout = _layout(content)
    if layout is None or len(layout.get(META, ())) != 1:
        return None
    meta_id, start, end = layout[META][0]
    try:
        meta_raw = json.loads(_document(content, start, end))
    except ValueError:
        return None
    if not isinstance(meta_raw, dict) or meta_raw.get("schema_version") != SCHEMA_VERSION:
        return None
    try:
        meta = SessionMeta.model_validate(meta_raw)
    except ValidationError:
        return None
    sharing = Sharing()
    tables: dict[str, list[Item]] = {}
    doc_ids: dict[str, dict[str, str]] = {META: {meta.id: meta_id}}
    for table, kind in ITEM_KINDS.items():
        items: list[Item] = []
        ids: dict[str, str] = {}
        for doc_id, start, end in layout.get(table, ()):
            try:
                item = kind.model_validate_json(_document(content, start, end))
            except ValidationError:
                return None
            if item.id in ids or check_against_profile(item, meta.profile):
                return None
            ids[item.id] = doc_id
            items.append(sharing.share(item))
        tables[table] = items
        doc_ids[table] = ids
    for table in layout.keys() - ITEM_KINDS.keys() - {META}:
        # Tables of other programs are kept as they are, so they must be JSON objects too.
        for _doc_id, start, end in layout[table]:
            try:
                if not isinstance(json.loads(_document(content, start, end)), dict):
                    return None
            except ValueError:
                return None
    session = Session(meta=meta, **{table: tuple(items) for table, items in tables.items()})
    file_lines = None
    if keep_lines:
        view = memoryview(content)
        file_lines = FileLines({name: TableLines.in_file(view, documents)
                                for name, documents in layout.items()})
    return Decoded(session=session, version=SCHEMA_VERSION, doc_ids=doc_ids, lines=file_lines)


def _document(content: bytes, start: int, end: int) -> bytes:
    """The JSON object of the line at `start`..`end` (the line without its doc id)."""
    return content[content.index(b"{", start, end):end]


def _layout(content: bytes) -> Layout | None:
    """Where each document's line is, for a file exactly in the store's layout; else None.

    Accepts only what `json.loads` reads the same way: no table or doc id twice.
    """
    tables: Layout = {}
    position = 0
    while True:
        end = content.find(b"\n", position)
        table = _TABLE.fullmatch(content, position, end) if end >= 0 else None
        if table is None or (table[1] is None) != (position > 0):
            return None
        name = table[2].decode("ascii")
        if name in tables:
            return None
        documents = tables[name] = []
        position = end + 1
        closing = table[4]
        if closing is None:
            seen: set[str] = set()
            more = True
            while more:
                end = content.find(b"\n", position)
                document = _DOCUMENT.match(content, position, end) if end >= 0 else None
                if document is None:
                    return None
                doc_id = document[1].decode("ascii")
                if doc_id in seen:
                    return None
                seen.add(doc_id)
                more = content[end - 1:end] == b","
                documents.append((doc_id, position, end - more))
                position = end + 1
            end = content.find(b"\n", position)
            closed = _CLOSING.fullmatch(content, position, end) if end >= 0 else None
            if closed is None:
                return None
            closing = closed[1]
            position = end + 1
        if closing == b"}":
            return tables if position == len(content) else None


def _decode(path: Path, content: bytes, *, lines: bool, name_backup: bool) -> Decoded:

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
    return Decoded(session=session, version=version, doc_ids=doc_ids,
                   lines=FileLines.of(raw) if lines else None)


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


def _session(raw: Raw) -> tuple[Session | None, dict[str, dict[str, str]], list[Problem]]:
    meta_raw = _meta_document(raw)
    if isinstance(meta_raw, Problem):
        return None, {}, [meta_raw]
    try:
        meta = SessionMeta.model_validate(meta_raw)
    except ValidationError as error:
        return None, {}, problems_from_validation_error(error, META, meta_raw)
    problems: list[Problem] = []
    tables: dict[str, list[Item]] = {}
    doc_ids: dict[str, dict[str, str]] = {META: {meta.id: next(iter(raw[META]))}}
    sharing = Sharing()
    for table, kind in ITEM_KINDS.items():
        items: list[Item] = []
        ids: dict[str, str] = {}
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
            ids[item.id] = doc_id
            items.append(sharing.share(item))
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

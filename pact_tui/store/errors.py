"""The errors of the session store; each is a UserError whose message is one sentence."""

from __future__ import annotations

from pathlib import Path

from pact_tui.i18n import t
from pact_tui.model import Problem, UserError


class StoreError(UserError):
    """Base of every error about session files on disk."""


class InvalidFileError(StoreError):
    """A file that is not valid JSON or holds an invalid item; it is never written to.

    `problems` lists everything found (the message names the first), `backup` is the
    newest backup of the file that does open, if there is one.
    """

    def __init__(self, path: Path, problems: list[Problem], backup: Path | None = None) -> None:
        self.path = path
        self.problems = problems
        self.backup = backup
        first = problems[0]
        where = first.sentence() if first.table else first.message
        key = "store.invalid_file_with_backup" if backup else "store.invalid_file"
        super().__init__(t(key, file=str(path), problem=where, backup=str(backup)))


class NewerSchemaError(StoreError):
    """A file written by a newer pact-tui, with a schema this program does not know."""

    def __init__(self, path: Path, version: int, supported: int) -> None:
        self.path = path
        self.version = version
        self.supported = supported
        super().__init__(t("store.newer_schema", file=str(path), version=version,
                           supported=supported))


class ReadOnlyError(StoreError):
    """A write attempted on a file that is read-only here; `reason` says why (who holds it)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(t("store.read_only", file=str(path), reason=reason))


class LockedError(StoreError):
    """A whole-file write to a file that another program has open."""

    def __init__(self, path: Path, locked_by: str) -> None:
        self.path = path
        self.locked_by = locked_by
        super().__init__(t("store.locked", file=str(path), locked_by=locked_by))


class FileExistsStoreError(StoreError):
    """A new file would replace an existing one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(t("store.file_exists", file=str(path)))


class ItemNotFoundError(StoreError):
    """An update of an item that is not (or no longer) in the file."""

    def __init__(self, path: Path, table: str, item: str) -> None:
        self.path = path
        super().__init__(t("store.item_not_found", file=str(path),
                           table=t(f"model.table.{table}"), item=item))


class DuplicateItemError(StoreError):
    """An item added whose id is already in the file."""

    def __init__(self, path: Path, table: str, item: str) -> None:
        self.path = path
        super().__init__(t("store.duplicate_item", file=str(path),
                           table=t(f"model.table.{table}"), item=item))


class SaveError(StoreError):
    """The system refused to save (disk full, no permission); the file on disk is intact."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(t("store.save_failed", file=str(path), problem=problem))


def refused_whole(error: Exception) -> bool:
    """Whether a read that failed with `error` found the file whole: it parsed, and what it
    holds was refused. A file cut short by a sync engine still writing it never parses, and
    one held by another program fails to open: those may yet read whole."""
    return not isinstance(error, OSError) and not (
        isinstance(error, InvalidFileError) and not error.problems[0].table)

"""Session files on disk: TinyDB databases written crash-safe, locked, backed up and versioned.

The public API; everything else in this package is its implementation.
docs/file-format.md describes the file format itself.
"""

from pact_tui.store.errors import (
    DuplicateItemError,
    FileExistsStoreError,
    InvalidFileError,
    ItemNotFoundError,
    LockedError,
    NewerSchemaError,
    ReadOnlyError,
    SaveError,
    StoreError,
    refused_whole,
)
from pact_tui.store.files import create_session, read_session, session_filename, write_session
from pact_tui.store.profiles import builtin_profiles, load_profile
from pact_tui.store.revisions import next_revision
from pact_tui.store.session_file import SessionFile

__all__ = [
    "DuplicateItemError",
    "FileExistsStoreError",
    "InvalidFileError",
    "ItemNotFoundError",
    "LockedError",
    "NewerSchemaError",
    "ReadOnlyError",
    "SaveError",
    "SessionFile",
    "StoreError",
    "builtin_profiles",
    "create_session",
    "load_profile",
    "next_revision",
    "read_session",
    "refused_whole",
    "session_filename",
    "write_session",
]

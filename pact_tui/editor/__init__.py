"""The session editor: an open session's changes, applied at once, saved in order, undoable.

Between the store and the screens, and free of Textual (an import-linter contract says
so): the TUI drives it, tests and scripts can run it bare.
"""

from pact_tui.editor.session_editor import (
    UNDO_LIMIT,
    Change,
    Changed,
    EditorEvent,
    ItemChange,
    ReadOnlySessionError,
    Saved,
    SaveFailed,
    SessionEditor,
    changed_column,
    describe_change,
)

__all__ = ["UNDO_LIMIT", "Change", "Changed", "EditorEvent", "ItemChange",
           "ReadOnlySessionError", "SaveFailed", "Saved", "SessionEditor", "changed_column",
           "describe_change"]

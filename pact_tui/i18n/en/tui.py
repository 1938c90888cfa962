"""English messages: tui."""

MESSAGES: dict[str, str] = {
    # --- grid, actions, editing (grid engineer) ---
    "tui.editing.read_only": "This session is read-only: {who} has the file open.",
    "tui.editing.someone": "another program",
    "tui.editing.save_failed": "Saving failed; the change is kept and will be retried: {problem}",
    "tui.editing.gone": "{item} no longer exists in this session.",
    "tui.editing.invalid_meta": "Session details invalid at {field}: {problem}",
    "tui.editing.nothing_to_undo": "Nothing to undo.",
    "tui.editing.nothing_to_redo": "Nothing to redo.",
    "tui.editing.undone": "Undone.",
    "tui.editing.redone": "Redone.",
    # --- end grid, actions, editing ---
}

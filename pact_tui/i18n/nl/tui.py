"""Dutch messages: tui."""

MESSAGES: dict[str, str] = {
    # --- grid, actions, editing (grid engineer) ---
    "tui.editing.read_only": "Deze sessie is alleen-lezen: {who} heeft het bestand open.",
    "tui.editing.someone": "een ander programma",
    "tui.editing.save_failed": "Opslaan mislukt, de wijziging blijft bewaard en wordt opnieuw geprobeerd: {problem}",
    "tui.editing.gone": "{item} bestaat niet meer in deze sessie.",
    "tui.editing.invalid_meta": "Sessiegegevens ongeldig bij {field}: {problem}",
    "tui.editing.nothing_to_undo": "Niets om ongedaan te maken.",
    "tui.editing.nothing_to_redo": "Niets om opnieuw te doen.",
    "tui.editing.undone": "Ongedaan gemaakt.",
    "tui.editing.redone": "Opnieuw gedaan.",
    # --- end grid, actions, editing ---
}

"""English messages: command line."""

MESSAGES: dict[str, str] = {
    "cli.description": "Capture workshop sessions with municipalities and merge them into one implementation programme.",
    "cli.error": "Error: {message}",
    "cli.usage_error": "{problem} (see ‘{prog} --help’).",
    "cli.help.lang": "language of screens and messages (nl or en)",
    "cli.help.sessions_dir": "folder of session files (default ./sessions)",
    "cli.help.exports_dir": "folder for Word drafts (default ./exports)",
}

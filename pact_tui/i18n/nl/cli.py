"""Dutch messages: command line."""

MESSAGES: dict[str, str] = {
    "cli.description": "Werksessies met gemeenten vastleggen en samenvoegen tot één uitvoeringsprogramma.",
    "cli.error": "Fout: {message}",
    "cli.usage_error": "{problem} (zie ‘{prog} --help’).",
    "cli.help.lang": "taal van de schermen en meldingen (nl of en)",
    "cli.help.sessions_dir": "map met sessiebestanden (standaard ./sessions)",
    "cli.help.exports_dir": "map voor Word-concepten (standaard ./exports)",
}

"""Dutch messages: tui."""

MESSAGES: dict[str, str] = {
}

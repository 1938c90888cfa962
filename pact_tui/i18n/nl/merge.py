"""Dutch messages: merge."""

MESSAGES: dict[str, str] = {
}

"""Dutch messages: store."""

MESSAGES: dict[str, str] = {
}

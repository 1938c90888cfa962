"""Dutch messages: export."""

MESSAGES: dict[str, str] = {
}

"""English messages: store."""

MESSAGES: dict[str, str] = {
}

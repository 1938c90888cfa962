"""English messages: export."""

MESSAGES: dict[str, str] = {
}

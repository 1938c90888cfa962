"""English messages: merge."""

MESSAGES: dict[str, str] = {
}

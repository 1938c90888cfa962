"""pact-tui: live workshop sessions with municipalities, turned into one programme."""

__version__ = "0.1.0"

"""Several sessions -> one programme: pure functions over the models (no I/O, no Textual)."""

from pact_tui.merge.start import start_session_from

__all__ = ["start_session_from"]

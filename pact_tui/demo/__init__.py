"""A realistic West-Friesland demo: three workshop sessions and the programme made from them."""

from pact_tui.demo.builder import DEMO_NAMESPACE, build_demo_programme, build_demo_sessions, demo_id

__all__ = ["DEMO_NAMESPACE", "build_demo_programme", "build_demo_sessions", "demo_id"]

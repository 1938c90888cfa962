"""A realistic West-Friesland demo: three workshop sessions and the programme made from them."""

from importlib import import_module
from typing import Any

__all__ = ["DEMO_NAMESPACE", "build_demo_programme", "build_demo_sessions", "demo_id"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: the builder needs merge (numpy, rapidfuzz), and `pact-tui demo`
    # with the files already in place needs none of it.
    if name in __all__:
        return getattr(import_module("pact_tui.demo.builder"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

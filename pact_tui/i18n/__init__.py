"""The message catalogue: every user-facing string, Dutch first.

Each language is a package (`nl`, `en`) with one module per area of the app
(`model`, `store`, `cli`, `tui`, `merge`, `export`); the modules' dicts are joined
into one catalogue per language. Keys are dotted English names, e.g. "store.locked".
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Any

LANGUAGES = ("nl", "en")
AREAS = ("model", "store", "cli", "tui", "merge", "export", "sheets")

_catalogues: dict[str, dict[str, str]] = {}
_language = "nl"


def catalogue(language: str) -> Mapping[str, str]:
    """All messages of one language, loaded once."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose from {', '.join(LANGUAGES)}")
    if language not in _catalogues:
        merged: dict[str, str] = {}
        for area in AREAS:
            module = import_module(f"{__name__}.{language}.{area}")
            merged.update(module.MESSAGES)
        _catalogues[language] = merged
    return _catalogues[language]


def set_language(language: str) -> None:
    """Choose the language of every message from now on (`nl` or `en`)."""
    global _language
    catalogue(language)
    _language = language


def current_language() -> str:
    return _language


def t(key: str, /, **values: Any) -> str:
    """The message `key` in the current language, with `values` filled in.

    A key missing from the current language falls back to Dutch, then to the key
    itself, so a forgotten translation shows up plainly instead of crashing.
    """
    text = catalogue(_language).get(key) or catalogue("nl").get(key) or key
    return text.format(**values) if values else text


def tn(key: str, number: int, /, **values: Any) -> str:
    """The message `key` about `number` things: its `key_one` form when the number is one
    ("1 stem", not "1 stemmen"), else `key`; `number` is filled in as `{count}` unless
    `values` already give a count (a number in words, say)."""
    chosen = f"{key}_one" if number == 1 and f"{key}_one" in catalogue("nl") else key
    return t(chosen, **{"count": number, **values})

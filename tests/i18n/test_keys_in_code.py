"""Every catalogue key the code asks for exists in both languages: `t("...")` and
`counted("...", n)` with a literal key, and for `t(f"prefix{...}")` some key with that
prefix. A key missing would show itself to the user instead of a sentence."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import pact_tui
from pact_tui.i18n import LANGUAGES, catalogue

SOURCE = Path(pact_tui.__file__).parent
KEY_FUNCTIONS = frozenset({"t", "counted"})


def asked_keys() -> Iterator[tuple[str, bool, str]]:
    """(key or prefix, is a prefix, where) for every key the code passes to the catalogue."""
    for path in sorted(SOURCE.rglob("*.py")):
        if "i18n" in path.relative_to(SOURCE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in KEY_FUNCTIONS and node.args):
                continue
            first, where = node.args[0], f"{path.relative_to(SOURCE)}:{node.lineno}"
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value, False, where
            elif (isinstance(first, ast.JoinedStr) and first.values
                  and isinstance(first.values[0], ast.Constant)):
                yield str(first.values[0].value), True, where


def test_the_code_asks_for_keys_at_all() -> None:
    asked = list(asked_keys())
    assert len([key for key, prefix, _ in asked if not prefix]) > 500
    assert any(key == "model.template." for key, prefix, _ in asked if prefix)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_the_code_asks_for_exists(language: str) -> None:
    messages = catalogue(language)
    missing = [f"{where}: {key}" for key, prefix, where in asked_keys()
               if (not any(name.startswith(key) for name in messages) if prefix
                   else key not in messages)]
    assert missing == []

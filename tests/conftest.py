"""Shared fixtures: the built-in West-Friesland profile, read from the package data."""

from __future__ import annotations

from importlib.resources import files

import pytest

from pact_tui.i18n import set_language
from pact_tui.model import RegionProfile, parse_profile


@pytest.fixture(scope="session")
def profile() -> RegionProfile:
    text = files("pact_tui.profiles").joinpath("westfriesland.toml").read_text("utf-8")
    return parse_profile(text, "westfriesland.toml")


@pytest.fixture(autouse=True)
def dutch() -> None:
    """Every test starts in Dutch, whatever an earlier test chose."""
    set_language("nl")

"""Shared fixtures: the built-in West-Friesland profile, read from the package data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.i18n import set_language
from pact_tui.model import RegionProfile
from pact_tui.store import load_profile


@pytest.fixture(scope="session")
def profile() -> RegionProfile:
    return load_profile(None)


@pytest.fixture(autouse=True)
def dutch() -> None:
    """Every test starts in Dutch, whatever an earlier test chose."""
    set_language("nl")


@pytest.fixture(autouse=True)
def state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Rescue copies go to a folder of the test's own, never the user's real state folder."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder

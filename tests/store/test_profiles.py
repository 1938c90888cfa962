"""Region profiles: built in by key, or read from a TOML file with a clear message when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.model import ProfileError
from pact_tui.store import load_profile


def test_the_default_is_the_built_in_west_friesland() -> None:
    assert load_profile(None) == load_profile("westfriesland")
    assert len(load_profile(None).municipalities) == 7


def test_a_toml_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "regio.toml"
    path.write_text(
        'key = "regio"\nname = "Regio"\nmunicipalities = ["A"]\n'
        '[[themes]]\nkey = "wonen"\nlabel = "Wonen"\n'
        '[[scales]]\nkey = "lokaal"\nlabel = "Lokaal"\n'
        '[[horizons]]\nkey = "kort"\nlabel = "Kort"\n', encoding="utf-8")
    assert load_profile(path).name == "Regio"
    assert load_profile(str(path)).key == "regio"


def test_a_missing_profile_names_the_choices(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="westfriesland"):
        load_profile(tmp_path / "bestaat-niet.toml")
    with pytest.raises(ProfileError, match="groningen"):
        load_profile("groningen")


def test_a_broken_profile_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text("key = ", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"kapot\.toml"):
        load_profile(path)

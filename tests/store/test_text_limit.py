"""A text field longer than LONGEST_TEXT: refused in one sentence, the file left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.model import Action, InvalidItemError, RegionProfile, UserError, validate_item
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.store import read_session
from tests.oversized import write_oversized


def test_a_file_with_a_50_mb_goal_is_refused_naming_the_item_and_the_field(
    profile: RegionProfile, tmp_path: Path
) -> None:
    path = write_oversized(tmp_path / "groot.json", profile)
    before = path.stat().st_size, path.stat().st_mtime_ns
    with pytest.raises(UserError) as refused:
        read_session(path)
    sentence = str(refused.value)
    assert "groot.json" in sentence and "‘Bouwen’" in sentence and "‘doel’" in sentence
    assert f"langer dan {LONGEST_TEXT} tekens" in sentence
    assert len(sentence) < 300  # one sentence, not the text itself
    assert (path.stat().st_size, path.stat().st_mtime_ns) == before


def test_a_field_of_exactly_the_limit_opens(profile: RegionProfile, tmp_path: Path) -> None:
    path = write_oversized(tmp_path / "vol.json", profile, length=LONGEST_TEXT)
    assert len(read_session(path).actions[0].goal) == LONGEST_TEXT


def test_an_item_longer_than_the_limit_is_refused_in_a_sentence(profile: RegionProfile) -> None:
    raw = {"theme": "wonen", "title": "Bouwen", "notes": "x" * (LONGEST_TEXT + 1)}
    with pytest.raises(InvalidItemError) as refused:
        validate_item(Action, raw, profile)
    assert str(refused.value) == (f"Actie, ‘Bouwen’, veld ‘notities’: is langer dan "
                                  f"{LONGEST_TEXT} tekens, de grens voor één tekstveld")

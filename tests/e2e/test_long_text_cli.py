"""`pact-tui check` on a file with a 50 MB field: exit 2 and one sentence, not the text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.store import load_profile
from tests.oversized import write_oversized

PACT_TUI = Path(sys.executable).parent / "pact-tui"


def test_check_refuses_a_50_mb_goal_in_one_sentence(tmp_path: Path) -> None:
    path = write_oversized(tmp_path / "groot.json", load_profile(None))
    size = path.stat().st_size
    done = subprocess.run([str(PACT_TUI), "check", path.name], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and done.stdout == ""
    [sentence] = done.stderr.strip().splitlines()
    assert sentence.startswith("Fout: Sessiebestand groot.json is ongeldig")
    assert f"‘Bouwen’, veld ‘doel’: is langer dan {LONGEST_TEXT} tekens" in sentence
    assert len(sentence) < 300
    assert path.stat().st_size == size

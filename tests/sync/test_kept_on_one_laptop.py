"""A breakout file kept on Anna's laptop, synced to Bert's: Bert's laptop opens it read-only
and says why, from the file itself, whether or not Anna's lock file has arrived."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.i18n import t
from pact_tui.model import RegionProfile
from pact_tui.store import SessionFile, create_session
from pact_tui.store.laptop import ID_VARIABLE, NAME_VARIABLE, this_laptop
from tests.sync.conftest import BREAKOUT, breakout_session
from tests.sync.engine import SyncEngine


@pytest.mark.parametrize("lock_synced", [False, True])
def test_a_breakout_kept_on_annas_laptop_is_read_only_on_berts_with_the_reason(
        laptops: tuple[Path, Path], profile: RegionProfile, monkeypatch: pytest.MonkeyPatch,
        lock_synced: bool) -> None:
    anna, bert = laptops
    monkeypatch.setenv(ID_VARIABLE, "anna")
    monkeypatch.setenv(NAME_VARIABLE, "laptop van Anna")
    session = breakout_session(profile)
    meta = session.meta.model_copy(update={"laptop": this_laptop()})
    create_session(anna / BREAKOUT, meta, session.model_copy(update={"meta": meta}))
    sync = SyncEngine(laptops, ignore=None if lock_synced else lambda name: ".lock" in name)
    with SessionFile.open(anna / BREAKOUT) as on_annas:
        assert not on_annas.read_only
        sync.sync_once()
        assert (bert / f"{BREAKOUT}.lock.info").exists() == lock_synced
        monkeypatch.setenv(ID_VARIABLE, "bert")
        monkeypatch.setenv(NAME_VARIABLE, "laptop van Bert")
        with SessionFile.open(bert / BREAKOUT) as on_berts:
            assert on_berts.read_only
            assert on_berts.read_only_reason == t("store.reason_other_laptop",
                                                  laptop="laptop van Anna")
    # Bert's laptop never wrote the file, so nothing of it goes back to Anna's.
    assert [event for event in sync.sync_once() if event.split()[1] == BREAKOUT] == []

"""Every old schema loads; older files are upgraded on open after a backup; newer are refused."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from pact_tui.model import SCHEMA_VERSION, Action, past_versions
from pact_tui.model.items import BOOKKEEPING_FIELDS, content_fingerprint
from pact_tui.store import InvalidFileError, NewerSchemaError, SessionFile, read_session
from pact_tui.store.backups import backups_of

FIXTURES = Path(__file__).parents[1] / "fixtures"


def fixture_copy(tmp_path: Path, version: int) -> Path:
    return Path(shutil.copy(FIXTURES / f"schema-v{version}.json", tmp_path / "oud.json"))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_each_schema_version_loads(tmp_path: Path, version: int) -> None:
    session = read_session(fixture_copy(tmp_path, version))
    assert session.meta.schema_version == SCHEMA_VERSION
    assert session.meta.profile.key == "westfriesland"
    assert len(session.actions) == 3 and len(session.stakeholders) == 3


def test_schema_1_themes_parties_and_lead_become_keys_and_references(tmp_path: Path) -> None:
    session = read_session(fixture_copy(tmp_path, 1))
    hoorn, woonschap, _odnhn = session.stakeholders
    flex, warmte, leegstand = session.actions
    assert flex.theme == "wonen" and warmte.theme == "energie" and leegstand.theme == "wonen"
    assert [(party.name, party.stakeholder_id) for party in flex.parties] == [
        ("Gemeente Hoorn", hoorn.id), ("Woonschap Oostwest", woonschap.id), ("Intermaris", None)]
    assert flex.lead is not None and flex.lead.stakeholder_id == hoorn.id
    assert len(warmte.parties) == 3
    assert leegstand.lead is None and leegstand.parties == ()
    assert session.challenges[0].themes == ("wonen", "energie", "onderwijs")
    assert session.stakeholders[2].themes == ("energie",)
    assert session.commitments[0].party.stakeholder_id == woonschap.id
    assert session.status[0].theme == "wonen"


def test_read_session_upgrades_in_memory_only(tmp_path: Path) -> None:
    path = fixture_copy(tmp_path, 1)
    before = path.read_bytes()
    read_session(path)
    assert path.read_bytes() == before
    assert backups_of(path) == []


def test_opening_an_old_file_backs_it_up_then_upgrades_it(tmp_path: Path) -> None:
    path = fixture_copy(tmp_path, 1)
    before = path.read_bytes()
    with SessionFile.open(path) as opened:
        assert opened.meta.schema_version == SCHEMA_VERSION
        opened.add(Action(theme="zorg", title="Na de migratie"))
    (backup,) = backups_of(path)
    assert backup.read_bytes() == before
    assert json.loads(path.read_bytes())["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert len(read_session(path).actions) == 4


def test_a_read_only_opener_does_not_upgrade(tmp_path: Path) -> None:
    path = fixture_copy(tmp_path, 1)
    before = path.read_bytes()
    with SessionFile.open(path), SessionFile.open(path) as second:
        assert second.read_only
    with SessionFile.open(path):
        pass
    assert path.read_bytes() != before
    (backup,) = backups_of(path)
    assert backup.read_bytes() == before


def test_a_newer_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = fixture_copy(tmp_path, SCHEMA_VERSION)
    data = json.loads(path.read_bytes())
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="nieuwere pact-tui") as refused:
        SessionFile.open(path)
    assert f"schemaversie {SCHEMA_VERSION + 1}" in str(refused.value)
    with pytest.raises(NewerSchemaError):
        read_session(path)
    assert path.read_bytes() == before


def test_an_old_file_with_an_unknown_profile_is_refused(tmp_path: Path) -> None:
    path = fixture_copy(tmp_path, 1)
    data = json.loads(path.read_bytes())
    data["meta"]["1"]["profile"] = "groningen"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidFileError, match="groningen"):
        SessionFile.open(path)


def test_a_missing_schema_version_is_refused(tmp_path: Path) -> None:
    path = fixture_copy(tmp_path, SCHEMA_VERSION)
    data = json.loads(path.read_bytes())
    del data["meta"]["1"]["schema_version"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidFileError, match="schemaversie"):
        read_session(path)


def test_schema_2_gets_empty_merge_history_and_schema_3_keeps_it(tmp_path: Path) -> None:
    old = read_session(fixture_copy(tmp_path, 2))
    assert all(item.history == () and item.kept_apart == () for item in old.all_items())
    assert old.meta.earlier_sessions == () and old.meta.removed == ()

    new = read_session(fixture_copy(tmp_path, 3))
    [lost] = new.actions[0].history
    assert lost.reason == "newest" and lost.content is not None
    assert lost.content["goal"] == "In 2026 staan er 100 flexwoningen, eerst in Hoorn en Enkhuizen."
    assert [origin.title for origin in new.meta.earlier_sessions] == ["Breakout Wonen"]


def test_schema_3_actions_have_not_started_and_schema_4_keeps_progress(tmp_path: Path) -> None:
    old = read_session(fixture_copy(tmp_path, 3))
    assert all(action.status == "not-started" and action.light is None
               and action.progress_note == "" and action.progress_date is None
               for action in old.actions)

    new = read_session(fixture_copy(tmp_path, 4))
    flex, warmte, _third = new.actions
    assert (flex.status, flex.light, flex.progress_date) == (
        "in-progress", "attention", dt.date(2026, 5, 14))
    assert flex.progress_note.startswith("Twee locaties vallen af")
    assert (warmte.status, warmte.light) == ("done", "on-track")


def test_the_upgrade_to_schema_4_keeps_every_fingerprint(tmp_path: Path) -> None:
    """Bases written before the progress fields still name the same versions."""
    raw = json.loads(fixture_copy(tmp_path, 3).read_bytes())
    upgraded = read_session(fixture_copy(tmp_path, 3))
    for action in upgraded.actions:
        stored = next(doc for doc in raw["actions"].values() if doc["id"] == action.id)
        v3_content = {name: value for name, value in stored.items()
                      if name not in BOOKKEEPING_FIELDS}
        assert action.fingerprint() == content_fingerprint(v3_content)


def test_schema_4_has_no_votes_and_schema_5_keeps_rounds_votes_and_scores(tmp_path: Path) -> None:
    old = read_session(fixture_copy(tmp_path, 4))
    assert old.meta.voting_rounds == ()
    assert all(a.votes == {} and a.impact is None and a.effort is None for a in old.actions)
    assert old.challenges[0].votes == {}

    new = read_session(fixture_copy(tmp_path, 5))
    (voting,) = new.meta.voting_rounds
    assert (voting.name, voting.date, voting.dots) == ("Stippen plakken", dt.date(2025, 4, 2), 3)
    flex, warmte, leegstand = new.actions
    assert flex.votes == {voting.id: 7} and (flex.impact, flex.effort) == (5, 2)
    assert warmte.votes == {voting.id: 2} and (warmte.impact, warmte.effort) == (3, 4)
    assert leegstand.votes == {} and leegstand.impact is None
    assert new.challenges[0].votes == {voting.id: 4}


def test_the_upgrade_to_schema_5_keeps_every_fingerprint(tmp_path: Path) -> None:
    raw = json.loads(fixture_copy(tmp_path, 4).read_bytes())
    upgraded = read_session(fixture_copy(tmp_path, 4))
    for item in (*upgraded.actions, *upgraded.challenges):
        table = "actions" if isinstance(item, Action) else "challenges"
        stored = next(doc for doc in raw[table].values() if doc["id"] == item.id)
        v4_content = {name: value for name, value in stored.items()
                      if name not in BOOKKEEPING_FIELDS}
        assert item.fingerprint() == content_fingerprint(v4_content)


def test_a_file_of_schema_5_is_one_of_6_without_trails_or_tombstones(tmp_path: Path) -> None:
    raw = json.loads(fixture_copy(tmp_path, 5).read_bytes())
    upgraded = read_session(fixture_copy(tmp_path, 5))
    assert upgraded.meta.deletions == ()
    for item in upgraded.all_items():
        stored = next(doc for doc in raw[item.TABLE].values() if doc["id"] == item.id)
        assert item.trail == ()
        assert item.fingerprint() == content_fingerprint(
            {name: value for name, value in stored.items() if name not in BOOKKEEPING_FIELDS})


def test_schema_6_keeps_the_trail_and_the_tombstones(tmp_path: Path) -> None:
    session = read_session(fixture_copy(tmp_path, 6))
    titles = [content["title"] for _, _, content in past_versions(session.actions[0])]
    assert titles == ["Regionale pool flexwoningen opzetten en spoedzoekers"] * 2 + [
        "Regionale pool flexwoningen opzetten"]
    (tombstone,) = session.meta.deletions
    assert (tombstone.table, tombstone.revision) == ("status", 1)
    assert all(note.id != tombstone.item_id for note in session.status)

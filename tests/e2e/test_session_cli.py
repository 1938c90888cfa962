"""`pact-tui session new`, `check`, `schema`, `demo`, `open` and home, run in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pact_tui.demo import build_demo_programme
from pact_tui.model import ITEM_KINDS, SessionMeta
from pact_tui.store import SessionFile, read_session
from pact_tui.store.lock import lock_path

PROFILE_TOML = """
key = "testregio"
name = "Testregio"
municipalities = ["Alfa", "Beta"]

[[themes]]
key = "wonen"
label = "Wonen"

[[scales]]
key = "lokaal"
label = "Lokaal"

[[horizons]]
key = "kort"
label = "Korte termijn"
"""


def _one_error_line(run: Any) -> str:
    """The stderr of a failed run: exit code 2, one line, one sentence, no traceback."""
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err
    assert lines[0].endswith((".", ")."))
    return lines[0]


# --- demo -------------------------------------------------------------------------------------

def test_demo_writes_four_files_and_summarises_the_programme(cli, sessions_dir: Path) -> None:
    run = cli("demo", "--no-open")
    assert run.code == 0
    assert len(list(sessions_dir.glob("*.json"))) == 4
    assert run.out.count("(geschreven)") == 4
    assert "36 acties" in run.out and "thema-overstijgend" in run.out
    assert "3 acties met open punten" in run.out
    assert "pact-tui open" in run.out


def test_demo_again_reuses_the_files_and_says_so(cli, demo_files: list[Path]) -> None:
    before = [path.read_bytes() for path in demo_files]
    run = cli("demo", "--no-open")
    assert run.code == 0
    assert run.out.count("ongewijzigd") == 4
    assert "--sessions-dir" not in run.out
    assert [path.read_bytes() for path in demo_files] == before


def test_demo_keeps_an_edited_file_and_says_so(cli, demo_files: list[Path]) -> None:
    edited = demo_files[0]
    text = edited.read_text(encoding="utf-8").replace("Stakeholders en stand van zaken",
                                                      "Stakeholders (eigen versie)")
    edited.write_text(text, encoding="utf-8")
    run = cli("demo", "--no-open")
    assert run.code == 0
    assert "niet overschreven" in run.out and edited.name in run.out
    assert "--sessions-dir" in run.out
    assert edited.read_text(encoding="utf-8") == text


def test_demo_opens_the_programme_in_the_app(cli, sessions_dir: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Path | None] = []

    def fake_run_app(path: Path | None, *, sessions_dir: Path, exports_dir: Path,
                     opened: SessionFile | None) -> int:
        started.append(path)
        return 0

    monkeypatch.setattr("pact_tui.tui.run_app", fake_run_app)
    assert cli("demo").code == 0
    assert started and started[0] is not None
    assert read_session(started[0]).meta.kind == "programme"
    assert started[0].parent == sessions_dir


# --- check ------------------------------------------------------------------------------------

def test_check_accepts_every_demo_file_in_one_line(cli, demo_files: list[Path]) -> None:
    assert len(demo_files) == 4
    for path in demo_files:
        run = cli("check", path)
        assert run.code == 0, run.err
        assert run.err == ""
        assert len(run.out.strip().splitlines()) == 1
        assert "is in orde" in run.out and str(path) in run.out
    programme_path = next(path for path in demo_files if "uitvoeringsprogramma" in path.name)
    programme = cli("check", programme_path).out
    assert "programma" in programme and "36 acties (3 met open punten)" in programme


def test_check_refuses_a_corrupted_file_and_leaves_it_alone(cli, demo_files: list[Path]) -> None:
    path = demo_files[-1]
    broken = path.read_bytes()[:-200]
    path.write_bytes(broken)
    line = _one_error_line(cli("check", path))
    assert line.startswith("Fout: ") and str(path) in line
    assert path.read_bytes() == broken


def test_check_refuses_an_item_outside_the_profile(cli, demo_files: list[Path]) -> None:
    path = demo_files[-1]
    path.write_text(path.read_text(encoding="utf-8").replace('"scale": "westfries"',
                                                             '"scale": "wereldwijd"', 1),
                    encoding="utf-8")
    line = _one_error_line(cli("check", path))
    assert "wereldwijd" in line and "schaalniveau" in line


@pytest.mark.parametrize("name", ["bestaat-niet.json", "."])
def test_check_of_a_missing_file_or_a_folder_is_one_sentence(cli, tmp_path: Path,
                                                             name: str) -> None:
    line = _one_error_line(cli("check", tmp_path / name))
    assert str(tmp_path / name) in line


# --- session new ------------------------------------------------------------------------------

def test_session_new_prints_a_path_that_check_accepts(cli, sessions_dir: Path) -> None:
    run = cli("session", "new", "Werksessie wonen", "--date", "2026-11-28",
              "--facilitator", "Procesbegeleider")
    assert run.code == 0
    path = Path(run.out.strip())
    assert path == sessions_dir / "2026-11-28-werksessie-wonen.json"
    meta = read_session(path).meta
    assert (meta.title, meta.facilitator, meta.profile.key) == (
        "Werksessie wonen", "Procesbegeleider", "westfriesland")
    assert cli("check", path).code == 0


def test_session_new_never_replaces_an_existing_file(cli) -> None:
    first = Path(cli("session", "new", "Werksessie", "--date", "2026-11-28").out.strip())
    content = first.read_bytes()
    second = Path(cli("session", "new", "Werksessie", "--date", "2026-11-28").out.strip())
    assert second != first and second.name == "2026-11-28-werksessie-2.json"
    assert first.read_bytes() == content


def test_session_new_with_a_profile_file(cli, tmp_path: Path) -> None:
    toml = tmp_path / "testregio.toml"
    toml.write_text(PROFILE_TOML, encoding="utf-8")
    run = cli("session", "new", "Kick-off", "--profile", toml)
    assert run.code == 0
    assert read_session(Path(run.out.strip())).profile.key == "testregio"


def test_session_new_refuses_a_bad_date(cli, sessions_dir: Path) -> None:
    line = _one_error_line(cli("session", "new", "X", "--date", "2026-13-01"))
    assert "2026-13-01" in line and "jjjj-mm-dd" in line
    assert not sessions_dir.exists()


def test_session_new_refuses_an_empty_title(cli, sessions_dir: Path) -> None:
    line = _one_error_line(cli("session", "new", "   "))
    assert "titel" in line
    assert not sessions_dir.exists()

def test_session_new_refuses_an_unknown_profile(cli) -> None:
    line = _one_error_line(cli("session", "new", "X", "--profile", "atlantis"))
    assert "atlantis" in line and "westfriesland" in line


def test_session_new_names_the_broken_profile_file(cli, tmp_path: Path) -> None:
    toml = tmp_path / "kapot.toml"
    toml.write_text('key = "x"\n[[themes]\n', encoding="utf-8")
    line = _one_error_line(cli("session", "new", "X", "--profile", toml))
    assert str(toml) in line


def test_session_new_refuses_a_sessions_folder_that_is_a_file(cli, tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("", encoding="utf-8")
    run = cli("--sessions-dir", blocker, "session", "new", "X")
    assert str(blocker) in _one_error_line(run)


def test_session_new_where_the_folder_cannot_be_made(cli, tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("", encoding="utf-8")
    run = cli("--sessions-dir", blocker / "sessies", "session", "new", "X")
    assert "sessies" in _one_error_line(run)


def test_session_new_from_the_programme_copies_every_item_with_its_base(
    cli, demo_files: list[Path]
) -> None:
    programme_path = next(p for p in demo_files if read_session(p).meta.kind == "programme")
    programme = read_session(programme_path)
    run = cli("session", "new", "Werksessie vervolg", "--date", "2020-03-05",
              "--from", programme_path)
    assert run.code == 0, run.err
    session = read_session(Path(run.out.strip()))
    assert session.meta.kind == "session" and session.meta.title == "Werksessie vervolg"
    assert session.meta.sources == (programme.meta.as_origin(),)
    for table in ITEM_KINDS:
        originals = {item.id: item for item in programme.items(table)}
        copies = session.items(table)
        assert {item.id for item in copies} == set(originals)
        assert all(item.base == originals[item.id].fingerprint() for item in copies)


def test_session_new_from_refuses_a_profile_too(cli, demo_files: list[Path],
                                                sessions_dir: Path) -> None:
    before = sorted(sessions_dir.iterdir())
    # Both valid on their own, so only their combination can be what is refused.
    assert cli("session", "new", "X", "--profile", "westfriesland").code == 0
    assert cli("session", "new", "Y", "--from", demo_files[0]).code == 0
    line = _one_error_line(cli("session", "new", "Z", "--from", demo_files[0],
                               "--profile", "westfriesland"))
    assert "--profile" in line and "--from" in line
    assert len(sorted(sessions_dir.iterdir())) == len(before) + 2


def test_session_new_from_a_missing_file(cli, tmp_path: Path) -> None:
    assert "weg.json" in _one_error_line(cli("session", "new", "X", "--from",
                                             tmp_path / "weg.json"))


def test_session_without_a_subcommand_says_what_to_type(cli) -> None:
    assert "pact-tui session new" in _one_error_line(cli("session"))


# --- schema -----------------------------------------------------------------------------------

def test_schema_is_json_with_the_meta_and_every_table(cli) -> None:
    run = cli("schema")
    assert run.code == 0
    schema = json.loads(run.out)
    assert set(schema["tables"]) == set(ITEM_KINDS)
    assert set(schema["meta"]["properties"]) == set(SessionMeta.model_fields)
    actions = schema["tables"]["actions"]
    assert {"theme", "title", "goal", "scale", "planning", "parties", "lead"} <= set(
        actions["properties"])


def test_every_demo_item_fits_the_printed_schema(cli) -> None:
    schema = json.loads(cli("schema").out)
    programme = build_demo_programme()
    for table in ITEM_KINDS:
        item_schema = schema["tables"][table]
        for item in programme.items(table):
            data = item.model_dump(mode="json")
            assert set(data) <= set(item_schema["properties"]), table
            assert set(item_schema.get("required", ())) <= set(data), table


# --- open and home ----------------------------------------------------------------------------

def test_open_hands_the_file_and_folders_to_the_app(cli, demo_files: list[Path], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path | None, Path, Path]] = []

    def fake_run_app(path: Path | None, *, sessions_dir: Path, exports_dir: Path,
                     opened: SessionFile | None) -> int:
        calls.append((path, sessions_dir, exports_dir))
        if opened is not None:
            opened.close()
        return 7

    monkeypatch.setattr("pact_tui.tui.run_app", fake_run_app)
    assert cli("open", demo_files[0]).code == 7
    assert cli().code == 7
    assert calls[0] == (demo_files[0], demo_files[0].parent, tmp_path / "exports")
    assert calls[1][0] is None


@pytest.mark.parametrize("name", ["weg.json", "."])
def test_open_of_a_missing_file_or_a_folder_is_one_sentence(cli, tmp_path: Path,
                                                            name: str) -> None:
    _one_error_line(cli("open", tmp_path / name))


async def test_the_app_takes_over_the_file_open_has_opened(demo_files: list[Path],
                                                           tmp_path: Path) -> None:
    from pact_tui.tui.app import PactApp

    path = demo_files[0]
    app = PactApp(path, sessions_dir=path.parent, exports_dir=tmp_path / "exports",
                  opened=SessionFile.open(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Opened a second time it would be read-only: this program would hold its lock.
        assert app.editor is not None and not app.editor.read_only


@pytest.mark.parametrize("damage", ["{half", '{"meta": {"1": {"schema_version": 99}}}'])
def test_open_of_a_file_that_does_not_open_is_one_sentence_and_leaves_no_lock(
    cli, demo_files: list[Path], damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pact_tui.tui.run_app", lambda *args, **kwargs: 0)
    broken = demo_files[0]
    broken.write_text(damage, encoding="utf-8")
    assert str(broken) in _one_error_line(cli("open", broken))
    assert not lock_path(broken).exists()


@pytest.mark.parametrize("command", [("open",), ("check",), ("export",), ("room",),
                                     ("summary",)])
def test_a_link_loop_is_named_as_one(cli, tmp_path: Path, command: tuple[str, ...],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pact_tui.tui.run_app", lambda *args, **kwargs: 0)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    try:
        first.symlink_to(second)
        second.symlink_to(first)
    except OSError:
        pytest.skip("no symbolic links here")
    line = _one_error_line(cli(*command, first))
    assert str(first) in line and "symbolische link die in een kring" in line


# --- language ---------------------------------------------------------------------------------

def test_english_messages_with_lang_en(cli, tmp_path: Path, sessions_dir: Path) -> None:
    line = _one_error_line(cli("--lang", "en", "check", tmp_path / "missing.json"))
    assert line == f"Error: File {tmp_path / 'missing.json'} does not exist."
    run = cli("--lang", "en", "demo", "--no-open")
    assert run.out.count("(written)") == 4 and "actions with open points" in run.out
    checked = cli("--lang", "en", "check", sorted(sessions_dir.glob("*.json"))[0])
    assert "is valid" in checked.out and "status notes" in checked.out
    assert "Date ‘morgen’ does not exist" in _one_error_line(
        cli("--lang", "en", "session", "new", "X", "--date", "morgen"))

"""Writing the demo into a sessions folder: written once, reused if unchanged, never overwritten."""

from __future__ import annotations

from pathlib import Path

from pact_tui.demo import build_demo_programme, build_demo_sessions
from pact_tui.demo.files import DEMO_FILES, DemoFileState, digest, write_demo
from pact_tui.model import Action
from pact_tui.store import SessionFile, read_session, session_filename


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.json"))}


def test_writes_three_sessions_and_the_programme_last(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"  # not there yet: made on the way
    files = write_demo(folder)
    expected = [*build_demo_sessions(), build_demo_programme()]
    assert [f.state for f in files] == [DemoFileState.WRITTEN] * 4
    assert [f.path.name for f in files] == [session_filename(s.meta) for s in expected]
    for demo_file, session in zip(files, expected, strict=True):
        assert read_session(demo_file.path) == session
    assert read_session(files[-1].path).meta.kind == "programme"


def test_the_recorded_names_and_digests_are_the_demo_as_built_today(tmp_path: Path) -> None:
    files = write_demo(tmp_path)
    written = tuple((demo_file.path.name, digest(demo_file.path)) for demo_file in files)
    assert written == DEMO_FILES, (
        "The demo or the file format changed: set DEMO_FILES in pact_tui/demo/files.py to\n"
        + "\n".join(f"    ({name!r},\n     {value!r})," for name, value in written))


def test_a_second_run_reuses_the_files_byte_for_byte(tmp_path: Path) -> None:
    write_demo(tmp_path)
    before = _snapshot(tmp_path)
    files = write_demo(tmp_path)
    assert [f.state for f in files] == [DemoFileState.UNCHANGED] * 4
    assert _snapshot(tmp_path) == before


def test_an_edited_demo_file_is_kept_as_edited(tmp_path: Path) -> None:
    programme_path = write_demo(tmp_path)[-1].path
    with SessionFile.open(programme_path) as opened:
        action = opened.list(Action)[0]
        opened.update(action.edited(goal="Een doel dat de gemeenteraad zelf formuleerde."))
    edited = programme_path.read_bytes()
    files = write_demo(tmp_path)
    assert [f.state for f in files] == [DemoFileState.UNCHANGED] * 3 + [DemoFileState.KEPT]
    assert programme_path.read_bytes() == edited
    assert read_session(programme_path).actions[0].goal.startswith("Een doel dat")


def test_someone_elses_file_with_a_demo_name_is_left_alone(tmp_path: Path) -> None:
    first = build_demo_sessions()[0]
    theirs = tmp_path / session_filename(first.meta)
    theirs.write_text("{ not a session file", encoding="utf-8")
    files = write_demo(tmp_path)
    assert files[0].state is DemoFileState.KEPT
    assert theirs.read_text(encoding="utf-8") == "{ not a session file"
    assert [f.state for f in files[1:]] == [DemoFileState.WRITTEN] * 3


def test_a_deleted_demo_file_is_written_again(tmp_path: Path) -> None:
    files = write_demo(tmp_path)
    files[1].path.unlink()
    again = write_demo(tmp_path)
    assert [f.state for f in again] == [DemoFileState.UNCHANGED, DemoFileState.WRITTEN,
                                       DemoFileState.UNCHANGED, DemoFileState.UNCHANGED]
    assert read_session(files[1].path) == build_demo_sessions()[1]
    assert digest(files[1].path) == DEMO_FILES[1][1]

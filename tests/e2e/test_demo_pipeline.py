"""The whole road with the demo: write it, merge its sessions, check, start anew, export to Word."""

from __future__ import annotations

from pathlib import Path

import docx

from pact_tui.demo import build_demo_programme, build_demo_sessions
from pact_tui.store import read_session, session_filename


def test_demo_sessions_merge_into_the_demo_programme_and_export(
    cli, sessions_dir: Path, tmp_path: Path
) -> None:
    assert cli("demo", "--no-open").code == 0
    inputs = [sessions_dir / session_filename(s.meta) for s in build_demo_sessions()]
    merged_path = tmp_path / "programma.json"

    merged = cli("merge", *reversed(inputs), "-o", merged_path)
    assert merged.code == 0, merged.err
    assert cli("check", merged_path).code == 0

    expected = build_demo_programme()
    merged_programme = read_session(merged_path)
    assert merged_programme.meta.kind == "programme"
    for table in ("stakeholders", "status", "challenges", "ambitions", "actions", "commitments"):
        assert {i.id: i.fingerprint() for i in merged_programme.items(table)} == {
            i.id: i.fingerprint() for i in expected.items(table)}

    follow_up = cli("session", "new", "Werksessie monitoring", "--date", "2020-06-11",
                    "--from", merged_path)
    assert follow_up.code == 0 and cli("check", follow_up.out.strip()).code == 0

    word = tmp_path / "uitvoeringsprogramma.docx"
    exported = cli("export", merged_path, "-o", word)
    assert exported.code == 0, exported.err
    # An action's cell starts with its title; the ambition it serves follows on the next line.
    cells = {cell.text.split("\n")[0] for table in docx.Document(str(word)).tables
             for row in table.rows for cell in row.cells}
    assert all(action.title in cells for action in expected.actions)

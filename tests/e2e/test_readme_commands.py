"""The README's command-line examples, run as written in a shell, in order, in a fresh folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).parents[2] / "README.md"
BIN = Path(sys.executable).parent


def readme_commands() -> list[str]:
    """Every `pact-tui` line of the README's sh blocks, continuation lines joined."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    commands = []
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():
            if line.startswith("pact-tui"):
                commands.append(line)
    return commands


def _runs_alone(command: str) -> bool:
    """False for the examples that start the app or the room view: they wait for a person."""
    words = command.split("#")[0].split()
    return not (words == ["pact-tui"] or words[1] in ("open", "room", "day")
                or words == ["pact-tui", "demo"])


def test_the_readme_shows_the_quick_start_and_merge_examples() -> None:
    commands = readme_commands()
    assert any("merge" in command for command in commands)
    assert any("--from" in command for command in commands)
    assert len([command for command in commands if _runs_alone(command)]) >= 6


def test_every_readme_command_works_as_written(tmp_path: Path) -> None:
    # The examples use the samples in docs/ (a house-style template, an action list).
    shutil.copytree(README.parent / "docs", tmp_path / "docs")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    for command in filter(_runs_alone, readme_commands()):
        if shutil.which("soffice") is None:  # --pdf needs LibreOffice; without it, it says so
            command = command.replace(" --pdf", "")
        done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, text=True,
                              capture_output=True, timeout=300, check=False)
        if done.returncode != 0 or done.stderr:
            pytest.fail(f"{command!r} gave exit {done.returncode}:\n{done.stderr}")
    assert (tmp_path / "sessions" / "programma.json").is_file()
    assert list((tmp_path / "exports").glob("*.docx"))

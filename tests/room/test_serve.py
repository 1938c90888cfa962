"""`pact-tui room FILE --serve`: the room view's page, answered on this machine's loopback only."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pact_tui.cli import main

START_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8")


def test_serve_answers_with_the_room_views_page(session_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "pact_tui", "room", str(session_path), "--serve",
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                status, page = _get(base + "/")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert status == 200
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        assert "Zaalweergave · sessie.json" in page
        # The terminal's script comes from the server itself, not from the internet.
        status, script = _get(base + "/static/js/textual.js")
        assert status == 200 and len(script) > 10_000
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def test_without_the_extra_serve_says_how_to_get_it(
    session_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # as if not installed
    assert main(["room", str(session_path), "--serve"]) == 2
    error = capsys.readouterr().err
    assert "pip install 'pact-tui[room]'" in error and len(error.strip().splitlines()) == 1


def test_a_file_that_is_not_there_is_said_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["room", str(tmp_path / "weg.json")]) == 2
    assert "weg.json bestaat niet" in capsys.readouterr().err

"""`pact-tui room FILE --serve`: the room view's page, its address, who may connect and how many."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from pact_tui.cli import main

START_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.read().decode("utf-8")


@contextlib.contextmanager
def _serving(session_path: Path, *options: str) -> Iterator[str]:
    """`room --serve` running with `options`; its address on the loopback."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "pact_tui", "room", str(session_path), "--serve",
         "--port", str(port), *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                _get(base + "/")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def test_serve_answers_with_the_room_views_page(session_path: Path) -> None:
    with _serving(session_path, "--host", "127.0.0.1") as base:
        status, page = _get(base + "/")
        assert status == 200
        assert f'data-session-websocket-url="ws://{base[len("http://"):]}/ws"' in page
        assert "Zaalweergave · sessie.json" in page
        # The terminal's script comes from the server itself, not from the internet.
        status, script = _get(base + "/static/js/textual.js")
        assert status == 200 and len(script) > 10_000


def test_listening_everywhere_the_page_names_the_address_the_browser_used(
    session_path: Path
) -> None:
    with _serving(session_path, "--host", "0.0.0.0") as base:
        port = base.rsplit(":", 1)[1]
        # The TV typed this computer's address on the network into its browser.
        _, page = _get(base + "/", headers={"Host": f"192.168.1.20:{port}"})
        assert f'data-session-websocket-url="ws://192.168.1.20:{port}/ws"' in page
        assert "0.0.0.0" not in page


def test_a_public_url_is_the_pages_address(session_path: Path) -> None:
    with _serving(session_path, "--host", "127.0.0.1",
                  "--public-url", "https://zaal.example.nl/") as base:
        _, page = _get(base + "/")
        assert 'data-session-websocket-url="wss://zaal.example.nl/ws"' in page


async def test_a_websocket_from_another_site_is_refused(session_path: Path) -> None:
    with _serving(session_path, "--host", "127.0.0.1") as base:
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(base + "/ws", headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403


async def test_one_browser_too_many_is_told_why(session_path: Path) -> None:
    with _serving(session_path, "--host", "127.0.0.1", "--max-clients", "1") as base:
        async with aiohttp.ClientSession() as client:
            first = await client.ws_connect(base + "/ws", headers={"Origin": base})
            # The first one's room view is running once it draws.
            assert (await first.receive(timeout=START_SECONDS)).type == aiohttp.WSMsgType.BINARY
            second = await client.ws_connect(base + "/ws", headers={"Origin": base})
            told = await second.receive(timeout=10)
            assert b"al 1 kijkers, het maximum" in told.data
            assert (await second.receive(timeout=10)).type in (
                aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            with pytest.raises(urllib.error.HTTPError) as full:
                _get(base + "/")
            assert full.value.code == 503
            assert "het maximum" in full.value.read().decode("utf-8")
            await first.close()


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


def test_listening_everywhere_says_the_address_to_type_on_the_tv(
    session_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("pact_tui.cli.room_server.RoomServer.serve", lambda self: None)
    assert main(["room", str(session_path), "--serve", "--host", "0.0.0.0",
                 "--port", "8123"]) == 0
    said = capsys.readouterr().out
    assert ":8123" in said and "0.0.0.0" not in said


def test_a_cap_of_no_viewers_is_refused_in_one_line(
    session_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["room", str(session_path), "--serve", "--max-clients", "0"]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "heel getal van 1 of meer" in error

"""What the benchmarks measure is real work, and a missing test tool skips a benchmark
with one clear line instead of a traceback."""

from __future__ import annotations

import sys

import pytest

from bench import __main__ as bench_main
from bench.bench_tui import KEYSTROKES, SMALL, cursor_moves


def test_every_cursor_key_of_the_bench_moves_the_cursor_in_the_small_file_too() -> None:
    moves = cursor_moves(KEYSTROKES, SMALL)
    assert len(moves) == KEYSTROKES
    row = 0
    for key in moves:
        row += 1 if key == "down" else -1
        assert 0 <= row < SMALL  # never a key against the first or last row


def test_the_store_bench_without_tinydb_is_skipped_with_a_clear_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "tinydb", None)  # as after `make run`: not installed
    monkeypatch.delitem(sys.modules, "bench.bench_store", raising=False)
    monkeypatch.setattr(bench_main, "write_results", lambda figures, failures: None)
    assert bench_main.main(["store"]) == 0
    printed = capsys.readouterr().out
    assert "bench_store: skipped" in printed and "'tinydb'" in printed
    assert "make bench" in printed and "Traceback" not in printed

"""The rows a panel shows: the cursor's always among them, markers and rows within the height."""

from __future__ import annotations

from pact_tui.tui.scroll_window import window


def test_every_cursor_is_shown_and_rows_and_markers_fit_the_height() -> None:
    for total in range(0, 30):
        for height in range(1, 12):
            for cursor in range(max(total, 1)):
                rows = window(total, cursor, height)
                lines = rows.last - rows.first + (rows.above() > 0) + (rows.below(total) > 0)
                if total:
                    assert rows.first <= cursor < rows.last, (total, height, cursor)
                if height >= 3:
                    assert lines <= height, (total, height, cursor)
                assert rows.above() + (rows.last - rows.first) + rows.below(total) == total

"""The Textual app: one screen per phase of a live session, the home screen, and their widgets.

`run_app` is the one entry point; it imports Textual only when called, so the rest
of pact-tui (and `pact-tui export`, `merge`, ...) starts without it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pact_tui.i18n import t

if TYPE_CHECKING:
    from pact_tui.store import SessionFile


def run_app(path: Path | None, *, sessions_dir: Path, exports_dir: Path,
            opened: SessionFile | None = None, day: Path | None = None) -> int:
    """Run the app on `path` (or the home screen when None) until the user quits; the exit code.

    `opened` is `path` already opened by the caller (who made sure it opens); the app
    takes it over rather than reading the file a second time. Every change is saved
    before this returns; changes that could not be saved are written next to the file
    and that path is reported, so nothing is lost. With `day` the app starts on the
    overview of that day folder.
    """
    from pact_tui.tui.app import PactApp

    app = PactApp(path, sessions_dir=sessions_dir, exports_dir=exports_dir, opened=opened,
                  day=day)
    try:
        result = app.run()
    finally:
        if opened is not None:
            opened.close()  # a no-op once the app has closed it; the lock if it never started
    if app.rescued is not None:
        # The terminal is back: say it where it stays readable after the app is gone.
        print(t("tui.app.rescued", path=str(app.rescued)), file=sys.stderr)
    return result if isinstance(result, int) else 0

"""`pact-tui day FOLDER [--new TITLE]`: the app on the live overview of a day folder.

The folder holds the day's programme and one breakout file per group, each kept by its
own laptop. `--new TITLE` first makes a breakout of the programme on this laptop and
opens it for editing; the overview is one key (Ctrl+O) away.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pydantic import ValidationError

from pact_tui.i18n import t
from pact_tui.model import UserError
from pact_tui.model.file_names import free_path
from pact_tui.model.validation import problems_from_validation_error
from pact_tui.store import create_session, session_filename
from pact_tui.store.folder import scan_sessions


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommand to the `pact-tui` parser."""
    day = subparsers.add_parser("day", help=t("cli.day.help"), description=t("cli.day.help"))
    day.add_argument("folder", type=Path, help=t("cli.day.help.folder"))
    day.add_argument("--new", metavar="TITLE", help=t("cli.day.help.new"))
    day.set_defaults(handler=run_day)


def run_day(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if not folder.exists():
        raise UserError(t("cli.day.not_found", folder=str(folder)))
    if not folder.is_dir():
        raise UserError(t("cli.day.not_a_folder", folder=str(folder)))
    breakout = _new_breakout(folder, args.new) if args.new is not None else None
    from pact_tui.tui import run_app  # here, so that a refused folder never loads Textual

    result: int = run_app(breakout, sessions_dir=folder, exports_dir=args.exports_dir,
                          day=folder)
    return result


def _new_breakout(folder: Path, title: str) -> Path:
    """A new breakout of the folder's programme, kept on this laptop; its path."""
    from pact_tui.merge.day import day_programme, new_breakout
    from pact_tui.store.laptop import this_laptop

    if not title.strip():
        raise UserError(t("cli.day.empty_title"))
    sessions = {entry.path.name: entry.session for entry in scan_sessions(folder)
                if entry.session is not None and entry.copy_of is None}
    programme = day_programme(sessions)
    if programme is None:
        raise UserError(t("cli.day.no_programme", folder=str(folder)))
    try:
        session = new_breakout(sessions[programme], title.strip(), this_laptop())
    except ValidationError as error:  # a title over the limit, say
        problem = problems_from_validation_error(error, "meta", {"title": title})[0]
        raise UserError(t("cli.bad_new_session", problem=problem.sentence())) from None
    return create_session(free_path(folder, session_filename(session.meta)), session.meta,
                          session)

"""Subcommands for the room: `pact-tui room FILE [--follow on|off] [--serve ...]` and
`pact-tui summary FILE [-o OUT.html]`."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from pact_tui.export.summary import summary_path, write_summary
from pact_tui.i18n import current_language, t
from pact_tui.model import UserError
from pact_tui.store import read_session
from pact_tui.store.folder import started_from

DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `pact-tui` parser."""
    room = subparsers.add_parser("room", help=t("cli.room.help"), description=t("cli.room.help"))
    room.add_argument("file", type=Path, help=t("cli.help.file"))
    room.add_argument("--follow", choices=("on", "off"), default="on",
                      help=t("cli.room.help.follow"))
    room.add_argument("--serve", action="store_true", help=t("cli.room.help.serve"))
    room.add_argument("--port", type=int, default=DEFAULT_PORT, help=t("cli.room.help.port"))
    room.add_argument("--host", default="localhost", help=t("cli.room.help.host"))
    room.set_defaults(handler=run_room)

    summary = subparsers.add_parser("summary", help=t("cli.summary.help"),
                                    description=t("cli.summary.help"))
    summary.add_argument("file", type=Path, help=t("cli.help.file"))
    summary.add_argument("-o", "--output", type=Path, help=t("cli.summary.help.output"))
    summary.set_defaults(handler=run_summary)


def run_room(args: argparse.Namespace) -> int:
    # A file that cannot be read at all is said at once, not shown as an empty room.
    read_session(args.file)
    if args.serve:
        return _serve(args)
    from pact_tui.tui.room import run_room as show_room

    return show_room(args.file, follow=args.follow == "on")


def _serve(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UserError(t("cli.room.no_serve")) from None
    # Each browser that connects gets its own room view, started by this command line.
    command = shlex.join([sys.executable, "-m", "pact_tui", "--lang", current_language(),
                          "room", str(args.file.resolve()), "--follow", args.follow])
    print(t("cli.room.serving", url=f"http://{args.host}:{args.port}"), flush=True)
    Server(command, host=args.host, port=args.port,
           title=t("cli.room.page_title", file=args.file.name)).serve()
    return 0


def run_summary(args: argparse.Namespace) -> int:
    session = read_session(args.file)
    out: Path | None = args.output
    if out is None:
        args.exports_dir.mkdir(parents=True, exist_ok=True)
        out = summary_path(args.exports_dir, session)
    elif out.is_dir():
        out = summary_path(out, session)
    written = write_summary(session, out, started_from(args.file, session))
    print(t("cli.summary.written", path=written))
    return 0

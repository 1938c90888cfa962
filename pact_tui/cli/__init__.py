"""The `pact-tui` command: argument parsing and the one place errors become exit codes.

Each group of subcommands lives in its own module with a `register(subparsers)`
function; a subcommand sets `handler`, called with the parsed arguments.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pact_tui import __version__
from pact_tui.cli import export as export_commands
from pact_tui.cli import merge as merge_commands
from pact_tui.cli import room as room_commands
from pact_tui.cli import session as session_commands
from pact_tui.cli import sheets as sheet_commands
from pact_tui.i18n import LANGUAGES, set_language, t
from pact_tui.model import UserError

EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence and exit code 2 like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(t("cli.usage_error", problem=message, prog=self.prog))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pact-tui", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"pact-tui {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, default="nl", help=t("cli.help.lang"))
    parser.add_argument("--sessions-dir", type=Path, default=Path("sessions"),
                        help=t("cli.help.sessions_dir"))
    parser.add_argument("--exports-dir", type=Path, default=Path("exports"),
                        help=t("cli.help.exports_dir"))
    parser.set_defaults(handler=session_commands.run_home)
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module in (session_commands, merge_commands, export_commands, room_commands,
                   sheet_commands):
        module.register(subparsers)
    return parser


def _language_from(argv: Sequence[str]) -> str:
    """Read --lang before parsing, so that help and parse errors are in that language too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "nl"


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    language = _language_from(args_list)
    set_language(language if language in LANGUAGES else "nl")
    try:
        args = build_parser().parse_args(args_list)
        result: int = args.handler(args)
        return result
    except UserError as error:
        print(t("cli.error", message=str(error)), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

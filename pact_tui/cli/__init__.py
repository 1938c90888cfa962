"""The `pact-tui` command: argument parsing and the one place errors become exit codes.

Each group of subcommands lives in its own module with a `register(subparsers)`
function; a subcommand sets `handler`, called with the parsed arguments. A command
imports only the module that adds it, so `open` never loads what `merge` or `export`
need (numpy, rapidfuzz, python-docx).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from importlib import import_module

from pact_tui import __version__
from pact_tui.cli import parsing
from pact_tui.cli import session as session_commands
from pact_tui.i18n import LANGUAGES, set_language, t
from pact_tui.model import UserError
from pact_tui.model.visible_text import visible

EXIT_USER_ERROR = 2
# What a shell reports for a program ended by SIGPIPE: `pact-tui schema | head` stopped reading.
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE

# One line per module of subcommands: the module and the commands it adds.
COMMAND_MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pact_tui.cli.session", ("session", "open", "check", "schema", "demo")),
    ("pact_tui.cli.merge", ("merge",)),
    ("pact_tui.cli.export", ("export",)),
    ("pact_tui.cli.room", ("room", "summary")),
    ("pact_tui.cli.sheets", ("import",)),
    ("pact_tui.cli.day", ("day",)),
)


def _modules_for(argv: list[str]) -> list[str]:
    """The command modules the parser needs for `argv`: the command's own, or all of them.

    All of them for help, and for a word that is no command (so the error lists every
    command); only the home screen's module when there is no command at all.
    """
    word = parsing.command_word(argv)
    own = [module for module, commands in COMMAND_MODULES if word in commands]
    if own:
        return own
    if word is None and not {"-h", "--help"} & set(argv):
        return [session_commands.__name__]
    return [module for module, _ in COMMAND_MODULES]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (every command when None)."""
    parser = parsing.Parser(prog="pact-tui", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"pact-tui {__version__}",
                        help=t("cli.argparse.version"))
    parsing.add_global_options(parser, defaults=True)
    parser.set_defaults(handler=session_commands.run_home)
    subparsers = parser.add_subparsers(dest="command", parser_class=parsing.Parser)
    wanted = ([module for module, _ in COMMAND_MODULES] if argv is None
              else _modules_for(list(argv)))
    for name in wanted:
        import_module(name).register(subparsers)
    for sub in parsing.subcommand_parsers(parser):
        parsing.add_global_options(sub, defaults=False)
    return parser


def _stop_writing_to_closed_pipe() -> None:
    # Python flushes stdout again on exit; pointing it at /dev/null keeps that quiet.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    language = parsing.language_from(args_list)
    set_language(language if language in LANGUAGES else "nl")
    parsing.speak_catalogue_language()
    try:
        args = build_parser(args_list).parse_args(args_list)
        result: int = args.handler(args)
        sys.stdout.flush()
        return result
    except UserError as error:
        print(t("cli.error", message=visible(str(error), lines=True)), file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        _stop_writing_to_closed_pipe()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

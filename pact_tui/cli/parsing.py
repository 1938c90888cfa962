"""argparse the way pact-tui speaks: in the catalogue's language, errors as one sentence,
and the global options accepted before or after the command.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from pact_tui.i18n import LANGUAGES, t
from pact_tui.model import UserError

# argparse's own message ids (it passes them through gettext) and the catalogue keys for them.
_WORDS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "expected one argument": "cli.argparse.expected_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "cli.argparse.unknown_parser",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
}
_PLURALS = {"expected %s argument": "cli.argparse.expected_n"}

# The options that work with every command, and whether each takes a value.
GLOBAL_OPTIONS_WITH_VALUE = ("--lang", "--sessions-dir", "--exports-dir")


def _gettext(message: str) -> str:
    key = _WORDS.get(message)
    return t(key) if key else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    key = _PLURALS.get(singular)
    if key is None:
        return singular if n == 1 else plural
    return t(f"{key}.{'one' if n == 1 else 'other'}")


def speak_catalogue_language() -> None:
    """Make argparse say its own words ("usage", "options", ...) through the catalogue.

    argparse looks up its module-level `_` and `ngettext` on every call, so replacing
    them is enough; call this before building a parser (the help of -h is made then).
    """
    setattr(argparse, "_", _gettext)  # noqa: B010 - argparse declares no such attribute
    setattr(argparse, "ngettext", _ngettext)  # noqa: B010


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence and exit code 2 like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(t("cli.usage_error", problem=message, prog=self.prog))


def add_global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """`--lang`, `--sessions-dir` and `--exports-dir` on `parser`.

    Only the top-level parser sets `defaults`; a subcommand's parser leaves an option it
    was not given unset, so that it does not undo one given before the command.
    """

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    group = parser if defaults else parser.add_argument_group(t("cli.help.global_options"))
    group.add_argument("--lang", choices=LANGUAGES, default=default("nl"),
                       help=t("cli.help.lang"))
    group.add_argument("--sessions-dir", type=Path, default=default(Path("sessions")),
                       help=t("cli.help.sessions_dir"))
    group.add_argument("--exports-dir", type=Path, default=default(Path("exports")),
                       help=t("cli.help.exports_dir"))


def subcommand_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every subcommand's parser under `parser`, nested ones (`session new`) included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
                yield sub
                yield from subcommand_parsers(sub)


def command_word(argv: list[str]) -> str | None:
    """The first word of `argv` that is neither an option nor a global option's value."""
    takes_value = False
    for arg in argv:
        if takes_value:
            takes_value = False
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            takes_value = True
        elif not arg.startswith("-"):
            return arg
    return None


def language_from(argv: list[str]) -> str:
    """Read --lang before parsing, so that help and parse errors are in that language too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "nl"

"""`pact-tui merge FILES... -o OUT`: sessions (and an earlier programme) into one programme.

Nothing is written unless every input reads cleanly; the output never replaces an input,
nor an existing file without --force; open conflicts give exit code 1 and no programme.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pact_tui.i18n import t
from pact_tui.merge import combine_safe, merge_sessions, resolve_newest
from pact_tui.merge.report import counted, render_report
from pact_tui.model import Session, UserError
from pact_tui.model.commitment_rules import commitment_warnings
from pact_tui.model.visible_text import visible
from pact_tui.store import read_session, write_session
from pact_tui.store.atomic import write_atomic

EXIT_CONFLICTS = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `pact-tui` parser."""
    merge = subparsers.add_parser("merge", help=t("merge.cli.help"))
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE",
                       help=t("merge.cli.help.files"))
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                       help=t("merge.cli.help.output"))
    merge.add_argument("--duplicates", choices=("keep", "combine"), default="keep",
                       help=t("merge.cli.help.duplicates"))
    merge.add_argument("--conflicts", choices=("fail", "newest"), default="fail",
                       help=t("merge.cli.help.conflicts"))
    merge.add_argument("--report", type=Path, metavar="REPORT.md", help=t("merge.cli.help.report"))
    merge.add_argument("--title", help=t("merge.cli.help.title"))
    merge.add_argument("--force", action="store_true", help=t("merge.cli.help.force"))
    merge.set_defaults(handler=merge_files)


def _same_file(first: Path, second: Path) -> bool:
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()


def _check_target(target: Path, inputs: list[Path], force: bool) -> None:
    """Refuse a target that is an input, or that exists and --force was not given."""
    if any(_same_file(target, path) for path in inputs):
        raise UserError(t("merge.cli.output_is_input", file=str(target)))
    if target.exists() and not force:
        raise UserError(t("merge.cli.output_exists", file=str(target)))


def _read_all(paths: list[Path]) -> list[Session]:
    """Every input, or — if any is bad — each bad one named on stderr and a UserError."""
    sessions, problems = [], []
    for path in paths:
        try:
            sessions.append(read_session(path))
        except UserError as error:
            problems.append(str(error))
    if problems:
        for problem in problems:
            print(t("cli.error", message=visible(problem, lines=True)), file=sys.stderr)
        raise UserError(t("merge.cli.invalid_inputs", n=len(problems), total=len(paths)))
    return sessions


def _write_text(path: Path, text: str) -> None:
    """Write the report atomically, as the store writes a session file."""
    try:
        write_atomic(path, [text.encode("utf-8")])
    except OSError as error:
        raise UserError(t("merge.cli.report_unwritable", file=str(path),
                          reason=error.strerror or str(error))) from None


def merge_files(args: argparse.Namespace) -> int:
    """`pact-tui merge`: print the report; write the programme unless conflicts are open."""
    inputs: list[Path] = args.files
    _check_target(args.output, inputs, args.force)
    if args.report is not None:
        _check_target(args.report, inputs, args.force)
        if _same_file(args.report, args.output):
            raise UserError(t("merge.cli.same_output_and_report", file=str(args.output)))
    result = merge_sessions(_read_all(inputs), title=args.title)
    if args.duplicates == "combine":
        result = combine_safe(result)
    if args.conflicts == "newest":
        result = resolve_newest(result)
    print(visible(render_report(result), lines=True), end="")
    if args.report is not None:
        _write_text(args.report, visible(render_report(result, markdown=True), lines=True))
        print(t("merge.cli.report_written", file=str(args.report)))
    if result.unresolved:
        print(counted("merge.cli.unresolved", len(result.unresolved)), file=sys.stderr)
        return EXIT_CONFLICTS
    write_session(args.output, result.programme, overwrite=args.force)
    print(t("merge.cli.written", file=str(args.output)))
    # What `check` will warn about in the programme, said now, where it was made.
    programme = result.programme
    for warning in commitment_warnings(programme.actions, programme.commitments):
        print(t("cli.warning", message=warning), file=sys.stderr)
    return 0

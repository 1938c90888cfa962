"""Subcommands: export — `pact-tui export FILE [-o OUT.docx] [--template huisstijl.docx]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from pact_tui.cli import sheets as sheets_commands
from pact_tui.export import export_programme, free_path
from pact_tui.i18n import t
from pact_tui.store import read_session


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `pact-tui` parser."""
    parser = subparsers.add_parser("export", help=t("export.cli.help"),
                                   description=t("export.cli.help"))
    parser.add_argument("file", type=Path, help=t("export.cli.help.file"))
    parser.add_argument("-o", "--output", type=Path, help=t("export.cli.help.output"))
    parser.add_argument("--template", type=Path, help=t("export.cli.help.template"))
    parser.add_argument("--progress", action="store_true", help=t("export.cli.help.progress"))
    parser.add_argument("--since", help=t("export.cli.help.since"))
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    session = read_session(args.file)
    out: Path | None = args.output
    if out is None:
        # A name the user did not choose never replaces a file: free_path adds a counter.
        args.exports_dir.mkdir(parents=True, exist_ok=True)
        out = free_path(args.exports_dir, session.meta)
    elif out.is_dir():
        out = free_path(out, session.meta)
    elif out.suffix.casefold() == ".xlsx":
        return sheets_commands.run_export_xlsx(session, out)
    if args.progress:
        return sheets_commands.run_export_progress(session, out, args.since, args.template)

    shown: list[str] = []

    def show(message: str, fraction: float) -> None:
        # Steps repeat their message as they advance; a terminal log needs each step once.
        if message not in shown:
            shown.append(message)
            print(t("export.cli.progress", percent=round(fraction * 100), message=message),
                  flush=True)

    written = export_programme(session, out, template=args.template, progress=show)
    print(t("export.cli.written", path=written))
    return 0

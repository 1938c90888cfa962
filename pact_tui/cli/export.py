"""Subcommands: export — `pact-tui export FILE [-o OUT.docx|.xlsx|.pdf] [--template T] [--pdf]`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from pact_tui.cli import sheets as sheets_commands
from pact_tui.export import export_programme, free_path
from pact_tui.export.errors import OutputError
from pact_tui.export.output import check_folder, check_output
from pact_tui.export.pdf import PdfError, number_draft, office, write_pdf
from pact_tui.i18n import t
from pact_tui.model.visible_text import visible
from pact_tui.store import read_session


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `pact-tui` parser."""
    parser = subparsers.add_parser("export", help=t("export.cli.help"),
                                   description=t("export.cli.help"))
    parser.add_argument("file", type=Path, help=t("export.cli.help.file"))
    parser.add_argument("-o", "--output", type=Path, help=t("export.cli.help.output"))
    parser.add_argument("--template", type=Path, help=t("export.cli.help.template"))
    parser.add_argument("--author", help=t("export.cli.help.author"))
    parser.add_argument("--pdf", action="store_true", help=t("export.cli.help.pdf"))
    parser.add_argument("--force", action="store_true", help=t("export.cli.help.force"))
    parser.add_argument("--progress", action="store_true", help=t("export.cli.help.progress"))
    parser.add_argument("--since", help=t("export.cli.help.since"))
    parser.set_defaults(handler=run_export)


def _exports_folder(folder: Path) -> Path:
    """The exports folder, made if it is missing; every problem as one OutputError."""
    if not folder.exists():
        above = next((parent for parent in folder.parents if parent.exists()), None)
        if above is not None and above.is_dir():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise OutputError(t("export.error.exports_dir", folder=folder,
                                    reason=error.strerror or error)) from None
    check_folder(folder)
    return folder


def _check_kind(named: Path, args: argparse.Namespace) -> None:
    """Refuse, before any work, an output name whose extension export does not write."""
    suffix = named.suffix.casefold()
    if suffix not in (".docx", ".xlsx", ".pdf"):
        raise OutputError(t("export.error.unknown_type", path=named))
    if suffix == ".xlsx" and (args.pdf or args.progress):
        raise OutputError(t("export.error.sheet_options", path=named))
    if suffix == ".pdf" and args.progress:
        raise OutputError(t("export.error.progress_pdf"))
    if suffix == ".pdf" and office() is None:
        raise OutputError(t("export.error.pdf_needs_office", path=named))


def run_export(args: argparse.Namespace) -> int:
    # The output place is checked before the session is read and the draft is built.
    named: Path | None = None
    if args.output is None:
        folder = _exports_folder(args.exports_dir)
    elif args.output.is_dir():
        folder = args.output
        check_folder(folder)
    else:
        named = args.output
        folder = named.parent
        _check_kind(named, args)
        check_output(named, force=args.force)
    session = read_session(args.file)
    # A name the user did not choose never replaces a file: free_path adds a counter.
    out = named or free_path(folder, session.meta)
    if out.suffix.casefold() == ".xlsx":
        return sheets_commands.run_export_xlsx(session, out)
    if args.progress:
        code = sheets_commands.run_export_progress(session, out, args.since, args.template)
        if args.pdf:
            _pdf_beside(out, number=False)
        return code

    shown: list[str] = []

    def show(message: str, fraction: float) -> None:
        # Steps repeat their message as they advance; a terminal log needs each step once.
        if message not in shown:
            shown.append(message)
            print(t("export.cli.progress", percent=round(fraction * 100), message=visible(message)),
                  flush=True)

    if out.suffix.casefold() == ".pdf":
        # Only the PDF was asked for: the Word draft it is made from stays temporary.
        with tempfile.TemporaryDirectory(prefix="pact-export-") as work:
            draft = export_programme(session, Path(work) / out.with_suffix(".docx").name,
                                     template=args.template, progress=show, author=args.author)
            print(t("export.cli.pdf_progress"), flush=True)
            try:
                print(t("export.cli.pdf_written", path=write_pdf(draft, out)))
            except PdfError:
                raise OutputError(t("export.error.pdf_failed", path=out)) from None
        return 0
    written = export_programme(session, out, template=args.template, progress=show,
                               author=args.author, force=args.force)
    print(t("export.cli.written", path=written))
    if args.pdf:
        _pdf_beside(written, number=True)
    return 0


def _pdf_beside(written: Path, *, number: bool) -> None:
    """The PDF of a Word file just written, and with `number` the page numbers of its contents
    written into it too; what cannot be made is one sentence saying why."""
    print(t("export.cli.pdf_progress"), flush=True)
    unnumbered: PdfError | None = None
    if number and office() is not None:
        try:
            number_draft(written)
        except PdfError as error:
            unnumbered = error
    try:
        print(t("export.cli.pdf_written", path=write_pdf(written)))
    except PdfError as error:
        # No PDF says it all: LibreOffice did not run as it should.
        print(t("export.cli.no_pdf", reason=visible(str(error))), file=sys.stderr)
        return
    if unnumbered is not None:
        print(t("export.cli.no_numbers", reason=visible(str(unnumbered))), file=sys.stderr)

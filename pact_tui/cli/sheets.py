"""Subcommand `pact-tui import FILE` and the spreadsheet side of `pact-tui export`.

`import` shows how it reads the sheet (the columns mapped, the first rows, every value
it matched loosely and every row it skips) before it writes anything; `--map` changes
the mapping, `--yes` (or answering the question) writes the session. The mapping used is
remembered per source file name, beside the sessions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from pact_tui.export.progress import export_progress
from pact_tui.i18n import t, tn
from pact_tui.model import Session, SessionMeta, UserError
from pact_tui.model.template import template_field
from pact_tui.model.visible_text import visible
from pact_tui.sheets import (
    FIELDS,
    ColumnMap,
    Imported,
    OpenedSheet,
    ReadResult,
    Table,
    apply_overrides,
    new_session,
    open_sheet,
    read_actions,
    remember,
    update_session,
    write_xlsx,
)
from pact_tui.sheets.columns import ID, field_named
from pact_tui.sheets.commitments import commitments_sheet
from pact_tui.store import create_session, load_profile, read_session, session_filename

_PREVIEW_ROWS = 5


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `import` to the `pact-tui` parser."""
    parser = subparsers.add_parser("import", help=t("sheets.cli.help"),
                                   description=t("sheets.cli.help"))
    parser.add_argument("file", type=Path, help=t("sheets.cli.help.file"))
    parser.add_argument("--sheet", help=t("sheets.cli.help.sheet"))
    parser.add_argument("-o", "--output", type=Path, help=t("sheets.cli.help.output"))
    parser.add_argument("--programme", type=Path, help=t("sheets.cli.help.programme"))
    parser.add_argument("--profile", default="westfriesland", help=t("sheets.cli.help.profile"))
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help=t("sheets.cli.help.map", fields=_field_names()))
    parser.add_argument("-y", "--yes", action="store_true", help=t("sheets.cli.help.yes"))
    parser.set_defaults(handler=run_import)


def _field_names() -> str:
    return ", ".join(template_field(name).label.lower() for name in FIELDS)


def _overrides(values: list[str]) -> dict[str, str | None]:
    """--map COLUMN=FIELD values: column heading -> field (None: not read); a field by its
    key or its Dutch or English name ("Omschrijving=actie")."""
    overrides: dict[str, str | None] = {}
    for value in values:
        column, sep, name = value.partition("=")
        field = field_named(name.strip()) if name.strip() else None
        if not sep or not column.strip() or (name.strip() and field is None):
            raise UserError(t("sheets.cli.bad_map", value=value, fields=_field_names()))
        overrides[column.strip()] = field
    return overrides


def _mapping(args: argparse.Namespace, opened: OpenedSheet,
             overrides: dict[str, str | None]) -> ColumnMap:
    try:
        return apply_overrides(opened.header, opened.mapping, overrides)
    except KeyError as missing:
        raise UserError(t("sheets.cli.unknown_column", file=args.file.name,
                          column=missing.args[0])) from None


def _field_label(name: str) -> str:
    return template_field(name).label if name in FIELDS else name


def _show(table: Table, header_row: int, header: list[str], mapping: ColumnMap,
          result: ReadResult) -> None:
    print(t("sheets.cli.sheet", sheet=visible(table.sheet), row=table.rows[header_row].number))
    print(t("sheets.cli.mapping"))
    for index, column in enumerate(header):
        if not column:
            continue
        if index in mapping:
            print(t("sheets.cli.mapped", column=visible(column),
                    field=_field_label(mapping[index])))
        else:
            print(t("sheets.cli.skipped", column=visible(column)))
    print(t("sheets.cli.preview"))
    for read in result.actions[:_PREVIEW_ROWS]:
        cells = " | ".join(read.texts.get(name, "") for name in FIELDS
                           if name in read.texts and read.texts.get(name))
        print(f"  {read.number:>4}: {visible(cells[:160])}")
    if result.matches:
        print(t("sheets.cli.matches"))
        for match in result.matches:
            print(f"  {visible(str(match))}")
    if result.notes:
        print(t("sheets.cli.notes"))
        for note in result.notes:
            print(f"  {visible(str(note))}")


def _show_commitments(imported: Imported) -> None:
    changes = imported.commitments
    if not (changes.edited or changes.added or changes.removed or changes.notes):
        return
    titles = {action.id: visible(action.title) for action in imported.session.actions}
    titles.update({action.id: visible(action.title) for action in imported.removed})
    print(t("sheets.cli.commitments"))
    for change in changes.edited:
        print(t("sheets.cli.commitment_edited", row=change.number,
                party=visible(change.commitment.party.name),
                title=titles.get(change.commitment.action_id, ""),
                fields=", ".join(t(f"sheets.commitment.{name.removesuffix('_id')}")
                                 for name in change.fields)))
    for change in changes.added:
        print(t("sheets.cli.commitment_added", row=change.number,
                party=visible(change.commitment.party.name),
                title=titles.get(change.commitment.action_id, "")))
    for commitment in changes.removed:
        print(t("sheets.cli.commitment_removed", party=visible(commitment.party.name),
                title=titles.get(commitment.action_id, "")))
    for note in changes.notes:
        print(f"  {visible(str(note))}")


def _confirmed(args: argparse.Namespace, out: Path) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print(t("sheets.cli.dry_run"))
        return False
    answer = input(t("sheets.cli.confirm", path=out))
    if answer.strip().casefold().startswith(t("sheets.cli.confirm_yes")):
        return True
    print(t("sheets.cli.dry_run"))
    return False


def run_import(args: argparse.Namespace) -> int:
    overrides = _overrides(args.map)
    opened = open_sheet(args.file, args.sheet, args.sessions_dir, need_header=not overrides,
                        columns=tuple(overrides))
    table, header_row, header = opened.table, opened.header_index, list(opened.header)
    mapping = _mapping(args, opened, overrides)
    programme: Session | None = read_session(args.programme) if args.programme else None
    if programme is None and ID in mapping.values():
        raise UserError(t("sheets.cli.needs_programme", file=args.file.name))
    profile = programme.profile if programme else load_profile(args.profile)
    stakeholders = programme.stakeholders if programme else ()
    result = read_actions(table.rows[header_row + 1:], mapping, profile, stakeholders)
    _show(table, header_row, header, mapping, result)

    title = t("sheets.session_title", file=args.file.name)
    imported: Imported = (
        update_session(result, programme, title,
                       commitment_rows=commitments_sheet(args.file) or ())
        if programme else new_session(result, profile, title))
    for update in imported.updates:
        print(t("sheets.cli.update", row=update.number, title=visible(update.action.title),
                fields=", ".join(_field_label(name) for name in update.fields)))
    for read in imported.unknown_ids:
        print(t("sheets.cli.unknown_id", row=read.number, title=visible(read.action.title)))
    for action in imported.removed:
        print(t("sheets.cli.removed", title=visible(action.title)))
    _show_commitments(imported)
    skipped = sum(1 for note in result.notes if note.skipped)
    counts = (("added", len(imported.added)), ("updated", len(imported.updates)),
              ("removed", len(imported.removed)), ("skipped", skipped))
    print(t("sheets.cli.summary", counts=", ".join(
        tn(f"sheets.cli.count.{what}", number) for what, number in counts)))
    out = args.output or args.sessions_dir / session_filename(imported.session.meta)
    if not _confirmed(args, out):
        return 0
    _write(imported.session, out)
    args.sessions_dir.mkdir(parents=True, exist_ok=True)
    remember(args.sessions_dir, args.file.name, header, mapping)
    if args.programme:
        print(t("sheets.cli.written", path=out, programme=args.programme))
    else:
        print(t("sheets.cli.written_new", path=out))
    return 0


def _write(session: Session, out: Path) -> None:
    meta: SessionMeta = session.meta
    create_session(out, meta, session)


def run_export_xlsx(session: Session, out: Path) -> int:
    """`pact-tui export FILE -o OUT.xlsx`."""
    written = write_xlsx(session, out)
    print(t("sheets.cli.xlsx_written", path=written))
    return 0


def run_export_progress(session: Session, out: Path, since: str | None,
                        template: Path | None) -> int:
    """`pact-tui export FILE --progress -o OUT.docx [--since DATE]`."""
    date = None
    if since:
        try:
            date = dt.date.fromisoformat(since)
        except ValueError:
            raise UserError(t("sheets.cli.bad_date", value=since)) from None
    written = export_progress(session, out, since=date, template=template)
    print(t("sheets.cli.report_written", path=written))
    return 0

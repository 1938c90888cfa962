"""Subcommands about single files (`session new`, `open`, `check`, `schema`, `demo`) and home.

The app is imported only inside the handlers that start it, so `check`, `schema`
and `session new` run without loading Textual; merge (numpy, rapidfuzz) only by
`session new --from`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pact_tui.demo.files import DemoFile, DemoFileState, write_demo
from pact_tui.i18n import t
from pact_tui.model import ITEM_KINDS, SCHEMA_VERSION, Session, SessionMeta, UserError
from pact_tui.model.commitment_rules import commitment_warnings
from pact_tui.model.rules import cross_theme_challenges, open_points
from pact_tui.model.validation import problems_from_validation_error
from pact_tui.model.visible_text import visible
from pact_tui.store import (
    SessionFile,
    StoreError,
    builtin_profiles,
    create_session,
    load_profile,
    read_session,
    session_filename,
)
from pact_tui.store.rescue import find_rescue

EXIT_WARNINGS = 1
"""`check`: the file is valid, but has something to settle (one sentence each on stderr)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `pact-tui` parser."""
    session = subparsers.add_parser("session", help=t("cli.help.session"))
    session.set_defaults(handler=_session_without_subcommand)
    session_commands = session.add_subparsers(dest="session_command", metavar="new")
    new = session_commands.add_parser("new", help=t("cli.help.session_new"))
    new.add_argument("title", help=t("cli.help.title"))
    new.add_argument("--profile",
                     help=t("cli.help.profile", builtin=", ".join(builtin_profiles())))
    new.add_argument("--date", help=t("cli.help.date"))
    new.add_argument("--facilitator", default="", help=t("cli.help.facilitator"))
    new.add_argument("--from", dest="source", type=Path, metavar="PROGRAMME",
                     help=t("cli.help.from"))
    new.add_argument("--laptop", action="store_true", help=t("cli.help.laptop"))
    new.set_defaults(handler=new_session)

    open_ = subparsers.add_parser("open", help=t("cli.help.open"))
    open_.add_argument("file", type=Path, help=t("cli.help.file"))
    open_.set_defaults(handler=open_file)

    check = subparsers.add_parser("check", help=t("cli.help.check"))
    check.add_argument("file", type=Path, help=t("cli.help.file"))
    check.set_defaults(handler=check_file)

    schema = subparsers.add_parser("schema", help=t("cli.help.schema"))
    schema.set_defaults(handler=print_schema)

    demo = subparsers.add_parser("demo", help=t("cli.help.demo"))
    demo.add_argument("--no-open", action="store_true", help=t("cli.help.no_open"))
    demo.set_defaults(handler=write_demo_files)


def _session_without_subcommand(args: argparse.Namespace) -> int:
    raise UserError(t("cli.session_subcommand_missing"))


def _existing_file(path: Path) -> Path:
    """`path` if it is a file; otherwise the sentence that says what it is instead.

    A symbolic link that leads nowhere (or loops) is left to reading, which names that.
    """
    if path.is_dir():
        raise UserError(t("cli.is_folder", file=str(path)))
    if not path.exists() and not path.is_symlink():
        raise UserError(t("cli.not_found", file=str(path)))
    return path


def _sessions_dir(args: argparse.Namespace) -> Path:
    folder: Path = args.sessions_dir
    if folder.exists() and not folder.is_dir():
        raise UserError(t("cli.sessions_dir_not_folder", folder=str(folder)))
    return folder


def _date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(t("cli.bad_date", value=text)) from None


def _free_path(folder: Path, meta: SessionMeta) -> Path:
    """A name for a new file that no file in `folder` has yet: `…-2.json` after `….json`."""
    path = folder / session_filename(meta)
    number = 2
    while path.exists():
        path = path.with_name(f"{Path(session_filename(meta)).stem}-{number}.json")
        number += 1
    return path


def _new_content(args: argparse.Namespace, date: dt.date) -> Session:
    """The new session in memory: empty with a profile, or copied from a programme."""
    try:
        if args.source is not None:
            from pact_tui.merge import start_session_from

            programme = read_session(_existing_file(args.source))
            return start_session_from(programme, args.title, date, args.facilitator)
        meta = SessionMeta(profile=load_profile(args.profile), title=args.title, date=date,
                           facilitator=args.facilitator)
        return Session(meta=meta)
    except ValidationError as error:  # an empty title, say
        raw = {"title": args.title, "facilitator": args.facilitator}
        problem = problems_from_validation_error(error, "meta", raw)[0]
        raise UserError(t("cli.bad_new_session", problem=problem.sentence())) from None


def new_session(args: argparse.Namespace) -> int:
    """`pact-tui session new TITLE`: create the file and print its path."""
    if args.source is not None and args.profile is not None:
        raise UserError(t("cli.profile_with_from"))
    date = _date(args.date)
    folder = _sessions_dir(args)
    session = _new_content(args, date)
    if args.laptop:
        from pact_tui.store.laptop import this_laptop

        session = session.model_copy(
            update={"meta": session.meta.model_copy(update={"laptop": this_laptop()})})
    path = create_session(_free_path(folder, session.meta), session.meta, session)
    print(path)
    return 0


def _counts(session: Session) -> str:
    parts = []
    for table in ITEM_KINDS:
        n = len(session.items(table))
        part = t(f"cli.count.{table}.{'one' if n == 1 else 'other'}", n=n)
        if table == "actions":
            gaps = sum(1 for action in session.actions if open_points(action))
            if gaps:
                part = t("cli.count.open_points", count=part, n=gaps)
        parts.append(part)
    return t("cli.count.last", rest=", ".join(parts[:-1]), last=parts[-1])


def check_file(args: argparse.Namespace) -> int:
    """`pact-tui check FILE`: one line that says the file is valid and what it holds, then
    a sentence per thing to settle (exit code `EXIT_WARNINGS`)."""
    path = _existing_file(args.file)
    session = read_session(path)
    meta = session.meta
    print(t("cli.check_ok", file=visible(str(path)), kind=t(f"cli.kind.{meta.kind}"),
            title=visible(meta.title),
            date=meta.date.isoformat(), counts=_counts(session)))
    warnings = commitment_warnings(session.actions, session.commitments)
    for warning in warnings:
        print(t("cli.warning", message=visible(warning)), file=sys.stderr)
    return EXIT_WARNINGS if warnings else 0


def file_schema() -> dict[str, Any]:
    """The JSON Schema of a session file: the meta document and the item of each table."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": t("cli.schema.title"),
        "description": t("cli.schema.description"),
        "schema_version": SCHEMA_VERSION,
        "meta": SessionMeta.model_json_schema(),
        "tables": {table: kind.model_json_schema() for table, kind in ITEM_KINDS.items()},
    }


def print_schema(args: argparse.Namespace) -> int:
    """`pact-tui schema`."""
    print(json.dumps(file_schema(), ensure_ascii=False, indent=2))
    return 0


def _demo_summary(programme: Session) -> str:
    profile = programme.profile
    horizons = [
        t("cli.demo.horizon", label=horizon.label.lower(),
          n=sum(1 for action in programme.actions if action.planning.horizon == horizon.key))
        for horizon in profile.horizons
    ]
    return t(
        "cli.demo.summary",
        stakeholders=len(programme.stakeholders),
        themes=len({note.theme for note in programme.status}),
        challenges=len(programme.challenges),
        cross=len(cross_theme_challenges(programme.challenges)),
        ambitions=len(programme.ambitions),
        actions=len(programme.actions),
        horizons=", ".join(horizons),
        commitments=len(programme.commitments),
        open=sum(1 for action in programme.actions if open_points(action)),
    )


def _report_demo(folder: Path, files: Sequence[DemoFile]) -> None:
    print(t("cli.demo.header", folder=str(folder)))
    for demo_file in files:
        print(t(f"cli.demo.{demo_file.state.value}", file=demo_file.path.name))
    if any(demo_file.state is DemoFileState.KEPT for demo_file in files):
        print(t("cli.demo.kept_hint"))
    try:
        programme = read_session(files[-1].path)
    except StoreError:
        return  # a kept file that is no session: opening it says what is wrong with it
    print(_demo_summary(programme))


def write_demo_files(args: argparse.Namespace) -> int:
    """`pact-tui demo`: write the demo where it is not yet, report, then open the programme."""
    folder = _sessions_dir(args)
    files = write_demo(folder)
    _report_demo(folder, files)
    programme = files[-1]
    if args.no_open:
        print(t("cli.demo.open_hint", file=str(programme.path)))
        return 0
    return _run_app(programme.path, args)


def open_file(args: argparse.Namespace) -> int:
    """`pact-tui open FILE`.

    The file is opened here, before the app starts: one that will not open (not a
    session, a newer schema, a link that loops) is said in one sentence with exit code 2
    and leaves no lock file. Unless a rescue copy waits: then the app opens it, as it
    offers to restore the copy over a broken file.
    """
    path = _existing_file(args.file)
    if find_rescue(path) is not None:
        return _run_app(path, args)
    return _run_app(path, args, SessionFile.open(path))


def run_home(args: argparse.Namespace) -> int:
    """`pact-tui` without a subcommand: the home screen."""
    _sessions_dir(args)
    return _run_app(None, args)


def _run_app(path: Path | None, args: argparse.Namespace,
             opened: SessionFile | None = None) -> int:
    from pact_tui.tui import run_app  # here, so that the other commands never load Textual

    result: int = run_app(path, sessions_dir=args.sessions_dir, exports_dir=args.exports_dir,
                          opened=opened)
    return result

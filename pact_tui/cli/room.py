"""Subcommands for the room: `pact-tui room FILE [--follow on|off] [--serve ...]` and
`pact-tui summary FILE [-o OUT.html]`."""

from __future__ import annotations

import argparse
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from pact_tui.export.summary import summary_path, write_summary
from pact_tui.i18n import current_language, t
from pact_tui.model import UserError
from pact_tui.store import read_session
from pact_tui.store.folder import started_from

DEFAULT_PORT = 8000
# Each browser gets a room view process of about 60 MB: twenty took 1.2 GB.
DEFAULT_MAX_CLIENTS = 10
# Addresses that mean "every network of this computer": no browser can be sent there.
_EVERYWHERE = frozenset({"0.0.0.0", "::", ""})


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `pact-tui` parser."""
    room = subparsers.add_parser("room", help=t("cli.room.help"), description=t("cli.room.help"))
    room.add_argument("file", type=Path, help=t("cli.help.file"))
    room.add_argument("--follow", choices=("on", "off"), default="on",
                      help=t("cli.room.help.follow"))
    room.add_argument("--serve", action="store_true", help=t("cli.room.help.serve"))
    room.add_argument("--port", type=int, default=DEFAULT_PORT, help=t("cli.room.help.port"))
    room.add_argument("--host", default="localhost", help=t("cli.room.help.host"))
    room.add_argument("--public-url", help=t("cli.room.help.public_url"))
    room.add_argument("--max-clients", type=_positive, default=DEFAULT_MAX_CLIENTS,
                      help=t("cli.room.help.max_clients", n=DEFAULT_MAX_CLIENTS))
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


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(t("cli.room.bad_max_clients", value=text))
    return number


def _serve(args: argparse.Namespace) -> int:
    try:
        from pact_tui.cli.room_server import RoomServer
    except ImportError:
        raise UserError(t("cli.room.no_serve")) from None
    public = urlsplit(args.public_url or "http://x")
    if public.scheme not in ("http", "https") or not public.netloc:
        raise UserError(t("cli.room.bad_public_url", url=args.public_url))
    # Each browser that connects gets its own room view, started by this command line.
    command = shlex.join([sys.executable, "-m", "pact_tui", "--lang", current_language(),
                          "room", str(args.file.resolve()), "--follow", args.follow])
    print(t("cli.room.serving", url=args.public_url or _url_to_share(args.host, args.port)),
          flush=True)
    RoomServer(command, host=args.host, port=args.port,
               title=t("cli.room.page_title", file=args.file.name),
               public_url=args.public_url, max_clients=args.max_clients).serve()
    return 0


def _url_to_share(host: str, port: int) -> str:
    """The address to type on the TV: this computer's own when listening everywhere."""
    if host in _EVERYWHERE:
        host = _network_address()
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _network_address() -> str:
    """This computer's address on the network its default route leaves by."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: nothing is sent
            return str(probe.getsockname()[0])
        except OSError:
            return socket.gethostname()


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

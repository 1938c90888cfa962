"""Which laptop this is: a random id made once and kept in the user's config folder.

On a day with several laptops each breakout file names the laptop that keeps it
(`SessionMeta.laptop`); comparing that with `this_laptop()` is how a second laptop
knows, from the file alone, that it must not write it. PACT_TUI_LAPTOP_ID (and
PACT_TUI_LAPTOP_NAME) stand in for the kept one: two "laptops" on one machine.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import platformdirs
from pydantic import ValidationError

from pact_tui.model import Laptop, SessionMeta, new_id
from pact_tui.store.atomic import write_atomic
from pact_tui.store.links import read_plain_file

ID_VARIABLE = "PACT_TUI_LAPTOP_ID"
NAME_VARIABLE = "PACT_TUI_LAPTOP_NAME"
# laptop.json holds two short strings; anything much bigger is not ours.
_FILE_LIMIT = 4096


def laptop_file() -> Path:
    return Path(platformdirs.user_config_dir("pact-tui")) / "laptop.json"


def _host_name() -> str:
    return socket.gethostname().strip() or "pact-tui"


def this_laptop() -> Laptop:
    """This machine: from the environment when set, else from laptop.json (made the first time)."""
    given = os.environ.get(ID_VARIABLE, "").strip()
    if given:
        return Laptop(id=given, name=os.environ.get(NAME_VARIABLE, "").strip() or given)
    path = laptop_file()
    try:
        return Laptop.model_validate(json.loads(read_plain_file(path, _FILE_LIMIT)))
    except (OSError, ValueError, ValidationError):
        pass  # not made yet (or not ours): make it
    laptop = Laptop(id=new_id(), name=os.environ.get(NAME_VARIABLE, "").strip() or _host_name())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, [laptop.model_dump_json().encode("utf-8")])
    except OSError:
        # A config folder that cannot be written: the host name is the next most stable id.
        return Laptop(id=f"host:{_host_name()}", name=_host_name())
    return laptop


def foreign_laptop(meta: SessionMeta) -> Laptop | None:
    """The laptop that keeps this file when that is another laptop than this one."""
    if meta.laptop is None or meta.laptop.id == this_laptop().id:
        return None
    return meta.laptop

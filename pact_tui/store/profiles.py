"""Region profiles from disk: the built-in ones shipped in `pact_tui/profiles/`, or a TOML file."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from pact_tui.i18n import t
from pact_tui.model import ProfileError, RegionProfile, parse_profile

DEFAULT_PROFILE = "westfriesland"

_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def builtin_profiles() -> list[str]:
    """The keys of the profiles that ship with pact-tui."""
    folder = files("pact_tui").joinpath("profiles")
    return sorted(entry.name[: -len(".toml")] for entry in folder.iterdir()
                  if entry.name.endswith(".toml"))


def load_profile(spec: str | Path | None) -> RegionProfile:
    """The profile named by `spec`: None or a built-in key, else the path of a TOML file."""
    key = DEFAULT_PROFILE if spec is None else str(spec)
    if _KEY.match(key) and key in builtin_profiles():
        resource = files("pact_tui").joinpath("profiles", f"{key}.toml")
        return parse_profile(resource.read_text(encoding="utf-8"), f"{key}.toml")
    path = Path(spec) if spec is not None else Path(key)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(t("store.profile_not_found", spec=str(path),
                             builtin=", ".join(builtin_profiles()))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(t("store.profile_unreadable", file=str(path),
                             problem=_reason(error))) from None
    return parse_profile(text, str(path))


def _reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)

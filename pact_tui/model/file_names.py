"""File names made from a title, and a name that never lands on an existing file."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path


def title_slug(title: str, limit: int) -> str:
    """The title in plain lower-case ASCII words joined by dashes, at most `limit`
    characters: "Pact 7.1: Uitvoering" -> "pact-7-1-uitvoering"; empty if nothing is left."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:limit].rstrip("-")


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-2`, `name-3` ... (before the suffix) if taken: never an
    existing file."""
    first = folder / name
    candidate, number = first, 1
    while candidate.exists():
        number += 1
        candidate = first.with_name(f"{first.stem}-{number}{first.suffix}")
    return candidate

"""Ranking what a cell could become as the user types: choices and party names (rapidfuzz)."""

from __future__ import annotations

from collections.abc import Sequence

from pact_tui.tui.widgets.grid.columns import Option

MAX_SUGGESTIONS = 8


def rank_options(query: str, options: Sequence[Option]) -> list[Option]:
    """Options best first for `query`: a digit picks by number, else prefix, then fuzzy."""
    query = query.strip()
    if not query:
        return list(options)
    if query.isdigit():
        number = int(query)
        return [options[number - 1]] if 1 <= number <= len(options) else []
    folded = query.casefold()
    prefix = [o for o in options if o.label.casefold().startswith(folded)]
    word = [o for o in options if o not in prefix and any(
        part.startswith(folded) for part in o.label.casefold().split())]
    rest = [o for o in options if o not in prefix and o not in word]
    # A C extension: loaded at the first cell typed in, not when the app starts.
    from rapidfuzz import fuzz, process

    labels = [o.label for o in rest]
    scored = process.extract(query, labels, scorer=fuzz.WRatio, processor=str.casefold,
                             limit=MAX_SUGGESTIONS, score_cutoff=50)
    fuzzy = [rest[index] for _, _, index in scored]
    return (prefix + word + fuzzy)[:MAX_SUGGESTIONS]


def complete_name(query: str, names: Sequence[str]) -> list[str]:
    """Names that `query` may mean, best first (names come in ranked by use: a tie keeps
    that order). Only proposals: the cell keeps what was typed unless one is taken."""
    if not query.strip():
        return []
    return [option.label for option in rank_options(query, [Option(n, n) for n in names])]

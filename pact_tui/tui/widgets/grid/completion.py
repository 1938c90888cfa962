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
    """Names that `query` may mean, best first. Names come in ranked (the row's own, then
    by use in the session) and a name that starts with the query, or has a word that
    does, keeps that rank: "hoo" offers the much-used "Gemeente Hoorn" before "Hoorn".
    Only proposals: the cell keeps what was typed unless one is taken."""
    folded = query.strip().casefold()
    if not folded:
        return []
    # A word in brackets counts too: "wbg" finds "Westfriese Bedrijvengroep (WBG)".
    starting = [n for n in names if n.casefold().startswith(folded) or any(
        word.strip("()").startswith(folded) for word in n.casefold().split())]
    rest = [Option(n, n) for n in names if n not in starting]
    fuzzy = [option.label for option in rank_options(query, rest)] if rest else []
    return (starting + fuzzy)[:MAX_SUGGESTIONS]

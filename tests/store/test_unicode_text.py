"""Any text a facilitator can type survives a save and a reopen unchanged (property-based)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pact_tui.model import Action, RegionProfile, SessionMeta, Stakeholder
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.store import SessionFile, create_session, read_session
from pact_tui.store.encoding import dumps_document

SPECIAL = [
    "👩🏽‍🚀", "🏠", "🇳🇱", "שלום", "مرحبا", "\u202e", "\u200f", "e\u0301", "\u0308", "ﷺ",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\u2028", "\u2029", "\ufeff", "\\", '"', "[/b]", "\t", "\n",
]

TEXT = st.one_of(
    st.text(max_size=200),  # every code point but surrogates, control characters included
    st.lists(st.sampled_from(SPECIAL), max_size=30).map("".join),
    st.text(min_size=1, max_size=20).map(lambda part: (part * 10_000)[:10_000]),
)


def nonblank(text: str) -> str:
    """Titles may not be blank; blank text starts with an "x" instead (and stays within the
    longest text allowed) rather than throwing the example away."""
    return text if text.strip() else f"x{text}"[:LONGEST_TEXT]


@settings(max_examples=40, deadline=None)
@given(title=TEXT, goal=TEXT, notes=TEXT, name=TEXT)
def test_text_survives_save_and_reopen(profile: RegionProfile, title: str, goal: str, notes: str,
                                       name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        meta = SessionMeta(profile=profile, title=nonblank(title))
        path = create_session(Path(folder) / "tekst.json", meta)
        with SessionFile.open(path) as opened:
            action = opened.add(Action(theme="wonen", title=nonblank(title), goal=goal))
            action = opened.update(action.edited(notes=notes))
            stakeholder = opened.add(Stakeholder(name=nonblank(name)))
        reopened = read_session(path)
        assert reopened.meta.title == meta.title
        assert reopened.actions == (action,)
        assert reopened.stakeholders == (stakeholder,)
        # The model only trims outer whitespace (by its own rules, not str.strip's).
        assert action.goal in goal and action.notes in notes
        assert len(action.goal) >= len(goal.strip()) and len(action.notes) >= len(notes.strip())


def test_a_lone_surrogate_is_written_as_an_escape() -> None:
    # The models refuse lone surrogates, but raw TinyDB documents may hold one: it must
    # not make the file unwritable or un-UTF-8.
    line = dumps_document({"title": "half \ud83d teken"})
    assert b"\\ud83d" in line
    assert json.loads(line) == {"title": "half \ud83d teken"}

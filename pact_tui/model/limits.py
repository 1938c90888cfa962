"""The longest text one field may hold: far beyond what anyone types, short enough to show.

A title, goal, note or name of 10,000 characters is some 1,500 words, three pages of
a report; nobody types that in a workshop. A field much longer than that is a paste by
mistake or a file made to harm: a 50 MB goal took 42 s to open and hung the room view.
Every model sets `str_max_length` to this, so a longer text is refused wherever it
comes in: a file (which then does not open, with one sentence naming the item and the
field, and stays unchanged), an edit, an import, a merge. Pasting in the app cuts a
longer text to this length and says so.
"""

from __future__ import annotations

LONGEST_TEXT = 10_000
"""The most characters one text field may hold."""

"""What the room chose: a priority column for the action tables and a short "Prioriteiten"
section with the most voted actions per theme. Both only when anyone voted or scored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pact_tui.export.draft import Draft
from pact_tui.export.grouping import theme_keys
from pact_tui.export.tables import Column
from pact_tui.i18n import t
from pact_tui.model import Action, Session
from pact_tui.model.votes import counted_round, has_priorities, quadrant, top

TOP_PER_THEME = 3
"""Actions named per theme in the section (more when they tie)."""

PRIORITY_SHARE = 12
"""The priority column's share of the table width (the template's columns share 100)."""

Cells = Callable[[Action], Sequence[str]]


def with_priority(session: Session, columns: Sequence[Column],
                  cells: Cells) -> tuple[list[Column], Cells]:
    """The action table's columns and cells, with a priority column when anyone voted or
    scored: the votes of the latest round counted and the quadrant of the scores."""
    if not has_priorities(session.actions, session.challenges):
        return list(columns), cells
    voting = counted_round(session.meta.voting_rounds, session.actions)

    def priority(action: Action) -> str:
        parts = []
        if voting is not None and action.votes.get(voting.id):
            parts.append(t("export.priorities.votes", count=action.votes[voting.id]))
        place = quadrant(action)
        if place is not None:
            parts.append(t(f"model.quadrant.{place}"))
        # An empty cell would read as missing; no votes and no scores is an answer too.
        return "\n".join(parts) or "–"

    return ([*columns, Column(t("export.priorities.column"), PRIORITY_SHARE)],
            lambda action: [*cells(action), priority(action)])


def write_priorities(draft: Draft) -> None:
    """The most voted actions per theme, with their counts and the round; nothing when
    nobody voted."""
    session = draft.session
    voting = counted_round(session.meta.voting_rounds, session.actions)
    if voting is None:
        return
    draft.heading(t("export.priorities.heading"), 1, new_page=True)
    intro = t("export.priorities.intro", name=voting.name,
              date=voting.date.strftime("%d-%m-%Y"), size=TOP_PER_THEME)
    if voting.dots:
        intro += " " + t("export.priorities.dots", dots=voting.dots)
    draft.paragraph(intro, keep_with_next=True)
    for key in theme_keys(session):
        chosen = top([a for a in session.actions if a.theme == key], voting.id, TOP_PER_THEME)
        if not chosen:
            continue
        draft.paragraph(draft.profile.theme_label(key), keep_with_next=True)
        for action in chosen:
            draft.bullet(t("export.priorities.votes", count=action.votes[voting.id]),
                         lead=action.title)

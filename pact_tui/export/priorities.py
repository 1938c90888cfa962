"""What the room chose: a priority column for the action tables and a short "Prioriteiten"
section with the most voted actions per theme. Both only when anyone voted or scored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pact_tui.export.draft import Draft
from pact_tui.export.grouping import theme_keys
from pact_tui.export.tables import Column
from pact_tui.export.wording import count, long_date
from pact_tui.i18n import t, tn
from pact_tui.model import Action, Session
from pact_tui.model.rules import ordered_actions
from pact_tui.model.votes import (
    QUADRANTS,
    VotingRound,
    counted_round,
    has_priorities,
    quadrant,
    top,
)

TOP_PER_THEME = 3
"""Actions named per theme in the section (more when they tie)."""

PRIORITY_SHARE = 12
"""The priority column's share of the table width (the template's columns share 100)."""

Cells = Callable[[Action], Sequence[str]]


def priority_text(session: Session) -> Callable[[Action], str] | None:
    """What an action's priority cell says — the votes of the latest round counted and the
    quadrant of its scores — or None when nobody voted or scored."""
    if not has_priorities(session.actions, session.challenges):
        return None
    voting = counted_round(session.meta.voting_rounds, session.actions)

    def priority(action: Action) -> str:
        parts = []
        if voting is not None and action.votes.get(voting.id):
            parts.append(tn("export.priorities.votes", action.votes[voting.id]))
        place = quadrant(action)
        if place is not None:
            parts.append(t(f"model.quadrant.{place}"))
        # An empty cell would read as missing; no votes and no scores is an answer too.
        return "\n".join(parts) or "–"

    return priority


def with_priority(session: Session, columns: Sequence[Column],
                  cells: Cells) -> tuple[list[Column], Cells]:
    """The action table's columns and cells, with a priority column when anyone voted or
    scored."""
    priority = priority_text(session)
    if priority is None:
        return list(columns), cells
    return ([*columns, Column(t("export.priorities.column"), PRIORITY_SHARE)],
            lambda action: [*cells(action), priority(action)])


def write_priorities(draft: Draft) -> None:
    """The most voted actions per theme with their counts, then the actions per quadrant of
    the impact–effort matrix; nothing when nobody voted or scored."""
    session = draft.session
    voting = counted_round(session.meta.voting_rounds, session.actions)
    scored = [action for action in ordered_actions(session.actions) if quadrant(action)]
    if voting is None and not scored:
        return
    draft.heading(t("export.priorities.heading"), 1, new_page=True)
    if voting is not None:
        _votes(draft, voting)
    if scored:
        _quadrants(draft, scored)


def _votes(draft: Draft, voting: VotingRound) -> None:
    session = draft.session
    chosen = {key: top([a for a in session.actions if a.theme == key], voting.id, TOP_PER_THEME)
              for key in theme_keys(session)}
    sentences = [t("export.priorities.intro", name=voting.name, date=long_date(voting.date),
                   size=count(TOP_PER_THEME))]
    if any(len(actions) > TOP_PER_THEME for actions in chosen.values()):
        # "the three with the most votes" over a list of four needs its reason.
        sentences.append(t("export.priorities.ties"))
    if voting.dots:
        sentences.append(tn("export.priorities.dots", voting.dots, count=count(voting.dots)))
    draft.paragraph(" ".join(sentences), keep_with_next=True)
    for key, actions in chosen.items():
        if not actions:
            continue
        draft.paragraph(draft.profile.theme_label(key), keep_with_next=True)
        for action in actions:
            draft.bullet(tn("export.priorities.votes", action.votes[voting.id]), lead=action.title)


def _quadrants(draft: Draft, scored: list[Action]) -> None:
    """The impact–effort matrix in words: per quadrant, its actions with their theme."""
    draft.heading(t("export.priorities.matrix_heading"), 2)
    draft.paragraph(t("export.priorities.matrix_intro"), keep_with_next=True)
    for place in QUADRANTS:
        actions = [action for action in scored if quadrant(action) == place]
        if not actions:
            continue
        draft.paragraph(tn("export.priorities.quadrant", len(actions),
                           name=t(f"model.quadrant.{place}"), count=count(len(actions)),
                           meaning=t(f"export.priorities.quadrant.{place}")),
                        keep_with_next=True)
        for action in actions:
            theme = draft.profile.theme_label(action.theme)
            draft.bullet(t("export.priorities.scores", theme=theme, impact=action.impact,
                           effort=action.effort), lead=action.title)

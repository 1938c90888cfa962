"""What the room sees of each phase: a page of blocks, built from a session.

Pure: a session, the place to show (phase, theme, current item) and the time in,
a Page out. Each block is made only when it is drawn, so a page of thousands of
actions costs what the few on screen cost. Marks are signs and words (▶, ✚ nieuw),
never colour alone; every text a user typed goes in as plain rich Text (no markup)
with its control characters made visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pact_tui.i18n import t
from pact_tui.model import (
    Action,
    Challenge,
    Commitment,
    Item,
    Phase,
    RegionProfile,
    Session,
    Stakeholder,
)
from pact_tui.model.planning_text import format_planning
from pact_tui.model.rules import (
    commitments_of,
    counts_by_theme_and_horizon,
    is_cross_theme,
    open_points,
    ordered_actions,
    theme_matrix,
)
from pact_tui.tui.room.priority_blocks import priority_makers
from pact_tui.tui.room.shown import shown

ItemT = TypeVar("ItemT", bound=Item)

RECENT = dt.timedelta(minutes=5)
"""Items made this recently carry the 'new' mark."""

CURRENT_SIGN = "▶ "
PLAIN_SIGN = "  "


@dataclass(frozen=True)
class Block:
    """One item (or heading) of a page; `make` draws it when it comes into view."""

    key: str | None
    make: Callable[[], RenderableType]


@dataclass(frozen=True)
class Page:
    """A phase as the room sees it: a title line and blocks; `anchor` is kept in view."""

    title: str
    blocks: Sequence[Block]
    anchor: int | None = None
    empty: str = ""


@dataclass(frozen=True)
class Place:
    """Where to look: the phase, the theme (None: all) and the current item's id."""

    phase: str
    theme: str | None = None
    item: str | None = None


def build_page(session: Session, place: Place, now: dt.datetime) -> Page:
    """The page of `place.phase` for `session`, with its current and new items marked."""
    builders: dict[str, Callable[[Session, Place, dt.datetime], Page]] = {
        Phase.SESSION: _session_page,
        Phase.STAKEHOLDERS: _stakeholders_page,
        Phase.CHALLENGES: _challenges_page,
        Phase.ACTIONS: _actions_page,
        Phase.PARTNERS: _partners_page,
        Phase.OVERVIEW: _overview_page,
    }
    return builders.get(place.phase, _actions_page)(session, place, now)


def action_theme(session: Session, place: Place) -> str | None:
    """The theme worked on: the filter, else the current action's theme, else all (None)."""
    if place.theme is not None or place.item is None:
        return place.theme
    current = next((a for a in session.actions if a.id == place.item), None)
    return current.theme if current else None


# ---- pieces ------------------------------------------------------------------------------


def _is_recent(item: Item, now: dt.datetime) -> bool:
    return now - item.created_at <= RECENT


def _title_line(title: str, *, current: bool, recent: bool, extra: str = "") -> Text:
    line = Text()
    line.append(CURRENT_SIGN if current else PLAIN_SIGN, style="bold")
    line.append(shown(title), style="bold reverse" if current else "bold")
    if extra:
        line.append("  " + extra)
    if recent:
        line.append("  ✚ " + t("tui.room.new"), style="bold underline")
    return line


def _fields(rows: Sequence[tuple[str, str]]) -> Table:
    """Label and value side by side; a long value wraps under itself, at word boundaries."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1, overflow="fold")
    for label, value in rows:
        grid.add_row(Text("  " + label), Text(shown(value, lines=True)))
    return grid


def _heading(text: str) -> Text:
    return Text(shown(text), style="bold underline")


def _newest(items: Sequence[ItemT], now: dt.datetime) -> ItemT | None:
    """The item typed last, if that was a moment ago: the page keeps it in view."""
    newest = max(items, key=lambda item: item.updated_at, default=None)
    return newest if newest is not None and now - newest.updated_at <= RECENT else None


def _anchor_of(blocks: Sequence[Block], key: str | None) -> int | None:
    if key is None:
        return None
    return next((index for index, block in enumerate(blocks) if block.key == key), None)


def _planning_words(action: Action, profile: RegionProfile) -> str:
    """`Korte termijn (0–2 jaar) 2021–2023 jaarlijks`: the horizon with its span in words."""
    planning = action.planning
    if planning.horizon is None:
        return format_planning(planning, profile)
    horizon = profile.horizon(planning.horizon)
    text = format_planning(planning, profile)
    if horizon is not None and horizon.description:
        text = text.replace(horizon.label, f"{horizon.label} ({horizon.description})", 1)
    return text


# ---- the phases --------------------------------------------------------------------------


def _session_page(session: Session, place: Place, now: dt.datetime) -> Page:
    meta = session.meta
    blocks: list[Block] = []

    def about() -> RenderableType:
        rows = [(t("tui.room.date"), meta.date.isoformat())]
        for label, value in ((t("tui.room.location"), meta.location),
                             (t("tui.room.facilitator"), meta.facilitator)):
            if value:
                rows.append((label, value))
        return _fields(rows)

    blocks.append(Block(None, about))
    if meta.participants:
        def participants() -> RenderableType:
            lines = [_heading(t("tui.room.participants"))]
            for person in meta.participants:
                who = person.organisation
                if meta.names_consent and person.name:
                    who = f"{person.name}, {who}"
                if person.role:
                    who = f"{who} ({person.role})"
                lines.append(Text("  • " + shown(who)))
            return Group(*lines)

        blocks.append(Block(None, participants))
    if meta.agenda:
        def agenda() -> RenderableType:
            lines = [_heading(t("tui.room.agenda"))]
            for item in meta.agenda:
                minutes = t("tui.room.minutes", minutes=item.minutes) if item.minutes else ""
                lines.append(Text(f"  • {shown(item.title)}  {minutes}".rstrip()))
            return Group(*lines)

        blocks.append(Block(None, agenda))
    return Page(shown(meta.title), blocks)


def _stakeholders_page(session: Session, place: Place, now: dt.datetime) -> Page:
    kinds: dict[str, list[Stakeholder]] = {}
    for stakeholder in session.stakeholders:
        kinds.setdefault(stakeholder.category.strip(), []).append(stakeholder)
    blocks: list[Block] = []
    for kind in sorted(kinds, key=lambda k: (not k, k.casefold())):
        members = kinds[kind]

        def group(kind: str = kind, members: list[Stakeholder] = members) -> RenderableType:
            title = kind or t("tui.room.no_kind")
            lines = [_heading(f"{title} ({len(members)})")]
            for member in members:
                line = Text("  • " + shown(member.label()))
                if _is_recent(member, now):
                    line.append("  ✚ " + t("tui.room.new"), style="bold underline")
                lines.append(line)
            return Group(*lines)

        blocks.append(Block(kind, group))
    newest = _newest(session.stakeholders, now)
    anchor = _anchor_of(blocks, newest.category.strip()) if newest else None
    title = t("tui.room.stakeholders_title", count=len(session.stakeholders))
    return Page(title, blocks, anchor, t("tui.room.no_stakeholders"))


def _challenges_page(session: Session, place: Place, now: dt.datetime) -> Page:
    profile = session.profile
    challenges = list(session.challenges)
    blocks: list[Block] = []
    if len(profile.themes) > 1 and challenges:
        blocks.append(Block(None, lambda: _matrix(profile, challenges)))
    for challenge in challenges:
        blocks.append(Block(challenge.id, _challenge_block(challenge, profile, place, now)))
    newest = _newest(challenges, now)
    anchor = _anchor_of(blocks, place.item or (newest.id if newest else None))
    return Page(t("tui.room.challenges_title", count=len(challenges)), blocks, anchor,
                t("tui.room.no_challenges"))


def _matrix(profile: RegionProfile, challenges: list[Challenge]) -> RenderableType:
    """Themes numbered down the side and across; a cell counts the challenges of both."""
    pairs = theme_matrix(challenges)
    keys = [theme.key for theme in profile.themes]
    own = {key: sum(key in c.themes for c in challenges) for key in keys}
    grid = Table(box=None, padding=(0, 1), show_edge=False, pad_edge=False)
    grid.add_column("", no_wrap=True, overflow="ellipsis", max_width=30)
    for number in range(1, len(keys) + 1):
        grid.add_column(str(number), justify="right", no_wrap=True)
    for row, key in enumerate(keys, start=1):
        cells = []
        for other in keys:
            if other == key:
                count = own[key]
            else:
                count = len(pairs.get((min(key, other), max(key, other)), []))
            cells.append(Text(str(count) if count else "·", style="bold" if count else ""))
        grid.add_row(Text(f"{row} {shown(profile.theme_label(key))}"), *cells)
    return Group(_heading(t("tui.room.matrix")), grid)


def _challenge_block(challenge: Challenge, profile: RegionProfile, place: Place,
                     now: dt.datetime) -> Callable[[], RenderableType]:
    def make() -> RenderableType:
        extra = "⇄ " + t("tui.room.cross_theme") if is_cross_theme(challenge) else ""
        rows = [(t("tui.room.themes"),
                 " · ".join(profile.theme_label(key) for key in challenge.themes))]
        if challenge.description:
            rows.append((t("tui.room.description"), challenge.description))
        return Group(_title_line(challenge.title, current=challenge.id == place.item,
                                 recent=_is_recent(challenge, now), extra=extra),
                     _fields(rows))

    return make


def _actions_page(session: Session, place: Place, now: dt.datetime) -> Page:
    profile = session.profile
    theme = action_theme(session, place)
    actions = ordered_actions(session.actions)
    if theme is not None:
        actions = [action for action in actions if action.theme == theme]
        title = t("tui.room.actions_theme", theme=shown(profile.theme_label(theme)),
                  count=len(actions))
    else:
        title = t("tui.room.actions_all", count=len(actions))
    blocks = [Block(None, make) for make in priority_makers(session, actions)]
    if theme is not None:
        blocks += [Block(action.id, _action_block(action, profile, place, now))
                   for action in actions]
    else:
        # All themes: grouped under a heading per theme, in the profile's order.
        groups: dict[str, list[Action]] = {key.key: [] for key in profile.themes}
        for action in actions:
            groups.setdefault(action.theme, []).append(action)
        for key, members in groups.items():
            if members:
                blocks.append(Block(None, partial(_heading, profile.theme_label(key))))
                blocks.extend(Block(action.id, _action_block(action, profile, place, now))
                              for action in members)
    newest = _newest(actions, now)
    anchor = _anchor_of(blocks, place.item or (newest.id if newest else None))
    return Page(title, blocks, anchor, t("tui.room.no_actions"))


def _action_block(action: Action, profile: RegionProfile, place: Place,
                  now: dt.datetime) -> Callable[[], RenderableType]:
    def make() -> RenderableType:
        rows = [
            (t("tui.room.goal"), action.goal or "—"),
            (t("tui.room.planning"), _planning_words(action, profile) or "—"),
            (t("tui.room.parties"), "; ".join(p.name for p in action.parties) or "—"),
            (t("tui.room.lead"), action.lead.name if action.lead else "—"),
        ]
        return Group(_title_line(action.title, current=action.id == place.item,
                                 recent=_is_recent(action, now)),
                     _fields(rows))

    return make


def _partners_page(session: Session, place: Place, now: dt.datetime) -> Page:
    commitments = list(session.commitments)
    actions = [action for action in ordered_actions(session.actions)
               if any(c.action_id == action.id for c in commitments)]
    blocks = [Block(action.id, _commitments_block(action, commitments_of(action.id, commitments),
                                                  place, now))
              for action in actions]
    newest = _newest(commitments, now)
    anchor = _anchor_of(blocks, place.item or (newest.action_id if newest else None))
    return Page(t("tui.room.partners_title", count=len(commitments)), blocks, anchor,
                t("tui.room.no_commitments"))


def _commitments_block(action: Action, commitments: list[Commitment], place: Place,
                       now: dt.datetime) -> Callable[[], RenderableType]:
    def make() -> RenderableType:
        rows = []
        for commitment in commitments:
            label = f"{commitment.party.name} ({t(f'tui.room.role.{commitment.role}')})"
            text = commitment.text or "—"
            if _is_recent(commitment, now):
                text += "  ✚ " + t("tui.room.new")
            rows.append((shown(label), text))
        return Group(_title_line(action.title, current=action.id == place.item, recent=False),
                     _fields(rows))

    return make


def _overview_page(session: Session, place: Place, now: dt.datetime) -> Page:
    profile = session.profile
    actions = ordered_actions(session.actions)
    gaps = [action for action in actions if open_points(action)]
    blocks = [Block(None, lambda: _counts(profile, actions))]
    blocks.append(Block(None, lambda: _heading(t("tui.room.open_points", count=len(gaps),
                                                 total=len(actions)))))
    for action in gaps:
        missing = ", ".join(t(f"model.field.{field}") for field in open_points(action))
        blocks.append(Block(action.id, partial(_gap, action, missing, profile, place, now)))
    return Page(t("tui.room.overview_title", count=len(actions)), blocks)


def _gap(action: Action, missing: str, profile: RegionProfile, place: Place,
         now: dt.datetime) -> RenderableType:
    return Group(_title_line(action.title, current=action.id == place.item,
                             recent=_is_recent(action, now)),
                 _fields([(t("tui.room.theme"), profile.theme_label(action.theme)),
                          (t("tui.room.missing"), missing)]))


def _counts(profile: RegionProfile, actions: list[Action]) -> RenderableType:
    counts = counts_by_theme_and_horizon(actions)
    horizons: list[str | None] = [horizon.key for horizon in profile.horizons]
    horizons.append(None)
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold underline")
    table.add_column(t("tui.room.theme"), overflow="fold", ratio=1)
    for key in horizons:
        horizon = profile.horizon(key) if key else None
        label = (horizon.description or horizon.label) if horizon else t("tui.room.unplanned")
        table.add_column(label, justify="right", no_wrap=True)
    table.add_column(t("tui.room.total"), justify="right", no_wrap=True)
    themes = [theme.key for theme in profile.themes]
    themes += sorted({action.theme for action in actions} - set(themes))
    for theme in themes:
        row = [counts.get((theme, horizon), 0) for horizon in horizons]
        table.add_row(Text(shown(profile.theme_label(theme))),
                      *(str(n) if n else "·" for n in row),
                      Text(str(sum(row)), style="bold"))
    totals = [sum(counts.get((theme, h), 0) for theme in themes) for h in horizons]
    table.add_row(Text(t("tui.room.total"), style="bold"),
                  *(Text(str(n), style="bold") for n in totals),
                  Text(str(len(actions)), style="bold"))
    return Group(_heading(t("tui.room.counts")), table)
